package com.ultibiker.platform.drill;

import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/dr-drill: the runbook's failover as commands for the stack's own names, none of them needing us-east-1. */
class DrDrillTest {

    private static List<String> prodSteps() {
        return DrDrill.steps(StackPlans.prod(), "us-east-1", "eu-west-1", "ultibiker/ultibiker-platform");
    }

    @Test
    void prodFreezesDeploysPromotesTheStandbyAndScalesItsPoolsToThePrimarysSizes() {
        List<String> steps = prodSteps();
        int freeze = steps.indexOf("gh workflow disable deploy.yml --repo ultibiker/ultibiker-platform");
        int promote = steps.indexOf("aws rds promote-read-replica --region eu-west-1 --db-instance-identifier ultibiker-prod-postgres-standby"
                + " --backup-retention-period 7");
        assertTrue(freeze >= 0 && promote > freeze, String.join("\n", steps));
        assertTrue(steps.contains("aws eks update-nodegroup-config --region eu-west-1 --cluster-name ultibiker-prod-eu-west-1"
                + " --nodegroup-name \"$ng\" --scaling-config minSize=3,maxSize=20,desiredSize=3"), "application pool at the primary's 3-20");
        assertTrue(steps.contains("aws secretsmanager get-secret-value --region eu-west-1 --secret-id ultibiker/prod/postgres/master-user"
                + " --query SecretString --output text   # the master credential, replicated to eu-west-1"));
        assertTrue(steps.stream().anyMatch(l -> l.startsWith("dig +short api.ultibiker.example.com")));
    }

    /**
     * The time-series store comes back in eu-west-1 from its export: a new instance in the standby VPC's database
     * subnets, reachable from the standby nodes, filled by the suspended restore job of the standby cluster.
     */
    @Test
    void prodRestoresTheTimeSeriesStoreFromItsExportInEuWest1() {
        List<String> steps = prodSteps();
        int create = indexOfStart(steps, "id=$(aws timestream-influxdb create-db-instance --region eu-west-1 --name ultibiker-prod-influxdb"
                + " --db-instance-type db.influx.large --db-storage-type InfluxIOIncludedT1 --allocated-storage 100"
                + " --deployment-type WITH_MULTIAZ_STANDBY --no-publicly-accessible"
                + " --vpc-subnet-ids network-eu-west-1-database-eu-west-1a-id network-eu-west-1-database-eu-west-1b-id");
        int secret = steps.indexOf("kubectl --context eu-west-1 -n ultibiker create secret generic influxdb-restore-target"
                + " --from-literal=host=\"https://$ep:8086\" --from-literal=password=\"$pw\"");
        int run = steps.indexOf("kubectl --context eu-west-1 -n ultibiker create job --from=cronjob/influxdb-restore influxdb-restore-$(date +%s)");
        assertTrue(create >= 0 && secret > create && run > secret, String.join("\n", steps));
        assertTrue(steps.contains("aws ec2 authorize-security-group-ingress --region eu-west-1 --group-id \"$sg\" --protocol tcp --port 8086"
                + " --source-group eks-eu-west-1-node-sg-id"), "8086 from the standby nodes only");
        assertTrue(steps.stream().anyMatch(l -> l.startsWith("aws s3api list-objects-v2 --region eu-west-1 --bucket"
                + " ultibiker-prod-influxdb-export-123456789012 --prefix influxdb/")));
    }

    private static int indexOfStart(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** Failover happens while us-east-1 is down: no command may call its APIs. */
    @Test
    void nothingPrintedNeedsThePrimaryRegion() {
        for (String line : prodSteps()) {
            if (!line.startsWith("#")) {
                assertFalse(line.contains("us-east-1"), line);
            }
        }
    }

    @Test
    void aStackWithoutAStandbyHasNothingToFailOver() {
        var out = new ByteArrayOutputStream();
        int rc = DrDrillMain.run(new String[] {"dev"}, StackPlans.PROJECT_DIR, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(1, rc);
        assertEquals("stack dev has no standby region: nothing to fail over to\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void checkSaysWhichObjectivesHoldFromTheStackOutputs() throws Exception {
        Path file = Files.createTempFile("outputs", ".json");
        Files.writeString(file, new com.google.gson.Gson().toJson(StackPlans.prod().outputs()));
        var out = new ByteArrayOutputStream();
        int rc = DrDrillMain.run(new String[] {"prod", "--check", file.toString()}, StackPlans.PROJECT_DIR,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, rc, text);
        assertTrue(text.contains("\nRTO target 300 s: DOES NOT HOLD (missed by postgresql, timeseries)\n"), text);
        assertTrue(text.contains("\nRPO target 60 s: DOES NOT HOLD (missed by timeseries, buckets)\n"), text);
        assertTrue(text.startsWith("postgresql: RTO 450 s DOES NOT HOLD, RPO 30 s holds"), text);
        Map<String, Object> allMet = Map.of("recovery.rtoMet", true, "recovery.rpoMet", true);
        assertTrue(DrDrill.allHeld(allMet));
        assertEquals(2, DrDrillMain.run(new String[] {"prod", "--check", "/nonexistent.json"}, StackPlans.PROJECT_DIR,
                System.out, new PrintStream(new ByteArrayOutputStream())));
    }
}
