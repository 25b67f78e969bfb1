package com.ultibiker.platform.eks;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure builders of the IAM documents the EKS component uses: trust policies and the documented
 * least-privilege policies of the controllers. No Pulumi types; rendered documents are kept as golden
 * files under {@code tests/resources/golden/eks/}.
 *
 * <p>Sources: the EKS user guide (cluster and node roles, Pod Identity trust, EBS CSI driver with a
 * customer-managed key), the cluster-autoscaler AWS cloud provider README ("IAM policy"), and the
 * AWS Load Balancer Controller's published {@code iam_policy.json} (v2.13).
 */
public final class IamPolicies {

    /** Session tags EKS Pod Identity sets when it assumes a role (EKS user guide, "pod-id-abac"). */
    public static final String TAG_CLUSTER = "aws:RequestTag/eks-cluster-name";
    public static final String TAG_NAMESPACE = "aws:RequestTag/kubernetes-namespace";
    public static final String TAG_SERVICE_ACCOUNT = "aws:RequestTag/kubernetes-service-account";

    /** AWS managed policies of the cluster role: what the control plane needs, nothing broader. */
    public static final List<String> CLUSTER_MANAGED_POLICIES = List.of("AmazonEKSClusterPolicy");

    /** AWS managed policies of the node role: kubelet, VPC CNI, image pulls. */
    public static final List<String> NODE_MANAGED_POLICIES = List.of(
            "AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly");

    private IamPolicies() {
    }

    public static String managedPolicyArn(String partition, String name) {
        return "arn:" + partition + ":iam::aws:policy/" + name;
    }

    /** Trust of the cluster role: the EKS service, for this account only. */
    public static PolicyDocument clusterTrust(String accountId) {
        return PolicyDocument.of(Statement.allow()
                .sid("EksControlPlane")
                .principal(Principal.service("eks.amazonaws.com"))
                .actions("sts:AssumeRole", "sts:TagSession")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build());
    }

    /** Trust of the node role: EC2 instances (the managed node groups' instance profile). */
    public static PolicyDocument nodeTrust() {
        return PolicyDocument.of(Statement.allow()
                .sid("EksNodes")
                .principal(Principal.service("ec2.amazonaws.com"))
                .action("sts:AssumeRole")
                .build());
    }

    /**
     * Trust of a controller role: EKS Pod Identity, only for this account, only for the controller's
     * service account in its namespace, and only from the platform's clusters (the session tags Pod
     * Identity sets). One role serves every cluster listed, in any region, without per-cluster OIDC trust.
     */
    public static PolicyDocument podIdentityTrust(String accountId, List<String> clusterNames, Controller controller) {
        return podIdentityTrust(accountId, clusterNames, controller.namespace(), controller.serviceAccount());
    }

    /** The same trust for any workload's role: one service account in one namespace of the listed clusters. */
    public static PolicyDocument podIdentityTrust(String accountId, List<String> clusterNames, String namespace,
                                                  String serviceAccount) {
        return PolicyDocument.of(Statement.allow()
                .sid("EksPodIdentity")
                .principal(Principal.service("pods.eks.amazonaws.com"))
                .actions("sts:AssumeRole", "sts:TagSession")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition("StringEquals", TAG_CLUSTER, clusterNames.stream().sorted().toList())
                .condition("StringEquals", TAG_NAMESPACE, namespace)
                .condition("StringEquals", TAG_SERVICE_ACCOUNT, serviceAccount)
                .build());
    }

    /** Lets the control plane use the secrets key (envelope encryption of Kubernetes secrets). */
    public static PolicyDocument clusterEncryption(String keyArn) {
        return PolicyDocument.of(Statement.allow()
                .sid("EksSecretsEncryption")
                .actions("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey")
                .resource(keyArn)
                .build());
    }

    /**
     * Cluster autoscaler: read everything it needs to simulate scale-ups, but change only the auto
     * scaling groups EKS tagged as owned by one of the platform's clusters.
     */
    public static PolicyDocument clusterAutoscaler(String partition, String accountId, Map<String, String> clustersByRegion) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow()
                .sid("Describe")
                .actions(
                        "autoscaling:DescribeAutoScalingGroups",
                        "autoscaling:DescribeAutoScalingInstances",
                        "autoscaling:DescribeLaunchConfigurations",
                        "autoscaling:DescribeScalingActivities",
                        "autoscaling:DescribeTags",
                        "ec2:DescribeImages",
                        "ec2:DescribeInstanceTypes",
                        "ec2:DescribeLaunchTemplateVersions",
                        "ec2:GetInstanceTypesFromInstanceRequirements")
                .resource("*")
                .build());
        new TreeMap<>(clustersByRegion).forEach((region, cluster) -> {
            statements.add(Statement.allow()
                    .sid("Scale" + pascal(region))
                    .actions("autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup")
                    .resource("arn:" + partition + ":autoscaling:" + region + ":" + accountId + ":autoScalingGroup:*:autoScalingGroupName/*")
                    .condition("StringEquals", "aws:ResourceTag/k8s.io/cluster-autoscaler/" + cluster, "owned")
                    .condition("StringEquals", "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled", "true")
                    .build());
            statements.add(Statement.allow()
                    .sid("DescribeNodegroups" + pascal(region))
                    .action("eks:DescribeNodegroup")
                    .resource("arn:" + partition + ":eks:" + region + ":" + accountId + ":nodegroup/" + cluster + "/*/*")
                    .build());
        });
        return PolicyDocument.of(statements);
    }

    /**
     * AWS Load Balancer Controller: the controller's published policy. Mutations are limited to load
     * balancers, target groups and security groups carrying the controller's {@code elbv2.k8s.aws/cluster}
     * tag (the controller adds it on create).
     */
    public static PolicyDocument loadBalancerController(String partition) {
        String elb = "arn:" + partition + ":elasticloadbalancing:*:*:";
        String sg = "arn:" + partition + ":ec2:*:*:security-group/*";
        List<String> lbAndTg = List.of(elb + "targetgroup/*/*", elb + "loadbalancer/net/*/*", elb + "loadbalancer/app/*/*");
        String clusterTag = "elbv2.k8s.aws/cluster";
        return PolicyDocument.of(
                Statement.allow()
                        .sid("ElbServiceLinkedRole")
                        .action("iam:CreateServiceLinkedRole")
                        .resource("*")
                        .condition("StringEquals", "iam:AWSServiceName", "elasticloadbalancing.amazonaws.com")
                        .build(),
                Statement.allow()
                        .sid("Describe")
                        .actions(
                                "ec2:DescribeAccountAttributes",
                                "ec2:DescribeAddresses",
                                "ec2:DescribeAvailabilityZones",
                                "ec2:DescribeInternetGateways",
                                "ec2:DescribeVpcs",
                                "ec2:DescribeVpcPeeringConnections",
                                "ec2:DescribeSubnets",
                                "ec2:DescribeSecurityGroups",
                                "ec2:DescribeInstances",
                                "ec2:DescribeNetworkInterfaces",
                                "ec2:DescribeTags",
                                "ec2:GetCoipPoolUsage",
                                "ec2:DescribeCoipPools",
                                "ec2:GetSecurityGroupsForVpc",
                                "elasticloadbalancing:DescribeLoadBalancers",
                                "elasticloadbalancing:DescribeLoadBalancerAttributes",
                                "elasticloadbalancing:DescribeListeners",
                                "elasticloadbalancing:DescribeListenerCertificates",
                                "elasticloadbalancing:DescribeSSLPolicies",
                                "elasticloadbalancing:DescribeRules",
                                "elasticloadbalancing:DescribeTargetGroups",
                                "elasticloadbalancing:DescribeTargetGroupAttributes",
                                "elasticloadbalancing:DescribeTargetHealth",
                                "elasticloadbalancing:DescribeTags",
                                "elasticloadbalancing:DescribeTrustStores",
                                "elasticloadbalancing:DescribeListenerAttributes",
                                "elasticloadbalancing:DescribeCapacityReservation")
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("CertificatesWafShield")
                        .actions(
                                "cognito-idp:DescribeUserPoolClient",
                                "acm:ListCertificates",
                                "acm:DescribeCertificate",
                                "iam:ListServerCertificates",
                                "iam:GetServerCertificate",
                                "waf-regional:GetWebACL",
                                "waf-regional:GetWebACLForResource",
                                "waf-regional:AssociateWebACL",
                                "waf-regional:DisassociateWebACL",
                                "wafv2:GetWebACL",
                                "wafv2:GetWebACLForResource",
                                "wafv2:AssociateWebACL",
                                "wafv2:DisassociateWebACL",
                                "shield:GetSubscriptionState",
                                "shield:DescribeProtection",
                                "shield:CreateProtection",
                                "shield:DeleteProtection")
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("NodeSecurityGroupRules")
                        .actions("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress")
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("CreateSecurityGroup")
                        .action("ec2:CreateSecurityGroup")
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("TagNewSecurityGroup")
                        .action("ec2:CreateTags")
                        .resource(sg)
                        .condition("StringEquals", "ec2:CreateAction", "CreateSecurityGroup")
                        .condition("Null", "aws:RequestTag/" + clusterTag, "false")
                        .build(),
                Statement.allow()
                        .sid("RetagOwnSecurityGroups")
                        .actions("ec2:CreateTags", "ec2:DeleteTags")
                        .resource(sg)
                        .condition("Null", "aws:RequestTag/" + clusterTag, "true")
                        .condition("Null", "aws:ResourceTag/" + clusterTag, "false")
                        .build(),
                Statement.allow()
                        .sid("ManageOwnSecurityGroups")
                        .actions("ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup")
                        .resource("*")
                        .condition("Null", "aws:ResourceTag/" + clusterTag, "false")
                        .build(),
                Statement.allow()
                        .sid("CreateTaggedLoadBalancers")
                        .actions("elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup")
                        .resource("*")
                        .condition("Null", "aws:RequestTag/" + clusterTag, "false")
                        .build(),
                Statement.allow()
                        .sid("ListenersAndRules")
                        .actions(
                                "elasticloadbalancing:CreateListener",
                                "elasticloadbalancing:DeleteListener",
                                "elasticloadbalancing:CreateRule",
                                "elasticloadbalancing:DeleteRule")
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("RetagOwnLoadBalancers")
                        .actions("elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags")
                        .resources(lbAndTg)
                        .condition("Null", "aws:RequestTag/" + clusterTag, "true")
                        .condition("Null", "aws:ResourceTag/" + clusterTag, "false")
                        .build(),
                Statement.allow()
                        .sid("TagListenersAndRules")
                        .actions("elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags")
                        .resources(
                                elb + "listener/net/*/*/*", elb + "listener/app/*/*/*",
                                elb + "listener-rule/net/*/*/*", elb + "listener-rule/app/*/*/*")
                        .build(),
                Statement.allow()
                        .sid("ModifyOwnLoadBalancers")
                        .actions(
                                "elasticloadbalancing:ModifyLoadBalancerAttributes",
                                "elasticloadbalancing:SetIpAddressType",
                                "elasticloadbalancing:SetSecurityGroups",
                                "elasticloadbalancing:SetSubnets",
                                "elasticloadbalancing:DeleteLoadBalancer",
                                "elasticloadbalancing:ModifyTargetGroup",
                                "elasticloadbalancing:ModifyTargetGroupAttributes",
                                "elasticloadbalancing:DeleteTargetGroup",
                                "elasticloadbalancing:ModifyListenerAttributes",
                                "elasticloadbalancing:ModifyCapacityReservation",
                                "elasticloadbalancing:ModifyIpPools")
                        .resource("*")
                        .condition("Null", "aws:ResourceTag/" + clusterTag, "false")
                        .build(),
                Statement.allow()
                        .sid("TagOnCreate")
                        .action("elasticloadbalancing:AddTags")
                        .resources(lbAndTg)
                        .condition("StringEquals", "elasticloadbalancing:CreateAction", List.of("CreateTargetGroup", "CreateLoadBalancer"))
                        .condition("Null", "aws:RequestTag/" + clusterTag, "false")
                        .build(),
                Statement.allow()
                        .sid("Targets")
                        .actions("elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets")
                        .resource(elb + "targetgroup/*/*")
                        .build(),
                Statement.allow()
                        .sid("ListenerSettings")
                        .actions(
                                "elasticloadbalancing:SetWebAcl",
                                "elasticloadbalancing:ModifyListener",
                                "elasticloadbalancing:AddListenerCertificates",
                                "elasticloadbalancing:RemoveListenerCertificates",
                                "elasticloadbalancing:ModifyRule",
                                "elasticloadbalancing:SetRulePriorities")
                        .resource("*")
                        .build());
    }

    /**
     * EBS CSI driver: the statements of the AWS managed {@code AmazonEBSCSIDriverPolicy} (volumes and
     * snapshots it creates carry its tags, and only those can be deleted). Use of each cluster's EBS
     * key is added by that cluster through {@link #ebsKeyUse}, because the keys are regional.
     */
    public static PolicyDocument ebsCsiDriver(String partition) {
        String ec2 = "arn:" + partition + ":ec2:*:*:";
        String volumes = ec2 + "volume/*";
        String snapshots = ec2 + "snapshot/*";
        return PolicyDocument.of(
                Statement.allow()
                        .sid("Describe")
                        .actions(
                                "ec2:DescribeAvailabilityZones",
                                "ec2:DescribeInstances",
                                "ec2:DescribeSnapshots",
                                "ec2:DescribeTags",
                                "ec2:DescribeVolumes",
                                "ec2:DescribeVolumesModifications")
                        .resource("*")
                        .build(),
                Statement.allow().sid("ModifyVolumes").actions("ec2:CreateSnapshot", "ec2:ModifyVolume").resource(volumes).build(),
                Statement.allow().sid("AttachVolumes").actions("ec2:AttachVolume", "ec2:DetachVolume")
                        .resources(volumes, ec2 + "instance/*").build(),
                Statement.allow().sid("VolumesFromSnapshots").actions("ec2:CreateVolume", "ec2:EnableFastSnapshotRestores")
                        .resource(snapshots).build(),
                Statement.allow().sid("TagOnCreate").action("ec2:CreateTags").resources(volumes, snapshots)
                        .condition("StringEquals", "ec2:CreateAction", List.of("CreateVolume", "CreateSnapshot")).build(),
                Statement.allow().sid("Untag").action("ec2:DeleteTags").resources(volumes, snapshots).build(),
                Statement.allow().sid("CreateClusterVolumes").action("ec2:CreateVolume").resource(volumes)
                        .condition("StringLike", "aws:RequestTag/ebs.csi.aws.com/cluster", "true").build(),
                Statement.allow().sid("CreateNamedVolumes").action("ec2:CreateVolume").resource(volumes)
                        .condition("StringLike", "aws:RequestTag/CSIVolumeName", "*").build(),
                Statement.allow().sid("DeleteClusterVolumes").action("ec2:DeleteVolume").resource(volumes)
                        .condition("StringLike", "ec2:ResourceTag/ebs.csi.aws.com/cluster", "true").build(),
                Statement.allow().sid("DeleteNamedVolumes").action("ec2:DeleteVolume").resource(volumes)
                        .condition("StringLike", "ec2:ResourceTag/CSIVolumeName", "*").build(),
                Statement.allow().sid("DeletePvcVolumes").action("ec2:DeleteVolume").resource(volumes)
                        .condition("StringLike", "ec2:ResourceTag/kubernetes.io/created-for/pvc/name", "*").build(),
                Statement.allow().sid("CreateNamedSnapshots").action("ec2:CreateSnapshot").resource(snapshots)
                        .condition("StringLike", "aws:RequestTag/CSIVolumeSnapshotName", "*").build(),
                Statement.allow().sid("CreateClusterSnapshots").action("ec2:CreateSnapshot").resource(snapshots)
                        .condition("StringLike", "aws:RequestTag/ebs.csi.aws.com/cluster", "true").build(),
                Statement.allow().sid("DeleteNamedSnapshots").action("ec2:DeleteSnapshot").resource(snapshots)
                        .condition("StringLike", "ec2:ResourceTag/CSIVolumeSnapshotName", "*").build(),
                Statement.allow().sid("DeleteClusterSnapshots").action("ec2:DeleteSnapshot").resource(snapshots)
                        .condition("StringLike", "ec2:ResourceTag/ebs.csi.aws.com/cluster", "true").build());
    }

    /**
     * Use of a cluster's EBS key by the EBS CSI driver for encrypted volumes (EKS user guide, "Store
     * Kubernetes volumes with Amazon EBS": the KMS statement; grants only for AWS resources). One key is
     * written as a string, several as an array.
     */
    public static PolicyDocument ebsKeyUse(List<String> ebsKeyArns) {
        Statement.Builder grants = Statement.allow().sid("KeyGrantsForVolumes")
                .actions("kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant");
        Statement.Builder use = Statement.allow().sid("UseKeysForVolumes")
                .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");
        if (ebsKeyArns.size() == 1) {
            grants.resource(ebsKeyArns.get(0));
            use.resource(ebsKeyArns.get(0));
        } else {
            grants.resources(ebsKeyArns);
            use.resources(ebsKeyArns);
        }
        return PolicyDocument.of(grants.condition("Bool", "kms:GrantIsForAWSResource", "true").build(), use.build());
    }

    /**
     * Key policy of a cluster's EBS key: the account's IAM administers it (without that statement the
     * key is unmanageable), and the EC2 Auto Scaling service-linked role, which launches the node
     * groups' instances, may use it for their encrypted root volumes (EC2 Auto Scaling user guide,
     * "Required AWS KMS key policy for use with encrypted volumes").
     */
    /** The service EC2 Auto Scaling's service-linked role is for. */
    public static final String AUTOSCALING_SERVICE = "autoscaling.amazonaws.com";
    /** Its fixed name (EC2 Auto Scaling User Guide, "Service-linked roles for Amazon EC2 Auto Scaling"). */
    public static final String AUTOSCALING_SERVICE_ROLE = "AWSServiceRoleForAutoScaling";

    /** Service-linked roles live under {@code /aws-service-role/<service>/}. */
    public static String autoscalingServiceRoleArn(String partition, String accountId) {
        return "arn:" + partition + ":iam::" + accountId + ":role/aws-service-role/" + AUTOSCALING_SERVICE + "/"
                + AUTOSCALING_SERVICE_ROLE;
    }

    /**
     * The EBS key: the account (IAM policies) and EC2 Auto Scaling's service-linked role, which launches
     * the node groups' instances and so encrypts their root volumes (EC2 Auto Scaling User Guide, "Required
     * AWS KMS key policy for use with encrypted volumes"). The role must exist before the key.
     */
    public static String ebsKeyPolicy(String partition, String accountId, String autoscaling) {
        return PolicyDocument.of(
                Statement.allow()
                        .sid("EnableIamPolicies")
                        .principal(Principal.aws("arn:" + partition + ":iam::" + accountId + ":root"))
                        .action("kms:*")
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("AutoScalingUseForVolumes")
                        .principal(Principal.aws(autoscaling))
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey")
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("AutoScalingGrantsForVolumes")
                        .principal(Principal.aws(autoscaling))
                        .action("kms:CreateGrant")
                        .resource("*")
                        .condition("Bool", "kms:GrantIsForAWSResource", true)
                        .build()).toJson();
    }

    private static String pascal(String region) {
        StringBuilder out = new StringBuilder();
        for (String part : region.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
