package com.ultibiker.platform.eks;

import com.ultibiker.platform.eks.PolicyDocument.Statement;

import java.util.List;
import java.util.Map;

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
        return PolicyDocument.of(new Statement("EksControlPlane", Map.of(), List.of("sts:AssumeRole", "sts:TagSession"), List.of(), Map.of())
                .principal("Service", "eks.amazonaws.com")
                .when("StringEquals", "aws:SourceAccount", accountId));
    }

    /** Trust of the node role: EC2 instances (the managed node groups' instance profile). */
    public static PolicyDocument nodeTrust() {
        return PolicyDocument.of(new Statement("EksNodes", Map.of(), List.of("sts:AssumeRole"), List.of(), Map.of())
                .principal("Service", "ec2.amazonaws.com"));
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
        return PolicyDocument.of(new Statement("EksPodIdentity", Map.of(), List.of("sts:AssumeRole", "sts:TagSession"), List.of(), Map.of())
                .principal("Service", "pods.eks.amazonaws.com")
                .when("StringEquals", "aws:SourceAccount", accountId)
                .when("StringEquals", TAG_CLUSTER, clusterNames.stream().sorted().toList())
                .when("StringEquals", TAG_NAMESPACE, namespace)
                .when("StringEquals", TAG_SERVICE_ACCOUNT, serviceAccount));
    }

    /** Lets the control plane use the secrets key (envelope encryption of Kubernetes secrets). */
    public static PolicyDocument clusterEncryption(String keyArn) {
        return PolicyDocument.of(Statement.allow("EksSecretsEncryption",
                List.of("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"), List.of(keyArn)));
    }

    /**
     * Cluster autoscaler: read everything it needs to simulate scale-ups, but change only the auto
     * scaling groups EKS tagged as owned by one of the platform's clusters.
     */
    public static PolicyDocument clusterAutoscaler(String partition, String accountId, Map<String, String> clustersByRegion) {
        List<Statement> statements = new java.util.ArrayList<>();
        statements.add(Statement.allow("Describe", List.of(
                "autoscaling:DescribeAutoScalingGroups",
                "autoscaling:DescribeAutoScalingInstances",
                "autoscaling:DescribeLaunchConfigurations",
                "autoscaling:DescribeScalingActivities",
                "autoscaling:DescribeTags",
                "ec2:DescribeImages",
                "ec2:DescribeInstanceTypes",
                "ec2:DescribeLaunchTemplateVersions",
                "ec2:GetInstanceTypesFromInstanceRequirements"), List.of("*")));
        new java.util.TreeMap<>(clustersByRegion).forEach((region, cluster) -> {
            String sid = "Scale" + pascal(region);
            statements.add(Statement.allow(sid, List.of(
                            "autoscaling:SetDesiredCapacity",
                            "autoscaling:TerminateInstanceInAutoScalingGroup"),
                    List.of("arn:" + partition + ":autoscaling:" + region + ":" + accountId + ":autoScalingGroup:*:autoScalingGroupName/*"))
                    .when("StringEquals", "aws:ResourceTag/k8s.io/cluster-autoscaler/" + cluster, "owned")
                    .when("StringEquals", "aws:ResourceTag/k8s.io/cluster-autoscaler/enabled", "true"));
            statements.add(Statement.allow("DescribeNodegroups" + pascal(region), List.of("eks:DescribeNodegroup"),
                    List.of("arn:" + partition + ":eks:" + region + ":" + accountId + ":nodegroup/" + cluster + "/*/*")));
        });
        return new PolicyDocument(statements);
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
        return new PolicyDocument(List.of(
                Statement.allow("ElbServiceLinkedRole", List.of("iam:CreateServiceLinkedRole"), List.of("*"))
                        .when("StringEquals", "iam:AWSServiceName", "elasticloadbalancing.amazonaws.com"),
                Statement.allow("Describe", List.of(
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
                        "elasticloadbalancing:DescribeCapacityReservation"), List.of("*")),
                Statement.allow("CertificatesWafShield", List.of(
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
                        "shield:DeleteProtection"), List.of("*")),
                Statement.allow("NodeSecurityGroupRules", List.of(
                        "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:RevokeSecurityGroupIngress"), List.of("*")),
                Statement.allow("CreateSecurityGroup", List.of("ec2:CreateSecurityGroup"), List.of("*")),
                Statement.allow("TagNewSecurityGroup", List.of("ec2:CreateTags"), List.of(sg))
                        .when("StringEquals", "ec2:CreateAction", "CreateSecurityGroup")
                        .when("Null", "aws:RequestTag/" + clusterTag, "false"),
                Statement.allow("RetagOwnSecurityGroups", List.of("ec2:CreateTags", "ec2:DeleteTags"), List.of(sg))
                        .when("Null", "aws:RequestTag/" + clusterTag, "true")
                        .when("Null", "aws:ResourceTag/" + clusterTag, "false"),
                Statement.allow("ManageOwnSecurityGroups", List.of(
                        "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:RevokeSecurityGroupIngress",
                        "ec2:DeleteSecurityGroup"), List.of("*"))
                        .when("Null", "aws:ResourceTag/" + clusterTag, "false"),
                Statement.allow("CreateTaggedLoadBalancers", List.of(
                        "elasticloadbalancing:CreateLoadBalancer",
                        "elasticloadbalancing:CreateTargetGroup"), List.of("*"))
                        .when("Null", "aws:RequestTag/" + clusterTag, "false"),
                Statement.allow("ListenersAndRules", List.of(
                        "elasticloadbalancing:CreateListener",
                        "elasticloadbalancing:DeleteListener",
                        "elasticloadbalancing:CreateRule",
                        "elasticloadbalancing:DeleteRule"), List.of("*")),
                Statement.allow("RetagOwnLoadBalancers", List.of(
                        "elasticloadbalancing:AddTags",
                        "elasticloadbalancing:RemoveTags"), lbAndTg)
                        .when("Null", "aws:RequestTag/" + clusterTag, "true")
                        .when("Null", "aws:ResourceTag/" + clusterTag, "false"),
                Statement.allow("TagListenersAndRules", List.of(
                        "elasticloadbalancing:AddTags",
                        "elasticloadbalancing:RemoveTags"), List.of(
                        elb + "listener/net/*/*/*", elb + "listener/app/*/*/*",
                        elb + "listener-rule/net/*/*/*", elb + "listener-rule/app/*/*/*")),
                Statement.allow("ModifyOwnLoadBalancers", List.of(
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
                        "elasticloadbalancing:ModifyIpPools"), List.of("*"))
                        .when("Null", "aws:ResourceTag/" + clusterTag, "false"),
                Statement.allow("TagOnCreate", List.of("elasticloadbalancing:AddTags"), lbAndTg)
                        .when("StringEquals", "elasticloadbalancing:CreateAction", List.of("CreateTargetGroup", "CreateLoadBalancer"))
                        .when("Null", "aws:RequestTag/" + clusterTag, "false"),
                Statement.allow("Targets", List.of(
                        "elasticloadbalancing:RegisterTargets",
                        "elasticloadbalancing:DeregisterTargets"), List.of(elb + "targetgroup/*/*")),
                Statement.allow("ListenerSettings", List.of(
                        "elasticloadbalancing:SetWebAcl",
                        "elasticloadbalancing:ModifyListener",
                        "elasticloadbalancing:AddListenerCertificates",
                        "elasticloadbalancing:RemoveListenerCertificates",
                        "elasticloadbalancing:ModifyRule",
                        "elasticloadbalancing:SetRulePriorities"), List.of("*"))));
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
        return new PolicyDocument(List.of(
                Statement.allow("Describe", List.of(
                        "ec2:DescribeAvailabilityZones",
                        "ec2:DescribeInstances",
                        "ec2:DescribeSnapshots",
                        "ec2:DescribeTags",
                        "ec2:DescribeVolumes",
                        "ec2:DescribeVolumesModifications"), List.of("*")),
                Statement.allow("ModifyVolumes", List.of("ec2:CreateSnapshot", "ec2:ModifyVolume"), List.of(volumes)),
                Statement.allow("AttachVolumes", List.of("ec2:AttachVolume", "ec2:DetachVolume"),
                        List.of(volumes, ec2 + "instance/*")),
                Statement.allow("VolumesFromSnapshots", List.of("ec2:CreateVolume", "ec2:EnableFastSnapshotRestores"),
                        List.of(snapshots)),
                Statement.allow("TagOnCreate", List.of("ec2:CreateTags"), List.of(volumes, snapshots))
                        .when("StringEquals", "ec2:CreateAction", List.of("CreateVolume", "CreateSnapshot")),
                Statement.allow("Untag", List.of("ec2:DeleteTags"), List.of(volumes, snapshots)),
                Statement.allow("CreateClusterVolumes", List.of("ec2:CreateVolume"), List.of(volumes))
                        .when("StringLike", "aws:RequestTag/ebs.csi.aws.com/cluster", "true"),
                Statement.allow("CreateNamedVolumes", List.of("ec2:CreateVolume"), List.of(volumes))
                        .when("StringLike", "aws:RequestTag/CSIVolumeName", "*"),
                Statement.allow("DeleteClusterVolumes", List.of("ec2:DeleteVolume"), List.of(volumes))
                        .when("StringLike", "ec2:ResourceTag/ebs.csi.aws.com/cluster", "true"),
                Statement.allow("DeleteNamedVolumes", List.of("ec2:DeleteVolume"), List.of(volumes))
                        .when("StringLike", "ec2:ResourceTag/CSIVolumeName", "*"),
                Statement.allow("DeletePvcVolumes", List.of("ec2:DeleteVolume"), List.of(volumes))
                        .when("StringLike", "ec2:ResourceTag/kubernetes.io/created-for/pvc/name", "*"),
                Statement.allow("CreateNamedSnapshots", List.of("ec2:CreateSnapshot"), List.of(snapshots))
                        .when("StringLike", "aws:RequestTag/CSIVolumeSnapshotName", "*"),
                Statement.allow("CreateClusterSnapshots", List.of("ec2:CreateSnapshot"), List.of(snapshots))
                        .when("StringLike", "aws:RequestTag/ebs.csi.aws.com/cluster", "true"),
                Statement.allow("DeleteNamedSnapshots", List.of("ec2:DeleteSnapshot"), List.of(snapshots))
                        .when("StringLike", "ec2:ResourceTag/CSIVolumeSnapshotName", "*"),
                Statement.allow("DeleteClusterSnapshots", List.of("ec2:DeleteSnapshot"), List.of(snapshots))
                        .when("StringLike", "ec2:ResourceTag/ebs.csi.aws.com/cluster", "true")));
    }

    /**
     * Use of a cluster's EBS key by the EBS CSI driver for encrypted volumes (EKS user guide, "Store
     * Kubernetes volumes with Amazon EBS": the KMS statement; grants only for AWS resources).
     */
    public static PolicyDocument ebsKeyUse(List<String> ebsKeyArns) {
        return new PolicyDocument(List.of(
                Statement.allow("KeyGrantsForVolumes", List.of("kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"), ebsKeyArns)
                        .when("Bool", "kms:GrantIsForAWSResource", "true"),
                Statement.allow("UseKeysForVolumes", List.of(
                        "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"), ebsKeyArns)));
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
                new Statement("EnableIamPolicies", Map.of(), List.of("kms:*"), List.of("*"), Map.of())
                        .principal("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                new Statement("AutoScalingUseForVolumes", Map.of(), List.of(
                        "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"),
                        List.of("*"), Map.of())
                        .principal("AWS", autoscaling),
                new Statement("AutoScalingGrantsForVolumes", Map.of(), List.of("kms:CreateGrant"), List.of("*"), Map.of())
                        .principal("AWS", autoscaling)
                        .when("Bool", "kms:GrantIsForAWSResource", true)).toJson();
    }

    private static String pascal(String region) {
        StringBuilder out = new StringBuilder();
        for (String part : region.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
