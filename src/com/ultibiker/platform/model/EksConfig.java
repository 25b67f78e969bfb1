package com.ultibiker.platform.model;

import java.util.List;
import java.util.Map;

/**
 * @param version               Kubernetes version of the control plane and nodes
 * @param endpointPublicAccess  whether the API server has a public endpoint at all
 * @param publicAccessCidrs     who may reach the public endpoint
 * @param adminPrincipalArns    IAM principals given cluster-admin through access entries
 * @param logTypes              control-plane log types shipped to CloudWatch
 * @param nodePools             node groups of the primary cluster
 * @param standbyNodePools      node groups of the warm-standby cluster in the secondary region
 * @param addonVersions         every managed add-on to its pinned version (the stack's pin or the recorded default)
 * @param appNamespace          the application namespace and its quotas
 * @param autoscalingServiceLinkedRole whether this stack creates the account's Auto Scaling service-linked role
 */
public record EksConfig(
        String version,
        boolean endpointPublicAccess,
        List<String> publicAccessCidrs,
        List<String> adminPrincipalArns,
        List<String> logTypes,
        List<NodePoolSpec> nodePools,
        List<NodePoolSpec> standbyNodePools,
        Map<String, String> addonVersions,
        AppNamespaceSpec appNamespace,
        ServiceLinkedRoleMode autoscalingServiceLinkedRole) {
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EksConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String version;
        private Boolean endpointPublicAccess;
        private List<String> publicAccessCidrs;
        private List<String> adminPrincipalArns;
        private List<String> logTypes;
        private List<NodePoolSpec> nodePools;
        private List<NodePoolSpec> standbyNodePools;
        private Map<String, String> addonVersions;
        private AppNamespaceSpec appNamespace;
        private ServiceLinkedRoleMode autoscalingServiceLinkedRole;

        private Builder() {
        }

        public Builder version(String value) { this.version = value; return this; }
        public Builder endpointPublicAccess(boolean value) { this.endpointPublicAccess = value; return this; }
        public Builder publicAccessCidrs(List<String> value) { this.publicAccessCidrs = value; return this; }
        public Builder adminPrincipalArns(List<String> value) { this.adminPrincipalArns = value; return this; }
        public Builder logTypes(List<String> value) { this.logTypes = value; return this; }
        public Builder nodePools(List<NodePoolSpec> value) { this.nodePools = value; return this; }
        public Builder standbyNodePools(List<NodePoolSpec> value) { this.standbyNodePools = value; return this; }
        public Builder addonVersions(Map<String, String> value) { this.addonVersions = value; return this; }
        public Builder appNamespace(AppNamespaceSpec value) { this.appNamespace = value; return this; }
        public Builder autoscalingServiceLinkedRole(ServiceLinkedRoleMode value) { this.autoscalingServiceLinkedRole = value; return this; }

        public EksConfig build() {
            return new EksConfig(
                    Required.of(version, "EksConfig.version"),
                    Required.of(endpointPublicAccess, "EksConfig.endpointPublicAccess"),
                    Required.of(publicAccessCidrs, "EksConfig.publicAccessCidrs"),
                    Required.of(adminPrincipalArns, "EksConfig.adminPrincipalArns"),
                    Required.of(logTypes, "EksConfig.logTypes"),
                    Required.of(nodePools, "EksConfig.nodePools"),
                    Required.of(standbyNodePools, "EksConfig.standbyNodePools"),
                    Required.of(addonVersions, "EksConfig.addonVersions"),
                    Required.of(appNamespace, "EksConfig.appNamespace"),
                    Required.of(autoscalingServiceLinkedRole, "EksConfig.autoscalingServiceLinkedRole"));
        }
    }
}
