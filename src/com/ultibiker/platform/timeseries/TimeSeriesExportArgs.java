package com.ultibiker.platform.timeseries;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.model.TimeSeriesConfig;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link TimeSeriesExport}. Build with {@link #builder()}.
 *
 * @param primary           the primary region: its provider creates the job's IAM role (IAM is global)
 * @param exportRegion      where the export bucket is: the secondary region, or the primary in a one-region stack
 * @param cluster           the cluster the job runs on (the store's cluster, in the primary region)
 * @param storeUrl          InfluxDB URL the job backs up ({@link TimeSeries#url()})
 * @param credentialsSecret Kubernetes Secret in the cluster's namespace holding the store's credential
 *                          ({@link TimeSeries#kubernetesSecretName()})
 * @param settings          engine, organisation, storage size and the export's interval, timeout and retention
 * @param physicalPrefix    {@code <project>-<env>}, for physical names and the metric's dimension
 * @param restoreCluster    the standby cluster, in the export region, where the restore job waits (suspended) for
 *                          the runbook; empty in a one-region stack (default)
 */
public record TimeSeriesExportArgs(
        AwsRegion primary,
        AwsRegion exportRegion,
        Cluster cluster,
        Output<String> storeUrl,
        String credentialsSecret,
        TimeSeriesConfig settings,
        String physicalPrefix,
        Optional<Cluster> restoreCluster,
        Tagging tagging,
        StatefulProtection protection) {

    public TimeSeriesExportArgs {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(exportRegion, "exportRegion");
        // Fails before any resource exists when the interval is not one a cron schedule repeats evenly.
        ExportSchedule.cron(settings.exportIntervalMinutes());
        if (settings.exportTimeoutMinutes() >= settings.exportIntervalMinutes()) {
            throw new IllegalArgumentException("export timeout " + settings.exportTimeoutMinutes()
                    + " min must be below the interval " + settings.exportIntervalMinutes() + " min");
        }
    }

    /**
     * The cluster the export job runs on.
     *
     * @param region       the cluster's region: its provider creates the Pod Identity association (EKS is regional)
     * @param provider     Kubernetes provider of the cluster
     * @param clusterName  EKS cluster name (the Pod Identity association and the role's trust)
     * @param namespace    namespace of the store's credential Secret; the job runs there
     * @param storageClass storage class of the job's scratch volume (deleted with the pod)
     * @param placement    node selector and tolerations (the store's pool)
     */
    public record Cluster(AwsRegion region, com.pulumi.kubernetes.Provider provider, Output<String> clusterName, String namespace,
                          String storageClass, NodePlacement placement) {
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Cluster} by name; {@link #build()} names a required field left unset. */
        public static final class Builder {
            private AwsRegion region;
            private com.pulumi.kubernetes.Provider provider;
            private Output<String> clusterName;
            private String namespace;
            private String storageClass;
            private NodePlacement placement;

            private Builder() {
            }

            public Builder region(AwsRegion value) { this.region = value; return this; }
            public Builder provider(com.pulumi.kubernetes.Provider value) { this.provider = value; return this; }
            public Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
            public Builder namespace(String value) { this.namespace = value; return this; }
            public Builder storageClass(String value) { this.storageClass = value; return this; }
            public Builder placement(NodePlacement value) { this.placement = value; return this; }

            public Cluster build() {
                return new Cluster(
                        Required.of(region, "TimeSeriesExportArgs.Cluster.region"),
                        Required.of(provider, "TimeSeriesExportArgs.Cluster.provider"),
                        Required.of(clusterName, "TimeSeriesExportArgs.Cluster.clusterName"),
                        Required.of(namespace, "TimeSeriesExportArgs.Cluster.namespace"),
                        Required.of(storageClass, "TimeSeriesExportArgs.Cluster.storageClass"),
                        Required.of(placement, "TimeSeriesExportArgs.Cluster.placement"));
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TimeSeriesExportArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AwsRegion primary;
        private AwsRegion exportRegion;
        private Cluster cluster;
        private Output<String> storeUrl;
        private String credentialsSecret;
        private TimeSeriesConfig settings;
        private String physicalPrefix;
        private Optional<Cluster> restoreCluster = Optional.empty();
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder primary(AwsRegion value) { this.primary = value; return this; }
        public Builder exportRegion(AwsRegion value) { this.exportRegion = value; return this; }
        public Builder cluster(Cluster value) { this.cluster = value; return this; }
        public Builder storeUrl(Output<String> value) { this.storeUrl = value; return this; }
        public Builder credentialsSecret(String value) { this.credentialsSecret = value; return this; }
        public Builder settings(TimeSeriesConfig value) { this.settings = value; return this; }
        public Builder physicalPrefix(String value) { this.physicalPrefix = value; return this; }
        public Builder restoreCluster(Cluster value) { this.restoreCluster = Optional.of(value); return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public TimeSeriesExportArgs build() {
            return new TimeSeriesExportArgs(
                    Required.of(primary, "TimeSeriesExportArgs.primary"),
                    Required.of(exportRegion, "TimeSeriesExportArgs.exportRegion"),
                    Required.of(cluster, "TimeSeriesExportArgs.cluster"),
                    Required.of(storeUrl, "TimeSeriesExportArgs.storeUrl"),
                    Required.of(credentialsSecret, "TimeSeriesExportArgs.credentialsSecret"),
                    Required.of(settings, "TimeSeriesExportArgs.settings"),
                    Required.of(physicalPrefix, "TimeSeriesExportArgs.physicalPrefix"),
                    restoreCluster,
                    Required.of(tagging, "TimeSeriesExportArgs.tagging"),
                    Required.of(protection, "TimeSeriesExportArgs.protection"));
        }
    }
}
