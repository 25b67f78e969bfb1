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
}
