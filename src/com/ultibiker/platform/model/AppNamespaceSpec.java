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
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AppNamespaceSpec} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String name;
        private String requestsCpu;
        private String requestsMemory;
        private String limitsCpu;
        private String limitsMemory;
        private Integer maxPods;
        private String defaultRequestCpu;
        private String defaultRequestMemory;
        private String defaultLimitCpu;
        private String defaultLimitMemory;

        private Builder() {
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder requestsCpu(String value) { this.requestsCpu = value; return this; }
        public Builder requestsMemory(String value) { this.requestsMemory = value; return this; }
        public Builder limitsCpu(String value) { this.limitsCpu = value; return this; }
        public Builder limitsMemory(String value) { this.limitsMemory = value; return this; }
        public Builder maxPods(int value) { this.maxPods = value; return this; }
        public Builder defaultRequestCpu(String value) { this.defaultRequestCpu = value; return this; }
        public Builder defaultRequestMemory(String value) { this.defaultRequestMemory = value; return this; }
        public Builder defaultLimitCpu(String value) { this.defaultLimitCpu = value; return this; }
        public Builder defaultLimitMemory(String value) { this.defaultLimitMemory = value; return this; }

        public AppNamespaceSpec build() {
            return new AppNamespaceSpec(
                    Required.of(name, "AppNamespaceSpec.name"),
                    Required.of(requestsCpu, "AppNamespaceSpec.requestsCpu"),
                    Required.of(requestsMemory, "AppNamespaceSpec.requestsMemory"),
                    Required.of(limitsCpu, "AppNamespaceSpec.limitsCpu"),
                    Required.of(limitsMemory, "AppNamespaceSpec.limitsMemory"),
                    Required.of(maxPods, "AppNamespaceSpec.maxPods"),
                    Required.of(defaultRequestCpu, "AppNamespaceSpec.defaultRequestCpu"),
                    Required.of(defaultRequestMemory, "AppNamespaceSpec.defaultRequestMemory"),
                    Required.of(defaultLimitCpu, "AppNamespaceSpec.defaultLimitCpu"),
                    Required.of(defaultLimitMemory, "AppNamespaceSpec.defaultLimitMemory"));
        }
    }
}
