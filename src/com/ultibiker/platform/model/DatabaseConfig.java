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
}
