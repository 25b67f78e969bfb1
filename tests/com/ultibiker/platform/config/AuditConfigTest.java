package com.ultibiker.platform.config;

import com.ultibiker.platform.model.AuditConfig;
import com.ultibiker.platform.model.AuditMode;
import com.ultibiker.platform.model.FindingSeverity;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.PROJECT;
import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static com.ultibiker.platform.support.ConfigAssertions.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit section: who runs the trail, GuardDuty and Security Hub, and the trail bucket's lifecycle. */
class AuditConfigTest {

    private static Map<String, String> with(String stack, String auditJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        if (auditJson != null) {
            raw.put("audit", auditJson);
        }
        return raw;
    }

    private static AuditConfig parse(String stack, String auditJson) {
        return StackConfigParser.parse(PROJECT, with(stack, auditJson)).audit();
    }

    @Test
    void byDefaultTheStackRunsTheTrailAndGuardDutyAndLeavesSecurityHubOff() {
        AuditConfig prod = parse("prod", null);
        assertEquals(AuditMode.STACK, prod.trail());
        assertEquals(AuditMode.STACK, prod.guardDuty());
        assertEquals(AuditMode.OFF, prod.securityHub());
        assertEquals(FindingSeverity.MEDIUM, prod.guardDutyMinSeverity());
        assertEquals(90, prod.trailColdStorageAfterDays());
        assertEquals(2190, prod.trailRetentionDays(), "six years in production (HIPAA documentation retention)");
        assertEquals(365, parse("dev", null).trailRetentionDays(), "a year elsewhere");
    }

    @Test
    void eachPieceCanBeLeftToTheOrganisation() {
        AuditConfig org = parse("prod", "{\"trail\":\"organization\",\"guardDuty\":\"organization\",\"securityHub\":\"organization\"}");
        assertEquals(List.of(AuditMode.ORGANIZATION, AuditMode.ORGANIZATION, AuditMode.ORGANIZATION),
                List.of(org.trail(), org.guardDuty(), org.securityHub()));
        assertEquals(false, org.createsAnything());
    }

    /** SPEC "Audit": production has a trail and GuardDuty, the stack's or the organisation's. */
    @Test
    void productionRefusesNoTrailAndNoGuardDuty() {
        assertProblem(onlyProblem(with("prod", "{\"trail\":\"off\"}")), "audit.trail", "\"off\"", "stack or organization in production");
        assertProblem(onlyProblem(with("prod", "{\"guardDuty\":\"off\"}")), "audit.guardDuty", "\"off\"", "stack or organization in production");
        assertEquals(AuditMode.OFF, parse("dev", "{\"trail\":\"off\",\"guardDuty\":\"off\"}").trail(), "allowed outside production");
        assertEquals(AuditMode.OFF, parse("prod", "{\"securityHub\":\"off\"}").securityHub(), "Security Hub is optional");
    }

    @Test
    void aModeOutsideTheClosedSetIsRefusedWithTheAllowedValues() {
        assertProblem(onlyProblem(with("dev", "{\"guardDuty\":\"central\"}")), "audit.guardDuty", "\"central\"",
                "one of stack, organization, off");
    }

    /** S3 PutBucketLifecycleConfiguration: an expiration must come after a transition of the same rule. */
    @Test
    void logFilesExpireOnlyAfterTheyMovedToColdStorage() {
        assertProblem(onlyProblem(with("dev", "{\"trailColdStorageAfterDays\":90,\"trailRetentionDays\":90}")),
                "audit.trailRetentionDays", "90", "more than trailColdStorageAfterDays (90)");
        assertEquals(91, parse("dev", "{\"trailColdStorageAfterDays\":90,\"trailRetentionDays\":91}").trailRetentionDays());
        assertProblem(onlyProblem(with("dev", "{\"trailColdStorageAfterDays\":0}")), "audit.trailColdStorageAfterDays", "0", "1");
        assertProblem(onlyProblem(with("dev", "{\"trailRetentionDays\":36500}")), "audit.trailRetentionDays", "36500", "3653");
    }

    /** GuardDuty's levels and the lowest severity of each (GuardDuty User Guide, "Severity levels of GuardDuty findings"). */
    @Test
    void severityLevelsMapToGuardDutysLowestValueOfEachBand() {
        Map<String, Double> minimum = new HashMap<>();
        for (String level : List.of("LOW", "MEDIUM", "HIGH", "CRITICAL")) {
            minimum.put(level, parse("dev", "{\"guardDutyMinSeverity\":\"" + level + "\"}").guardDutyMinSeverity().minimum());
        }
        assertEquals(Map.of("LOW", 1.0, "MEDIUM", 4.0, "HIGH", 7.0, "CRITICAL", 9.0), minimum);
        assertProblem(onlyProblem(with("dev", "{\"guardDutyMinSeverity\":\"medium\"}")), "audit.guardDutyMinSeverity", "\"medium\"",
                "one of LOW, MEDIUM, HIGH, CRITICAL");
    }

    @Test
    void aMisspeltKeyIsNamedWithTheKnownOnes() {
        var found = problems(with("dev", "{\"guardduty\":\"off\"}"));
        assertEquals(1, found.size(), found.toString());
        assertProblem(found.get(0), "audit.guardduty", "\"off\"", "guardDuty");
    }
}
