package com.ultibiker.platform.config;

import com.ultibiker.platform.model.AssetsConfig;
import com.ultibiker.platform.model.PriceClass;
import com.ultibiker.platform.model.Regions;

/** Reads and validates the {@code assets} section (every default and rule of {@link AssetsConfig}). */
final class AssetsSection {

    /** S3 lifecycle Expiration.Days / NoncurrentVersionExpiration.NoncurrentDays: a positive integer; capped at ten years here. */
    static final int MAX_DAYS = 3650;

    private AssetsSection() {
    }

    static AssetsConfig read(ConfigSection s, Regions regions, boolean production, Problems problems) {
        boolean enabled = s.bool("enabled", false);
        PriceClass priceClass = s.choice("priceClass", PriceClass.class, PriceClass.CLASS_100);
        int retention = ranged(s, "accessLogRetentionDays", 90, problems);
        int noncurrent = ranged(s, "noncurrentVersionDays", 30, problems);
        boolean webAcl = s.bool("webAcl", true);
        // Assets survive the loss of the primary region's S3 only through the replica in the secondary region.
        if (enabled && production && regions.secondary().isEmpty()) {
            problems.invalid(s.keyOf("enabled"), true, "false, or a production stack with regions.secondary: the assets "
                    + "bucket is replicated to the secondary region and CloudFront fails over to the replica");
        }
        s.rejectUnknownKeys();
        return AssetsConfig.builder()
                .enabled(enabled)
                .priceClass(priceClass)
                .accessLogRetentionDays(retention)
                .noncurrentVersionDays(noncurrent)
                .webAcl(webAcl)
                .build();
    }

    private static int ranged(ConfigSection s, String key, int defaultValue, Problems problems) {
        int value = s.integer(key, defaultValue);
        Checks.range(value, 1, MAX_DAYS).ifPresent(allowed -> problems.invalid(s.keyOf(key), value, allowed));
        return value;
    }
}
