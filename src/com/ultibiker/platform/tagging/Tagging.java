package com.ultibiker.platform.tagging;

import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.model.TagsConfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The one place tags are merged. Order, later wins:
 * <ol>
 *   <li>{@code Name}, derived from the resource's role,</li>
 *   <li>the stack's extra tags ({@code tags.extra}),</li>
 *   <li>tags the resource itself needs (e.g. Kubernetes subnet roles),</li>
 *   <li>the required tags {@code Project, Environment, Owner, CostCenter, ManagedBy=pulumi}.</li>
 * </ol>
 * Required tags come last so no caller can override them. The stack's project and environment are
 * typed components, not read back out of the tag map: {@code common/Naming} derives every physical
 * name from them.
 *
 * @param tagsConfig  the stack's {@code tags} section (project, owner, cost center, extra tags)
 * @param environment the stack's environment, e.g. {@code prod}
 */
public record Tagging(TagsConfig tagsConfig, String environment) {

    public static final String MANAGED_BY = "pulumi";

    public Tagging {
        Objects.requireNonNull(tagsConfig, "tagsConfig");
        Objects.requireNonNull(environment, "environment");
    }

    public static Tagging from(StackConfig config) {
        return new Tagging(config.tags(), config.environment());
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

    /** The required tags, in their fixed order. */
    public Map<String, String> required() {
        return Collections.unmodifiableMap(requiredTags(tagsConfig.project(), environment, tagsConfig.owner(), tagsConfig.costCenter()));
    }

    /** The stack's extra tags, sorted by key. */
    public Map<String, String> extra() {
        return Collections.unmodifiableMap(new TreeMap<>(tagsConfig.extra()));
    }

    /** Tags for a resource whose Name tag is {@code name}. */
    public Map<String, String> tags(String name) {
        return tags(name, Map.of());
    }

    public Map<String, String> tags(String name, Map<String, String> resourceTags) {
        Map<String, String> merged = new LinkedHashMap<>();
        merged.put("Name", name);
        merged.putAll(extra());
        merged.putAll(resourceTags);
        merged.putAll(required());
        return merged;
    }

    /** Default tags for an AWS provider: required and extra tags, without a Name. */
    public Map<String, String> providerDefaults() {
        Map<String, String> merged = new LinkedHashMap<>(extra());
        merged.putAll(required());
        return merged;
    }
}
