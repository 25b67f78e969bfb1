package com.ultibiker.platform.plan;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stack's configuration encoded as the Pulumi CLI hands it to the language host in
 * {@code PULUMI_CONFIG}: one JSON object {@code "<namespace>:<key>" -> string}, scalars as their text,
 * YAML mappings and lists as the JSON Go's {@code encoding/json} writes (keys sorted, no spaces,
 * {@code <>&} escaped), {@code Pulumi.yaml} {@code config:} defaults under the stack's values; the secret
 * keys listed apart in {@code PULUMI_CONFIG_SECRET_KEYS}, their values decrypted. Written independently of
 * the offline loader ({@code StackFileLoader}) so that a bug in either shows as a difference.
 */
final class CliConfig {

    private CliConfig() {
    }

    /** {@code PULUMI_CONFIG} for {@code stack}; {@code overrides} replace whole keys (values as YAML would give them). */
    static String pulumiConfig(Path projectDir, String stack, Map<String, Object> overrides) throws IOException {
        String project = String.valueOf(yaml(projectDir.resolve("Pulumi.yaml")).get("name"));
        Map<String, String> all = new TreeMap<>();
        if (yaml(projectDir.resolve("Pulumi.yaml")).get("config") instanceof Map<?, ?> defaults) {
            defaults.forEach((k, v) -> {
                Object value = v instanceof Map<?, ?> m && m.containsKey("default") ? m.get("default") : v;
                if (!(v instanceof Map<?, ?> m && !m.containsKey("default") && m.containsKey("type"))) {
                    all.put(namespaced(project, k), text(value));
                }
            });
        }
        if (yaml(projectDir.resolve("Pulumi." + stack + ".yaml")).get("config") instanceof Map<?, ?> values) {
            values.forEach((k, v) -> all.put(namespaced(project, k), text(v)));
        }
        overrides.forEach((k, v) -> all.put(namespaced(project, k), text(v)));
        return json(all);
    }

    /** {@code PULUMI_CONFIG_SECRET_KEYS}: a JSON array of full keys. */
    static String secretKeys(Set<String> keys) {
        return json(List.copyOf(new java.util.TreeSet<>(keys)));
    }

    private static String namespaced(String project, Object key) {
        String k = String.valueOf(key);
        return k.contains(":") ? k : project + ":" + k;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return json(value);
        }
        return String.valueOf(value);
    }

    private static Map<?, ?> yaml(Path file) throws IOException {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        return doc instanceof Map<?, ?> m ? m : Map.of();
    }

    /** JSON as Go's encoding/json.Marshal writes it for map[string]interface{} and []interface{}. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            boolean first = true;
            for (var e : sorted.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double d) {
            out.append(d == Math.rint(d) && Math.abs(d) < 1e21 ? String.valueOf(d.longValue()) : String.valueOf(d));
        } else {
            string(String.valueOf(value), out);
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
