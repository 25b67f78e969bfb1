package com.ultibiker.platform.timeseries;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.model.TimeSeriesConfig;
import com.ultibiker.platform.model.TimeSeriesEngine;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link TimeSeries}. Build with {@link #builder()}.
 *
 * @param region       region and provider of the AWS resources (the cluster's region)
 * @param physicalName base of physical names, e.g. {@code ultibiker-dev-influxdb} (3-40 characters for Timestream)
 * @param settings     engine, InfluxDB version, organisation, bucket, retention, storage, instance class, Multi-AZ
 * @param cluster      where the {@code kubernetes} engine runs; required for that engine (the record checks it), default none
 * @param subnets      where the {@code timestream} engine runs; required for that engine (the record checks it), default none
 * @param logRetentionDays how long the managed engine's logs are kept in their bucket (the environment's log retention)
 */
public record TimeSeriesArgs(
        AwsRegion region,
        String physicalName,
        TimeSeriesConfig settings,
        Cluster cluster,
        DatabaseSubnets subnets,
        int logRetentionDays,
        Tagging tagging,
        StatefulProtection protection) {

    /** Storage class of the InfluxDB volume: EKS's encrypted gp3 class that keeps the volume when the claim goes. */
    public static final String DEFAULT_STORAGE_CLASS = "gp3-retain";

    public TimeSeriesArgs {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(settings, "settings");
        if (!physicalName.matches("[a-z][a-z0-9-]{2,39}")) {
            throw new IllegalArgumentException("physicalName " + physicalName + ": 3-40 lowercase letters, digits, dashes, starting with a letter");
        }
        if (settings.engine() == TimeSeriesEngine.KUBERNETES && cluster == null) {
            throw new IllegalArgumentException("engine kubernetes needs the cluster (Kubernetes provider, namespace, storage class, placement)");
        }
        if (settings.engine() == TimeSeriesEngine.TIMESTREAM && subnets == null) {
            throw new IllegalArgumentException("engine timestream needs the VPC, database subnets and client security groups");
        }
    }

    /**
     * The cluster InfluxDB runs on (engine {@code kubernetes}).
     *
     * @param provider     Kubernetes provider of the EKS cluster
     * @param namespace    namespace the workload goes to (an output of the namespace resource, so it exists first)
     * @param storageClass storage class of the data volume; default {@link #DEFAULT_STORAGE_CLASS}
     * @param placement    node selector and tolerations; the pool named by timeseries.nodePool, default analytics
     */
    public record Cluster(com.pulumi.kubernetes.Provider provider, Output<String> namespace, String storageClass,
                          NodePlacement placement) {
        public Cluster {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(storageClass, "storageClass");
            Objects.requireNonNull(placement, "placement");
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Cluster} by name; {@link #build()} names a required field left unset. */
        public static final class Builder {
            private com.pulumi.kubernetes.Provider provider;
            private Output<String> namespace;
            private String storageClass = DEFAULT_STORAGE_CLASS;
            private NodePlacement placement;

            private Builder() {
            }

            public Builder provider(com.pulumi.kubernetes.Provider value) { this.provider = value; return this; }
            public Builder namespace(Output<String> value) { this.namespace = value; return this; }
            public Builder storageClass(String value) { this.storageClass = value; return this; }
            public Builder placement(NodePlacement value) { this.placement = value; return this; }

            public Cluster build() {
                return new Cluster(
                        Required.of(provider, "TimeSeriesArgs.Cluster.provider"),
                        Required.of(namespace, "TimeSeriesArgs.Cluster.namespace"),
                        Required.of(storageClass, "TimeSeriesArgs.Cluster.storageClass"),
                        Required.of(placement, "TimeSeriesArgs.Cluster.placement"));
            }
        }
    }

    /**
     * The network of the managed engine (engine {@code timestream}).
     *
     * @param subnetIds              database subnet id by availability zone name; Timestream is pinned to
     *                               the first two by name
     * @param clientSecurityGroupIds groups admitted to port 8086 (the EKS nodes); nothing else is
     */
    public record DatabaseSubnets(Output<String> vpcId, Output<Map<String, String>> subnetIds,
                                  List<Output<String>> clientSecurityGroupIds) {
        public DatabaseSubnets {
            Objects.requireNonNull(vpcId, "vpcId");
            Objects.requireNonNull(subnetIds, "subnetIds");
            clientSecurityGroupIds = List.copyOf(clientSecurityGroupIds);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TimeSeriesArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AwsRegion region;
        private String physicalName;
        private TimeSeriesConfig settings;
        private Cluster cluster;
        private DatabaseSubnets subnets;
        private Integer logRetentionDays;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder physicalName(String value) { this.physicalName = value; return this; }
        public Builder settings(TimeSeriesConfig value) { this.settings = value; return this; }
        public Builder cluster(Cluster value) { this.cluster = value; return this; }
        public Builder subnets(DatabaseSubnets value) { this.subnets = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public TimeSeriesArgs build() {
            return new TimeSeriesArgs(
                    Required.of(region, "TimeSeriesArgs.region"),
                    Required.of(physicalName, "TimeSeriesArgs.physicalName"),
                    Required.of(settings, "TimeSeriesArgs.settings"),
                    cluster,
                    subnets,
                    Required.of(logRetentionDays, "TimeSeriesArgs.logRetentionDays"),
                    Required.of(tagging, "TimeSeriesArgs.tagging"),
                    Required.of(protection, "TimeSeriesArgs.protection"));
        }
    }
}
