package com.ultibiker.platform.backup;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.BackupConfig;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Backups}; built with {@link #builder()}.
 *
 * @param physicalPrefix  prefix of physical names, e.g. {@code ultibiker-prod}; vaults and plans are
 *                        {@code <prefix>-<region>}, the roles {@code <prefix>-backup-service} and
 *                        {@code <prefix>-backup-break-glass}
 * @param regions         every region with data stores, primary first (IAM roles go through the primary's provider);
 *                        each gets a vault, a plan and a selection; recovery points are copied to every other region
 * @param settings        retention, monthly rule, vault lock (validated stack config)
 * @param alertTopicArns  the alert topic of every region in {@code regions}: failed jobs are published there
 */
public record BackupsArgs(
        String physicalPrefix,
        Map<String, AwsRegion> regions,
        BackupConfig settings,
        Map<String, Output<String>> alertTopicArns,
        Tagging tagging,
        StatefulProtection protection) {

    /** Vault names: CreateBackupVault BackupVaultName, {@code ^[a-zA-Z0-9\-\_]{2,50}$} (AWS Backup API reference). */
    static final Pattern VAULT_NAME = Pattern.compile("[a-zA-Z0-9_-]{2,50}");
    /** IAM role names: at most 64 of letters, digits and +=,.@_- (IAM API reference, CreateRole RoleName). */
    static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    public BackupsArgs {
        Objects.requireNonNull(physicalPrefix, "BackupsArgs.physicalPrefix is required");
        Objects.requireNonNull(settings, "BackupsArgs.settings is required");
        Objects.requireNonNull(tagging, "BackupsArgs.tagging is required");
        Objects.requireNonNull(protection, "BackupsArgs.protection is required");
        regions = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(regions, "BackupsArgs.regions is required")));
        alertTopicArns = Map.copyOf(Objects.requireNonNull(alertTopicArns, "BackupsArgs.alertTopicArns is required"));
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("BackupsArgs.regions: at least the primary region");
        }
        for (String region : regions.keySet()) {
            String vault = vaultName(physicalPrefix, region);
            if (!VAULT_NAME.matcher(vault).matches()) {
                throw new IllegalArgumentException("BackupsArgs: vault name " + vault + " (physicalPrefix " + physicalPrefix
                        + "): expected 2-50 letters, digits, - or _");
            }
            if (!alertTopicArns.containsKey(region)) {
                throw new IllegalArgumentException("BackupsArgs.alertTopicArns: no alert topic for region " + region
                        + "; regions " + regions.keySet());
            }
        }
        for (String role : new String[] {serviceRoleName(physicalPrefix), breakGlassRoleName(physicalPrefix)}) {
            if (!ROLE_NAME.matcher(role).matches()) {
                throw new IllegalArgumentException("BackupsArgs: role name " + role + " (physicalPrefix " + physicalPrefix
                        + "): expected at most 64 of letters, digits and +=,.@_-");
            }
        }
    }

    /** Vault and plan name of a region, e.g. {@code ultibiker-prod-eu-west-1}. */
    public static String vaultName(String physicalPrefix, String region) {
        return physicalPrefix + "-" + region;
    }

    public static String serviceRoleName(String physicalPrefix) {
        return physicalPrefix + "-backup-service";
    }

    public static String breakGlassRoleName(String physicalPrefix) {
        return physicalPrefix + "-backup-break-glass";
    }

    /** The primary region: IAM roles are created through its provider. */
    public AwsRegion primary() {
        return regions.values().iterator().next();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String physicalPrefix;
        private final Map<String, AwsRegion> regions = new LinkedHashMap<>();
        private BackupConfig settings;
        private final Map<String, Output<String>> alertTopicArns = new LinkedHashMap<>();
        private Tagging tagging;
        private StatefulProtection protection;

        public Builder physicalPrefix(String physicalPrefix) {
            this.physicalPrefix = physicalPrefix;
            return this;
        }

        /** A region with data stores and its alert topic; the first one added is the primary. */
        public Builder region(AwsRegion region, Output<String> alertTopicArn) {
            this.regions.put(region.name(), region);
            this.alertTopicArns.put(region.name(), alertTopicArn);
            return this;
        }

        public Builder settings(BackupConfig settings) {
            this.settings = settings;
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

        public BackupsArgs build() {
            return new BackupsArgs(physicalPrefix, regions, settings, alertTopicArns, tagging, protection);
        }
    }
}
