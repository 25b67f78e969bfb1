package com.ultibiker.platform.observability;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.ObservabilityConfig;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link Observability}. Build with {@link #builder()}.
 *
 * @param regions          every region that gets an alert topic, log groups and alarms: the stack's regions
 *                         and {@link #HEALTH_CHECK_REGION}; the first is the primary (where the cluster runs)
 * @param physicalPrefix   prefix of physical names, e.g. {@code ultibiker-dev}
 * @param settings         recipients, thresholds, Grafana/Prometheus storage and retention, log groups
 * @param logRetentionDays retention of the application log groups (the environment's)
 * @param cluster          the primary cluster, for kube-prometheus-stack and Grafana
 * @param databases        RDS instances to alarm on (primary and replicas), empty for none
 * @param caches           ElastiCache replication groups to alarm on, empty for none
 */
public record ObservabilityArgs(
        Map<String, AwsRegion> regions,
        String physicalPrefix,
        ObservabilityConfig settings,
        int logRetentionDays,
        Cluster cluster,
        List<DatabaseInstance> databases,
        List<CacheGroup> caches,
        Tagging tagging,
        StatefulProtection protection) {

    /** Route53 publishes health-check metrics in us-east-1 only; their alarms and topic live there. */
    public static final String HEALTH_CHECK_REGION = "us-east-1";
    /** Storage class of the Prometheus and Grafana volumes (EKS's default encrypted gp3 class). */
    public static final String DEFAULT_STORAGE_CLASS = "gp3";

    public ObservabilityArgs {
        regions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region");
        }
        if (!regions.containsKey(HEALTH_CHECK_REGION)) {
            throw new IllegalArgumentException("regions must include " + HEALTH_CHECK_REGION
                    + " (Route53 health-check metrics are published there); got " + regions.keySet());
        }
        Objects.requireNonNull(cluster, "cluster");
        databases = List.copyOf(databases);
        caches = List.copyOf(caches);
        for (var db : databases) {
            requireRegion(regions, db.region(), "database " + db.role());
        }
        for (var cache : caches) {
            requireRegion(regions, cache.region(), "cache " + cache.role());
        }
    }

    private static void requireRegion(Map<String, AwsRegion> regions, String region, String what) {
        if (!regions.containsKey(region)) {
            throw new IllegalArgumentException(what + " is in " + region + ", which has no alert topic; regions: " + regions.keySet());
        }
    }

    public AwsRegion primary() {
        return regions.values().iterator().next();
    }

    /**
     * The cluster the monitoring stack is installed on.
     *
     * @param provider      Kubernetes provider of the primary EKS cluster
     * @param clusterName   EKS cluster name (for the Alertmanager pod identity)
     * @param storageClass  class of the Prometheus and Grafana volumes; default {@link #DEFAULT_STORAGE_CLASS}
     * @param placement     node selector and tolerations; the pool named by observability.nodePool, default system
     * @param appNamespace  the application namespace (scraped, watched by PodCrashLooping)
     * @param influxdbUrl   InfluxDB URL to scrape, when the time-series store exposes metrics
     */
    public record Cluster(com.pulumi.kubernetes.Provider provider, Output<String> clusterName, String storageClass,
                          NodePlacement placement, String appNamespace, Optional<Output<String>> influxdbUrl) {
        public Cluster {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(clusterName, "clusterName");
            Objects.requireNonNull(storageClass, "storageClass");
            Objects.requireNonNull(placement, "placement");
            Objects.requireNonNull(appNamespace, "appNamespace");
            Objects.requireNonNull(influxdbUrl, "influxdbUrl");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Cluster} by name; {@link #build()} names a required field left unset. */
        public static final class Builder {
            private com.pulumi.kubernetes.Provider provider;
            private Output<String> clusterName;
            private String storageClass = DEFAULT_STORAGE_CLASS;
            private NodePlacement placement;
            private String appNamespace;
            private Optional<Output<String>> influxdbUrl = Optional.empty();

            private Builder() {
            }

            public Builder provider(com.pulumi.kubernetes.Provider value) { this.provider = value; return this; }
            public Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
            public Builder storageClass(String value) { this.storageClass = value; return this; }
            public Builder placement(NodePlacement value) { this.placement = value; return this; }
            public Builder appNamespace(String value) { this.appNamespace = value; return this; }
            public Builder influxdbUrl(Optional<Output<String>> value) { this.influxdbUrl = value; return this; }
            public Builder influxdbUrl(Output<String> value) { this.influxdbUrl = Optional.of(value); return this; }

            public Cluster build() {
                return new Cluster(
                        Required.of(provider, "ObservabilityArgs.Cluster.provider"),
                        Required.of(clusterName, "ObservabilityArgs.Cluster.clusterName"),
                        Required.of(storageClass, "ObservabilityArgs.Cluster.storageClass"),
                        Required.of(placement, "ObservabilityArgs.Cluster.placement"),
                        Required.of(appNamespace, "ObservabilityArgs.Cluster.appNamespace"),
                        influxdbUrl);
            }
        }
    }

    /**
     * An RDS instance to alarm on.
     *
     * @param role       short name used in alarm names, e.g. {@code primary}, {@code analytics}
     * @param identifier the RDS instance identifier ({@code DBInstanceIdentifier} dimension)
     * @param replica    whether it is a read replica (adds the replica-lag alarm)
     */
    public record DatabaseInstance(String role, String region, Output<String> identifier, boolean replica) {
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link DatabaseInstance} by name; {@link #build()} names a required field left unset. */
        public static final class Builder {
            private String role;
            private String region;
            private Output<String> identifier;
            private Boolean replica;

            private Builder() {
            }

            public Builder role(String value) { this.role = value; return this; }
            public Builder region(String value) { this.region = value; return this; }
            public Builder identifier(Output<String> value) { this.identifier = value; return this; }
            public Builder replica(boolean value) { this.replica = value; return this; }

            public DatabaseInstance build() {
                return new DatabaseInstance(
                        Required.of(role, "ObservabilityArgs.DatabaseInstance.role"),
                        Required.of(region, "ObservabilityArgs.DatabaseInstance.region"),
                        Required.of(identifier, "ObservabilityArgs.DatabaseInstance.identifier"),
                        Required.of(replica, "ObservabilityArgs.DatabaseInstance.replica"));
            }
        }
    }

    /**
     * An ElastiCache replication group to alarm on, node by node.
     *
     * @param replicationGroupId the group id; node ids are {@code <id>-001 ...}
     * @param nodeCount          number of nodes (from config)
     */
    public record CacheGroup(String role, String region, Output<String> replicationGroupId, int nodeCount) {
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link CacheGroup} by name; {@link #build()} names a required field left unset. */
        public static final class Builder {
            private String role;
            private String region;
            private Output<String> replicationGroupId;
            private Integer nodeCount;

            private Builder() {
            }

            public Builder role(String value) { this.role = value; return this; }
            public Builder region(String value) { this.region = value; return this; }
            public Builder replicationGroupId(Output<String> value) { this.replicationGroupId = value; return this; }
            public Builder nodeCount(int value) { this.nodeCount = value; return this; }

            public CacheGroup build() {
                return new CacheGroup(
                        Required.of(role, "ObservabilityArgs.CacheGroup.role"),
                        Required.of(region, "ObservabilityArgs.CacheGroup.region"),
                        Required.of(replicationGroupId, "ObservabilityArgs.CacheGroup.replicationGroupId"),
                        Required.of(nodeCount, "ObservabilityArgs.CacheGroup.nodeCount"));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ObservabilityArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private Map<String, AwsRegion> regions;
        private String physicalPrefix;
        private ObservabilityConfig settings;
        private Integer logRetentionDays;
        private Cluster cluster;
        private List<DatabaseInstance> databases = List.of();
        private List<CacheGroup> caches = List.of();
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder regions(Map<String, AwsRegion> value) { this.regions = value; return this; }
        public Builder physicalPrefix(String value) { this.physicalPrefix = value; return this; }
        public Builder settings(ObservabilityConfig value) { this.settings = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder cluster(Cluster value) { this.cluster = value; return this; }
        public Builder databases(List<DatabaseInstance> value) { this.databases = value; return this; }
        public Builder caches(List<CacheGroup> value) { this.caches = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public ObservabilityArgs build() {
            return new ObservabilityArgs(
                    Required.of(regions, "ObservabilityArgs.regions"),
                    Required.of(physicalPrefix, "ObservabilityArgs.physicalPrefix"),
                    Required.of(settings, "ObservabilityArgs.settings"),
                    Required.of(logRetentionDays, "ObservabilityArgs.logRetentionDays"),
                    Required.of(cluster, "ObservabilityArgs.cluster"),
                    databases,
                    caches,
                    Required.of(tagging, "ObservabilityArgs.tagging"),
                    Required.of(protection, "ObservabilityArgs.protection"));
        }
    }
}
