package com.ultibiker.platform.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pure rules behind the data stores: families, parameter values, names, policy documents. */
class DataSettingsTest {

    @ParameterizedTest
    @CsvSource({"16,postgres16", "16.4,postgres16", "17,postgres17", "17.2,postgres17", "14.12,postgres14"})
    void postgresFamilyIsNamedByMajorVersion(String version, String family) {
        assertEquals(family, DatabaseSettings.parameterGroupFamily(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.6", "16.x", "", "postgres16"})
    void postgresFamilyRejectsWhatIsNoVersion(String version) {
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.parameterGroupFamily(version));
    }

    @ParameterizedTest
    @CsvSource({"7,redis7", "7.1,redis7", "7.0,redis7", "6.2,redis6"})
    void redisFamilyIsNamedByMajorVersion(String version, String family) {
        assertEquals(family, CacheSettings.parameterGroupFamily(version));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.0.6", "7.x", "valkey8"})
    void redisFamilyRejectsOldOrMalformedVersions(String version) {
        assertThrows(IllegalArgumentException.class, () -> CacheSettings.parameterGroupFamily(version));
    }

    @Test
    void postgresParametersForceTlsAndLogSlowStatementsAndLockWaits() {
        assertEquals(Map.of("rds.force_ssl", "1", "log_min_duration_statement", "250", "log_lock_waits", "1"),
                DatabaseSettings.parameters(250));
        assertEquals(List.of("rds.force_ssl", "log_min_duration_statement", "log_lock_waits"),
                List.copyOf(DatabaseSettings.parameters(1000).keySet()), "fixed order, so the plan is stable");
        assertThrows(IllegalArgumentException.class, () -> DatabaseSettings.parameters(0));
    }

    @Test
    void namesDeriveFromTheIdentifier() {
        assertEquals("/aws/rds/instance/ultibiker-prod-postgres/postgresql",
                DatabaseSettings.logGroupName("ultibiker-prod-postgres", "postgresql"));
        assertEquals("ultibiker-prod-postgres-analytics", DatabaseSettings.replicaIdentifier("ultibiker-prod-postgres", "analytics"));
        assertEquals("/aws/elasticache/ultibiker-prod-redis/slow-log", CacheSettings.logGroupName("ultibiker-prod-redis", "slow-log"));
        assertEquals("ultibiker-prod-redis-app", CacheSettings.appUserId("ultibiker-prod-redis"));
        assertEquals("ultibiker-prod-redis-default", CacheSettings.defaultUserId("ultibiker-prod-redis"));
        assertEquals("ultibiker-prod-redis-users", CacheSettings.userGroupId("ultibiker-prod-redis"));
    }

    @Test
    void monitoringTrustPolicyIsTheGoldenDocument() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"RdsEnhancedMonitoring\",\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Service\":\"monitoring.rds.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}}]}",
                DataPolicies.monitoringTrustPolicy("111122223333"));
        assertEquals("arn:aws-cn:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
                DataPolicies.monitoringPolicyArn("aws-cn"));
    }

    @Test
    void rdsConnectPolicyNamesTheUserOnEveryInstance() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ConnectAsDatabaseUser\",\"Effect\":\"Allow\","
                        + "\"Action\":\"rds-db:connect\",\"Resource\":[\"arn:aws:rds-db:us-east-1:111122223333:dbuser:db-ABC/app\","
                        + "\"arn:aws:rds-db:eu-west-1:111122223333:dbuser:db-XYZ/app\"]}]}",
                DataPolicies.rdsConnectPolicy(List.of(
                        new DataPolicies.RdsInstanceRef("aws", "us-east-1", "111122223333", "db-ABC"),
                        new DataPolicies.RdsInstanceRef("aws", "eu-west-1", "111122223333", "db-XYZ")), "app"));
    }

    @Test
    void cacheConnectPolicyIsTheGoldenDocument() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ConnectAsCacheUser\",\"Effect\":\"Allow\","
                        + "\"Action\":\"elasticache:Connect\",\"Resource\":[\"arn:rg\",\"arn:user\"]}]}",
                DataPolicies.cacheConnectPolicy("arn:rg", "arn:user"));
    }
}
