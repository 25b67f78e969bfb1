package com.ultibiker.platform.recovery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * How one data store reaches the secondary region and what that gives (pure).
 *
 * @param store      output name, e.g. {@code postgresql}
 * @param mechanism  how the data gets to the secondary region and how it is brought back, in words
 * @param holdsData  false for a store whose loss loses nothing (a cache): exempt from the RPO
 * @param rpoSeconds worst-case data loss the mechanism gives; empty: nothing reaches the secondary region
 * @param rtoSeconds time until the store serves again in the secondary region; empty: it does not
 * @param note       what the numbers rest on and what the application must tolerate
 */
public record StoreObjective(String store, String mechanism, boolean holdsData, OptionalInt rpoSeconds,
                             OptionalInt rtoSeconds, String note) {

    /** RPO met: nothing to lose, or the mechanism's loss is below the target (it must be less, SPEC: RPO < 1 min). */
    public boolean rpoMet(int rpoTargetSeconds) {
        return !holdsData || (rpoSeconds.isPresent() && rpoSeconds.getAsInt() < rpoTargetSeconds);
    }

    /** RTO met: the store serves again in the secondary region within the target. */
    public boolean rtoMet(int rtoTargetSeconds) {
        return rtoSeconds.isPresent() && rtoSeconds.getAsInt() <= rtoTargetSeconds;
    }

    /** {@code recovery.<store>.*} outputs; an absent number is the string {@code none}. */
    public Map<String, Object> outputs(int rtoTargetSeconds, int rpoTargetSeconds) {
        String prefix = "recovery." + store + ".";
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(prefix + "mechanism", mechanism);
        out.put(prefix + "holdsData", holdsData);
        out.put(prefix + "rpoSeconds", holdsData ? number(rpoSeconds) : "not applicable");
        out.put(prefix + "rtoSeconds", number(rtoSeconds));
        out.put(prefix + "rpoMet", rpoMet(rpoTargetSeconds));
        out.put(prefix + "rtoMet", rtoMet(rtoTargetSeconds));
        out.put(prefix + "note", note);
        return out;
    }

    private static Object number(OptionalInt value) {
        return value.isPresent() ? (Object) value.getAsInt() : "none";
    }
}
