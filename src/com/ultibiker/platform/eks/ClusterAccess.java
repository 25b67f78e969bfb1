package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.model.Required;


/**
 * Cluster access for a principal the stack itself creates (e.g. the CI deploy role), granted through
 * an EKS access entry and one of AWS's cluster access policies. Build with {@link #builder()}.
 *
 * @param role         short name used in the resource names, e.g. {@code ci-deploy}
 * @param principalArn the IAM role's ARN
 * @param roleName     the role's physical name (path {@code /}), known before deployment: an identity running
 *                     as this role gets no second, deployer entry ({@link ClusterAdmins})
 * @param accessPolicy an EKS cluster access policy name, e.g. {@link #CLUSTER_ADMIN} or {@link #ADMIN_VIEW}
 */
public record ClusterAccess(String role, Output<String> principalArn, String roleName, String accessPolicy) {

    /** Everything, cluster-wide: what {@code pulumi up} needs for the in-cluster resources. */
    public static final String CLUSTER_ADMIN = "AmazonEKSClusterAdminPolicy";
    /** Read everything, Secrets included (Helm keeps releases in Secrets): what a refresh needs. */
    public static final String ADMIN_VIEW = "AmazonEKSAdminViewPolicy";
    /**
     * Read the usual objects, Secrets excluded (EKS User Guide, access policy permissions): what a preview needs,
     * since the Kubernetes provider's Diff works from the state and reads nothing live.
     */
    public static final String VIEW = "AmazonEKSViewPolicy";

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClusterAccess} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String role;
        private Output<String> principalArn;
        private String roleName;
        private String accessPolicy;

        private Builder() {
        }

        public Builder role(String value) { this.role = value; return this; }
        public Builder principalArn(Output<String> value) { this.principalArn = value; return this; }
        public Builder roleName(String value) { this.roleName = value; return this; }
        public Builder accessPolicy(String value) { this.accessPolicy = value; return this; }

        public ClusterAccess build() {
            return new ClusterAccess(
                    Required.of(role, "ClusterAccess.role"),
                    Required.of(principalArn, "ClusterAccess.principalArn"),
                    Required.of(roleName, "ClusterAccess.roleName"),
                    Required.of(accessPolicy, "ClusterAccess.accessPolicy"));
        }
    }
}
