package com.ultibiker.platform.common;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;

/**
 * A credential the platform generates and keeps in AWS Secrets Manager, encrypted with a
 * customer-managed key. The value comes from Secrets Manager's own generator
 * ({@code GetRandomPassword}); it is written once: the secret version ignores later changes to its
 * value, so every following run reads the same value back from the version (stable across runs).
 * No value is in code or config. It is in the Pulumi state as an encrypted secret output, like
 * every other secret the program passes on (e.g. into a Kubernetes Secret); to rotate it, replace
 * the version: {@code pulumi up --replace <version urn>} and restart its consumers.
 */
public final class GeneratedSecret {

    /** Characters excluded so the value is safe in URLs, env vars and shell commands. */
    static final String EXCLUDED = "\"'`\\/@:;,$%&{}[]()<>|#?=+*!~^";

    private final Secret secret;
    private final Output<String> value;

    /**
     * @param name   resource name of the secret (its version is {@code <name>-version})
     * @param secretName the physical name, e.g. {@code ultibiker/dev/influxdb/admin-password}
     * @param length number of characters
     */
    public GeneratedSecret(String name, String secretName, String description, int length, Key key, Resource parent,
                           AwsRegion region, Tagging tagging, StatefulProtection protection) {
        this.secret = new Secret(name, SecretArgs.builder()
                .name(secretName)
                .description(description)
                .kmsKeyId(key.arn())
                .recoveryWindowInDays(protection.production() ? 30 : 0)
                .tags(tagging.tags(name))
                .build(), region.child(parent));
        Output<String> generated = SecretsmanagerFunctions.getRandomPassword(GetRandomPasswordArgs.builder()
                        .passwordLength(length)
                        .excludeCharacters(EXCLUDED)
                        .includeSpace(false)
                        .requireEachIncludedType(true)
                        .build(), region.invokeOptions())
                .applyValue(r -> r.randomPassword())
                .asSecret();
        var version = new SecretVersion(name + "-version", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(generated)
                .build(), region.childOf(parent).ignoreChanges(List.of("secretString")).build());
        // Read back from the version: after the first run this is the stored value, not the fresh draw.
        this.value = version.secretString().applyValue(v -> v.orElseThrow()).asSecret();
    }

    public Output<String> value() {
        return value;
    }

    public Output<String> arn() {
        return secret.arn();
    }

    public Output<String> name() {
        return secret.name();
    }
}
