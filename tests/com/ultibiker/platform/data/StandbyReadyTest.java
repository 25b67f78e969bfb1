package com.ultibiker.platform.data;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cross-region standby is ready to become the primary (issue 16.4), for every cross-region replica of the
 * plan: Multi-AZ when the primary is (RDS creates a read replica as Multi-AZ on request), the primary's backups
 * and window, the same parameters, the primary's alarms (plus replica lag), and the master credential in its
 * region, encrypted with that region's key, readable without the primary region.
 */
class StandbyReadyTest {

    private static final String RDS = "aws:rds/instance:Instance";

    private static List<PlanResource> crossRegionReplicas(Plan plan, PlanResource primary) {
        return plan.ofType(RDS).stream().filter(r -> r.prop("replicateSourceDb") != null && !r.region().equals(primary.region())).toList();
    }

    @Test
    void everyCrossRegionReplicaMatchesThePrimary() {
        Plan prod = StackPlans.prod();
        PlanResource primary = prod.require(RDS, "database-primary");
        List<PlanResource> standbys = crossRegionReplicas(prod, primary);
        assertEquals(List.of("database-replica-standby"), standbys.stream().map(PlanResource::name).toList());
        for (PlanResource standby : standbys) {
            assertEquals(true, primary.prop("multiAz"));
            assertEquals(primary.prop("multiAz"), standby.prop("multiAz"), standby.urn() + ": Multi-AZ like the primary");
            assertEquals(primary.prop("backupRetentionPeriod"), standby.prop("backupRetentionPeriod"), standby.urn());
            assertEquals(primary.prop("backupWindow"), standby.prop("backupWindow"), standby.urn());
            assertEquals(primary.prop("maintenanceWindow"), standby.prop("maintenanceWindow"), standby.urn());
            assertEquals(false, standby.prop("deleteAutomatedBackups"), standby.urn() + ": its backups outlive it, like the primary's");
            assertEquals(parameters(prod, primary.region()), parameters(prod, standby.region()), "parameter groups of both regions");
            assertEquals(alarmMetrics(prod, "ultibiker-prod-postgres") , withoutLag(alarmMetrics(prod, "ultibiker-prod-postgres-standby")));
            assertTrue(alarmMetrics(prod, "ultibiker-prod-postgres-standby").contains("ReplicaLag"));
        }
        // Dev's primary is single-AZ: a replica there would be too (none exists).
        assertEquals(List.of(), crossRegionReplicas(StackPlans.dev(), StackPlans.dev().require(RDS, "database-primary")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMasterCredentialIsReplicatedToTheStandbyRegionWithThatRegionsKey() {
        Plan prod = StackPlans.prod();
        PlanResource secret = prod.require("aws:secretsmanager/secret:Secret", "database-master-user");
        List<Map<String, Object>> replicas = (List<Map<String, Object>>) secret.prop("replicas");
        assertEquals(1, replicas.size());
        assertEquals("eu-west-1", replicas.get(0).get("region"));
        assertTrue(String.valueOf(replicas.get(0).get("kmsKeyId")).startsWith("arn:aws:kms:eu-west-1:"), "a key of the standby region");
        assertTrue(prod.outputs().containsKey("database.masterUserSecretArn.eu-west-1"));
    }

    private static Set<String> parameters(Plan plan, String region) {
        Set<String> out = new TreeSet<>();
        plan.ofType("aws:rds/parameterGroup:ParameterGroup").stream().filter(p -> p.region().equals(region)).forEach(p -> {
            out.add("family=" + p.prop("family"));
            ((List<?>) p.prop("parameters")).forEach(x -> out.add(String.valueOf(x)));
        });
        assertFalse(out.isEmpty(), "a parameter group in " + region);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> alarmMetrics(Plan plan, String identifier) {
        Set<String> out = new TreeSet<>();
        plan.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .filter(a -> identifier.equals(((Map<String, Object>) a.props().getOrDefault("dimensions", Map.of())).get("DBInstanceIdentifier")))
                .forEach(a -> out.add(String.valueOf(a.prop("metricName"))));
        return out;
    }

    private static Set<String> withoutLag(Set<String> metrics) {
        Set<String> out = new TreeSet<>(metrics);
        out.remove("ReplicaLag");
        return out;
    }
}
