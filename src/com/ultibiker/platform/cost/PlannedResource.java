package com.ultibiker.platform.cost;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource of a plan JSON (README, "Plan JSON contract"), as far as pricing needs it.
 *
 * @param props the resource's inputs as the plan JSON holds them (numbers are {@code Double})
 */
public record PlannedResource(String urn, String type, String name, String region, String parent,
                              List<String> dependencies, Map<String, Object> props) {

    public boolean isAws() {
        return type.startsWith("aws:");
    }

    public Optional<Object> prop(String key) {
        return Optional.ofNullable(props.get(key));
    }

    public String string(String key, String fallback) {
        Object v = props.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    public double number(String key, double fallback) {
        Object v = props.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && s.matches("-?\\d+(\\.\\d+)?")) {
            return Double.parseDouble(s);
        }
        return fallback;
    }

    public boolean bool(String key) {
        Object v = props.get(key);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        return props.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        return props.get(key) instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
