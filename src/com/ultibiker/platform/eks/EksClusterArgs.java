package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.AppNamespaceSpec;
import com.ultibiker.platform.model.ApplicationLogsConfig;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.model.ServiceLinkedRoleMode;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link EksCluster}. Build with {@link #builder()}. Defaults of the {@code eks.*} keys live in the
 * config parser (README "Config reference"); this record only carries validated values, and its builder
 * defaults only what "none" means (no public endpoint, no admins, no automation roles, no shared roles).
 *
 * @param region               region and provider the cluster is created through
 * @param clusterName          physical cluster name ({@code PlatformStack.clusterName}); the network tags its subnets for it
 * @param kubernetesVersion    control plane and node version, e.g. {@code 1.35} ({@code eks.version}, default 1.35)
 * @param endpointPublicAccess whether the API server has a public endpoint (default false); the private endpoint is always on
 * @param publicAccessCidrs    who may reach the public endpoint; ignored when it is off (default none)
 * @param adminPrincipalArns   IAM principals given cluster-admin through access entries (default none)
 * @param automationAccess     roles the stack creates that need cluster access (the CI deploy and preview roles; default none)
 * @param logTypes             control-plane log types (default api, audit, authenticator)
 * @param nodePools            managed node groups, one launch template each
 * @param addonVersions        every add-on to its pinned version (eks.addonVersions or the AddonVersions default)
 * @param appNamespace         the application namespace with its ResourceQuota and LimitRange
 * @param vpcId                VPC of the cluster (for the node security group and the load balancer controller)
 * @param privateSubnetIds     subnets of the control-plane ENIs and the nodes; never public ones, one per AZ in the
 *                             order of {@code availabilityZones} sorted (the network's order)
 * @param availabilityZones    the network's AZ suffixes; a pool's groups run in the subnets of its own AZs
 * @param logRetentionDays     retention of the control-plane and container log groups
 * @param applicationLogs      container logs through the CloudWatch Observability add-on ({@code observability.applicationLogs},
 *                             default on with kube-system, amazon-cloudwatch and monitoring as system namespaces)
 * @param platformClusters     region to cluster name of every cluster of the stack; the controller roles trust all of them
 * @param sharedRoles          controller roles created by another cluster of the stack (default empty: this cluster creates them)
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
        ApplicationLogsConfig applicationLogs,
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
        // Checked here, before the cluster registers anything (the parser guarantees both for a stack file).
        List<String> unpinned = new ArrayList<>();
        for (String addon : AddonVersions.ADDONS) {
            if (!addonVersions.containsKey(addon)) {
                unpinned.add(addon);
            }
        }
        if (!unpinned.isEmpty()) {
            throw new IllegalArgumentException("EksClusterArgs.addonVersions " + addonVersions + ": no pinned version for "
                    + unpinned + "; every one of " + AddonVersions.ADDONS + " must be pinned");
        }
        if (HelmCharts.clusterAutoscaler(kubernetesVersion).isEmpty()) {
            throw new IllegalArgumentException("EksClusterArgs.kubernetesVersion " + kubernetesVersion
                    + ": no cluster-autoscaler chart recorded; one of " + HelmCharts.supportedKubernetesVersions());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EksClusterArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AwsRegion region;
        private String clusterName;
        private String kubernetesVersion;
        private boolean endpointPublicAccess;
        private List<String> publicAccessCidrs = List.of();
        private List<String> adminPrincipalArns = List.of();
        private List<ClusterAccess> automationAccess = List.of();
        private List<String> logTypes;
        private List<NodePoolSpec> nodePools;
        private Map<String, String> addonVersions;
        private AppNamespaceSpec appNamespace;
        private Output<String> vpcId;
        private Output<List<String>> privateSubnetIds;
        private List<String> availabilityZones;
        private Integer logRetentionDays;
        private ApplicationLogsConfig applicationLogs = ApplicationLogsConfig.DEFAULT;
        private Map<String, String> platformClusters;
        private ControllerRoles sharedRoles;
        private ServiceLinkedRoleMode autoscalingServiceLinkedRole;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder clusterName(String value) { this.clusterName = value; return this; }
        public Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        public Builder endpointPublicAccess(boolean value) { this.endpointPublicAccess = value; return this; }
        public Builder publicAccessCidrs(List<String> value) { this.publicAccessCidrs = value; return this; }
        public Builder adminPrincipalArns(List<String> value) { this.adminPrincipalArns = value; return this; }
        public Builder automationAccess(List<ClusterAccess> value) { this.automationAccess = value; return this; }
        public Builder logTypes(List<String> value) { this.logTypes = value; return this; }
        public Builder nodePools(List<NodePoolSpec> value) { this.nodePools = value; return this; }
        public Builder addonVersions(Map<String, String> value) { this.addonVersions = value; return this; }
        public Builder appNamespace(AppNamespaceSpec value) { this.appNamespace = value; return this; }
        public Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        public Builder privateSubnetIds(Output<List<String>> value) { this.privateSubnetIds = value; return this; }
        public Builder availabilityZones(List<String> value) { this.availabilityZones = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder applicationLogs(ApplicationLogsConfig value) { this.applicationLogs = value; return this; }
        public Builder platformClusters(Map<String, String> value) { this.platformClusters = value; return this; }
        /** Roles another cluster of the stack created; unset, this cluster creates them. */
        public Builder sharedRoles(ControllerRoles value) { this.sharedRoles = value; return this; }
        public Builder autoscalingServiceLinkedRole(ServiceLinkedRoleMode value) { this.autoscalingServiceLinkedRole = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public EksClusterArgs build() {
            return new EksClusterArgs(
                    Required.of(region, "EksClusterArgs.region"),
                    Required.of(clusterName, "EksClusterArgs.clusterName"),
                    Required.of(kubernetesVersion, "EksClusterArgs.kubernetesVersion"),
                    endpointPublicAccess,
                    Required.of(publicAccessCidrs, "EksClusterArgs.publicAccessCidrs"),
                    Required.of(adminPrincipalArns, "EksClusterArgs.adminPrincipalArns"),
                    Required.of(automationAccess, "EksClusterArgs.automationAccess"),
                    Required.of(logTypes, "EksClusterArgs.logTypes"),
                    Required.of(nodePools, "EksClusterArgs.nodePools"),
                    Required.of(addonVersions, "EksClusterArgs.addonVersions"),
                    Required.of(appNamespace, "EksClusterArgs.appNamespace"),
                    Required.of(vpcId, "EksClusterArgs.vpcId"),
                    Required.of(privateSubnetIds, "EksClusterArgs.privateSubnetIds"),
                    Required.of(availabilityZones, "EksClusterArgs.availabilityZones"),
                    Required.of(logRetentionDays, "EksClusterArgs.logRetentionDays"),
                    Required.of(applicationLogs, "EksClusterArgs.applicationLogs"),
                    Required.of(platformClusters, "EksClusterArgs.platformClusters"),
                    Optional.ofNullable(sharedRoles),
                    Required.of(autoscalingServiceLinkedRole, "EksClusterArgs.autoscalingServiceLinkedRole"),
                    Required.of(tagging, "EksClusterArgs.tagging"),
                    Required.of(protection, "EksClusterArgs.protection"));
        }

    }
}
