package com.ultibiker.platform.eks;

/**
 * The in-cluster controllers that call AWS APIs. Each has its own IAM role, reached through one EKS
 * Pod Identity association for its service account in every cluster.
 */
public enum Controller {
    CLUSTER_AUTOSCALER("cluster-autoscaler", "kube-system", "cluster-autoscaler"),
    LOAD_BALANCER_CONTROLLER("aws-load-balancer-controller", "kube-system", "aws-load-balancer-controller"),
    /** The service account the {@code aws-ebs-csi-driver} add-on creates for its controller. */
    EBS_CSI_DRIVER("ebs-csi-driver", "kube-system", "ebs-csi-controller-sa"),
    /**
     * The service account of the {@code amazon-cloudwatch-observability} add-on's CloudWatch agent and Fluent Bit
     * (CloudWatch User Guide, "Option 1: Install using EKS Pod Identity": {@code serviceAccount=cloudwatch-agent}
     * in {@code amazon-cloudwatch}); only when {@code observability.applicationLogs.enabled}.
     */
    CLOUDWATCH_AGENT("cloudwatch-agent", ContainerLogs.NAMESPACE, ContainerLogs.SERVICE_ACCOUNT);

    private final String role;
    private final String namespace;
    private final String serviceAccount;

    Controller(String role, String namespace, String serviceAccount) {
        this.role = role;
        this.namespace = namespace;
        this.serviceAccount = serviceAccount;
    }

    /** Short role name used in resource names, e.g. {@code cluster-autoscaler}. */
    public String role() {
        return role;
    }

    public String namespace() {
        return namespace;
    }

    public String serviceAccount() {
        return serviceAccount;
    }
}
