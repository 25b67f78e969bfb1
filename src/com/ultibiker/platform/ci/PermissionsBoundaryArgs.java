package com.ultibiker.platform.ci;

import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;

/**
 * Inputs of {@link PermissionsBoundary}.
 *
 * @param region       the primary region (IAM is global; its provider creates the policy)
 * @param regions      every region the stack creates resources in
 * @param ciNamePrefix physical-name prefix of the CI roles and policies ({@code <project>-<env>-github-}); empty without CI
 * @param tagging      the stack's tags
 * @param protection   protects the policy in production (every role of the stack names it)
 */
public record PermissionsBoundaryArgs(AwsRegion region, List<String> regions,
                                      String ciNamePrefix, Tagging tagging, StatefulProtection protection) {

    public PermissionsBoundaryArgs {
        regions = List.copyOf(regions);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PermissionsBoundaryArgs}; {@link #build()} names a missing field. */
    public static final class Builder {
        private AwsRegion region;
        private List<String> regions;
        private String ciNamePrefix = "";
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder region(AwsRegion v) { this.region = v; return this; }
        public Builder regions(List<String> v) { this.regions = v; return this; }
        public Builder ciNamePrefix(String v) { this.ciNamePrefix = v; return this; }
        public Builder tagging(Tagging v) { this.tagging = v; return this; }
        public Builder protection(StatefulProtection v) { this.protection = v; return this; }

        public PermissionsBoundaryArgs build() {
            return new PermissionsBoundaryArgs(required(region, "region"), required(regions, "regions"),
                    required(ciNamePrefix, "ciNamePrefix"),
                    required(tagging, "tagging"), required(protection, "protection"));
        }

        private static <T> T required(T value, String field) {
            return Required.of(value, "PermissionsBoundaryArgs." + field);
        }
    }
}
