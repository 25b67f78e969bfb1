package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.model.AppNamespaceSpec;
import com.ultibiker.platform.model.Required;


/**
 * Inputs of {@link ClusterBaseline}. Build with {@link #builder()}.
 *
 * @param clusterName       physical cluster name (the controllers' values)
 * @param kubernetesVersion the cluster's minor, which picks the cluster-autoscaler chart and image
 * @param kubeconfig        how the baseline's Kubernetes providers reach the API
 * @param vpcId             the load balancer controller's VPC (given explicitly: IMDS is out of pods' reach)
 * @param appNamespace      the application namespace with its ResourceQuota and LimitRange
 * @param nodePools         the node groups and EBS key; the controllers run on the system pool
 * @param addons            the Pod Identity associations the controllers' releases wait for
 * @param nodeAddons        CoreDNS and the EBS CSI driver, which the baseline waits for
 * @param access            the access entries the bootstrap provider waits for
 */
record ClusterBaselineArgs(
        String clusterName,
        String kubernetesVersion,
        Output<String> kubeconfig,
        Output<String> vpcId,
        AppNamespaceSpec appNamespace,
        NodePools nodePools,
        ClusterAddons addons,
        ClusterAddons.NodeAddons nodeAddons,
        ClusterAccessEntries access) {

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClusterBaselineArgs} by name; {@link #build()} names a required field left unset. */
    static final class Builder {
        private String clusterName;
        private String kubernetesVersion;
        private Output<String> kubeconfig;
        private Output<String> vpcId;
        private AppNamespaceSpec appNamespace;
        private NodePools nodePools;
        private ClusterAddons addons;
        private ClusterAddons.NodeAddons nodeAddons;
        private ClusterAccessEntries access;

        private Builder() {
        }

        Builder clusterName(String value) { this.clusterName = value; return this; }
        Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        Builder kubeconfig(Output<String> value) { this.kubeconfig = value; return this; }
        Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        Builder appNamespace(AppNamespaceSpec value) { this.appNamespace = value; return this; }
        Builder nodePools(NodePools value) { this.nodePools = value; return this; }
        Builder addons(ClusterAddons value) { this.addons = value; return this; }
        Builder nodeAddons(ClusterAddons.NodeAddons value) { this.nodeAddons = value; return this; }
        Builder access(ClusterAccessEntries value) { this.access = value; return this; }

        ClusterBaselineArgs build() {
            return new ClusterBaselineArgs(
                    Required.of(clusterName, "ClusterBaselineArgs.clusterName"),
                    Required.of(kubernetesVersion, "ClusterBaselineArgs.kubernetesVersion"),
                    Required.of(kubeconfig, "ClusterBaselineArgs.kubeconfig"),
                    Required.of(vpcId, "ClusterBaselineArgs.vpcId"),
                    Required.of(appNamespace, "ClusterBaselineArgs.appNamespace"),
                    Required.of(nodePools, "ClusterBaselineArgs.nodePools"),
                    Required.of(addons, "ClusterBaselineArgs.addons"),
                    Required.of(nodeAddons, "ClusterBaselineArgs.nodeAddons"),
                    Required.of(access, "ClusterBaselineArgs.access"));
        }
    }
}
