package com.ultibiker.platform.model;

import java.util.List;

/**
 * The {@code database} section (see the README's config reference for every default).
 *
 * @param engineVersion       PostgreSQL major (e.g. {@code 16}) or major.minor; default 16
 * @param slowStatementMillis statements slower than this are logged ({@code log_min_duration_statement}); default 1000
 * @param replicas            read replicas; one in a region other than the primary is a cross-region replica
 */
public record DatabaseConfig(
        String engineVersion,
        String instanceClass,
        int allocatedStorageGib,
        int maxAllocatedStorageGib,
        boolean multiAz,
        int backupRetentionDays,
        String backupWindow,
        String maintenanceWindow,
        int monitoringIntervalSeconds,
        int performanceInsightsRetentionDays,
        int slowStatementMillis,
        List<ReplicaSpec> replicas) {
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String engineVersion;
        private String instanceClass;
        private Integer allocatedStorageGib;
        private Integer maxAllocatedStorageGib;
        private Boolean multiAz;
        private Integer backupRetentionDays;
        private String backupWindow;
        private String maintenanceWindow;
        private Integer monitoringIntervalSeconds;
        private Integer performanceInsightsRetentionDays;
        private Integer slowStatementMillis;
        private List<ReplicaSpec> replicas;

        private Builder() {
        }

        public Builder engineVersion(String value) { this.engineVersion = value; return this; }
        public Builder instanceClass(String value) { this.instanceClass = value; return this; }
        public Builder allocatedStorageGib(int value) { this.allocatedStorageGib = value; return this; }
        public Builder maxAllocatedStorageGib(int value) { this.maxAllocatedStorageGib = value; return this; }
        public Builder multiAz(boolean value) { this.multiAz = value; return this; }
        public Builder backupRetentionDays(int value) { this.backupRetentionDays = value; return this; }
        public Builder backupWindow(String value) { this.backupWindow = value; return this; }
        public Builder maintenanceWindow(String value) { this.maintenanceWindow = value; return this; }
        public Builder monitoringIntervalSeconds(int value) { this.monitoringIntervalSeconds = value; return this; }
        public Builder performanceInsightsRetentionDays(int value) { this.performanceInsightsRetentionDays = value; return this; }
        public Builder slowStatementMillis(int value) { this.slowStatementMillis = value; return this; }
        public Builder replicas(List<ReplicaSpec> value) { this.replicas = value; return this; }

        public DatabaseConfig build() {
            return new DatabaseConfig(
                    Required.of(engineVersion, "DatabaseConfig.engineVersion"),
                    Required.of(instanceClass, "DatabaseConfig.instanceClass"),
                    Required.of(allocatedStorageGib, "DatabaseConfig.allocatedStorageGib"),
                    Required.of(maxAllocatedStorageGib, "DatabaseConfig.maxAllocatedStorageGib"),
                    Required.of(multiAz, "DatabaseConfig.multiAz"),
                    Required.of(backupRetentionDays, "DatabaseConfig.backupRetentionDays"),
                    Required.of(backupWindow, "DatabaseConfig.backupWindow"),
                    Required.of(maintenanceWindow, "DatabaseConfig.maintenanceWindow"),
                    Required.of(monitoringIntervalSeconds, "DatabaseConfig.monitoringIntervalSeconds"),
                    Required.of(performanceInsightsRetentionDays, "DatabaseConfig.performanceInsightsRetentionDays"),
                    Required.of(slowStatementMillis, "DatabaseConfig.slowStatementMillis"),
                    Required.of(replicas, "DatabaseConfig.replicas"));
        }
    }
}
