package com.ultibiker.platform.model;

/**
 * The application namespace with its ResourceQuota and LimitRange defaults (Kubernetes quantities).
 */
public record AppNamespaceSpec(
        String name,
        String requestsCpu,
        String requestsMemory,
        String limitsCpu,
        String limitsMemory,
        int maxPods,
        String defaultRequestCpu,
        String defaultRequestMemory,
        String defaultLimitCpu,
        String defaultLimitMemory) {
}
