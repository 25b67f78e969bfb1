package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.model.Required;

import java.util.List;

/**
 * Inputs of {@link ClusterAccessEntries}. Build with {@link #builder()}.
 *
 * @param clusterName        the cluster's name as EKS reports it (so every entry waits for the cluster)
 * @param adminPrincipalArns IAM principals given cluster admin ({@code eks.adminPrincipalArns}); default none
 * @param automationAccess   roles the stack creates that need cluster access (the CI roles); default none
 */
record ClusterAccessEntriesArgs(
        Output<String> clusterName,
        List<String> adminPrincipalArns,
        List<ClusterAccess> automationAccess) {

    ClusterAccessEntriesArgs {
        adminPrincipalArns = List.copyOf(adminPrincipalArns);
        automationAccess = List.copyOf(automationAccess);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClusterAccessEntriesArgs} by name; {@link #build()} names a required field left unset. */
    static final class Builder {
        private Output<String> clusterName;
        private List<String> adminPrincipalArns = List.of();
        private List<ClusterAccess> automationAccess = List.of();

        private Builder() {
        }

        Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
        Builder adminPrincipalArns(List<String> value) { this.adminPrincipalArns = value; return this; }
        Builder automationAccess(List<ClusterAccess> value) { this.automationAccess = value; return this; }

        ClusterAccessEntriesArgs build() {
            return new ClusterAccessEntriesArgs(
                    Required.of(clusterName, "ClusterAccessEntriesArgs.clusterName"),
                    Required.of(adminPrincipalArns, "ClusterAccessEntriesArgs.adminPrincipalArns"),
                    Required.of(automationAccess, "ClusterAccessEntriesArgs.automationAccess"));
        }
    }
}
