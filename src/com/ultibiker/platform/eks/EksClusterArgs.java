package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.AppNamespaceSpec;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.ServiceLinkedRoleMode;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link EksCluster}. Defaults live in the config parser ({@code eks.*} keys, README "Config
 * reference"); this record only carries validated values.
 *
 * @param region               region and provider the cluster is created through
 * @param clusterName          physical cluster name ({@code PlatformStack.clusterName}); the network tags its subnets for it
 * @param kubernetesVersion    control plane and node version, e.g. {@code 1.35} ({@code eks.version}, default 1.35)
 * @param endpointPublicAccess whether the API server has a public endpoint (default false); the private endpoint is always on
 * @param publicAccessCidrs    who may reach the public endpoint; ignored when it is off
 * @param adminPrincipalArns   IAM principals given cluster-admin through access entries (default none)
 * @param automationAccess     roles the stack creates that need cluster access (the CI deploy and preview roles)
 * @param logTypes             control-plane log types (default api, audit, authenticator)
 * @param nodePools            managed node groups, one launch template each
 * @param addonVersions        every add-on to its pinned version (eks.addonVersions or the AddonVersions default)
 * @param appNamespace         the application namespace with its ResourceQuota and LimitRange
 * @param vpcId                VPC of the cluster (for the node security group and the load balancer controller)
 * @param privateSubnetIds     subnets of the control-plane ENIs and the nodes; never public ones, one per AZ in the
 *                             order of {@code availabilityZones} sorted (the network's order)
 * @param availabilityZones    the network's AZ suffixes; a pool's groups run in the subnets of its own AZs
 * @param logRetentionDays     retention of the control-plane log group
 * @param platformClusters     region to cluster name of every cluster of the stack; the controller roles trust all of them
 * @param sharedRoles          controller roles created by another cluster of the stack (empty: this cluster creates them)
 * @param autoscalingServiceLinkedRole create the account's Auto Scaling service-linked role, or read the existing one
 *                             ({@code eks.autoscalingServiceLinkedRole}, default create; used by the cluster that creates the roles)
 */
public record EksClusterArgs(
        AwsRegion region,
        String clusterName,
        String kubernetesVersion,
        boolean endpointPublicAccess,
        List<String> publicAccessCidrs,
        List<String> adminPrincipalArns,
        List<ClusterAccess> automationAccess,
        List<String> logTypes,
        List<NodePoolSpec> nodePools,
        Map<String, String> addonVersions,
        AppNamespaceSpec appNamespace,
        Output<String> vpcId,
        Output<List<String>> privateSubnetIds,
        List<String> availabilityZones,
        int logRetentionDays,
        Map<String, String> platformClusters,
        Optional<ControllerRoles> sharedRoles,
        ServiceLinkedRoleMode autoscalingServiceLinkedRole,
        Tagging tagging,
        StatefulProtection protection) {

    public EksClusterArgs {
        publicAccessCidrs = List.copyOf(publicAccessCidrs);
        adminPrincipalArns = List.copyOf(adminPrincipalArns);
        automationAccess = List.copyOf(automationAccess);
        logTypes = List.copyOf(logTypes);
        nodePools = List.copyOf(nodePools);
        availabilityZones = availabilityZones.stream().sorted().toList();
        addonVersions = Map.copyOf(addonVersions);
        platformClusters = Map.copyOf(platformClusters);
        if (nodePools.isEmpty()) {
            throw new IllegalArgumentException("cluster " + clusterName + " needs at least one node pool");
        }
        if (!clusterName.equals(platformClusters.get(region.name()))) {
            throw new IllegalArgumentException("platformClusters must map " + region.name() + " to " + clusterName
                    + ", found " + platformClusters);
        }
    }
}
