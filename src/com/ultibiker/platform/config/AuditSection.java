package com.ultibiker.platform.config;

import com.ultibiker.platform.model.AuditConfig;
import com.ultibiker.platform.model.AuditMode;
import com.ultibiker.platform.model.FindingSeverity;

/** Reads and validates the {@code audit} section (every default and rule of {@link AuditConfig}). */
final class AuditSection {

    /** S3 lifecycle days are at most 2,147,483,647; ten years is what a trail's archive is sized for here. */
    static final int MAX_RETENTION_DAYS = 3653;
    /** Six years: HIPAA's retention of required documentation (45 CFR 164.316(b)(2)), the planning document's posture. */
    static final int PRODUCTION_RETENTION_DAYS = 2190;

    private AuditSection() {
    }

    static AuditConfig read(ConfigSection s, boolean production, Problems problems) {
        AuditMode trail = s.choice("trail", AuditMode.class, AuditMode.STACK);
        AuditMode guardDuty = s.choice("guardDuty", AuditMode.class, AuditMode.STACK);
        AuditMode securityHub = s.choice("securityHub", AuditMode.class, AuditMode.OFF);
        if (production) {
            // SPEC "Audit": a validated, encrypted, alarmed trail and GuardDuty; in production someone must run them.
            refuseOff(s, "trail", trail, "a multi-region trail with log file validation (SPEC, \"Audit\")", problems);
            refuseOff(s, "guardDuty", guardDuty, "GuardDuty threat detection (SPEC, \"Audit\")", problems);
        }
        int cold = ranged(s, "trailColdStorageAfterDays", 90, 1, MAX_RETENTION_DAYS - 1, problems);
        int retention = ranged(s, "trailRetentionDays", production ? PRODUCTION_RETENTION_DAYS : 365, 2, MAX_RETENTION_DAYS, problems);
        // S3 PutBucketLifecycleConfiguration refuses an expiration not later than a transition of the same rule
        // (InvalidArgument: 'Days' in the Expiration action must be greater than 'Days' in the Transition action).
        if (retention <= cold) {
            problems.invalid(s.keyOf("trailRetentionDays"), retention,
                    "more than trailColdStorageAfterDays (" + cold + "): log files move to cold storage before they expire");
        }
        FindingSeverity severity = s.choice("guardDutyMinSeverity", FindingSeverity.class, FindingSeverity.MEDIUM);
        s.rejectUnknownKeys();
        return AuditConfig.builder()
                .trail(trail)
                .trailColdStorageAfterDays(cold)
                .trailRetentionDays(retention)
                .guardDuty(guardDuty)
                .guardDutyMinSeverity(severity)
                .securityHub(securityHub)
                .build();
    }

    private static void refuseOff(ConfigSection s, String key, AuditMode mode, String what, Problems problems) {
        if (mode == AuditMode.OFF) {
            problems.invalid(s.keyOf(key), mode.configName(), "stack or organization in production: " + what
                    + " must run, created by this stack or by the organisation");
        }
    }

    private static int ranged(ConfigSection s, String key, int defaultValue, long min, long max, Problems problems) {
        int value = s.integer(key, defaultValue);
        Checks.range(value, min, max).ifPresent(allowed -> problems.invalid(s.keyOf(key), value, allowed));
        return value;
    }
}
