package com.ultibiker.platform.eks;

import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMonitoringArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateNetworkInterfaceArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.NodePoolSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's nodes: one managed node group per pool, each with its own launch template (IMDSv2 with
 * hop limit 1, encrypted gp3 root volume, no public IP), the node role, the node security group every
 * node carries beside the cluster security group, and the EBS key that encrypts the nodes' volumes
 * (and, through the baseline's StorageClasses, the persistent volumes).
 */
final class NodePools {

    /** Root device of the EKS-optimized Amazon Linux 2023 AMIs. */
    static final String ROOT_DEVICE = "/dev/xvda";
    static final String AMI_TYPE = "AL2023_x86_64_STANDARD";

    private final Key ebsKey;
    private final Output<String> nodeSecurityGroupId;
    private final List<Resource> nodeGroups;
    private final List<NodePoolSpec> pools;

    NodePools(ClusterScope scope, NodePoolsArgs args) {
        this.pools = args.pools();
        this.ebsKey = ebsKey(scope, args);

        // The node security group is what data stores admit. The node launch templates attach it together
        // with the cluster security group (which carries control-plane <-> node traffic); it deliberately has
        // no kubernetes.io/cluster tag, so the load balancer controller keeps using the cluster group.
        var nodeSg = nodeSecurityGroup(scope, args);
        this.nodeSecurityGroupId = nodeSg.id();

        List<Resource> before = new ArrayList<>(args.after());
        var nodeRole = nodeRole(scope, args, before);
        List<Resource> groups = new ArrayList<>();
        for (NodePoolSpec pool : args.pools()) {
            groups.add(nodeGroup(scope, args, pool, nodeRole, nodeSg, ebsKey, before));
        }
        this.nodeGroups = List.copyOf(groups);
    }

    private static Key ebsKey(ClusterScope scope, NodePoolsArgs args) {
        var region = scope.region();
        var roles = args.controllerRoles();
        return EncryptionKeys.builder()
                .name(scope.child("ebs-key"))
                .description("Encrypts node root volumes and persistent volumes of " + args.clusterName())
                .parent(scope.parent())
                .region(region)
                .tagging(scope.tagging())
                .protection(scope.protection())
                .policy(Output.tuple(region.partition(), region.accountId(), roles.autoscalingRoleArn())
                        .applyValue(t -> IamPolicies.ebsKeyPolicy(t.t1, t.t2, t.t3)))
                .dependsOn(roles.autoscalingRole())
                .create();
    }

    private static SecurityGroup nodeSecurityGroup(ClusterScope scope, NodePoolsArgs args) {
        var tagging = scope.tagging();
        String nodeSgName = scope.child("node-sg");
        // Rules are standalone resources, never inline: other components add rules to this group (the
        // public entry point admits its load balancer here), and the provider documents that a group with
        // inline rules removes every rule it does not list on the next refresh (terraform-provider-aws
        // docs, aws_security_group: "do not use in-line rules in conjunction with" rule resources). The
        // provider revokes AWS's default allow-all egress when it creates a group, so egress is stated too.
        var nodeSg = new SecurityGroup(nodeSgName, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Nodes of EKS cluster " + args.clusterName() + "; data stores admit this group")
                .tags(tagging.tags(nodeSgName, Map.of("Purpose", "eks-nodes")))
                .build(), scope.aws());
        String selfRuleName = Naming.child(nodeSgName, "node-to-node");
        new SecurityGroupIngressRule(selfRuleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(nodeSg.id())
                .description("Node to node and pod to pod")
                .ipProtocol("-1")
                .referencedSecurityGroupId(nodeSg.id())
                .tags(tagging.tags(selfRuleName))
                .build(), scope.aws());
        String egressRuleName = Naming.child(nodeSgName, "egress-all");
        new SecurityGroupEgressRule(egressRuleName, SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(nodeSg.id())
                .description("Nodes reach AWS APIs, registries and data stores")
                .ipProtocol("-1")
                .cidrIpv4("0.0.0.0/0")
                .tags(tagging.tags(egressRuleName))
                .build(), scope.aws());
        return nodeSg;
    }

    /** The node role; its policy attachments are added to {@code attachments} (node groups wait for them). */
    private static Role nodeRole(ClusterScope scope, NodePoolsArgs args, List<Resource> attachments) {
        String roleName = scope.child("node-role");
        var role = new Role(roleName, RoleArgs.builder()
                .description("Managed node groups of " + args.clusterName())
                .assumeRolePolicy(IamPolicies.nodeTrust().toJson())
                .tags(scope.tagging().tags(roleName))
                .build(), scope.aws());
        attachments.addAll(scope.attachManaged(role, roleName, IamPolicies.NODE_MANAGED_POLICIES));
        return role;
    }

    private static NodeGroup nodeGroup(ClusterScope scope, NodePoolsArgs args, NodePoolSpec pool, Role nodeRole,
                                       SecurityGroup nodeSg, Key ebsKey, List<Resource> dependsOn) {
        var region = scope.region();
        var tagging = scope.tagging();
        var cluster = args.controlPlane().cluster();
        var clusterSecurityGroupId = args.controlPlane().clusterSecurityGroupId();
        String groupName = scope.child(pool.name());
        String templateName = Naming.child(groupName, "lt");
        Map<String, String> nodeTags = tagging.tags(groupName, Map.of("NodePool", pool.name()));
        var template = new LaunchTemplate(templateName, LaunchTemplateArgs.builder()
                .description("Nodes of pool " + pool.name() + " in " + args.clusterName())
                .updateDefaultVersion(true)
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        // 1: pods cannot reach the node's credentials; they use Pod Identity instead.
                        .httpPutResponseHopLimit(1)
                        .instanceMetadataTags("disabled")
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(ROOT_DEVICE)
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeType("gp3")
                                .volumeSize(pool.diskSizeGib())
                                .encrypted("true")
                                .kmsKeyId(ebsKey.arn())
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .networkInterfaces(LaunchTemplateNetworkInterfaceArgs.builder()
                        .deviceIndex(0)
                        .associatePublicIpAddress("false")
                        .deleteOnTermination("true")
                        .securityGroups(Output.all(nodeSg.id(), clusterSecurityGroupId))
                        .build())
                .monitoring(LaunchTemplateMonitoringArgs.builder().enabled(true).build())
                .tagSpecifications(
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("instance").tags(nodeTags).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("volume").tags(nodeTags).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("network-interface").tags(nodeTags).build())
                .tags(tagging.tags(templateName))
                .build(), scope.aws());

        Map<String, String> groupTags = new LinkedHashMap<>();
        groupTags.put("NodePool", pool.name());
        groupTags.putAll(autoscalerDiscoveryTags(args.clusterName()));
        var scaling = NodeScaling.decide(pool, NodeScaling.liveDesired(region, args.clusterName(), pool.name()));
        List<NodeGroupTaintArgs> taints = pool.taints().stream().map(t -> NodeGroupTaintArgs.builder()
                .key(t.key()).value(t.value()).effect(t.effect().eksName()).build()).toList();
        return new NodeGroup(groupName, NodeGroupArgs.builder()
                .clusterName(cluster.name())
                // A prefix, not a fixed name: a change EKS can only make by replacement (instance types,
                // capacity type) can create the new group before deleting the old one.
                .nodeGroupNamePrefix(pool.name() + "-")
                .nodeRoleArn(nodeRole.arn())
                // The pool's own AZs: subnetIds force a new group (terraform-provider-aws aws_eks_node_group,
                // subnet_ids ForceNew), so a pool pinned with availabilityZones keeps its group when the
                // network gains an AZ. A replacement is created before the old group is deleted (name prefix).
                .subnetIds(poolSubnets(args, pool))
                .version(cluster.version())
                .amiType(AMI_TYPE)
                .capacityType(pool.capacityType().configName())
                .instanceTypes(pool.instanceTypes())
                .scalingConfig(NodeGroupScalingConfigArgs.builder()
                        .minSize(pool.minSize())
                        .maxSize(pool.maxSize())
                        .desiredSize(scaling.desiredSize())
                        .build())
                .updateConfig(NodeGroupUpdateConfigArgs.builder()
                        .maxUnavailablePercentage(pool.maxUnavailablePercent())
                        .build())
                // The template by id and its latest version: a template change is a new version, which EKS
                // rolls out node by node (maxUnavailablePercentage) instead of replacing the group.
                .launchTemplate(NodeGroupLaunchTemplateArgs.builder()
                        .id(template.id())
                        .version(template.latestVersion().applyValue(String::valueOf))
                        .build())
                .labels(pool.labels())
                .taints(taints)
                .tags(tagging.tags(groupName, groupTags))
                // The cluster autoscaler owns the desired size after creation, unless a new min/max moves it (NodeScaling).
                .build(), scope.awsBuilder()
                .ignoreChanges(scaling.ownedByAutoscaler() ? List.of("scalingConfig.desiredSize") : List.of())
                .dependsOn(dependsOn)
                .build());
    }

    /** The private subnets of the pool's AZs (the network lists one per AZ, sorted by AZ). */
    static Output<List<String>> poolSubnets(NodePoolsArgs args, NodePoolSpec pool) {
        List<Integer> indices = pool.availabilityZones().stream().map(az -> args.availabilityZones().indexOf(az)).toList();
        if (indices.contains(-1)) {
            throw new IllegalArgumentException("pool " + pool.name() + " names AZs " + pool.availabilityZones()
                    + " outside the network's " + args.availabilityZones());
        }
        return args.privateSubnetIds().applyValue(ids -> indices.stream().map(ids::get).toList());
    }

    /** Tags the cluster autoscaler discovers node groups by (EKS also puts them on the groups' ASGs). */
    static Map<String, String> autoscalerDiscoveryTags(String clusterName) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("k8s.io/cluster-autoscaler/enabled", "true");
        tags.put("k8s.io/cluster-autoscaler/" + clusterName, "owned");
        return tags;
    }

    /** Encrypts the node root volumes and the persistent volumes of the baseline's StorageClasses. */
    Output<String> ebsKeyArn() {
        return ebsKey.arn();
    }

    /**
     * The security group every node (and so every pod: the VPC CNI gives pods the node's groups) carries.
     * Data stores admit their port from this group only.
     */
    Output<String> nodeSecurityGroupId() {
        return nodeSecurityGroupId;
    }

    /** The pools, as configured. */
    List<NodePoolSpec> pools() {
        return pools;
    }

    /** One managed node group per pool, in the order of the pools. */
    List<Resource> nodeGroups() {
        return nodeGroups;
    }
}
