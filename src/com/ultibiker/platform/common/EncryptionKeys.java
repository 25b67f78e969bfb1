package com.ultibiker.platform.common;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one helper that creates customer-managed KMS keys: rotation on, a 30-day deletion window, a policy
 * per use, protected in production, and one alias {@code alias/<project>-<environment>/<name>}
 * ({@link Naming#keyAlias}). A key's policy is either the standard one with service grants
 * ({@link Builder#grants}) or a document of its own ({@link Builder#policy}).
 */
public final class EncryptionKeys {

    private EncryptionKeys() {
    }

    /**
     * A key with the standard policy ({@link KeyPolicies#document}) and the service grants of {@code grants}.
     *
     * @param name   resource name (also the alias suffix)
     * @param grants services allowed to use the key, given partition and account id
     */
    public static Key create(String name, String description, Resource parent, AwsRegion region, Tagging tagging,
                             StatefulProtection protection,
                             Function<PolicyScope, List<KeyPolicies.ServiceGrant>> grants) {
        return builder().name(name).description(description).parent(parent).region(region).tagging(tagging)
                .protection(protection).grants(grants).create();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What a key policy needs to know about where it lives. */
    public record PolicyScope(String partition, String region, String accountId) {
    }

    public static final class Builder {
        private String name;
        private String description;
        private Resource parent;
        private AwsRegion region;
        private Tagging tagging;
        private StatefulProtection protection;
        private Function<PolicyScope, List<KeyPolicies.ServiceGrant>> grants;
        private Output<String> policy;
        private final List<Resource> dependsOn = new ArrayList<>();

        private Builder() {
        }

        /** Resource name, also the alias suffix. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder parent(Resource parent) {
            this.parent = parent;
            return this;
        }

        public Builder region(AwsRegion region) {
            this.region = region;
            return this;
        }

        public Builder tagging(Tagging tagging) {
            this.tagging = tagging;
            return this;
        }

        public Builder protection(StatefulProtection protection) {
            this.protection = protection;
            return this;
        }

        /** The standard key policy with these service grants. */
        public Builder grants(Function<PolicyScope, List<KeyPolicies.ServiceGrant>> grants) {
            this.grants = grants;
            return this;
        }

        /** A key policy of its own (rendered), instead of the standard one. */
        public Builder policy(Output<String> policy) {
            this.policy = policy;
            return this;
        }

        /** Resources the key waits for, e.g. a principal its policy names (KMS refuses a policy naming one that does not exist). */
        public Builder dependsOn(List<? extends Resource> resources) {
            this.dependsOn.addAll(Objects.requireNonNull(resources, "dependsOn"));
            return this;
        }

        /** Registers the key and its alias. */
        public Key create() {
            require(name, "name");
            require(description, "description");
            require(parent, "parent");
            require(region, "region");
            require(tagging, "tagging");
            require(protection, "protection");
            if ((grants == null) == (policy == null)) {
                throw new IllegalStateException("key " + name + ": set exactly one of grants or policy");
            }
            Output<String> document = policy != null ? policy
                    : Output.tuple(region.partition(), region.accountId()).applyValue(t ->
                            KeyPolicies.document(t.t1, t.t2, grants.apply(new PolicyScope(t.t1, region.name(), t.t2))));
            var options = protection.options(region.childOf(parent));
            if (!dependsOn.isEmpty()) {
                options.dependsOn(List.copyOf(dependsOn));
            }
            var key = new Key(name, KeyArgs.builder()
                    .description(description)
                    .enableKeyRotation(true)
                    .deletionWindowInDays(30)
                    .policy(document)
                    .tags(tagging.tags(name))
                    .build(), options.build());
            new Alias(name + "-alias", AliasArgs.builder()
                    .name(Naming.of(tagging).keyAlias(name))
                    .targetKeyId(key.keyId())
                    .build(), region.child(parent));
            return key;
        }

        private void require(Object value, String field) {
            if (value == null) {
                throw new IllegalStateException("key " + name + ": missing required field " + field);
            }
        }
    }
}
