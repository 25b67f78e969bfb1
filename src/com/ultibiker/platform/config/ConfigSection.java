package com.ultibiker.platform.config;

import com.ultibiker.platform.model.ConfigEnum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Typed, path-aware reads from one mapping of the stack configuration. Every read records the key
 * as known, so {@link #rejectUnknownKeys()} can name the keys a user probably misspelt. Reads never
 * throw: a value of the wrong type is reported to {@link Problems} and the default is returned, so
 * a single parse finds every problem.
 */
public final class ConfigSection {

    private final String path;
    private final Map<String, Object> values;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigSection(String path, Map<String, Object> values, Problems problems) {
        this.path = path;
        this.values = values;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public String keyOf(String key) {
        return path.endsWith(":") ? path + key : path + "." + key;
    }

    public boolean has(String key) {
        known.add(key);
        return values.get(key) != null;
    }

    public String string(String key, String defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String s) {
            return s.strip();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return Problems.render(v).replace("\"", "");
        }
        problems.parseError(keyOf(key), v, "a string");
        return defaultValue;
    }

    public String requiredString(String key, String allowed) {
        Object v = raw(key);
        if (v == null) {
            problems.parseError(keyOf(key), null, allowed + " (required)");
            return "";
        }
        String s = string(key, "");
        if (s.isEmpty() && v instanceof String) {
            problems.parseError(keyOf(key), v, allowed + " (required, not empty)");
        }
        return s;
    }

    public int integer(String key, int defaultValue) {
        Object v = raw(key);
        return v == null ? defaultValue : toInt(key, v, defaultValue);
    }

    public int requiredInteger(String key, String allowed) {
        Object v = raw(key);
        if (v == null) {
            problems.parseError(keyOf(key), null, allowed + " (required)");
            return 0;
        }
        return toInt(key, v, 0);
    }

    private int toInt(String key, Object v, int fallback) {
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (v instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        problems.parseError(keyOf(key), v, "a whole number");
        return fallback;
    }

    public boolean bool(String key, boolean defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        problems.parseError(keyOf(key), v, "true or false");
        return defaultValue;
    }

    public <E extends Enum<E> & ConfigEnum> E choice(String key, Class<E> type, E defaultValue) {
        Object v = raw(key);
        if (v == null) {
            if (defaultValue == null) {
                problems.parseError(keyOf(key), null, "one of " + names(type) + " (required)");
            }
            return defaultValue;
        }
        for (E e : type.getEnumConstants()) {
            if (e.configName().equals(String.valueOf(v))) {
                return e;
            }
        }
        problems.parseError(keyOf(key), v, "one of " + names(type));
        return defaultValue;
    }

    public List<String> strings(String key, List<String> defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof List<?> list)) {
            problems.parseError(keyOf(key), v, "a list of strings");
            return defaultValue;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s) {
                out.add(s.strip());
            } else {
                problems.parseError(keyOf(key) + "[" + i + "]", item, "a string");
            }
        }
        return List.copyOf(out);
    }

    public Map<String, String> stringMap(String key, Map<String, String> defaultValue) {
        Object v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Map<?, ?> map)) {
            problems.parseError(keyOf(key), v, "a mapping of names to strings");
            return defaultValue;
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, item) -> {
            if (item instanceof String || item instanceof Number || item instanceof Boolean) {
                out.put(String.valueOf(k), Problems.render(item).replace("\"", ""));
            } else {
                problems.parseError(keyOf(key) + "." + k, item, "a string");
            }
        });
        return Map.copyOf(out);
    }

    /** A nested mapping; an absent one reads as empty so that its keys take their defaults. */
    public ConfigSection section(String key) {
        Object v = raw(key);
        if (v instanceof Map<?, ?> map) {
            return new ConfigSection(keyOf(key), stringKeys(map), problems);
        }
        if (v != null) {
            problems.parseError(keyOf(key), v, "a mapping (section " + key + ")");
        }
        return new ConfigSection(keyOf(key), Map.of(), problems);
    }

    /** A list of mappings, e.g. node pools. */
    public List<ConfigSection> sections(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problems.parseError(keyOf(key), v, "a list of mappings");
            return List.of();
        }
        List<ConfigSection> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = keyOf(key) + "[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> map) {
                out.add(new ConfigSection(itemPath, stringKeys(map), problems));
            } else {
                problems.parseError(itemPath, list.get(i), "a mapping");
            }
        }
        return out;
    }

    /** Keys of a free-form mapping (e.g. VPC CIDRs by region); marks the key known. */
    public Map<String, Object> mapping(String key) {
        Object v = raw(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        problems.parseError(keyOf(key), v, "a mapping");
        return Map.of();
    }

    /** Reports every key present in this section that no read asked for. Call after all reads. */
    public void rejectUnknownKeys() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                problems.parseError(keyOf(key), values.get(key) instanceof Map ? "a section" : values.get(key),
                        "no such key here; known keys: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private Object raw(String key) {
        known.add(key);
        return values.get(key);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    static <E extends Enum<E> & ConfigEnum> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(ConfigEnum::configName)
                .collect(Collectors.joining(", "));
    }

    public Optional<Object> peek(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
