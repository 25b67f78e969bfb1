package com.ultibiker.platform.support;

import com.ultibiker.platform.config.ConfigException;
import com.ultibiker.platform.config.ConfigProblem;
import com.ultibiker.platform.config.StackConfigParser;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions shared by the config validation tests: what the parser reports for a bad stack config. */
public final class ConfigAssertions {

    public static final String PROJECT = "ultibiker-platform";

    private ConfigAssertions() {
    }

    /** Every problem the parser reports for {@code raw}; fails if it accepts it. */
    public static List<ConfigProblem> problems(Map<String, String> raw) {
        return assertThrows(ConfigException.class, () -> StackConfigParser.parse(PROJECT, raw)).problems();
    }

    /** The single problem the parser reports for {@code raw}. */
    public static ConfigProblem onlyProblem(Map<String, String> raw) {
        List<ConfigProblem> problems = problems(raw);
        assertEquals(1, problems.size(), "expected exactly one problem, got " + problems);
        return problems.get(0);
    }

    /** The problem names {@code key} (without namespace), the value found and what is allowed. */
    public static void assertProblem(ConfigProblem p, String key, String found, String allowedFragment) {
        assertEquals(PROJECT + ":" + key, p.key());
        assertEquals(found, p.found());
        assertTrue(p.allowed().contains(allowedFragment), "allowed was: " + p.allowed());
        assertTrue(p.toString().contains(key) && p.toString().contains(found), "the message names key and value: " + p);
    }
}
