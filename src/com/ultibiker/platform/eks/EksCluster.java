package com.ultibiker.platform.eks;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
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
import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.Addon;
import com.pulumi.aws.eks.AddonArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.NodeGroup;
import com.pulumi.aws.eks.NodeGroupArgs;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterUpgradePolicyArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupLaunchTemplateArgs;
import com.pulumi.aws.eks.inputs.NodeGroupScalingConfigArgs;
import com.pulumi.aws.eks.inputs.NodeGroupTaintArgs;
import com.pulumi.aws.eks.inputs.NodeGroupUpdateConfigArgs;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An EKS cluster in one region, built from {@code com.pulumi.aws.eks}: an encrypted control plane with
 * private (and optionally CIDR-restricted public) endpoint and control-plane logs, access entries,
 * managed node groups with their own launch templates, the core managed add-ons, EKS Pod Identity for
 * the controllers, and the in-cluster baseline (StorageClasses, controllers, application namespace)
 * through a Kubernetes provider built from the cluster.
 *
 * <p>Children are named {@code <name>-<role>}; AWS children go through the region's provider and
 * Kubernetes children through {@link #kubernetesProvider()}.
 */
public final class EksCluster extends ComponentResource {

    public static final String TYPE = "ultibiker:eks:EksCluster";

    /** The default StorageClass: encrypted gp3, deleted with its claim. */
    public static final String STORAGE_CLASS_GP3 = "gp3";
    /** Encrypted gp3 whose volume outlives its claim (for data that must survive a mistaken delete). */
    public static final String STORAGE_CLASS_GP3_RETAIN = "gp3-retain";

    /** Add-ons the nodes need to become Ready: created before the node groups. */
    public static final List<String> ADDONS_BEFORE_NODES = List.of("vpc-cni", "kube-proxy", "eks-pod-identity-agent");
    /** Add-ons whose pods need nodes to run: created after the node groups. */
    public static final List<String> ADDONS_AFTER_NODES = List.of("coredns", "aws-ebs-csi-driver");

    /** Root device of the EKS-optimized Amazon Linux 2023 AMIs. */
    static final String ROOT_DEVICE = "/dev/xvda";
    static final String AMI_TYPE = "AL2023_x86_64_STANDARD";
    static final String CLUSTER_ADMIN_POLICY = ClusterAccess.CLUSTER_ADMIN;

    private final String clusterNameValue;
    private final Output<String> clusterName;
    private final Output<String> endpoint;
    private final Output<String> certificateAuthorityData;
    private final Output<String> oidcIssuer;
    private final Output<String> oidcProviderArn;
    private final Output<String> nodeSecurityGroupId;
    private final Output<String> clusterSecurityGroupId;
    private final Output<String> kubeconfig;
    private final Output<String> ebsKeyArn;
    private final Provider kubernetesProvider;
    private final Release loadBalancerController;
    private final ControllerRoles controllerRoles;

    public EksCluster(String name, EksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var region = args.region();
        var tagging = args.tagging();
        this.clusterNameValue = args.clusterName();

        // Keys: one per use, so a key policy or grant never reaches more than it must.
        Key secretsKey = EncryptionKeys.create(Naming.child(name, "secrets-key"),
                "Envelope encryption of Kubernetes secrets in " + args.clusterName(), this, region, tagging,
                args.protection(), scope -> List.of());
        Key logsKey = EncryptionKeys.create(Naming.child(name, "logs-key"),
                "Encrypts control-plane logs of " + args.clusterName(), this, region, tagging, args.protection(),
                scope -> List.of(KeyPolicies.ServiceGrant.cloudWatchLogs(scope.partition(), scope.region(), scope.accountId())));
        this.controllerRoles = args.sharedRoles().orElseGet(() -> ControllerRoles.create(name, this, region, tagging,
                args.platformClusters(), args.autoscalingServiceLinkedRole()));
        Key ebsKey = ebsKey(name, args, controllerRoles);
        this.ebsKeyArn = ebsKey.arn();

        // The log group must exist before the cluster, or EKS creates an unencrypted one without retention.
        String logGroupName = Naming.child(name, "control-plane-logs");
        var logGroup = new LogGroup(logGroupName, LogGroupArgs.builder()
                .name("/aws/eks/" + args.clusterName() + "/cluster")
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(logsKey.arn())
                .tags(tagging.tags(logGroupName))
                .build(), region.child(this));

        String clusterRoleName = Naming.child(name, "cluster-role");
        var clusterRole = new Role(clusterRoleName, RoleArgs.builder()
                .description("EKS control plane of " + args.clusterName())
                .assumeRolePolicy(region.accountId().applyValue(a -> IamPolicies.clusterTrust(a).toJson()))
                .tags(tagging.tags(clusterRoleName))
                .build(), region.child(this));
        List<Resource> clusterRolePolicies = new ArrayList<>(attachManaged(clusterRole, clusterRoleName,
                IamPolicies.CLUSTER_MANAGED_POLICIES, region));
        clusterRolePolicies.add(new RolePolicy(clusterRoleName + "-secrets-encryption", RolePolicyArgs.builder()
                .role(clusterRole.id())
                .policy(secretsKey.arn().applyValue(arn -> IamPolicies.clusterEncryption(arn).toJson()))
                .build(), region.child(this)));

        // The node security group is what data stores admit. The node launch templates attach it together
        // with the cluster security group (which carries control-plane <-> node traffic); it deliberately has
        // no kubernetes.io/cluster tag, so the load balancer controller keeps using the cluster group.
        String nodeSgName = Naming.child(name, "node-sg");
        // Rules are standalone resources, never inline: other components add rules to this group (the
        // public entry point admits its load balancer here), and the provider documents that a group with
        // inline rules removes every rule it does not list on the next refresh (terraform-provider-aws
        // docs, aws_security_group: "do not use in-line rules in conjunction with" rule resources). The
        // provider revokes AWS's default allow-all egress when it creates a group, so egress is stated too.
        var nodeSg = new SecurityGroup(nodeSgName, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Nodes of EKS cluster " + args.clusterName() + "; data stores admit this group")
                .tags(tagging.tags(nodeSgName, Map.of("Purpose", "eks-nodes")))
                .build(), region.child(this));
        String selfRuleName = Naming.child(nodeSgName, "node-to-node");
        new SecurityGroupIngressRule(selfRuleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(nodeSg.id())
                .description("Node to node and pod to pod")
                .ipProtocol("-1")
                .referencedSecurityGroupId(nodeSg.id())
                .tags(tagging.tags(selfRuleName))
                .build(), region.child(this));
        String egressRuleName = Naming.child(nodeSgName, "egress-all");
        new SecurityGroupEgressRule(egressRuleName, SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(nodeSg.id())
                .description("Nodes reach AWS APIs, registries and data stores")
                .ipProtocol("-1")
                .cidrIpv4("0.0.0.0/0")
                .tags(tagging.tags(egressRuleName))
                .build(), region.child(this));
        this.nodeSecurityGroupId = nodeSg.id();

        String clusterResourceName = Naming.child(name, "cluster");
        var vpcConfig = ClusterVpcConfigArgs.builder()
                .subnetIds(args.privateSubnetIds())
                .endpointPrivateAccess(true)
                .endpointPublicAccess(args.endpointPublicAccess());
        if (args.endpointPublicAccess()) {
            vpcConfig.publicAccessCidrs(args.publicAccessCidrs());
        }
        var cluster = new Cluster(clusterResourceName, ClusterArgs.builder()
                .name(args.clusterName())
                .version(args.kubernetesVersion())
                .roleArn(clusterRole.arn())
                .vpcConfig(vpcConfig.build())
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources("secrets")
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(secretsKey.arn()).build())
                        .build())
                .enabledClusterLogTypes(args.logTypes())
                // API mode: access is granted through access entries only (no aws-auth ConfigMap), every one
                // managed below (ClusterAdmins): no entry EKS makes for the creator, which would collide with
                // ours. ForceNew in the provider (access_config.bootstrap_cluster_creator_admin_permissions).
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        .bootstrapClusterCreatorAdminPermissions(false)
                        .build())
                // The managed add-ons below replace the self-managed defaults.
                .bootstrapSelfManagedAddons(false)
                // Standard support only: a cluster that falls behind fails loudly instead of paying extended support.
                .upgradePolicy(ClusterUpgradePolicyArgs.builder().supportType("STANDARD").build())
                .tags(tagging.tags(clusterResourceName))
                .build(), args.protection().options(region.childOf(this))
                .dependsOn(concat(clusterRolePolicies, List.of(logGroup)))
                .build());
        this.clusterName = cluster.name();
        this.endpoint = cluster.endpoint();
        this.certificateAuthorityData = cluster.certificateAuthority().applyValue(ca -> ca.data().orElse(""));
        this.oidcIssuer = cluster.identities().applyValue(ids -> ids.get(0).oidcs().get(0).issuer().orElse(""));
        this.clusterSecurityGroupId = cluster.vpcConfig().applyValue(v -> v.clusterSecurityGroupId().orElse(""));

        // IRSA stays available for workloads that need it. AWS validates EKS OIDC issuers against its own
        // trusted CA store and ignores the thumbprint, so none is pinned here (no tls provider needed).
        String oidcName = Naming.child(name, "oidc");
        var oidc = new OpenIdConnectProvider(oidcName, OpenIdConnectProviderArgs.builder()
                .url(oidcIssuer)
                .clientIdLists("sts.amazonaws.com")
                .tags(tagging.tags(oidcName))
                .build(), region.child(this));
        this.oidcProviderArn = oidc.arn();

        // The identity running this up installs the in-cluster baseline, so it is an admin too (once).
        String deployer = ClusterAdmins.deployerArn(region);
        java.util.Set<String> automationRoles = new java.util.HashSet<>();
        args.automationAccess().forEach(a -> ClusterAdmins.roleArnBeside(deployer, a.roleName()).ifPresent(automationRoles::add));
        List<Resource> accessEntries = new ArrayList<>();
        for (String principal : ClusterAdmins.admins(args.adminPrincipalArns(), deployer, automationRoles)) {
            accessEntries.add(access(Naming.child(name, "admin-" + principalSlug(principal)), Output.of(principal),
                    CLUSTER_ADMIN_POLICY, "-cluster-admin", cluster, region, tagging));
        }
        for (ClusterAccess automation : args.automationAccess()) {
            accessEntries.add(access(Naming.child(name, automation.role()), automation.principalArn(), automation.accessPolicy(),
                    "-access", cluster, region, tagging));
        }

        // The EBS CSI role is shared between regions; each cluster lets it use its own (regional) EBS key.
        new RolePolicy(Naming.child(name, "ebs-csi-key-use"), RolePolicyArgs.builder()
                .role(controllerRoles.role(Controller.EBS_CSI_DRIVER).id())
                .policy(ebsKey.arn().applyValue(arn -> IamPolicies.ebsKeyUse(List.of(arn)).toJson()))
                .build(), region.child(this));

        // Add-ons the nodes need first.
        Map<String, Addon> addons = new LinkedHashMap<>();
        for (String addon : ADDONS_BEFORE_NODES) {
            addons.put(addon, addon(name, addon, cluster, args, List.of()));
        }

        Map<Controller, PodIdentityAssociation> associations = new LinkedHashMap<>();
        for (Controller controller : Controller.values()) {
            String assocName = Naming.child(name, controller.role() + "-pod-identity");
            associations.put(controller, new PodIdentityAssociation(assocName, PodIdentityAssociationArgs.builder()
                    .clusterName(cluster.name())
                    .namespace(controller.namespace())
                    .serviceAccount(controller.serviceAccount())
                    .roleArn(controllerRoles.roleArn(controller))
                    .tags(tagging.tags(assocName))
                    .build(), region.childOf(this).dependsOn(addons.get("eks-pod-identity-agent")).build()));
        }

        List<Resource> beforeNodes = new ArrayList<>(addons.values());
        var nodeRole = nodeRole(name, region, tagging, beforeNodes);
        List<Resource> nodeGroups = new ArrayList<>();
        for (NodePoolSpec pool : args.nodePools()) {
            nodeGroups.add(nodeGroup(name, pool, cluster, nodeRole, nodeSg, ebsKey, args, beforeNodes));
        }

        for (String addon : ADDONS_AFTER_NODES) {
            List<Resource> after = new ArrayList<>(nodeGroups);
            if (addon.equals("aws-ebs-csi-driver")) {
                after.add(associations.get(Controller.EBS_CSI_DRIVER));
            }
            addons.put(addon, addon(name, addon, cluster, args, after));
        }

        this.kubeconfig = Output.tuple(cluster.name(), endpoint, certificateAuthorityData)
                .applyValue(t -> Kubeconfig.render(t.t1, region.name(), t.t2, t.t3))
                .asSecret();
        // Two providers on the same kubeconfig. The bootstrap provider installs the baseline; the AWS Load
        // Balancer Controller registers a mutating webhook on every Service with failurePolicy Fail, so
        // no Service may be created before its pods answer. The provider everyone else gets
        // (kubernetesProvider()) therefore exists only once the whole baseline is ready: a resource
        // cannot be created before its provider, so every Service and chart of every component waits,
        // without each having to remember a dependsOn.
        var bootstrap = new Provider(Naming.child(name, "k8s-bootstrap"), ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                // Without the creator's bootstrap permission, the deployer reaches the API only through its
                // access entry and policy association: nothing inside the cluster before they exist.
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(concat(nodeGroups, accessEntries)).build());

        List<Resource> baseline = new ArrayList<>();
        baseline.addAll(storageClasses(name, ebsKey, bootstrap));
        baseline.addAll(appNamespace(name, args, bootstrap));

        List<Resource> clusterReady = new ArrayList<>(nodeGroups);
        clusterReady.add(addons.get("coredns"));
        var placement = HelmValues.systemPlacement(args.nodePools());
        // The release completes only when the controller's Deployment is ready (skipAwait false, atomic):
        // from then on its webhook answers.
        this.loadBalancerController = helmRelease(name, HelmCharts.LOAD_BALANCER_CONTROLLER,
                args.vpcId().applyValue(vpc -> HelmValues.loadBalancerController(args.clusterName(), region.name(), vpc, placement)),
                bootstrap, concat(clusterReady, List.of(associations.get(Controller.LOAD_BALANCER_CONTROLLER))));
        baseline.add(loadBalancerController);
        baseline.add(addons.get("aws-ebs-csi-driver"));
        baseline.addAll(clusterReady);

        this.kubernetesProvider = new Provider(Naming.child(name, "k8s"), ProviderArgs.builder()
                .kubeconfig(kubeconfig)
                .enableServerSideApply(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(baseline).build());

        HelmCharts autoscalerChart = HelmCharts.clusterAutoscaler(args.kubernetesVersion()).orElseThrow(() ->
                new IllegalArgumentException("no cluster-autoscaler chart for Kubernetes " + args.kubernetesVersion()));
        // The autoscaler chart creates a Service (metrics): through the provider that waits for the controller.
        helmRelease(name, autoscalerChart,
                Output.of(HelmValues.clusterAutoscaler(args.clusterName(), region.name(), args.kubernetesVersion(), placement)),
                kubernetesProvider, List.of(associations.get(Controller.CLUSTER_AUTOSCALER)));

        registerOutputs(Map.of(
                "clusterName", clusterName,
                "endpoint", endpoint,
                "oidcIssuer", oidcIssuer,
                "oidcProviderArn", oidcProviderArn,
                "nodeSecurityGroupId", nodeSecurityGroupId,
                "clusterSecurityGroupId", clusterSecurityGroupId,
                "kubeconfig", kubeconfig));
    }

    private Key ebsKey(String name, EksClusterArgs args, ControllerRoles roles) {
        var region = args.region();
        var tagging = args.tagging();
        String keyName = Naming.child(name, "ebs-key");
        var key = new Key(keyName, KeyArgs.builder()
                .description("Encrypts node root volumes and persistent volumes of " + args.clusterName())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(Output.tuple(region.partition(), region.accountId(), roles.autoscalingRoleArn())
                        .applyValue(t -> IamPolicies.ebsKeyPolicy(t.t1, t.t2, t.t3)))
                .tags(tagging.tags(keyName))
                .build(), args.protection().options(region.childOf(this)).dependsOn(roles.autoscalingRole()).build());
        new Alias(keyName + "-alias", AliasArgs.builder()
                .name("alias/" + tagging.required().get("Project") + "-" + tagging.required().get("Environment") + "/" + keyName)
                .targetKeyId(key.keyId())
                .build(), region.child(this));
        return key;
    }

    private List<Resource> attachManaged(Role role, String roleName, List<String> policies, AwsRegion region) {
        List<Resource> attachments = new ArrayList<>();
        for (String policy : policies) {
            attachments.add(new RolePolicyAttachment(roleName + "-" + policy.toLowerCase(Locale.ROOT).replace('_', '-'),
                    RolePolicyAttachmentArgs.builder()
                            .role(role.name())
                            .policyArn(region.partition().applyValue(p -> IamPolicies.managedPolicyArn(p, policy)))
                            .build(), region.child(this)));
        }
        return attachments;
    }

    /** The node role; its policy attachments are added to {@code attachments} (node groups wait for them). */
    private Role nodeRole(String name, AwsRegion region, Tagging tagging, List<Resource> attachments) {
        String roleName = Naming.child(name, "node-role");
        var role = new Role(roleName, RoleArgs.builder()
                .description("Managed node groups of " + clusterNameValue)
                .assumeRolePolicy(IamPolicies.nodeTrust().toJson())
                .tags(tagging.tags(roleName))
                .build(), region.child(this));
        attachments.addAll(attachManaged(role, roleName, IamPolicies.NODE_MANAGED_POLICIES, region));
        return role;
    }

    /** Access entry plus cluster-admin for one principal; the resource name derives from the ARN, not a list index. */
    private Resource access(String entryName, Output<String> principalArn, String accessPolicy, String associationSuffix,
                            Cluster cluster, AwsRegion region, Tagging tagging) {
        var entry = new AccessEntry(entryName, AccessEntryArgs.builder()
                .clusterName(cluster.name())
                .principalArn(principalArn)
                .type("STANDARD")
                .tags(tagging.tags(entryName))
                .build(), region.child(this));
        return new AccessPolicyAssociation(entryName + associationSuffix, AccessPolicyAssociationArgs.builder()
                .clusterName(cluster.name())
                .principalArn(principalArn)
                .policyArn(region.partition().applyValue(p -> "arn:" + p + ":eks::aws:cluster-access-policy/" + accessPolicy))
                .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                .build(), region.childOf(this).dependsOn(entry).build());
    }

    /** {@code arn:aws:iam::123456789012:role/team/platform-admin} becomes {@code role-team-platform-admin}. */
    static String principalSlug(String principalArn) {
        return Naming.principalSlug(principalArn);
    }

    private Addon addon(String name, String addon, Cluster cluster, EksClusterArgs args, List<Resource> dependsOn) {
        String addonName = Naming.child(name, addon);
        // Pinned (eks.addonVersions, AddonVersions): EKS's default moves, and following it would upgrade the
        // add-on on a no-change up.
        String version = args.addonVersions().get(addon);
        if (version == null) {
            throw new IllegalArgumentException("no pinned version for add-on " + addon);
        }
        return new Addon(addonName, AddonArgs.builder()
                .clusterName(cluster.name())
                .addonName(addon)
                .addonVersion(version)
                // Take over what EKS or a previous version installed, so creates and upgrades never stop on a conflict.
                .resolveConflictsOnCreate("OVERWRITE")
                .resolveConflictsOnUpdate("OVERWRITE")
                .tags(args.tagging().tags(addonName))
                .build(), args.region().childOf(this).dependsOn(dependsOn).build());
    }

    private NodeGroup nodeGroup(String name, NodePoolSpec pool, Cluster cluster, Role nodeRole, SecurityGroup nodeSg,
                                Key ebsKey, EksClusterArgs args, List<Resource> dependsOn) {
        var region = args.region();
        var tagging = args.tagging();
        String groupName = Naming.child(name, pool.name());
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
                .build(), region.child(this));

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
                .build(), region.childOf(this)
                .ignoreChanges(scaling.ownedByAutoscaler() ? List.of("scalingConfig.desiredSize") : List.of())
                .dependsOn(dependsOn)
                .build());
    }

    /** The private subnets of the pool's AZs (the network lists one per AZ, sorted by AZ). */
    static Output<List<String>> poolSubnets(EksClusterArgs args, NodePoolSpec pool) {
        List<Integer> indices = pool.availabilityZones().stream().map(az -> args.availabilityZones().indexOf(az)).toList();
        if (indices.contains(-1)) {
            throw new IllegalArgumentException("pool " + pool.name() + " names AZs " + pool.availabilityZones()
                    + " outside the network's " + args.availabilityZones());
        }
        return args.privateSubnetIds().applyValue(ids -> indices.stream().map(ids::get).toList());
    }

    /** Tags the cluster autoscaler discovers node groups by (EKS also puts them on the groups' ASGs). */
    public static Map<String, String> autoscalerDiscoveryTags(String clusterName) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("k8s.io/cluster-autoscaler/enabled", "true");
        tags.put("k8s.io/cluster-autoscaler/" + clusterName, "owned");
        return tags;
    }

    private CustomResourceOptions k8s(Provider provider, List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(this).provider(provider).dependsOn(dependsOn).build();
    }

    private List<Resource> storageClasses(String name, Key ebsKey, Provider provider) {
        List<Resource> created = new ArrayList<>();
        for (String cls : List.of(STORAGE_CLASS_GP3, STORAGE_CLASS_GP3_RETAIN)) {
            boolean retain = cls.equals(STORAGE_CLASS_GP3_RETAIN);
            var meta = ObjectMetaArgs.builder().name(cls);
            if (!retain) {
                meta.annotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"));
            }
            created.add(new StorageClass(Naming.child(name, "storageclass-" + cls), StorageClassArgs.builder()
                    .metadata(meta.build())
                    .provisioner("ebs.csi.aws.com")
                    .parameters(ebsKey.arn().applyValue(EksCluster::storageClassParameters))
                    .reclaimPolicy(retain ? "Retain" : "Delete")
                    .volumeBindingMode("WaitForFirstConsumer")
                    .allowVolumeExpansion(true)
                    .build(), k8s(provider, List.of())));
        }
        return created;
    }

    /** Parameters of both StorageClasses: gp3, encrypted with the cluster's EBS key. */
    public static Map<String, String> storageClassParameters(String ebsKeyArn) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "gp3");
        p.put("fsType", "ext4");
        p.put("encrypted", "true");
        p.put("kmsKeyId", ebsKeyArn);
        return p;
    }

    private List<Resource> appNamespace(String name, EksClusterArgs args, Provider provider) {
        var spec = args.appNamespace();
        var ns = new Namespace(Naming.child(name, "app-namespace"), NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(spec.name())
                        .labels(Map.of(
                                "pod-security.kubernetes.io/enforce", "baseline",
                                "pod-security.kubernetes.io/warn", "restricted"))
                        .build())
                .build(), k8s(provider, List.of()));
        Map<String, String> hard = new LinkedHashMap<>();
        hard.put("requests.cpu", spec.requestsCpu());
        hard.put("requests.memory", spec.requestsMemory());
        hard.put("limits.cpu", spec.limitsCpu());
        hard.put("limits.memory", spec.limitsMemory());
        hard.put("pods", String.valueOf(spec.maxPods()));
        var quota = new ResourceQuota(Naming.child(name, "app-quota"), ResourceQuotaArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(spec.name() + "-quota").namespace(spec.name()).build())
                .spec(ResourceQuotaSpecArgs.builder().hard(hard).build())
                .build(), k8s(provider, List.of(ns)));
        var limits = new LimitRange(Naming.child(name, "app-limits"), LimitRangeArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(spec.name() + "-limits").namespace(spec.name()).build())
                .spec(LimitRangeSpecArgs.builder().limits(LimitRangeItemArgs.builder()
                        .type("Container")
                        .defaultRequest(Map.of("cpu", spec.defaultRequestCpu(), "memory", spec.defaultRequestMemory()))
                        .default_(Map.of("cpu", spec.defaultLimitCpu(), "memory", spec.defaultLimitMemory()))
                        .build()).build())
                .build(), k8s(provider, List.of(ns)));
        return List.of(ns, quota, limits);
    }

    private Release helmRelease(String name, HelmCharts chart, Output<Map<String, Object>> values, Provider provider,
                                List<Resource> dependsOn) {
        return new Release(Naming.child(name, chart.release()), ReleaseArgs.builder()
                .name(chart.release())
                .chart(chart.chart())
                .version(chart.version())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(chart.repository()).build())
                .namespace(chart.namespace())
                .values(values)
                .atomic(true)
                .skipAwait(false)
                .waitForJobs(true)
                .cleanupOnFail(true)
                .maxHistory(10)
                .timeout(600)
                .build(), k8s(provider, dependsOn));
    }

    private static List<Resource> concat(List<? extends Resource> a, List<? extends Resource> b) {
        List<Resource> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** The physical cluster name, known before deployment. */
    public String name() {
        return clusterNameValue;
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> endpoint() {
        return endpoint;
    }

    public Output<String> certificateAuthorityData() {
        return certificateAuthorityData;
    }

    public Output<String> oidcIssuer() {
        return oidcIssuer;
    }

    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    /**
     * The security group every node (and so every pod: the VPC CNI gives pods the node's groups) carries.
     * Data stores admit their port from this group only.
     */
    public Output<String> nodeSecurityGroupId() {
        return nodeSecurityGroupId;
    }

    /**
     * The EKS-created cluster security group: control plane ENIs and, through the launch templates, every
     * node carry it. Data stores need not admit it (nodes already carry {@link #nodeSecurityGroupId()});
     * it is exposed for components that must reach the control plane.
     */
    public Output<String> clusterSecurityGroupId() {
        return clusterSecurityGroupId;
    }

    /** A kubeconfig using {@code aws eks get-token}; marked secret. */
    public Output<String> kubeconfig() {
        return kubeconfig;
    }

    /**
     * The AWS Load Balancer Controller release: done when its webhook answers. Anything creating a
     * Service through another provider than {@link #kubernetesProvider()} must depend on it.
     */
    public Resource servicesReady() {
        return loadBalancerController;
    }

    /**
     * The provider every Kubernetes resource outside this component must be created through. It is
     * created after the cluster baseline (pools, add-ons, StorageClasses, application namespace and the
     * load balancer controller's webhook), so nothing it creates can race them.
     */
    public Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /** StorageClass names: the default first. */
    public List<String> storageClassNames() {
        return List.of(STORAGE_CLASS_GP3, STORAGE_CLASS_GP3_RETAIN);
    }

    public Output<String> ebsKeyArn() {
        return ebsKeyArn;
    }

    /** The controller roles (shared by every cluster of the stack). */
    public ControllerRoles controllerRoles() {
        return controllerRoles;
    }
}
