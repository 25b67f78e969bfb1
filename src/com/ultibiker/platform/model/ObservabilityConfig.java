package com.ultibiker.platform.model;

import java.util.List;

/**
 * Alert routing and CloudWatch alarm thresholds.
 *
 * @param alertEmails             addresses subscribed to the alert topic of every region (at least one in production)
 * @param rdsCpuPercent           RDS CPUUtilization alarm threshold, percent (default 80)
 * @param rdsFreeStorageGib       RDS FreeStorageSpace alarm threshold, GiB (default 10)
 * @param rdsMaxConnections       RDS DatabaseConnections alarm threshold (default 400)
 * @param replicaLagSeconds       RDS ReplicaLag alarm threshold per replica, seconds (default 30; below dns.rpoTargetSeconds)
 * @param redisCpuPercent         ElastiCache CPUUtilization and EngineCPUUtilization threshold, percent (default 75)
 * @param redisMemoryPercent      ElastiCache DatabaseMemoryUsagePercentage threshold, percent (default 80)
 * @param redisEvictions          ElastiCache Evictions per 5 minutes threshold (default 100)
 * @param grafanaStorageGib       Grafana persistent volume size on gp3 (default 10)
 * @param prometheusRetentionDays Prometheus TSDB retention (default 15)
 * @param prometheusStorageGib    Prometheus persistent volume size on gp3 (default 50)
 * @param applicationLogGroups    application log groups {@code /<project>/<environment>/<name>} per region (default api, websocket)
 * @param nodePool                node pool of the monitoring stack (default system when the stack has it; a configured pool must exist and have labels; empty: no pool preference)
 */
public record ObservabilityConfig(
        List<String> alertEmails,
        int rdsCpuPercent,
        int rdsFreeStorageGib,
        int rdsMaxConnections,
        int replicaLagSeconds,
        int redisCpuPercent,
        int redisMemoryPercent,
        int redisEvictions,
        int grafanaStorageGib,
        int prometheusRetentionDays,
        int prometheusStorageGib,
        List<String> applicationLogGroups,
        java.util.Optional<String> nodePool) {

    public ObservabilityConfig {
        alertEmails = List.copyOf(alertEmails);
        applicationLogGroups = List.copyOf(applicationLogGroups);
    }
}
