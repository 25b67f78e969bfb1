package com.ultibiker.platform.eks;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The managed EKS add-ons, each at its pinned version, and the controllers' EKS Pod Identity
 * associations (the agent is one of the add-ons). In two steps around the node groups: the add-ons
 * nodes need to become Ready first ({@link #BEFORE_NODES}), then, with {@link #afterNodes}, the ones
 * whose pods need nodes to run ({@link #AFTER_NODES}); with container logs on, {@link #containerLogs} adds the
 * CloudWatch Observability add-on after its log groups and the load balancer controller ({@link ContainerLogs}).
 */
final class ClusterAddons {

    /** Add-ons the nodes need to become Ready: created before the node groups. */
    static final List<String> BEFORE_NODES = List.of("vpc-cni", "kube-proxy", "eks-pod-identity-agent");
    /** Add-ons whose pods need nodes to run: created after the node groups. */
    static final List<String> AFTER_NODES = List.of("coredns", "aws-ebs-csi-driver");

    private final ClusterScope scope;
    private final ClusterAddonsArgs args;
    private final List<Resource> beforeNodes;
    private final Map<Controller, PodIdentityAssociation> podIdentities;

    ClusterAddons(ClusterScope scope, ClusterAddonsArgs args) {
        this.scope = scope;
        this.args = args;
        Map<String, Addon> addons = new LinkedHashMap<>();
        for (String addon : BEFORE_NODES) {
            addons.put(addon, addon(addon, List.of()));
        }
        Map<Controller, PodIdentityAssociation> associations = new EnumMap<>(Controller.class);
        for (Controller controller : args.controllerRoles().controllers()) {
            String assocName = scope.child(controller.role() + "-pod-identity");
            associations.put(controller, new PodIdentityAssociation(assocName, PodIdentityAssociationArgs.builder()
                    .clusterName(args.clusterName())
                    .namespace(controller.namespace())
                    .serviceAccount(controller.serviceAccount())
                    .roleArn(args.controllerRoles().roleArn(controller))
                    .tags(scope.tagging().tags(assocName))
                    .build(), scope.awsBuilder().dependsOn(addons.get("eks-pod-identity-agent")).build()));
        }
        this.beforeNodes = List.copyOf(addons.values());
        this.podIdentities = Map.copyOf(associations);
    }

    /** The add-ons created before the node groups, which the node groups wait for. */
    List<Resource> beforeNodes() {
        return beforeNodes;
    }

    /** The Pod Identity association of a controller's service account. */
    Resource podIdentity(Controller controller) {
        return podIdentities.get(controller);
    }

    /**
     * The add-ons whose pods need nodes, after {@code pools}' node groups (the EBS CSI driver also after
     * its Pod Identity association), and the shared EBS CSI role's use of this cluster's EBS key.
     */
    NodeAddons afterNodes(NodePools pools) {
        // The EBS CSI role is shared between regions; each cluster lets it use its own (regional) EBS key.
        new RolePolicy(scope.child("ebs-csi-key-use"), RolePolicyArgs.builder()
                .role(args.controllerRoles().role(Controller.EBS_CSI_DRIVER).id())
                .policy(pools.ebsKeyArn().applyValue(arn -> IamPolicies.ebsKeyUse(List.of(arn)).toJson()))
                .build(), scope.aws());
        Map<String, Addon> addons = new LinkedHashMap<>();
        for (String addon : AFTER_NODES) {
            List<Resource> after = new ArrayList<>(pools.nodeGroups());
            if (addon.equals("aws-ebs-csi-driver")) {
                after.add(podIdentity(Controller.EBS_CSI_DRIVER));
            }
            addons.put(addon, addon(addon, after));
        }
        return new NodeAddons(addons);
    }

    /**
     * Container logs, when on: the log groups the add-on's Fluent Bit writes to, created first (encrypted with
     * the cluster's logs key, the environment's retention: the add-on would create them unencrypted and kept
     * forever), then the add-on, after the node groups (its DaemonSets need nodes before EKS reports it
     * ACTIVE), the Pod Identity association of its service account, the groups, and {@code servicesReady}: the
     * add-on creates Services (its operator's webhook), which the load balancer controller's webhook refuses
     * until its pods answer.
     */
    Map<String, Output<String>> containerLogs(NodePools pools, Resource servicesReady) {
        if (!args.applicationLogs().enabled()) {
            return Map.of();
        }
        Map<String, Output<String>> groupNames = new LinkedHashMap<>();
        List<Resource> after = new ArrayList<>(pools.nodeGroups());
        after.add(servicesReady);
        after.add(podIdentity(Controller.CLOUDWATCH_AGENT));
        for (String kind : ContainerLogs.KINDS) {
            String groupName = scope.child("container-logs-" + kind);
            var group = new LogGroup(groupName, LogGroupArgs.builder()
                    .name(ContainerLogs.groupName(args.physicalName(), kind))
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(args.logsKeyArn())
                    .tags(scope.tagging().tags(groupName))
                    .build(), scope.aws());
            after.add(group);
            groupNames.put(kind, group.name());
        }
        addon(ContainerLogs.ADDON, after, Optional.of(ContainerLogs.configurationValues(args.applicationLogs().systemNamespaces())));
        return Map.copyOf(groupNames);
    }

    private Addon addon(String addon, List<Resource> dependsOn) {
        return addon(addon, dependsOn, Optional.empty());
    }

    private Addon addon(String addon, List<Resource> dependsOn, Optional<String> configurationValues) {
        String addonName = scope.child(addon);
        // Pinned (eks.addonVersions, AddonVersions): EKS's default moves, and following it would upgrade the
        // add-on on a no-change up.
        String version = args.addonVersions().get(addon);
        if (version == null) {
            throw new IllegalArgumentException("no pinned version for add-on " + addon);
        }
        var addonArgs = AddonArgs.builder()
                .clusterName(args.clusterName())
                .addonName(addon)
                .addonVersion(version)
                // Take over what EKS or a previous version installed, so creates and upgrades never stop on a conflict.
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .tags(scope.tagging().tags(addonName));
        configurationValues.ifPresent(addonArgs::configurationValues);
        return new Addon(addonName, addonArgs.build(), scope.awsBuilder().dependsOn(dependsOn).build());
    }

    /** The add-ons created after the node groups. */
    static final class NodeAddons {
        private final Map<String, Addon> byName;

        private NodeAddons(Map<String, Addon> byName) {
            this.byName = Map.copyOf(byName);
        }

        Resource coreDns() {
            return byName.get("coredns");
        }

        Resource ebsCsiDriver() {
            return byName.get("aws-ebs-csi-driver");
        }
    }
}
