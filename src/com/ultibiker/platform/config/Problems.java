package com.ultibiker.platform.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects configuration problems during one parse. Semantic checks run even when some keys failed
 * to parse, so that one run reports everything; a semantic problem whose section already has a
 * parse problem is dropped, because it would only be an echo of the value that could not be read.
 */
public final class Problems {

    private final List<ConfigProblem> parse = new ArrayList<>();
    private final List<ConfigProblem> semantic = new ArrayList<>();

    public void parseError(String key, Object found, String allowed) {
        parse.add(new ConfigProblem(key, render(found), allowed));
    }

    public void invalid(String key, Object found, String allowed) {
        String section = parentOf(key);
        boolean echo = parse.stream().anyMatch(p -> p.key().equals(key) || parentOf(p.key()).equals(section));
        if (!echo) {
            semantic.add(new ConfigProblem(key, render(found), allowed));
        }
    }

    /** Whether {@code key} itself could not be read; checks that depend on it should stay quiet. */
    public boolean failedToParse(String key) {
        return parse.stream().anyMatch(p -> p.key().equals(key));
    }

    public boolean isEmpty() {
        return parse.isEmpty() && semantic.isEmpty();
    }

    public List<ConfigProblem> all() {
        List<ConfigProblem> all = new ArrayList<>(parse);
        all.addAll(semantic);
        return List.copyOf(all);
    }

    public void throwIfAny() {
        if (!isEmpty()) {
            throw new ConfigException(all());
        }
    }

    static String parentOf(String key) {
        int cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
        int colon = key.indexOf(':');
        return cut > colon ? key.substring(0, cut) : key.substring(0, colon + 1);
    }

    static String render(Object found) {
        if (found == null) {
            return ConfigProblem.MISSING;
        }
        if (found instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        if (found instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(found);
    }
}
