package com.ultibiker.platform.config;

import com.ultibiker.platform.model.BackupConfig;

/** Reads and validates the {@code backup} section (every default and rule of {@link BackupConfig}). */
final class BackupSection {

    /** AWS Backup's longest retention (Lifecycle.DeleteAfterDays, 100 years). */
    static final int MAX_RETENTION_DAYS = 36500;

    private BackupSection() {
    }

    static BackupConfig read(ConfigSection s, boolean production, Problems problems) {
        boolean enabled = s.bool("enabled", true);
        int daily = ranged(s, "dailyRetentionDays", production ? 35 : 7, 1, MAX_RETENTION_DAYS, problems);
        int monthly = ranged(s, "monthlyRetentionDays", production ? 365 : 0, 0, MAX_RETENTION_DAYS, problems);
        int cold = ranged(s, "coldStorageAfterDays", 30, 1, MAX_RETENTION_DAYS, problems);
        if (monthly > 0 && monthly < cold + BackupConfig.COLD_STORAGE_MINIMUM_DAYS) {
            problems.invalid(s.keyOf("monthlyRetentionDays"), monthly, "at least coldStorageAfterDays (" + cold
                    + ") + 90: AWS Backup keeps a recovery point in cold storage at least 90 days, or 0 for no monthly backups");
        }
        ConfigSection lock = s.section("vaultLock");
        // PutBackupVaultLockConfiguration: ChangeableForDays at least 3 (terraform-provider-aws
        // internal/service/backup/vault_lock_configuration.go: IntAtLeast(3)).
        int changeable = ranged(lock, "changeableForDays", 3, 3, MAX_RETENTION_DAYS, problems);
        int minRetention = ranged(lock, "minRetentionDays", 7, 1, MAX_RETENTION_DAYS, problems);
        int maxRetention = ranged(lock, "maxRetentionDays", 3650, 1, MAX_RETENTION_DAYS, problems);
        lock.rejectUnknownKeys();
        if (production && enabled) {
            if (minRetention > maxRetention) {
                problems.invalid(lock.keyOf("minRetentionDays"), minRetention, "at most vaultLock.maxRetentionDays (" + maxRetention + ")");
            }
            // The locked vault refuses a recovery point kept shorter or longer than the lock allows.
            within(s, "dailyRetentionDays", daily, minRetention, maxRetention, problems);
            if (monthly > 0) {
                within(s, "monthlyRetentionDays", monthly, minRetention, maxRetention, problems);
            }
        }
        s.rejectUnknownKeys();
        return BackupConfig.builder()
                .enabled(enabled)
                .dailyRetentionDays(daily)
                .monthlyRetentionDays(monthly)
                .coldStorageAfterDays(cold)
                .vaultLockChangeableForDays(changeable)
                .vaultLockMinRetentionDays(minRetention)
                .vaultLockMaxRetentionDays(maxRetention)
                .build();
    }

    private static void within(ConfigSection s, String key, int value, int min, int max, Problems problems) {
        if (value < min || value > max) {
            problems.invalid(s.keyOf(key), value, "within the vault lock's retention, vaultLock.minRetentionDays (" + min
                    + ") to vaultLock.maxRetentionDays (" + max + "): a locked vault refuses other recovery points");
        }
    }

    private static int ranged(ConfigSection s, String key, int defaultValue, long min, long max, Problems problems) {
        int value = s.integer(key, defaultValue);
        Checks.range(value, min, max).ifPresent(allowed -> problems.invalid(s.keyOf(key), value, allowed));
        return value;
    }
}
