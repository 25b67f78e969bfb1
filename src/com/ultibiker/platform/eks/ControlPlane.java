package com.ultibiker.platform.eks;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.eks.Cluster;
import com.pulumi.aws.eks.ClusterArgs;
import com.pulumi.aws.eks.inputs.ClusterAccessConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigArgs;
import com.pulumi.aws.eks.inputs.ClusterEncryptionConfigProviderArgs;
import com.pulumi.aws.eks.inputs.ClusterUpgradePolicyArgs;
import com.pulumi.aws.eks.inputs.ClusterVpcConfigArgs;
import com.pulumi.aws.eks.outputs.ClusterCertificateAuthority;
import com.pulumi.aws.eks.outputs.ClusterIdentity;
import com.pulumi.aws.eks.outputs.ClusterIdentityOidc;
import com.pulumi.aws.eks.outputs.ClusterVpcConfig;
import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The EKS control plane of one cluster: its two keys (Kubernetes secrets, control-plane logs), the log
 * group EKS writes to (created first, so EKS never creates an unencrypted one), the cluster role, the
 * cluster itself (API authentication, private endpoint, optional CIDR-restricted public endpoint) and
 * its IAM OIDC provider. Its outputs are what every other part of the cluster is built on.
 */
final class ControlPlane {

    static final String CLUSTER_TYPE = "aws:eks/cluster:Cluster";

    private final Cluster cluster;
    private final Output<String> logsKeyArn;
    private final Output<String> certificateAuthorityData;
    private final Output<String> oidcIssuer;
    private final Output<String> oidcProviderArn;
    private final Output<String> clusterSecurityGroupId;
    private final Output<String> kubeconfig;

    ControlPlane(ClusterScope scope, ControlPlaneArgs args) {
        var region = scope.region();
        var tagging = scope.tagging();

        // Keys: one per use, so a key policy or grant never reaches more than it must.
        Key secretsKey = EncryptionKeys.create(scope.child("secrets-key"),
                "Envelope encryption of Kubernetes secrets in " + args.clusterName(), scope.parent(), region, tagging,
                scope.protection(), keyScope -> List.of());
        // CloudWatch Logs may use it for this cluster's control-plane group and its container log groups only.
        Key logsKey = EncryptionKeys.create(scope.child("logs-key"),
                "Encrypts control-plane logs of " + args.clusterName(), scope.parent(), region, tagging, scope.protection(),
                keyScope -> List.of(KeyPolicies.ServiceGrant.cloudWatchLogs(keyScope.partition(), keyScope.region(),
                        keyScope.accountId(), List.of(controlPlaneLogGroup(args.clusterName()),
                                "/aws/containerinsights/" + args.clusterName() + "/*"))));
        this.logsKeyArn = logsKey.arn();

        // The log group must exist before the cluster, or EKS creates an unencrypted one without retention.
        String logGroupName = scope.child("control-plane-logs");
        var logGroup = new LogGroup(logGroupName, LogGroupArgs.builder()
                .name(controlPlaneLogGroup(args.clusterName()))
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(logsKey.arn())
                .tags(tagging.tags(logGroupName))
                .build(), scope.aws());

        String clusterRoleName = scope.child("cluster-role");
        var clusterRole = new Role(clusterRoleName, RoleArgs.builder()
                .description("EKS control plane of " + args.clusterName())
                .assumeRolePolicy(region.accountId().applyValue(a -> IamPolicies.clusterTrust(a).toJson()))
                .tags(tagging.tags(clusterRoleName))
                .build(), scope.aws());
        List<Resource> clusterRolePolicies = new ArrayList<>(scope.attachManaged(clusterRole, clusterRoleName,
                IamPolicies.CLUSTER_MANAGED_POLICIES));
        clusterRolePolicies.add(new RolePolicy(clusterRoleName + "-secrets-encryption", RolePolicyArgs.builder()
                .role(clusterRole.id())
                .policy(secretsKey.arn().applyValue(arn -> IamPolicies.clusterEncryption(arn).toJson()))
                .build(), scope.aws()));

        String clusterResourceName = scope.child("cluster");
        this.cluster = new Cluster(clusterResourceName, ClusterArgs.builder()
                .name(args.clusterName())
                .version(args.kubernetesVersion())
                .roleArn(clusterRole.arn())
                .vpcConfig(endpointAccess(args))
                .encryptionConfig(ClusterEncryptionConfigArgs.builder()
                        .resources("secrets")
                        .provider(ClusterEncryptionConfigProviderArgs.builder().keyArn(secretsKey.arn()).build())
                        .build())
                .enabledClusterLogTypes(args.logTypes())
                // API mode: access is granted through access entries only (no aws-auth ConfigMap), every one
                // managed by ClusterAccessEntries: no entry EKS makes for the creator, which would collide with
                // ours. ForceNew in the provider (access_config.bootstrap_cluster_creator_admin_permissions).
                .accessConfig(ClusterAccessConfigArgs.builder()
                        .authenticationMode("API")
                        .bootstrapClusterCreatorAdminPermissions(false)
                        .build())
                // The managed add-ons (ClusterAddons) replace the self-managed defaults.
                .bootstrapSelfManagedAddons(false)
                // Standard support only: a cluster that falls behind fails loudly instead of paying extended support.
                .upgradePolicy(ClusterUpgradePolicyArgs.builder().supportType("STANDARD").build())
                .tags(tagging.tags(clusterResourceName))
                .build(), scope.protection().options(scope.awsBuilder())
                .dependsOn(ClusterScope.concat(clusterRolePolicies, List.of(logGroup)))
                .build());
        this.certificateAuthorityData = cluster.certificateAuthority()
                .applyValue(ca -> certificateAuthorityData(clusterResourceName, ca));
        this.oidcIssuer = cluster.identities().applyValue(ids -> oidcIssuer(clusterResourceName, ids));
        this.clusterSecurityGroupId = cluster.vpcConfig()
                .applyValue(v -> clusterSecurityGroupId(clusterResourceName, v));

        // IRSA stays available for workloads that need it. AWS validates EKS OIDC issuers against its own
        // trusted CA store and ignores the thumbprint, so none is pinned here (no tls provider needed).
        String oidcName = scope.child("oidc");
        var oidc = new OpenIdConnectProvider(oidcName, OpenIdConnectProviderArgs.builder()
                .url(oidcIssuer)
                .clientIdLists("sts.amazonaws.com")
                .tags(tagging.tags(oidcName))
                .build(), scope.aws());

        this.oidcProviderArn = oidc.arn();

        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), certificateAuthorityData)
                .applyValue(t -> Kubeconfig.render(t.t1, region.name(), t.t2, t.t3))
                .asSecret();
    }

    /**
     * Who reaches the API server: the private endpoint always; the public one only when configured, and
     * then only from {@code publicAccessCidrs} (sent only with the public endpoint on).
     */
    static ClusterVpcConfigArgs endpointAccess(ControlPlaneArgs args) {
        var vpcConfig = ClusterVpcConfigArgs.builder()
                .subnetIds(args.privateSubnetIds())
                .endpointPrivateAccess(true)
                .endpointPublicAccess(args.endpointPublicAccess());
        if (args.endpointPublicAccess()) {
            vpcConfig.publicAccessCidrs(args.publicAccessCidrs());
        }
        return vpcConfig.build();
    }

    // What EKS returns for every cluster it has created (the provider marks these attributes computed). Absent,
    // nothing downstream could work (a kubeconfig without a CA, an OIDC provider without a URL, nodes without
    // the cluster security group), so a missing one stops the program naming the resource and the attribute.

    /** {@code certificateAuthority.data} of the cluster resource {@code resourceName}; fails when AWS returned none. */
    static String certificateAuthorityData(String resourceName, ClusterCertificateAuthority ca) {
        return Optional.ofNullable(ca).flatMap(ClusterCertificateAuthority::data).filter(s -> !s.isEmpty())
                .orElseThrow(() -> missing(resourceName, "certificateAuthority.data"));
    }

    /** {@code identities[0].oidcs[0].issuer} of the cluster resource {@code resourceName}; fails when AWS returned none. */
    static String oidcIssuer(String resourceName, List<ClusterIdentity> identities) {
        return Optional.ofNullable(identities).flatMap(ids -> ids.stream().findFirst())
                .flatMap(identity -> identity.oidcs().stream().findFirst())
                .flatMap(ClusterIdentityOidc::issuer)
                .filter(s -> !s.isEmpty())
                .orElseThrow(() -> missing(resourceName, "identities[0].oidcs[0].issuer"));
    }

    /** {@code vpcConfig.clusterSecurityGroupId} of the cluster resource {@code resourceName}; fails when AWS returned none. */
    static String clusterSecurityGroupId(String resourceName, ClusterVpcConfig vpcConfig) {
        return Optional.ofNullable(vpcConfig).flatMap(ClusterVpcConfig::clusterSecurityGroupId).filter(s -> !s.isEmpty())
                .orElseThrow(() -> missing(resourceName, "vpcConfig.clusterSecurityGroupId"));
    }

    private static IllegalStateException missing(String resourceName, String attribute) {
        return new IllegalStateException(CLUSTER_TYPE + " " + resourceName + ": AWS returned no " + attribute
                + " (EKS sets it on every cluster it creates; check the cluster in the EKS console and run pulumi refresh)");
    }

    Cluster cluster() {
        return cluster;
    }

    Output<String> clusterName() {
        return cluster.name();
    }

    Output<String> endpoint() {
        return cluster.endpoint();
    }

    Output<String> certificateAuthorityData() {
        return certificateAuthorityData;
    }

    Output<String> oidcIssuer() {
        return oidcIssuer;
    }

    Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    /** The security group EKS creates for the cluster (control plane ENIs; the nodes carry it too). */
    Output<String> clusterSecurityGroupId() {
        return clusterSecurityGroupId;
    }

    /** A kubeconfig using {@code aws eks get-token}; secret. */
    Output<String> kubeconfig() {
        return kubeconfig;
    }

    /** The group EKS writes control-plane logs to (EKS User Guide, "Send control plane logs to CloudWatch Logs"). */
    static String controlPlaneLogGroup(String clusterName) {
        return "/aws/eks/" + clusterName + "/cluster";
    }

    /** The cluster's logs key: control-plane and container log groups. */
    Output<String> logsKeyArn() {
        return logsKeyArn;
    }
}
