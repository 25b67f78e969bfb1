package com.ultibiker.platform.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stack's configuration as read from {@code Pulumi.<stack>.yaml}, in the shape the Pulumi CLI
 * hands to a program: fully qualified key ({@code project:key}, {@code aws:region}) to string, with
 * structured values as JSON.
 *
 * @param secretKeys fully qualified keys whose values were {@code secure:} ciphertext; offline their
 *                   value is the placeholder {@link StackFileLoader#SECRET_PLACEHOLDER} (a nested {@code secure:}
 *                   inside a section makes the whole section's key secret, as {@code pulumi config} does)
 * @param environments the Pulumi ESC environments the stack file imports ({@code environment:}); offline their
 *                     values are not read
 */
public record StackFile(String project, String stack, Map<String, String> allConfig, Set<String> secretKeys,
                        List<String> environments) {

    public StackFile(String project, String stack, Map<String, String> allConfig, Set<String> secretKeys) {
        this(project, stack, allConfig, secretKeys, List.of());
    }

    /** What the offline plan could not read, for its notes and for a configuration error; empty when nothing. */
    public List<String> offlineLimits() {
        List<String> limits = new java.util.ArrayList<>();
        if (!secretKeys.isEmpty()) {
            limits.add("secret config values cannot be decrypted offline and were replaced by \""
                    + StackFileLoader.SECRET_PLACEHOLDER + "\": " + String.join(", ", new java.util.TreeSet<>(secretKeys)));
        }
        if (!environments.isEmpty()) {
            limits.add("the stack file imports Pulumi ESC environments (" + String.join(", ", environments)
                    + "): the offline plan does not read them and plans the stack file's own config only; "
                    + "pulumi preview resolves them (`pulumi env open <org>/<env>` shows their values)");
        }
        return List.copyOf(limits);
    }

    /** The project's own keys without the namespace, as {@link StackConfigParser} takes them. */
    public Map<String, String> projectConfig() {
        String prefix = project + ":";
        Map<String, String> own = new java.util.LinkedHashMap<>();
        allConfig.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                own.put(k.substring(prefix.length()), v);
            }
        });
        return own;
    }
}
