package com.ultibiker.platform.common;

import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link GeneratedSecret}. Build with {@link #builder()}.
 *
 * @param secretName  physical name, e.g. {@code ultibiker/dev/influxdb/admin-password}
 * @param description what the credential is for
 * @param policy      what the generator may produce; must meet the rule of every place the value goes
 * @param key         customer-managed key of {@code region} the secret is encrypted with
 * @param username    when present, the secret holds {@code {"username":..,"password":..}} (the form RDS and
 *                    its rotation functions use) instead of the bare value
 * @param replicas    regions the secret is replicated to, each with a key of that region (default none)
 * @param region      region and provider of the secret
 */
public record GeneratedSecretArgs(String secretName, String description, PasswordPolicy policy, Key key,
                                  Optional<String> username, Map<String, Output<String>> replicas, AwsRegion region,
                                  Tagging tagging, StatefulProtection protection) {

    public GeneratedSecretArgs {
        Objects.requireNonNull(secretName, "secretName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tagging, "tagging");
        Objects.requireNonNull(protection, "protection");
        username = Objects.requireNonNullElse(username, Optional.empty());
        replicas = Map.copyOf(Objects.requireNonNullElse(replicas, Map.of()));
        // Secrets Manager names: 1-512 of letters, digits and /_+=.@-
        if (!secretName.matches("[A-Za-z0-9/_+=.@-]{1,512}")) {
            throw new IllegalArgumentException("secretName " + secretName + ": expected 1-512 of A-Za-z0-9/_+=.@-");
        }
        if (replicas.containsKey(region.name())) {
            throw new IllegalArgumentException("secret " + secretName + " cannot be replicated to its own region " + region.name());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link GeneratedSecretArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String secretName;
        private String description;
        private PasswordPolicy policy;
        private Key key;
        private Optional<String> username = Optional.empty();
        private final Map<String, Output<String>> replicas = new LinkedHashMap<>();
        private AwsRegion region;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder secretName(String value) { this.secretName = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder policy(PasswordPolicy value) { this.policy = value; return this; }
        public Builder key(Key value) { this.key = value; return this; }
        public Builder username(Optional<String> value) { this.username = value; return this; }
        public Builder username(String value) { this.username = Optional.of(value); return this; }
        /** Adds a replica in {@code region}, encrypted with {@code keyArn} (a key of that region). */
        public Builder replica(String region, Output<String> keyArn) { this.replicas.put(region, keyArn); return this; }
        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public GeneratedSecretArgs build() {
            return new GeneratedSecretArgs(
                    Required.of(secretName, "GeneratedSecretArgs.secretName"),
                    Required.of(description, "GeneratedSecretArgs.description"),
                    Required.of(policy, "GeneratedSecretArgs.policy"),
                    Required.of(key, "GeneratedSecretArgs.key"),
                    username,
                    replicas,
                    Required.of(region, "GeneratedSecretArgs.region"),
                    Required.of(tagging, "GeneratedSecretArgs.tagging"),
                    Required.of(protection, "GeneratedSecretArgs.protection"));
        }
    }
}
