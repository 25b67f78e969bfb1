package com.ultibiker.platform.common;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.SecretReplicaArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential the platform generates and keeps in AWS Secrets Manager, encrypted with a
 * customer-managed key and optionally replicated to other regions (each replica with a key of its
 * region). The value comes from Secrets Manager's own generator ({@code GetRandomPassword}, asked for
 * what {@link PasswordPolicy} says); it is written once: the secret version ignores later changes to
 * its value, so every following run reads the same value back from the version (stable across runs).
 * No value is in code or config. It is in the Pulumi state as an encrypted secret output, like every
 * other secret the program passes on (RDS's {@code password}, a Kubernetes Secret).
 *
 * <p>Rotation: {@code pulumi up --replace <urn of the -version resource>} draws and stores a new
 * value; what happens to its consumers is theirs to say (README, "Credentials and rotation").
 */
public final class GeneratedSecret {

    private static final Pattern PASSWORD_FIELD = Pattern.compile("\"password\":\"([^\"\\\\]*)\"");

    private final Secret secret;
    private final Output<String> value;
    private final Map<String, Output<String>> arns = new LinkedHashMap<>();

    /**
     * @param name   resource name of the secret (its version is {@code <name>-version})
     * @param parent the component the secret belongs to
     */
    public GeneratedSecret(String name, GeneratedSecretArgs args, Resource parent) {
        var region = args.region();
        List<SecretReplicaArgs> replicas = new ArrayList<>();
        args.replicas().forEach((replicaRegion, keyArn) ->
                replicas.add(SecretReplicaArgs.builder().region(replicaRegion).kmsKeyId(keyArn).build()));
        this.secret = new Secret(name, SecretArgs.builder()
                .name(args.secretName())
                .description(args.description())
                .kmsKeyId(args.key().arn())
                .replicas(replicas)
                .recoveryWindowInDays(args.protection().production() ? 30 : 0)
                .tags(args.tagging().tags(name))
                .build(), region.child(parent));
        Output<String> generated = SecretsmanagerFunctions.getRandomPassword(args.policy().request(), region.invokeOptions())
                .applyValue(r -> r.randomPassword())
                .asSecret();
        Output<String> stored = args.username()
                .map(user -> generated.applyValue(password -> credentialJson(user, password)))
                .orElse(generated)
                .asSecret();
        var version = new SecretVersion(name + "-version", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(stored)
                .build(), region.childOf(parent).ignoreChanges(List.of("secretString")).build());
        // Read back from the version: after the first run this is the stored value, not the fresh draw.
        Output<String> readBack = version.secretString().applyValue(v ->
                ProviderAttributes.present(v, "Secrets Manager secret version " + name + "-version", "secretString"));
        this.value = (args.username().isPresent() ? readBack.applyValue(GeneratedSecret::passwordOf) : readBack).asSecret();
        arns.put(region.name(), secret.arn());
        args.replicas().keySet().forEach(r -> arns.put(r, secret.arn().applyValue(arn -> inRegion(arn, r))));
    }

    /** {@code {"username":"<user>","password":"<password>"}}; both are from alphabets without quote or backslash. */
    static String credentialJson(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    static String passwordOf(String json) {
        Matcher m = PASSWORD_FIELD.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("the stored credential has no password field");
        }
        return m.group(1);
    }

    /** A replica's ARN is the primary's with the region replaced (Secrets Manager, "Replicate secrets"). */
    static String inRegion(String arn, String region) {
        String[] parts = arn.split(":", 5);
        if (parts.length < 5) {
            return arn;
        }
        return parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + region + ":" + parts[4];
    }

    /** The generated password (the bare value), marked secret. */
    public Output<String> value() {
        return value;
    }

    /** ARN of the secret in its own region. */
    public Output<String> arn() {
        return secret.arn();
    }

    /** ARN of the secret and of each replica, by region (the secret's own region first). */
    public Map<String, Output<String>> arns() {
        return java.util.Collections.unmodifiableMap(arns);
    }

    public Output<String> name() {
        return secret.name();
    }
}
