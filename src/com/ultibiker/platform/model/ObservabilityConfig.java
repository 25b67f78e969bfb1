package com.ultibiker.platform.model;

import java.util.Optional;
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
 * @param applicationLogs         container logs to CloudWatch Logs through the CloudWatch Observability add-on (default on)
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
        ApplicationLogsConfig applicationLogs,
        java.util.Optional<String> nodePool) {

    public ObservabilityConfig {
        alertEmails = List.copyOf(alertEmails);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ObservabilityConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private List<String> alertEmails;
        private Integer rdsCpuPercent;
        private Integer rdsFreeStorageGib;
        private Integer rdsMaxConnections;
        private Integer replicaLagSeconds;
        private Integer redisCpuPercent;
        private Integer redisMemoryPercent;
        private Integer redisEvictions;
        private Integer grafanaStorageGib;
        private Integer prometheusRetentionDays;
        private Integer prometheusStorageGib;
        private ApplicationLogsConfig applicationLogs = ApplicationLogsConfig.DEFAULT;
        private Optional<String> nodePool = Optional.empty();

        private Builder() {
        }

        public Builder alertEmails(List<String> value) { this.alertEmails = value; return this; }
        public Builder rdsCpuPercent(int value) { this.rdsCpuPercent = value; return this; }
        public Builder rdsFreeStorageGib(int value) { this.rdsFreeStorageGib = value; return this; }
        public Builder rdsMaxConnections(int value) { this.rdsMaxConnections = value; return this; }
        public Builder replicaLagSeconds(int value) { this.replicaLagSeconds = value; return this; }
        public Builder redisCpuPercent(int value) { this.redisCpuPercent = value; return this; }
        public Builder redisMemoryPercent(int value) { this.redisMemoryPercent = value; return this; }
        public Builder redisEvictions(int value) { this.redisEvictions = value; return this; }
        public Builder grafanaStorageGib(int value) { this.grafanaStorageGib = value; return this; }
        public Builder prometheusRetentionDays(int value) { this.prometheusRetentionDays = value; return this; }
        public Builder prometheusStorageGib(int value) { this.prometheusStorageGib = value; return this; }
        public Builder applicationLogs(ApplicationLogsConfig value) { this.applicationLogs = value; return this; }
        public Builder nodePool(Optional<String> value) { this.nodePool = value; return this; }
        public Builder nodePool(String value) { this.nodePool = Optional.of(value); return this; }

        public ObservabilityConfig build() {
            return new ObservabilityConfig(
                    Required.of(alertEmails, "ObservabilityConfig.alertEmails"),
                    Required.of(rdsCpuPercent, "ObservabilityConfig.rdsCpuPercent"),
                    Required.of(rdsFreeStorageGib, "ObservabilityConfig.rdsFreeStorageGib"),
                    Required.of(rdsMaxConnections, "ObservabilityConfig.rdsMaxConnections"),
                    Required.of(replicaLagSeconds, "ObservabilityConfig.replicaLagSeconds"),
                    Required.of(redisCpuPercent, "ObservabilityConfig.redisCpuPercent"),
                    Required.of(redisMemoryPercent, "ObservabilityConfig.redisMemoryPercent"),
                    Required.of(redisEvictions, "ObservabilityConfig.redisEvictions"),
                    Required.of(grafanaStorageGib, "ObservabilityConfig.grafanaStorageGib"),
                    Required.of(prometheusRetentionDays, "ObservabilityConfig.prometheusRetentionDays"),
                    Required.of(prometheusStorageGib, "ObservabilityConfig.prometheusStorageGib"),
                    Required.of(applicationLogs, "ObservabilityConfig.applicationLogs"),
                    nodePool);
        }
    }
}
