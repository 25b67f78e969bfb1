package com.ultibiker.platform.model;

/**
 * A PostgreSQL read replica.
 *
 * @param region region the replica runs in (the primary region or the secondary)
 */
public record ReplicaSpec(String name, String instanceClass, String region) {
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ReplicaSpec} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String name;
        private String instanceClass;
        private String region;

        private Builder() {
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder instanceClass(String value) { this.instanceClass = value; return this; }
        public Builder region(String value) { this.region = value; return this; }

        public ReplicaSpec build() {
            return new ReplicaSpec(
                    Required.of(name, "ReplicaSpec.name"),
                    Required.of(instanceClass, "ReplicaSpec.instanceClass"),
                    Required.of(region, "ReplicaSpec.region"));
        }
    }
}
