package com.ultibiker.platform.config;

import java.util.Map;
import java.util.Set;

/**
 * A stack's configuration as read from {@code Pulumi.<stack>.yaml}, in the shape the Pulumi CLI
 * hands to a program: fully qualified key ({@code project:key}, {@code aws:region}) to string, with
 * structured values as JSON.
 *
 * @param secretKeys fully qualified keys whose values were {@code secure:} ciphertext; offline their
 *                   value is the placeholder {@link StackFileLoader#SECRET_PLACEHOLDER}
 */
public record StackFile(String project, String stack, Map<String, String> allConfig, Set<String> secretKeys) {

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
