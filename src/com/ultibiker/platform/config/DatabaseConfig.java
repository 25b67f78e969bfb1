package com.ultibiker.platform.config;

import java.util.List;

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
        List<ReplicaSpec> replicas) {
}
