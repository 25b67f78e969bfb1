package com.ultibiker.platform.observability;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.ObservabilityConfig;
import com.ultibiker.platform.tagging.Tagging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link Observability}.
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
    }

    /**
     * An RDS instance to alarm on.
     *
     * @param role       short name used in alarm names, e.g. {@code primary}, {@code analytics}
     * @param identifier the RDS instance identifier ({@code DBInstanceIdentifier} dimension)
     * @param replica    whether it is a read replica (adds the replica-lag alarm)
     */
    public record DatabaseInstance(String role, String region, Output<String> identifier, boolean replica) {
    }

    /**
     * An ElastiCache replication group to alarm on, node by node.
     *
     * @param replicationGroupId the group id; node ids are {@code <id>-001 ...}
     * @param nodeCount          number of nodes (from config)
     */
    public record CacheGroup(String role, String region, Output<String> replicationGroupId, int nodeCount) {
    }
}
