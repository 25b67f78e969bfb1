package com.ultibiker.platform.plan;

import java.util.List;
import java.util.Map;

/**
 * One registered resource as the offline plan reports it (see README, "Plan JSON contract").
 *
 * @param region the AWS region of the provider it is registered with; null for non-AWS resources
 * @param props  inputs under their Pulumi property names; secrets as {@code "[secret]"}, unknowns as {@code "[unknown]"}
 */
public record PlanResource(
        String urn,
        String type,
        String name,
        String region,
        String parent,
        List<String> dependencies,
        boolean protect,
        List<String> ignoreChanges,
        boolean retainOnDelete,
        boolean custom,
        String provider,
        List<String> aliases,
        Map<String, Object> props) {

    /** A property by dotted path ({@code vpcConfig.endpointPrivateAccess}, {@code tags.Name}); null if absent. */
    @SuppressWarnings("unchecked")
    public Object prop(String path) {
        Object current = props;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(part);
            } else if (current instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size()) {
                current = l.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> tags() {
        return props.get("tags") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
