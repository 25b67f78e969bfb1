package com.ultibiker.platform.config;

import java.util.List;

/** Alert routing and CloudWatch alarm thresholds. */
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
        int prometheusRetentionDays) {
}
