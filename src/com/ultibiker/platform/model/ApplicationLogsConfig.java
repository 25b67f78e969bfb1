package com.ultibiker.platform.model;

import java.util.List;

/**
 * Container logs shipped to CloudWatch Logs by the {@code amazon-cloudwatch-observability} EKS add-on.
 *
 * @param enabled          whether every cluster gets the add-on and its log groups ({@code observability.applicationLogs.enabled}, default true)
 * @param systemNamespaces namespaces whose container logs go to the cluster's {@code system} group instead of
 *                         {@code application} (default kube-system, amazon-cloudwatch, monitoring)
 */
public record ApplicationLogsConfig(boolean enabled, List<String> systemNamespaces) {

    /** The add-on's own namespace, kube-system and the monitoring stack's. */
    public static final List<String> DEFAULT_SYSTEM_NAMESPACES = List.of("kube-system", "amazon-cloudwatch", "monitoring");

    public static final ApplicationLogsConfig DEFAULT = new ApplicationLogsConfig(true, DEFAULT_SYSTEM_NAMESPACES);

    public ApplicationLogsConfig {
        systemNamespaces = List.copyOf(systemNamespaces);
    }
}
