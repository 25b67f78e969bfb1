package com.ultibiker.platform.data;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.data.DataPlans.INSTANCE;
import static com.ultibiker.platform.data.DataPlans.LOG_GROUP;
import static com.ultibiker.platform.data.DataPlans.RDS_PARAMS;
import static com.ultibiker.platform.data.DataPlans.RDS_SUBNETS;
import static com.ultibiker.platform.data.DataPlans.SECURITY_GROUP;
import static com.ultibiker.platform.data.DataPlans.integer;
import static com.ultibiker.platform.data.DataPlans.keyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given the dev and prod stacks, the PostgreSQL instances get exactly the inputs the spec promises. */
class DatabaseTest {

    private static PlanResource primary(Plan plan) {
        return plan.require(INSTANCE, "database-primary");
    }

    @Test
    void devPrimaryIsSmallSingleAzAndDisposable() {
        PlanResource db = primary(StackPlans.dev());
        assertEquals("db.t4g.medium", db.prop("instanceClass"));
        assertEquals(20, integer(db, "allocatedStorage"));
        assertEquals(50, integer(db, "maxAllocatedStorage"));
        assertEquals(false, db.prop("multiAz"));
        assertEquals(false, db.prop("deletionProtection"));
        assertEquals(true, db.prop("skipFinalSnapshot"));
        assertNull(db.prop("finalSnapshotIdentifier"));
        assertFalse(db.protect());
        assertEquals(1, StackPlans.dev().ofType(INSTANCE).size(), "dev has no replicas");
    }

    @Test
    void prodPrimaryIsSizedAndProtectedPerSpec() {
        PlanResource db = primary(StackPlans.prod());
        assertEquals("db.r6g.xlarge", db.prop("instanceClass"));
        assertEquals(500, integer(db, "allocatedStorage"));
        assertEquals(2000, integer(db, "maxAllocatedStorage"));
        assertEquals(true, db.prop("multiAz"));
        assertEquals(true, db.prop("deletionProtection"));
        assertEquals(false, db.prop("skipFinalSnapshot"));
        assertEquals("ultibiker-prod-postgres-final", db.prop("finalSnapshotIdentifier"), "stable, no timestamp");
        assertEquals(false, db.prop("deleteAutomatedBackups"));
        assertTrue(db.protect());
        assertEquals("us-east-1", db.region());
    }

    @Test
    void everyInstanceIsEncryptedMonitoredAndPatchedInBothStacks() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource db : plan.ofType(INSTANCE)) {
                String id = plan.stack() + " " + db.name();
                assertEquals("gp3", db.prop("storageType"), id);
                assertEquals(true, db.prop("storageEncrypted"), id);
                keyOf(plan, db, "kmsKeyId");
                assertEquals(true, db.prop("performanceInsightsEnabled"), id);
                assertEquals(db.prop("kmsKeyId"), db.prop("performanceInsightsKmsKeyId"), id);
                assertEquals(7, integer(db, "performanceInsightsRetentionPeriod"), id);
                assertEquals(60, integer(db, "monitoringInterval"), id);
                assertEquals(plan.require("aws:iam/role:Role", "database-monitoring-role").name(),
                        ((String) db.prop("monitoringRoleArn")).replaceFirst(".*:role/", ""), id);
                assertEquals(true, db.prop("iamDatabaseAuthenticationEnabled"), id);
                assertEquals(true, db.prop("autoMinorVersionUpgrade"), id);
                assertEquals(true, db.prop("copyTagsToSnapshot"), id);
                assertEquals(false, db.prop("publiclyAccessible"), id);
                assertEquals("sun:04:00-sun:05:00", db.prop("maintenanceWindow"), id);
                assertEquals(List.of("postgresql", "upgrade"), db.prop("enabledCloudwatchLogsExports"), id);
                assertEquals(5432, integer(db, "port"), id);
            }
        }
    }

    @Test
    void primaryBacksUpNightlyAndTakesItsPasswordFromSecretsManagerAsASecret() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            PlanResource db = primary(plan);
            assertEquals("postgres", db.prop("engine"));
            assertEquals("16", db.prop("engineVersion"));
            assertEquals(7, integer(db, "backupRetentionPeriod"));
            assertEquals("03:00-04:00", db.prop("backupWindow"));
            assertNull(db.prop("manageMasterUserPassword"), "RDS refuses replicas of a source whose password it manages");
            assertEquals("platform_admin", db.prop("username"));
            assertEquals("[secret]", db.prop("password"));
            PlanResource version = plan.require("aws:secretsmanager/secretVersion:SecretVersion", "database-master-user-version");
            assertTrue(db.dependencies().contains(version.urn()), "the password flows from the stored secret version");
            PlanResource secret = plan.require("aws:secretsmanager/secret:Secret", "database-master-user");
            assertEquals("ultibiker/" + plan.stack() + "/postgres/master-user", secret.prop("name"));
            assertEquals("us-east-1", secret.region());
            assertEquals(db.prop("kmsKeyId"), secret.prop("kmsKeyId"), "encrypted with the database key of its region");
            // Secrets Manager appends six random characters to the name (the plan's mock answers "ChTXc6").
            assertEquals("arn:aws:secretsmanager:us-east-1:123456789012:secret:ultibiker/" + plan.stack() + "/postgres/master-user-ChTXc6",
                    plan.outputs().get("database.masterUserSecretArn"));
        }
        assertEquals(List.of(), StackPlans.dev().require("aws:secretsmanager/secret:Secret", "database-master-user").prop("replicas"));
    }

    @Test
    void prodMasterSecretIsReplicatedToTheStandbyRegionWithThatRegionsKey() {
        Plan plan = StackPlans.prod();
        PlanResource secret = plan.require("aws:secretsmanager/secret:Secret", "database-master-user");
        assertEquals(List.of(Map.of("region", "eu-west-1",
                        "kmsKeyId", "arn:aws:kms:eu-west-1:123456789012:key/database-eu-west-1-key-id")),
                secret.prop("replicas"));
        assertEquals("arn:aws:secretsmanager:eu-west-1:123456789012:secret:ultibiker/prod/postgres/master-user-ChTXc6",
                plan.outputs().get("database.masterUserSecretArn.eu-west-1"), "a replica's ARN is the primary's with its region");
    }

    /** RPO < 1 min from asynchronous replication: the standby's lag is alarmed at 30 s, in its own region. */
    @Test
    void theStandbysReplicaLagIsAlarmedWellBelowTheRpo() {
        Plan plan = StackPlans.prod();
        PlanResource lag = plan.require("aws:cloudwatch/metricAlarm:MetricAlarm", "observability-rds-standby-replica-lag");
        assertEquals("eu-west-1", lag.region());
        assertEquals("ReplicaLag", lag.prop("metricName"));
        assertEquals(Map.of("DBInstanceIdentifier", "ultibiker-prod-postgres-standby"), lag.prop("dimensions"));
        assertEquals("Maximum", lag.prop("statistic"));
        assertEquals(60, integer(lag, "period"));
        assertEquals(30, integer(lag, "threshold"));
        assertEquals("breaching", lag.prop("treatMissingData"), "a replica that stops reporting is not fine");
        assertEquals(60, ((Number) plan.outputs().get("recovery.rpoTargetSeconds")).intValue());
        PlanResource connections = plan.require("aws:cloudwatch/metricAlarm:MetricAlarm", "observability-rds-primary-connections");
        assertEquals("Maximum", connections.prop("statistic"), "connections are a peak, not an average");
        assertEquals(400, integer(connections, "threshold"));
    }

    @Test
    void crossRegionStandbyKeepsSevenDaysOfBackupsBecauseItBecomesThePrimary() {
        PlanResource standby = StackPlans.prod().require(INSTANCE, "database-replica-standby");
        assertEquals(7, integer(standby, "backupRetentionPeriod"));
        assertEquals("03:00-04:00", standby.prop("backupWindow"));
        assertEquals(0, integer(StackPlans.prod().require(INSTANCE, "database-replica-analytics"), "backupRetentionPeriod"),
                "a same-region read replica needs no backups of its own");
    }

    @Test
    void prodHasTheAnalyticsReplicaBesideThePrimary() {
        Plan plan = StackPlans.prod();
        PlanResource replica = plan.require(INSTANCE, "database-replica-analytics");
        assertEquals("db.r6g.large", replica.prop("instanceClass"));
        assertEquals("us-east-1", replica.region());
        assertEquals("ultibiker-prod-postgres", replica.prop("replicateSourceDb"), "same region: source by identifier");
        assertEquals(primary(plan).prop("kmsKeyId"), replica.prop("kmsKeyId"));
        assertNull(replica.prop("dbSubnetGroupName"), "a same-region replica inherits the source's subnet group");
        assertEquals(primary(plan).prop("vpcSecurityGroupIds"), replica.prop("vpcSecurityGroupIds"));
        assertNull(replica.prop("manageMasterUserPassword"));
        assertNull(replica.prop("password"), "a replica has its source's master password");
        assertTrue(replica.protect());
        assertEquals(true, replica.prop("deletionProtection"));
    }

    @Test
    void prodHasTheCrossRegionReplicaWithItsOwnKeySubnetsAndSecurityGroup() {
        Plan plan = StackPlans.prod();
        PlanResource replica = plan.require(INSTANCE, "database-replica-standby");
        assertEquals("eu-west-1", replica.region());
        assertEquals("arn:aws:rds:us-east-1:123456789012:db:ultibiker-prod-postgres", replica.prop("replicateSourceDb"),
                "cross region: source by ARN");
        PlanResource key = keyOf(plan, replica, "kmsKeyId");
        assertEquals("eu-west-1", key.region());
        assertEquals(replica.prop("kmsKeyId"), replica.prop("performanceInsightsKmsKeyId"));
        assertEquals(true, replica.prop("storageEncrypted"));

        PlanResource subnets = plan.require(RDS_SUBNETS, (String) replica.prop("dbSubnetGroupName"));
        assertEquals("eu-west-1", subnets.region());
        ((List<?>) subnets.prop("subnetIds")).forEach(s ->
                assertTrue(String.valueOf(s).startsWith("network-eu-west-1-database-"), "isolated eu-west-1 subnet: " + s));

        List<?> sgs = (List<?>) replica.prop("vpcSecurityGroupIds");
        assertEquals(1, sgs.size());
        PlanResource sg = plan.require(SECURITY_GROUP, String.valueOf(sgs.get(0)).replaceFirst("-id$", ""));
        assertEquals("eu-west-1", sg.region());
        assertEquals("network-eu-west-1-vpc-id", sg.prop("vpcId"));

        PlanResource params = plan.require(RDS_PARAMS, (String) replica.prop("parameterGroupName"));
        assertEquals("eu-west-1", params.region());
        assertTrue(replica.protect());
        assertTrue(plan.outputs().containsKey("database.readerEndpoint.standby"));
    }

    @Test
    void primaryIsInTheIsolatedDatabaseSubnetsOfThePrimaryRegion() {
        Plan plan = StackPlans.prod();
        PlanResource subnets = plan.require(RDS_SUBNETS, (String) primary(plan).prop("dbSubnetGroupName"));
        assertEquals("us-east-1", subnets.region());
        assertEquals(List.of("network-us-east-1-database-us-east-1a-id", "network-us-east-1-database-us-east-1b-id",
                "network-us-east-1-database-us-east-1c-id"), subnets.prop("subnetIds"));
    }

    @Test
    void parameterGroupMatchesTheEngineForcesTlsAndLogsSlowStatements() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource db : plan.ofType(INSTANCE)) {
                PlanResource params = plan.require(RDS_PARAMS, (String) db.prop("parameterGroupName"));
                assertEquals(db.region(), params.region());
                assertEquals("postgres16", params.prop("family"));
                Map<String, String> values = DataPlans.parameters(params);
                assertEquals("1", values.get("rds.force_ssl"), plan.stack() + " " + params.name());
                assertEquals("1000", values.get("log_min_duration_statement"));
            }
        }
    }

    @Test
    void everyExportHasAnEncryptedLogGroupWithTheEnvironmentsRetentionCreatedFirst() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            int retention = plan.stack().equals("prod") ? 90 : 30;
            for (PlanResource db : plan.ofType(INSTANCE)) {
                for (String export : List.of("postgresql", "upgrade")) {
                    String logName = "/aws/rds/instance/" + db.prop("identifier") + "/" + export;
                    List<PlanResource> groups = plan.where(r -> r.type().equals(LOG_GROUP) && logName.equals(r.prop("name")));
                    assertEquals(1, groups.size(), logName);
                    PlanResource group = groups.get(0);
                    assertEquals(db.region(), group.region());
                    assertEquals(retention, integer(group, "retentionInDays"));
                    assertEquals(db.region(), keyOf(plan, group, "kmsKeyId").region());
                    assertTrue(db.dependencies().contains(group.urn()), db.name() + " depends on " + group.name());
                }
            }
        }
    }

    @Test
    void monitoringRoleTrustsOnlyRdsMonitoring() {
        PlanResource role = StackPlans.prod().require("aws:iam/role:Role", "database-monitoring-role");
        assertEquals(DataPolicies.monitoringTrustPolicy("123456789012"), role.prop("assumeRolePolicy"));
        PlanResource attachment = StackPlans.prod().require("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "database-monitoring-role-policy");
        assertEquals("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole", attachment.prop("policyArn"));
    }

    @Test
    void stackExportsTheDatabaseOutputs() {
        Map<String, Object> outputs = StackPlans.prod().outputs();
        assertEquals("ultibiker-prod-postgres.cplan0000000.us-east-1.rds.amazonaws.com", outputs.get("database.endpoint"));
        assertEquals("ultibiker-prod-postgres-analytics.cplan0000000.us-east-1.rds.amazonaws.com",
                outputs.get("database.readerEndpoint.analytics"));
        assertEquals(5432, ((Number) outputs.get("database.port")).intValue());
        assertEquals("database-sg-id", outputs.get("database.securityGroupId"));
    }
}
