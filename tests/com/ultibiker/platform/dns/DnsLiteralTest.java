package com.ultibiker.platform.dns;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recovery objectives and public names, literally. */
class DnsLiteralTest {

    private static RecoveryObjectives objectives(boolean standby, int failover, int rto, int lag, int rpo) {
        return new RecoveryObjectives(standby, 90, 60, failover, rto, lag, rpo);
    }

    @Test
    void theRtoIsMetUpToAndIncludingTheTarget() {
        assertTrue(objectives(true, 300, 300, 30, 60).rtoMet(), "failover == RTO meets it");
        assertTrue(objectives(true, 150, 300, 30, 60).rtoMet());
        assertFalse(objectives(true, 301, 300, 30, 60).rtoMet());
        assertFalse(objectives(false, 150, 300, 30, 60).rtoMet(), "nothing to fail over to");
    }

    @Test
    void theRpoIsMetOnlyWhenTheLagAlarmFiresBeforeIt() {
        assertTrue(objectives(true, 150, 300, 59, 60).rpoMet());
        assertFalse(objectives(true, 150, 300, 60, 60).rpoMet(), "an alarm at the RPO fires too late");
        assertFalse(objectives(false, 150, 300, 30, 60).rpoMet());
    }

    @Test
    void outputsNameEveryFigure() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("recovery.standby", true);
        expected.put("recovery.detectionSeconds", 90);
        expected.put("recovery.cachedAnswerSeconds", 60);
        expected.put("recovery.dnsFailoverSeconds", 150);
        expected.put("recovery.rtoTargetSeconds", 300);
        expected.put("recovery.rtoMet", true);
        expected.put("recovery.replicaLagAlarmSeconds", 30);
        expected.put("recovery.rpoTargetSeconds", 60);
        expected.put("recovery.rpoMet", true);
        var out = objectives(true, 150, 300, 30, 60).outputs();
        assertEquals(expected, out);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(out.keySet()));
        assertEquals(false, objectives(false, 150, 300, 30, 60).outputs().get("recovery.rtoMet"));
    }

    @Test
    void publicNamesAreApiAndWsUnderTheDomain() {
        var names = new PublicHostnames("ultibiker.example.com");
        assertEquals("api.ultibiker.example.com", names.api());
        assertEquals("ws.ultibiker.example.com", names.ws());
        assertEquals(List.of("api.ultibiker.example.com", "ws.ultibiker.example.com"), names.all());
        assertEquals("api", PublicHostnames.label("api.ultibiker.example.com"));
        assertEquals("localhost", PublicHostnames.label("localhost"));
        assertEquals("", PublicHostnames.label(".example.com"));
    }
}
