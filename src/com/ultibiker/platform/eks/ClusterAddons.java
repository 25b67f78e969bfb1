package com.ultibiker.platform.eks;

import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The managed EKS add-ons, each at its pinned version, and the controllers' EKS Pod Identity
 * associations (the agent is one of the add-ons). In two steps around the node groups: the add-ons
 * nodes need to become Ready first ({@link #BEFORE_NODES}), then, with {@link #afterNodes}, the ones
 * whose pods need nodes to run ({@link #AFTER_NODES}).
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
        for (Controller controller : Controller.values()) {
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

    private Addon addon(String addon, List<Resource> dependsOn) {
        String addonName = scope.child(addon);
        // Pinned (eks.addonVersions, AddonVersions): EKS's default moves, and following it would upgrade the
        // add-on on a no-change up.
        String version = args.addonVersions().get(addon);
        if (version == null) {
            throw new IllegalArgumentException("no pinned version for add-on " + addon);
        }
        return new Addon(addonName, AddonArgs.builder()
                .clusterName(args.clusterName())
                .addonName(addon)
                .addonVersion(version)
                // Take over what EKS or a previous version installed, so creates and upgrades never stop on a conflict.
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .tags(scope.tagging().tags(addonName))
                .build(), scope.awsBuilder().dependsOn(dependsOn).build());
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
