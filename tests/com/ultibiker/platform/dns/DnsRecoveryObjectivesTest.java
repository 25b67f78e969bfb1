package com.ultibiker.platform.dns;

import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recovery objectives computed from config, and exported as stack outputs. */
class DnsRecoveryObjectivesTest {

    private static StackConfig prodWithDns(String dnsJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("dns", dnsJson);
        return StackConfigParser.parse("ultibiker-platform", raw);
    }

    @Test
    void prodDefaultsFailOverIn150SecondsWithinTheFiveMinuteRto() {
        var objectives = RecoveryObjectives.from(prodWithDns("{\"domain\":\"ultibiker.example.com\",\"delegation\":\"external\"}"));
        assertEquals(90, objectives.detectionSeconds(), "30 s x 3 failures");
        assertEquals(60, objectives.cachedAnswerSeconds());
        assertEquals(150, objectives.failoverSeconds());
        assertEquals(300, objectives.rtoTargetSeconds());
        assertTrue(objectives.rtoMet());
        assertEquals(30, objectives.replicaLagAlarmSeconds());
        assertEquals(60, objectives.rpoTargetSeconds());
        assertTrue(objectives.rpoMet());
    }

    @Test
    void aliasRecordsAreCachedForTheLoadBalancersSixtySecondsEvenWithAShorterTtl() {
        var objectives = RecoveryObjectives.from(prodWithDns(
                "{\"domain\":\"ultibiker.example.com\",\"delegation\":\"external\",\"ttlSeconds\":10,\"healthCheckIntervalSeconds\":10}"));
        assertEquals(30, objectives.detectionSeconds());
        assertEquals(60, objectives.cachedAnswerSeconds());
        assertEquals(90, objectives.failoverSeconds());
    }

    @Test
    void withoutAStandbyNeitherObjectiveIsMet() {
        var dev = RecoveryObjectives.from(StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("dev").projectConfig()));
        assertFalse(dev.standby());
        assertFalse(dev.rtoMet());
        assertFalse(dev.rpoMet());
    }

    @Test
    void theObjectivesAreStackOutputs() {
        Map<String, Object> outputs = StackPlans.prod().outputs();
        assertEquals(150.0, ((Number) outputs.get("recovery.dnsFailoverSeconds")).doubleValue());
        assertEquals(300.0, ((Number) outputs.get("recovery.rtoTargetSeconds")).doubleValue());
        assertEquals(true, outputs.get("recovery.rtoMet"));
        assertEquals(30.0, ((Number) outputs.get("recovery.replicaLagAlarmSeconds")).doubleValue());
        assertEquals(true, outputs.get("recovery.rpoMet"));
        assertEquals(false, StackPlans.dev().outputs().get("recovery.standby"));
    }

    /** Boundaries: a failover exactly at the RTO meets it; a lag alarm exactly at the RPO does not (it must fire before). */
    @Test
    void objectivesAtTheirBoundaries() {
        assertTrue(new RecoveryObjectives(true, 240, 60, 300, 300, 30, 60).rtoMet(), "300 s failover, 300 s RTO");
        assertFalse(new RecoveryObjectives(true, 241, 60, 301, 300, 30, 60).rtoMet(), "301 s failover, 300 s RTO");
        assertTrue(new RecoveryObjectives(true, 90, 60, 150, 300, 59, 60).rpoMet(), "alarm at 59 s, RPO 60 s");
        assertFalse(new RecoveryObjectives(true, 90, 60, 150, 300, 60, 60).rpoMet(), "alarm at 60 s, RPO 60 s");
        assertFalse(new RecoveryObjectives(false, 90, 60, 150, 300, 30, 60).rtoMet(), "no standby, nothing to fail over to");
    }
}
