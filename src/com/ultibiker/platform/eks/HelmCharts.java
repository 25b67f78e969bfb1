package com.ultibiker.platform.eks;

import com.ultibiker.platform.model.Required;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Helm charts the cluster runs, pinned: a chart version never floats, so a preview shows every upgrade.
 * Build with {@link #builder()} (five strings: a positional list would compile with any two swapped).
 *
 * @param release    Helm release name (also the Pulumi resource role)
 * @param chart      chart name in the repository
 * @param version    exact chart version
 * @param repository chart repository URL
 * @param namespace  namespace the release is installed in
 */
public record HelmCharts(String release, String chart, String version, String repository, String namespace) {

    static final String AUTOSCALER_REPOSITORY = "https://kubernetes.github.io/autoscaler";

    /**
     * The cluster-autoscaler chart for each Kubernetes minor the platform supports. The image runs the
     * cluster's minor ({@link HelmValues#clusterAutoscalerImageTag}); the chart's ClusterRole must grant
     * what that image watches, so the chart is chosen by the same minor: its {@code appVersion} has that
     * minor (Chart.yaml of kubernetes/autoscaler at tag {@code cluster-autoscaler-chart-<version>}, recorded in
     * {@code tests/resources/golden/eks/charts/cluster-autoscaler.json}). 1.35 always watches
     * {@code resource.k8s.io}; 9.54.0 is the first chart whose ClusterRole grants it. A new minor needs
     * a new line here, after reading that chart's ClusterRole.
     */
    static final Map<String, String> AUTOSCALER_CHART_BY_MINOR = new TreeMap<>(Map.of(
            "1.32", "9.46.6",
            "1.35", "9.54.0"));

    /** The cluster-autoscaler chart for a Kubernetes minor; empty when none is recorded (a config error). */
    public static Optional<HelmCharts> clusterAutoscaler(String kubernetesVersion) {
        return Optional.ofNullable(AUTOSCALER_CHART_BY_MINOR.get(kubernetesVersion)).map(version ->
                builder().release("cluster-autoscaler").chart("cluster-autoscaler").version(version)
                        .repository(AUTOSCALER_REPOSITORY).namespace("kube-system").build());
    }

    /** The Kubernetes minors {@link #clusterAutoscaler} has a chart for, in order. */
    public static java.util.Set<String> supportedKubernetesVersions() {
        return AUTOSCALER_CHART_BY_MINOR.keySet();
    }

    /** aws/eks-charts chart 1.13.0 (AWS Load Balancer Controller v2.13.0, the policy in {@link IamPolicies}). */
    public static final HelmCharts LOAD_BALANCER_CONTROLLER = builder().release("aws-load-balancer-controller")
            .chart("aws-load-balancer-controller").version("1.13.0").repository("https://aws.github.io/eks-charts")
            .namespace("kube-system").build();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HelmCharts} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String release;
        private String chart;
        private String version;
        private String repository;
        private String namespace;

        private Builder() {
        }

        public Builder release(String value) { this.release = value; return this; }
        public Builder chart(String value) { this.chart = value; return this; }
        public Builder version(String value) { this.version = value; return this; }
        public Builder repository(String value) { this.repository = value; return this; }
        public Builder namespace(String value) { this.namespace = value; return this; }

        public HelmCharts build() {
            return new HelmCharts(
                    Required.of(release, "HelmCharts.release"),
                    Required.of(chart, "HelmCharts.chart"),
                    Required.of(version, "HelmCharts.version"),
                    Required.of(repository, "HelmCharts.repository"),
                    Required.of(namespace, "HelmCharts.namespace"));
        }
    }
}
