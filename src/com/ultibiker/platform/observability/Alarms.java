package com.ultibiker.platform.observability;

import com.ultibiker.platform.model.ObservabilityConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The alarm set of each watched resource, thresholds from {@link ObservabilityConfig}. Pure: the
 * component turns each spec into a {@code MetricAlarm} wired to the region's alert topic.
 */
public final class Alarms {

    static final long GIB = 1024L * 1024 * 1024;
    static final String GT = "GreaterThanThreshold";
    static final String LT = "LessThanThreshold";

    private Alarms() {
    }

    /**
     * RDS instance {@code role}: CPU, free storage, connections; replicas also replica lag (a replica that
     * stops reporting lag is treated as lagging).
     */
    public static List<AlarmSpec> rdsInstance(String role, boolean replica, ObservabilityConfig c) {
        String p = "rds-" + role + "-";
        List<AlarmSpec> specs = new ArrayList<>(List.of(
                new AlarmSpec(p + "cpu", "PostgreSQL " + role + ": CPU above " + c.rdsCpuPercent() + "% for 15 minutes",
                        "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "Average", GT, c.rdsCpuPercent(), 300, 3, 3, "missing"),
                new AlarmSpec(p + "free-storage", "PostgreSQL " + role + ": free storage below " + c.rdsFreeStorageGib() + " GiB",
                        "AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", "Minimum", LT, c.rdsFreeStorageGib() * (double) GIB, 300, 1, 1, "missing"),
                new AlarmSpec(p + "connections", "PostgreSQL " + role + ": more than " + c.rdsMaxConnections() + " connections for 10 minutes",
                        "AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", "Maximum", GT, c.rdsMaxConnections(), 300, 2, 2, "missing")));
        if (replica) {
            specs.add(new AlarmSpec(p + "replica-lag", "PostgreSQL " + role + ": replica lag above " + c.replicaLagSeconds() + " s (RPO at risk)",
                    "AWS/RDS", "ReplicaLag", "DBInstanceIdentifier", "Maximum", GT, c.replicaLagSeconds(), 60, 3, 2, "breaching"));
        }
        return specs;
    }

    /** One ElastiCache node ({@code CacheClusterId}): host CPU, engine CPU, memory, evictions. */
    public static List<AlarmSpec> redisNode(String role, ObservabilityConfig c) {
        String p = "redis-" + role + "-";
        return List.of(
                new AlarmSpec(p + "cpu", "Redis " + role + ": host CPU above " + c.redisCpuPercent() + "% for 15 minutes",
                        "AWS/ElastiCache", "CPUUtilization", "CacheClusterId", "Average", GT, c.redisCpuPercent(), 300, 3, 3, "missing"),
                new AlarmSpec(p + "engine-cpu", "Redis " + role + ": engine thread CPU above " + c.redisCpuPercent() + "% for 15 minutes",
                        "AWS/ElastiCache", "EngineCPUUtilization", "CacheClusterId", "Average", GT, c.redisCpuPercent(), 300, 3, 3, "missing"),
                new AlarmSpec(p + "memory", "Redis " + role + ": memory above " + c.redisMemoryPercent() + "% of maxmemory",
                        "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "CacheClusterId", "Average", GT, c.redisMemoryPercent(), 300, 2, 2, "missing"),
                new AlarmSpec(p + "evictions", "Redis " + role + ": more than " + c.redisEvictions() + " evictions in 5 minutes",
                        "AWS/ElastiCache", "Evictions", "CacheClusterId", "Sum", GT, c.redisEvictions(), 300, 1, 1, "notBreaching"));
    }

    /**
     * A Route53 health check ({@code HealthCheckStatus} is 1 healthy, 0 unhealthy; published in us-east-1
     * only). Missing data means the check itself is gone: breaching.
     */
    public static AlarmSpec healthCheck(String name) {
        return new AlarmSpec("route53-" + name + "-health", "Route53 health check " + name + " reports the endpoint unhealthy",
                "AWS/Route53", "HealthCheckStatus", "HealthCheckId", "Minimum", LT, 1, 60, 2, 2, "breaching");
    }

    /** ElastiCache names the nodes of a (cluster-mode disabled) replication group {@code <group>-001, -002, ...}. */
    public static String cacheClusterId(String replicationGroupId, int index) {
        return String.format("%s-%03d", replicationGroupId, index + 1);
    }
}
