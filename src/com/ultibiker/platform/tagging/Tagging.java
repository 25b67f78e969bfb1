package com.ultibiker.platform.tagging;

import com.ultibiker.platform.model.StackConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place tags are merged. Order, later wins:
 * <ol>
 *   <li>{@code Name}, derived from the resource's role,</li>
 *   <li>the stack's extra tags ({@code tags.extra}),</li>
 *   <li>tags the resource itself needs (e.g. Kubernetes subnet roles),</li>
 *   <li>the required tags {@code Project, Environment, Owner, CostCenter, ManagedBy=pulumi}.</li>
 * </ol>
 * Required tags come last so no caller can override them.
 */
public record Tagging(Map<String, String> required, Map<String, String> extra) {

    public static final String MANAGED_BY = "pulumi";

    public Tagging {
        required = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(required));
        extra = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(extra));
    }

    public static Tagging from(StackConfig config) {
        return new Tagging(requiredTags(config.tags().project(), config.environment(), config.tags().owner(),
                config.tags().costCenter()), config.tags().extra());
    }

    public static Map<String, String> requiredTags(String project, String environment, String owner, String costCenter) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("Project", project);
        tags.put("Environment", environment);
        tags.put("Owner", owner);
        tags.put("CostCenter", costCenter);
        tags.put("ManagedBy", MANAGED_BY);
        return tags;
    }

    /** Tags for a resource whose Name tag is {@code name}. */
    public Map<String, String> tags(String name) {
        return tags(name, Map.of());
    }

    public Map<String, String> tags(String name, Map<String, String> resourceTags) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.put("Name", name);
        merged.putAll(extra);
        merged.putAll(resourceTags);
        merged.putAll(required);
        return merged;
    }

    /** Default tags for an AWS provider: required and extra tags, without a Name. */
    public Map<String, String> providerDefaults() {
        Map<String, String> merged = new LinkedHashMap<>(extra);
        merged.putAll(required);
        return merged;
    }
}
