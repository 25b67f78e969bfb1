package com.ultibiker.platform.eks;

import com.pulumi.aws.eks.AccessEntry;
import com.pulumi.aws.eks.AccessEntryArgs;
import com.pulumi.aws.eks.AccessPolicyAssociation;
import com.pulumi.aws.eks.AccessPolicyAssociationArgs;
import com.pulumi.aws.eks.inputs.AccessPolicyAssociationAccessScopeArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.Naming;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may use the cluster's API: one EKS access entry with one cluster access policy per principal
 * (authentication mode {@code API}, no {@code aws-auth}). Cluster admins are the configured
 * {@code eks.adminPrincipalArns} and the identity running {@code pulumi up} ({@link ClusterAdmins}); the
 * stack's own roles (CI) get the policy their {@link ClusterAccess} names. Resource names derive from the
 * principal, never from a list position, so reordering the config changes nothing.
 */
final class ClusterAccessEntries {

    private final List<Resource> policyAssociations;

    ClusterAccessEntries(ClusterScope scope, ClusterAccessEntriesArgs args) {
        // The identity running this up installs the in-cluster baseline, so it is an admin too (once).
        String deployer = ClusterAdmins.deployerArn(scope.region());
        Set<String> automationRoles = new HashSet<>();
        args.automationAccess().forEach(a -> ClusterAdmins.roleArnBeside(deployer, a.roleName()).ifPresent(automationRoles::add));
        List<Resource> associations = new ArrayList<>();
        for (String principal : ClusterAdmins.admins(args.adminPrincipalArns(), deployer, automationRoles)) {
            associations.add(access(scope, args, scope.child("admin-" + principalSlug(principal)), Output.of(principal),
                    ClusterAccess.CLUSTER_ADMIN, "-cluster-admin"));
        }
        for (ClusterAccess automation : args.automationAccess()) {
            associations.add(access(scope, args, scope.child(automation.role()), automation.principalArn(),
                    automation.accessPolicy(), "-access"));
        }
        this.policyAssociations = List.copyOf(associations);
    }

    /**
     * Access entry plus one access policy association (cluster scope) for one principal; returns the
     * association, which waits for its entry.
     */
    private static Resource access(ClusterScope scope, ClusterAccessEntriesArgs args, String entryName,
                                   Output<String> principalArn, String accessPolicy, String associationSuffix) {
        var entry = new AccessEntry(entryName, AccessEntryArgs.builder()
                .clusterName(args.clusterName())
                .principalArn(principalArn)
                .type("STANDARD")
                .tags(scope.tagging().tags(entryName))
                .build(), scope.aws());
        return new AccessPolicyAssociation(entryName + associationSuffix, AccessPolicyAssociationArgs.builder()
                .clusterName(args.clusterName())
                .principalArn(principalArn)
                .policyArn(scope.region().partition().applyValue(p -> "arn:" + p + ":eks::aws:cluster-access-policy/" + accessPolicy))
                .accessScope(AccessPolicyAssociationAccessScopeArgs.builder().type("cluster").build())
                .build(), scope.awsBuilder().dependsOn(entry).build());
    }

    /** {@code arn:aws:iam::123456789012:role/team/platform-admin} becomes {@code role-team-platform-admin}. */
    static String principalSlug(String principalArn) {
        return Naming.principalSlug(principalArn);
    }

    /**
     * Every principal's policy association (each after its entry): nothing may reach the API before
     * them, since without the creator's bootstrap permission even the deployer has no other way in.
     */
    List<Resource> policyAssociations() {
        return policyAssociations;
    }
}
