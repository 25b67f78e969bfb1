package com.ultibiker.platform.model;

/**
 * The {@code audit} section: CloudTrail, GuardDuty and Security Hub (see the README's config reference). Read by the
 * parser ({@code config.AuditSection}), which holds the defaults.
 *
 * @param trail                      who runs the account's CloudTrail trail; default {@code stack}; {@code off} is
 *                                   refused in production
 * @param trailColdStorageAfterDays  days before trail log files move to S3 Glacier Flexible Retrieval; default 90
 * @param trailRetentionDays         days trail log files (and their old versions) are kept; default 2190 (six years,
 *                                   HIPAA's documentation retention) in production, 365 elsewhere; above
 *                                   {@code trailColdStorageAfterDays}
 * @param guardDuty                  who runs GuardDuty in the stack's regions; default {@code stack}; {@code off} is
 *                                   refused in production
 * @param guardDutyMinSeverity       findings at or above this level reach the alert topic; default {@code MEDIUM}
 * @param securityHub                who runs Security Hub with the AWS Foundational Security Best Practices standard;
 *                                   default {@code off}
 */
public record AuditConfig(
        AuditMode trail,
        int trailColdStorageAfterDays,
        int trailRetentionDays,
        AuditMode guardDuty,
        FindingSeverity guardDutyMinSeverity,
        AuditMode securityHub) {

    /** Whether this stack creates anything of the audit section. */
    public boolean createsAnything() {
        return trail.byStack() || guardDuty.byStack() || securityHub.byStack();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AuditConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AuditMode trail;
        private Integer trailColdStorageAfterDays;
        private Integer trailRetentionDays;
        private AuditMode guardDuty;
        private FindingSeverity guardDutyMinSeverity;
        private AuditMode securityHub;

        private Builder() {
        }

        public Builder trail(AuditMode value) { this.trail = value; return this; }
        public Builder trailColdStorageAfterDays(int value) { this.trailColdStorageAfterDays = value; return this; }
        public Builder trailRetentionDays(int value) { this.trailRetentionDays = value; return this; }
        public Builder guardDuty(AuditMode value) { this.guardDuty = value; return this; }
        public Builder guardDutyMinSeverity(FindingSeverity value) { this.guardDutyMinSeverity = value; return this; }
        public Builder securityHub(AuditMode value) { this.securityHub = value; return this; }

        public AuditConfig build() {
            return new AuditConfig(
                    Required.of(trail, "AuditConfig.trail"),
                    Required.of(trailColdStorageAfterDays, "AuditConfig.trailColdStorageAfterDays"),
                    Required.of(trailRetentionDays, "AuditConfig.trailRetentionDays"),
                    Required.of(guardDuty, "AuditConfig.guardDuty"),
                    Required.of(guardDutyMinSeverity, "AuditConfig.guardDutyMinSeverity"),
                    Required.of(securityHub, "AuditConfig.securityHub"));
        }
    }
}
