package com.ultibiker.platform.eks;

import com.pulumi.core.Output;

/**
 * Cluster access for a principal the stack itself creates (e.g. the CI deploy role), granted through
 * an EKS access entry and one of AWS's cluster access policies.
 *
 * @param role         short name used in the resource names, e.g. {@code ci-deploy}
 * @param principalArn the IAM role's ARN
 * @param roleName     the role's physical name (path {@code /}), known before deployment: an identity running
 *                     as this role gets no second, deployer entry ({@link ClusterAdmins})
 * @param accessPolicy an EKS cluster access policy name
 */
public record ClusterAccess(String role, Output<String> principalArn, String roleName, String accessPolicy) {

    /** Everything, cluster-wide: what {@code pulumi up} needs for the in-cluster resources. */
    public static final String CLUSTER_ADMIN = "AmazonEKSClusterAdminPolicy";
    /** Read everything, Secrets included (Helm keeps releases in Secrets): what a preview needs. */
    public static final String ADMIN_VIEW = "AmazonEKSAdminViewPolicy";

    public static ClusterAccess admin(String role, Output<String> principalArn, String roleName) {
        return new ClusterAccess(role, principalArn, roleName, CLUSTER_ADMIN);
    }

    public static ClusterAccess viewer(String role, Output<String> principalArn, String roleName) {
        return new ClusterAccess(role, principalArn, roleName, ADMIN_VIEW);
    }
}
