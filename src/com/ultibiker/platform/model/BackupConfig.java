package com.ultibiker.platform.model;

import java.util.Objects;

/**
 * The {@code backup} section: AWS Backup for the stack's data stores (see the README's config reference).
 *
 * @param enabled                    AWS Backup vaults, plan and selection; default true
 * @param dailyRetentionDays         days a daily recovery point (and its cross-region copy) is kept; default 35 in
 *                                   production, 7 elsewhere
 * @param monthlyRetentionDays       days a monthly recovery point is kept, 0 for no monthly rule; default 365 in
 *                                   production, 0 elsewhere
 * @param coldStorageAfterDays       days before a monthly recovery point moves to cold storage (resource types that
 *                                   support it); default 30; AWS requires monthlyRetentionDays &ge; this + 90
 * @param vaultLockChangeableForDays production: days the vault lock can still be removed; after them it is
 *                                   immutable; default 3 (AWS minimum)
 * @param vaultLockMinRetentionDays  production: the lock refuses recovery points kept shorter; default 7
 * @param vaultLockMaxRetentionDays  production: the lock refuses recovery points kept longer; default 3650
 */
public record BackupConfig(
        boolean enabled,
        int dailyRetentionDays,
        int monthlyRetentionDays,
        int coldStorageAfterDays,
        int vaultLockChangeableForDays,
        int vaultLockMinRetentionDays,
        int vaultLockMaxRetentionDays) {

    /** Cold storage keeps a recovery point at least 90 days (AWS Backup, Lifecycle: DeleteAfterDays). */
    public static final int COLD_STORAGE_MINIMUM_DAYS = 90;

    public boolean monthly() {
        return monthlyRetentionDays > 0;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Boolean enabled;
        private Integer dailyRetentionDays;
        private Integer monthlyRetentionDays;
        private Integer coldStorageAfterDays;
        private Integer vaultLockChangeableForDays;
        private Integer vaultLockMinRetentionDays;
        private Integer vaultLockMaxRetentionDays;

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public Builder dailyRetentionDays(int days) {
            this.dailyRetentionDays = days;
            return this;
        }

        public Builder monthlyRetentionDays(int days) {
            this.monthlyRetentionDays = days;
            return this;
        }

        public Builder coldStorageAfterDays(int days) {
            this.coldStorageAfterDays = days;
            return this;
        }

        public Builder vaultLockChangeableForDays(int days) {
            this.vaultLockChangeableForDays = days;
            return this;
        }

        public Builder vaultLockMinRetentionDays(int days) {
            this.vaultLockMinRetentionDays = days;
            return this;
        }

        public Builder vaultLockMaxRetentionDays(int days) {
            this.vaultLockMaxRetentionDays = days;
            return this;
        }

        public BackupConfig build() {
            return new BackupConfig(
                    Objects.requireNonNull(enabled, "BackupConfig.enabled is required"),
                    Objects.requireNonNull(dailyRetentionDays, "BackupConfig.dailyRetentionDays is required"),
                    Objects.requireNonNull(monthlyRetentionDays, "BackupConfig.monthlyRetentionDays is required"),
                    Objects.requireNonNull(coldStorageAfterDays, "BackupConfig.coldStorageAfterDays is required"),
                    Objects.requireNonNull(vaultLockChangeableForDays, "BackupConfig.vaultLockChangeableForDays is required"),
                    Objects.requireNonNull(vaultLockMinRetentionDays, "BackupConfig.vaultLockMinRetentionDays is required"),
                    Objects.requireNonNull(vaultLockMaxRetentionDays, "BackupConfig.vaultLockMaxRetentionDays is required"));
        }
    }
}
