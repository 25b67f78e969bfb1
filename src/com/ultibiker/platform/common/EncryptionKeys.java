package com.ultibiker.platform.common;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.function.Function;

/** Customer-managed KMS keys: rotation on, a policy per use, an alias, protected in production. */
public final class EncryptionKeys {

    private EncryptionKeys() {
    }

    /**
     * @param name   resource name (also the alias suffix)
     * @param grants services allowed to use the key, given partition and account id
     */
    public static Key create(String name, String description, Resource parent, AwsRegion region, Tagging tagging,
                             StatefulProtection protection,
                             Function<PolicyScope, List<KeyPolicies.ServiceGrant>> grants) {
        Output<String> policy = Output.tuple(region.partition(), region.accountId()).applyValue(t ->
                KeyPolicies.document(t.t1, t.t2, grants.apply(new PolicyScope(t.t1, region.name(), t.t2))));
        var key = new Key(name, KeyArgs.builder()
                .description(description)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(policy)
                .tags(tagging.tags(name))
                .build(), protection.options(region.childOf(parent)).build());
        new Alias(name + "-alias", AliasArgs.builder()
                .name("alias/" + tagging.required().get("Project") + "-" + tagging.required().get("Environment") + "/" + name)
                .targetKeyId(key.keyId())
                .build(), region.childOf(parent).build());
        return key;
    }

    /** What a key policy needs to know about where it lives. */
    public record PolicyScope(String partition, String region, String accountId) {
    }
}
