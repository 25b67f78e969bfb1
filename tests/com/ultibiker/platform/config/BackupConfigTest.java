package com.ultibiker.platform.config;

import com.ultibiker.platform.model.BackupConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.PROJECT;
import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup section: defaults per environment and every rule AWS Backup imposes. */
class BackupConfigTest {

    private static Map<String, String> with(String stack, String backupJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        if (backupJson != null) {
            raw.put("backup", backupJson);
        }
        return raw;
    }

    private static BackupConfig parse(String stack, String backupJson) {
        return StackConfigParser.parse(PROJECT, with(stack, backupJson)).backup();
    }

    @Test
    void productionKeepsDailyPointsThirtyFiveDaysAndMonthlyOnesAYear() {
        BackupConfig prod = parse("prod", null);
        assertTrue(prod.enabled());
        assertEquals(35, prod.dailyRetentionDays());
        assertEquals(365, prod.monthlyRetentionDays());
        assertEquals(30, prod.coldStorageAfterDays());
        assertEquals(3, prod.vaultLockChangeableForDays());
        assertEquals(7, prod.vaultLockMinRetentionDays());
        assertEquals(3650, prod.vaultLockMaxRetentionDays());
    }

    @Test
    void otherEnvironmentsKeepAWeekOfDailyPointsAndNoMonthlyOnes() {
        BackupConfig dev = parse("dev", null);
        assertEquals(7, dev.dailyRetentionDays());
        assertEquals(0, dev.monthlyRetentionDays());
        assertFalse(dev.monthly());
    }

    /** AWS Backup Lifecycle: DeleteAfterDays must be at least MoveToColdStorageAfterDays + 90. */
    @Test
    void aMonthlyPointLeavesColdStorageNoSoonerThanNinetyDaysAfterEnteringIt() {
        assertProblem(onlyProblem(with("prod", "{\"monthlyRetentionDays\":119}")), "backup.monthlyRetentionDays", "119",
                "at least coldStorageAfterDays (30) + 90");
        assertEquals(120, parse("prod", "{\"monthlyRetentionDays\":120}").monthlyRetentionDays());
        assertEquals(0, parse("prod", "{\"monthlyRetentionDays\":0}").monthlyRetentionDays(), "0: no monthly rule");
    }

    /** PutBackupVaultLockConfiguration: ChangeableForDays at least 3 (provider: IntAtLeast(3)). */
    @Test
    void theLocksCoolingOffIsAtLeastThreeDays() {
        assertProblem(onlyProblem(with("prod", "{\"vaultLock\":{\"changeableForDays\":2}}")), "backup.vaultLock.changeableForDays",
                "2", "3");
        assertEquals(10, parse("prod", "{\"vaultLock\":{\"changeableForDays\":10}}").vaultLockChangeableForDays());
    }

    @Test
    void aLockedVaultRefusesRetentionOutsideItsLimits() {
        assertProblem(onlyProblem(with("prod", "{\"dailyRetentionDays\":5}")), "backup.dailyRetentionDays", "5",
                "vaultLock.minRetentionDays (7)");
        assertProblem(onlyProblem(with("prod", "{\"vaultLock\":{\"maxRetentionDays\":300}}")), "backup.monthlyRetentionDays", "365",
                "vaultLock.maxRetentionDays (300)");
        assertEquals(5, parse("dev", "{\"dailyRetentionDays\":5}").dailyRetentionDays(), "no lock outside production");
    }

    @Test
    void unknownKeysAreRefused() {
        var p = onlyProblem(with("prod", "{\"dailyRetention\":35}"));
        assertEquals(PROJECT + ":backup.dailyRetention", p.key());
    }

    @Test
    void theBuilderNamesAMissingField() {
        var e = assertThrows(NullPointerException.class, () -> BackupConfig.builder().enabled(true).build());
        assertEquals("BackupConfig.dailyRetentionDays is required", e.getMessage());
    }
}
