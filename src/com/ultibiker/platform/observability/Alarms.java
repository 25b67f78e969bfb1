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
                rds(p + "cpu").description("PostgreSQL " + role + ": CPU above " + c.rdsCpuPercent() + "% for 15 minutes")
                        .metric("CPUUtilization").statistic("Average").comparison(GT).threshold(c.rdsCpuPercent())
                        .periodSeconds(300).evaluationPeriods(3).datapointsToAlarm(3).treatMissingData("missing").build(),
                rds(p + "free-storage").description("PostgreSQL " + role + ": free storage below " + c.rdsFreeStorageGib() + " GiB")
                        .metric("FreeStorageSpace").statistic("Minimum").comparison(LT).threshold(c.rdsFreeStorageGib() * (double) GIB)
                        .periodSeconds(300).evaluationPeriods(1).datapointsToAlarm(1).treatMissingData("missing").build(),
                rds(p + "connections").description("PostgreSQL " + role + ": more than " + c.rdsMaxConnections() + " connections for 10 minutes")
                        .metric("DatabaseConnections").statistic("Maximum").comparison(GT).threshold(c.rdsMaxConnections())
                        .periodSeconds(300).evaluationPeriods(2).datapointsToAlarm(2).treatMissingData("missing").build()));
        if (replica) {
            specs.add(rds(p + "replica-lag").description("PostgreSQL " + role + ": replica lag above " + c.replicaLagSeconds() + " s (RPO at risk)")
                    .metric("ReplicaLag").statistic("Maximum").comparison(GT).threshold(c.replicaLagSeconds())
                    .periodSeconds(60).evaluationPeriods(3).datapointsToAlarm(2).treatMissingData("breaching").build());
        }
        return specs;
    }

    /** One ElastiCache node ({@code CacheClusterId}): host CPU, engine CPU, memory, evictions. */
    public static List<AlarmSpec> redisNode(String role, ObservabilityConfig c) {
        String p = "redis-" + role + "-";
        return List.of(
                redis(p + "cpu").description("Redis " + role + ": host CPU above " + c.redisCpuPercent() + "% for 15 minutes")
                        .metric("CPUUtilization").statistic("Average").comparison(GT).threshold(c.redisCpuPercent())
                        .periodSeconds(300).evaluationPeriods(3).datapointsToAlarm(3).treatMissingData("missing").build(),
                redis(p + "engine-cpu").description("Redis " + role + ": engine thread CPU above " + c.redisCpuPercent() + "% for 15 minutes")
                        .metric("EngineCPUUtilization").statistic("Average").comparison(GT).threshold(c.redisCpuPercent())
                        .periodSeconds(300).evaluationPeriods(3).datapointsToAlarm(3).treatMissingData("missing").build(),
                redis(p + "memory").description("Redis " + role + ": memory above " + c.redisMemoryPercent() + "% of maxmemory")
                        .metric("DatabaseMemoryUsagePercentage").statistic("Average").comparison(GT).threshold(c.redisMemoryPercent())
                        .periodSeconds(300).evaluationPeriods(2).datapointsToAlarm(2).treatMissingData("missing").build(),
                redis(p + "evictions").description("Redis " + role + ": more than " + c.redisEvictions() + " evictions in 5 minutes")
                        .metric("Evictions").statistic("Sum").comparison(GT).threshold(c.redisEvictions())
                        .periodSeconds(300).evaluationPeriods(1).datapointsToAlarm(1).treatMissingData("notBreaching").build());
    }

    /**
     * A Route53 health check ({@code HealthCheckStatus} is 1 healthy, 0 unhealthy; published in us-east-1
     * only). Missing data means the check itself is gone: breaching.
     */
    public static AlarmSpec healthCheck(String name) {
        return AlarmSpec.builder().role("route53-" + name + "-health")
                .description("Route53 health check " + name + " reports the endpoint unhealthy")
                .namespace("AWS/Route53").metric("HealthCheckStatus").dimension("HealthCheckId")
                .statistic("Minimum").comparison(LT).threshold(1)
                .periodSeconds(60).evaluationPeriods(2).datapointsToAlarm(2).treatMissingData("breaching").build();
    }

    /** An alarm on an RDS instance metric ({@code DBInstanceIdentifier}). */
    private static AlarmSpec.Builder rds(String role) {
        return AlarmSpec.builder().role(role).namespace("AWS/RDS").dimension("DBInstanceIdentifier");
    }

    /** An alarm on an ElastiCache node metric ({@code CacheClusterId}). */
    private static AlarmSpec.Builder redis(String role) {
        return AlarmSpec.builder().role(role).namespace("AWS/ElastiCache").dimension("CacheClusterId");
    }

    /** ElastiCache names the nodes of a (cluster-mode disabled) replication group {@code <group>-001, -002, ...}. */
    public static String cacheClusterId(String replicationGroupId, int index) {
        return String.format("%s-%03d", replicationGroupId, index + 1);
    }
}
