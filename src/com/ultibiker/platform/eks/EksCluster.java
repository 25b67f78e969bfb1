package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * An EKS cluster in one region, built from {@code com.pulumi.aws.eks} in the parts the best EKS
 * modules use (terraform-aws-eks: the cluster, its managed node groups, its add-ons and access entries;
 * EKS Blueprints: the in-cluster add-ons), each a plain class in its own file with a typed input:
 * <ol>
 *   <li>{@link ControlPlane}: keys, control-plane logs, cluster role, the cluster and its OIDC provider;</li>
 *   <li>{@link ClusterAccessEntries}: access entries of the admins, the deployer and the CI roles;</li>
 *   <li>{@link ClusterAddons}: the managed add-ons nodes need, and the controllers' Pod Identity;</li>
 *   <li>{@link NodePools}: EBS key, node security group and role, a launch template and node group per pool;
 *       then the add-ons whose pods need nodes;</li>
 *   <li>{@link ClusterBaseline}: StorageClasses, application namespace and the controllers' Helm releases.</li>
 * </ol>
 * The parts are not components: every child is parented to this component directly ({@link ClusterScope}),
 * so the split changes no URN. Children are named {@code <name>-<role>}; AWS children go through the
 * region's provider, the baseline through a bootstrap provider of its own, and Kubernetes resources of
 * other components through {@link #kubernetesProvider()}.
 */
public final class EksCluster extends ComponentResource {

    public static final String TYPE = "ultibiker:eks:EksCluster";

    /** The default StorageClass: encrypted gp3, deleted with its claim. */
    public static final String STORAGE_CLASS_GP3 = "gp3";
    /** Encrypted gp3 whose volume outlives its claim (for data that must survive a mistaken delete). */
    public static final String STORAGE_CLASS_GP3_RETAIN = "gp3-retain";

    private final String clusterNameValue;
    private final ControllerRoles controllerRoles;
    private final ControlPlane controlPlane;
    private final NodePools nodePools;
    private final ClusterBaseline baseline;
    private final Map<String, Output<String>> containerLogGroups;

    public EksCluster(String name, EksClusterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.clusterNameValue = args.clusterName();
        var scope = ClusterScope.of(this, name, args);
        // IAM is global: the stack's first cluster creates the controller roles, the others share them.
        this.controllerRoles = args.sharedRoles().orElseGet(() ->
                ControllerRoles.create(scope, args.platformClusters(), args.autoscalingServiceLinkedRole(),
                        args.applicationLogs().enabled()));

        this.controlPlane = new ControlPlane(scope, ControlPlaneArgs.builder()
                .clusterName(args.clusterName())
                .kubernetesVersion(args.kubernetesVersion())
                .endpointPublicAccess(args.endpointPublicAccess())
                .publicAccessCidrs(args.publicAccessCidrs())
                .privateSubnetIds(args.privateSubnetIds())
                .logTypes(args.logTypes())
                .logRetentionDays(args.logRetentionDays())
                .build());

        var access = new ClusterAccessEntries(scope, ClusterAccessEntriesArgs.builder()
                .clusterName(controlPlane.clusterName())
                .adminPrincipalArns(args.adminPrincipalArns())
                .automationAccess(args.automationAccess())
                .build());

        var addons = new ClusterAddons(scope, ClusterAddonsArgs.builder()
                .clusterName(controlPlane.clusterName())
                .addonVersions(args.addonVersions())
                .controllerRoles(controllerRoles)
                .physicalName(args.clusterName())
                .applicationLogs(args.applicationLogs())
                .logsKeyArn(controlPlane.logsKeyArn())
                .logRetentionDays(args.logRetentionDays())
                .build());

        this.nodePools = new NodePools(scope, NodePoolsArgs.builder()
                .clusterName(args.clusterName())
                .controlPlane(controlPlane)
                .pools(args.nodePools())
                .vpcId(args.vpcId())
                .privateSubnetIds(args.privateSubnetIds())
                .availabilityZones(args.availabilityZones())
                .controllerRoles(controllerRoles)
                .after(addons.beforeNodes())
                .build());
        var nodeAddons = addons.afterNodes(nodePools);

        this.baseline = new ClusterBaseline(scope, ClusterBaselineArgs.builder()
                .clusterName(args.clusterName())
                .kubernetesVersion(args.kubernetesVersion())
                .kubeconfig(controlPlane.kubeconfig())
                .vpcId(args.vpcId())
                .appNamespace(args.appNamespace())
                .nodePools(nodePools)
                .addons(addons)
                .nodeAddons(nodeAddons)
                .access(access)
                .build());
        this.containerLogGroups = addons.containerLogs(nodePools, baseline.loadBalancerController());

        registerOutputs(Map.of(
                "clusterName", clusterName(),
                "endpoint", endpoint(),
                "oidcIssuer", oidcIssuer(),
                "oidcProviderArn", oidcProviderArn(),
                "nodeSecurityGroupId", nodeSecurityGroupId(),
                "clusterSecurityGroupId", clusterSecurityGroupId(),
                "kubeconfig", kubeconfig()));
    }

    /** The physical cluster name, known before deployment. */
    public String name() {
        return clusterNameValue;
    }

    public Output<String> clusterName() {
        return controlPlane.clusterName();
    }

    public Output<String> endpoint() {
        return controlPlane.endpoint();
    }

    public Output<String> certificateAuthorityData() {
        return controlPlane.certificateAuthorityData();
    }

    public Output<String> oidcIssuer() {
        return controlPlane.oidcIssuer();
    }

    public Output<String> oidcProviderArn() {
        return controlPlane.oidcProviderArn();
    }

    /**
     * The security group every node (and so every pod: the VPC CNI gives pods the node's groups) carries.
     * Data stores admit their port from this group only.
     */
    public Output<String> nodeSecurityGroupId() {
        return nodePools.nodeSecurityGroupId();
    }

    /**
     * The EKS-created cluster security group: control plane ENIs and, through the launch templates, every
     * node carry it. Data stores need not admit it (nodes already carry {@link #nodeSecurityGroupId()});
     * it is exposed for components that must reach the control plane.
     */
    public Output<String> clusterSecurityGroupId() {
        return controlPlane.clusterSecurityGroupId();
    }

    /** A kubeconfig using {@code aws eks get-token}; marked secret. */
    public Output<String> kubeconfig() {
        return controlPlane.kubeconfig();
    }

    /**
     * The AWS Load Balancer Controller release: done when its webhook answers. Anything creating a
     * Service through another provider than {@link #kubernetesProvider()} must depend on it.
     */
    public Resource servicesReady() {
        return baseline.loadBalancerController();
    }

    /**
     * The provider every Kubernetes resource outside this component must be created through. It is
     * created after the cluster baseline (pools, add-ons, StorageClasses, application namespace and the
     * load balancer controller's webhook), so nothing it creates can race them.
     */
    public Provider kubernetesProvider() {
        return baseline.kubernetesProvider();
    }

    /** StorageClass names: the default first. */
    public List<String> storageClassNames() {
        return List.of(STORAGE_CLASS_GP3, STORAGE_CLASS_GP3_RETAIN);
    }

    public Output<String> ebsKeyArn() {
        return nodePools.ebsKeyArn();
    }

    /**
     * The container log groups by kind ({@code application}, {@code system}, {@code dataplane}, {@code host};
     * {@link ContainerLogs}), empty when {@code observability.applicationLogs.enabled} is false.
     */
    public Map<String, Output<String>> containerLogGroups() {
        return containerLogGroups;
    }

    /** The controller roles (shared by every cluster of the stack). */
    public ControllerRoles controllerRoles() {
        return controllerRoles;
    }
}
