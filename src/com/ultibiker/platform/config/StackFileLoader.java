package com.ultibiker.platform.config;

import com.google.gson.Gson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} the way the Pulumi CLI would, for the
 * offline plan. Scalars become their string form, mappings and lists JSON, and {@code secure:} values
 * a placeholder marked secret (ciphertext cannot be decrypted without the stack's secrets provider).
 */
public final class StackFileLoader {

    public static final String SECRET_PLACEHOLDER = "[secret]";
    private static final Gson GSON = new Gson();

    private StackFileLoader() {
    }

    /** Thrown when the stack does not exist; names the stacks that do. */
    public static final class UnknownStackException extends RuntimeException {
        public UnknownStackException(String stack, List<String> known) {
            super("Unknown stack '" + stack + "': no Pulumi." + stack + ".yaml. Stacks in this project: "
                    + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        }
    }

    public static List<String> stacks(Path projectDir) {
        try (Stream<Path> files = Files.list(projectDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("Pulumi\\.[A-Za-z0-9_.-]+\\.yaml") && !n.equals("Pulumi.yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public static StackFile load(Path projectDir, String stack) {
        String project = projectName(projectDir);
        Path file = projectDir.resolve("Pulumi." + stack + ".yaml");
        if (!stack.matches("[A-Za-z0-9_.-]+") || !Files.isRegularFile(file)) {
            throw new UnknownStackException(stack, stacks(projectDir));
        }
        Object doc = readYaml(file);
        if (doc == null) {
            return new StackFile(project, stack, Map.of(), Set.of());
        }
        if (!(doc instanceof Map<?, ?> top)) {
            throw problem(file, "config", "a YAML mapping with a top-level 'config:' key");
        }
        List<String> environments = environments(file, top.get("environment"));
        Object config = top.get("config");
        if (config == null) {
            return new StackFile(project, stack, Map.of(), Set.of(), environments);
        }
        if (!(config instanceof Map<?, ?> entries)) {
            throw problem(file, "config", "a mapping of '<namespace>:<key>' to values");
        }
        Map<String, String> all = new LinkedHashMap<>();
        Set<String> secrets = new LinkedHashSet<>();
        entries.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!key.contains(":")) {
                key = project + ":" + key;
            }
            if (isSecure(v)) {
                all.put(key, SECRET_PLACEHOLDER);
                secrets.add(key);
            } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                // `pulumi config set --secret --path a.b[0]` writes a nested secure: and marks the whole key secret
                Object[] nested = {false};
                Object plain = withoutSecure(v, nested);
                all.put(key, GSON.toJson(plain));
                if ((boolean) nested[0]) {
                    secrets.add(key);
                }
            } else {
                all.put(key, v == null ? "" : String.valueOf(v));
            }
        });
        return new StackFile(project, stack, Map.copyOf(all), Set.copyOf(secrets), environments);
    }

    private static boolean isSecure(Object v) {
        return v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure");
    }

    /** The value with every nested {@code secure:} mapping replaced by the placeholder; found[0] says whether any was. */
    private static Object withoutSecure(Object v, Object[] found) {
        if (isSecure(v)) {
            found[0] = true;
            return SECRET_PLACEHOLDER;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(k, withoutSecure(x, found)));
            return copy;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> withoutSecure(x, found)).toList();
        }
        return v;
    }

    /**
     * The ESC environments a stack file imports: {@code environment: [a, b]} or {@code environment: {imports: [a, b]}}
     * (Pulumi docs, "Pulumi ESC: stack configuration").
     */
    private static List<String> environments(Path file, Object environment) {
        Object imports = environment instanceof Map<?, ?> m ? m.get("imports") : environment;
        if (environment == null || imports == null && environment instanceof Map<?, ?>) {
            return List.of();
        }
        if (imports instanceof String one) {
            return List.of(one);
        }
        if (imports instanceof List<?> list && list.stream().allMatch(x -> x instanceof String)) {
            return list.stream().map(String::valueOf).toList();
        }
        throw problem(file, "environment", "a list of Pulumi ESC environment names, e.g. [ultibiker/dev-shared]");
    }

    public static String projectName(Path projectDir) {
        Path file = projectDir.resolve("Pulumi.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("No Pulumi.yaml in " + projectDir.toAbsolutePath());
        }
        if (readYaml(file) instanceof Map<?, ?> m && m.get("name") instanceof String name) {
            return name;
        }
        throw problem(file, "name", "the project name as a string");
    }

    private static Object readYaml(Path file) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw problem(file, "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1),
                    "well-formed YAML (" + e.getProblem() + ")");
        } catch (YAMLException e) {
            throw problem(file, "yaml", "well-formed YAML (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw problem(file, "file", "a readable file (" + e.getMessage() + ")");
        }
    }

    private static ConfigException problem(Path file, String where, String allowed) {
        return new ConfigException(List.of(new ConfigProblem(file.getFileName() + " " + where, "malformed content", allowed)));
    }
}
