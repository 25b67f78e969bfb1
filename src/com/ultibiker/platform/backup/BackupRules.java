package com.ultibiker.platform.backup;

import com.ultibiker.platform.model.BackupConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The rules of a backup plan, from the {@code backup} section (pure).
 *
 * <p>Daily at 05:00 UTC, after the RDS backup window (03:00-04:00) and the maintenance window
 * (sun:04:00-05:00), kept {@code dailyRetentionDays}; with {@code monthlyRetentionDays}, on the first of the
 * month, moved to cold storage after {@code coldStorageAfterDays} and kept {@code monthlyRetentionDays}.
 * Cold storage applies only to resource types that support it (AWS Backup Developer Guide, "Feature
 * availability by resource": EBS (archive tier, opted in), EFS, DynamoDB with advanced features, ...; not
 * RDS); AWS Backup ignores the transition for the others (API Lifecycle: "Backup ignores this expression for
 * other resource types"), so an RDS monthly recovery point stays warm for its whole year.
 * Continuous backup (point-in-time restore from the vault) is off: AWS Backup would then own the RDS
 * instance's backup retention, which the stack sets, and the two would drift.
 */
public final class BackupRules {

    /** AWS Backup cron: minutes hours day-of-month month day-of-week year. */
    public static final String DAILY_SCHEDULE = "cron(0 5 ? * * *)";
    public static final String MONTHLY_SCHEDULE = "cron(0 5 1 * ? *)";
    /** A job that has not started within this many minutes of its schedule is cancelled (provider default 60). */
    public static final int START_WINDOW_MINUTES = 60;
    /** A started job must complete within this; a first snapshot of a 500 GB database takes hours. */
    public static final int COMPLETION_WINDOW_MINUTES = 480;
    /** Rule names: 1-50 of letters, digits, _ . - (terraform-provider-aws internal/service/backup/plan.go, rule_name). */
    static final Pattern RULE_NAME = Pattern.compile("[0-9A-Za-z_.-]{1,50}");

    /**
     * One rule of the plan.
     *
     * @param coldStorageAfterDays empty: never moved to cold storage
     */
    public record Rule(String name, String schedule, int deleteAfterDays, OptionalInt coldStorageAfterDays) {
        public Rule {
            if (!RULE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("backup rule name " + name + ": 1-50 of letters, digits, _ . -");
            }
            if (coldStorageAfterDays.isPresent()
                    && deleteAfterDays < coldStorageAfterDays.getAsInt() + BackupConfig.COLD_STORAGE_MINIMUM_DAYS) {
                throw new IllegalArgumentException("backup rule " + name + ": deleteAfterDays " + deleteAfterDays
                        + " must be at least coldStorageAfterDays " + coldStorageAfterDays.getAsInt() + " + 90");
            }
        }
    }

    private BackupRules() {
    }

    public static List<Rule> rules(BackupConfig config) {
        List<Rule> rules = new ArrayList<>();
        rules.add(new Rule("daily", DAILY_SCHEDULE, config.dailyRetentionDays(), OptionalInt.empty()));
        if (config.monthly()) {
            rules.add(new Rule("monthly", MONTHLY_SCHEDULE, config.monthlyRetentionDays(),
                    OptionalInt.of(config.coldStorageAfterDays())));
        }
        return rules;
    }

    /**
     * Worst-case age of the newest recovery point: a day between runs, plus the time a job may wait to start
     * and to complete (the copy to the other region starts after that).
     */
    public static int dailyRecoveryPointAgeSeconds() {
        return 24 * 3600 + (START_WINDOW_MINUTES + COMPLETION_WINDOW_MINUTES) * 60;
    }
}
