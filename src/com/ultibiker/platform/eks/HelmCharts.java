package com.ultibiker.platform.eks;

/**
 * Helm charts the cluster runs, pinned: a chart version never floats, so a preview shows every upgrade.
 *
 * @param release    Helm release name (also the Pulumi resource role)
 * @param chart      chart name in the repository
 * @param version    exact chart version
 * @param repository chart repository URL
 * @param namespace  namespace the release is installed in
 */
public record HelmCharts(String release, String chart, String version, String repository, String namespace) {

    /**
     * kubernetes/autoscaler chart 9.46.6 (cluster-autoscaler 1.32). The image tag is set to the
     * cluster's Kubernetes minor (see {@link HelmValues#clusterAutoscalerImageTag}); bump the chart
     * together with {@code eks.version}.
     */
    public static final HelmCharts CLUSTER_AUTOSCALER = new HelmCharts("cluster-autoscaler", "cluster-autoscaler",
            "9.46.6", "https://kubernetes.github.io/autoscaler", "kube-system");

    /** aws/eks-charts chart 1.13.0 (AWS Load Balancer Controller v2.13.0, the policy in {@link IamPolicies}). */
    public static final HelmCharts LOAD_BALANCER_CONTROLLER = new HelmCharts("aws-load-balancer-controller",
            "aws-load-balancer-controller", "1.13.0", "https://aws.github.io/eks-charts", "kube-system");
}
