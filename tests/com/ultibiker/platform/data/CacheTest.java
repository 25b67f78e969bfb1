package com.ultibiker.platform.data;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.data.DataPlans.CACHE_PARAMS;
import static com.ultibiker.platform.data.DataPlans.CACHE_SUBNETS;
import static com.ultibiker.platform.data.DataPlans.CACHE_USER;
import static com.ultibiker.platform.data.DataPlans.CACHE_USER_GROUP;
import static com.ultibiker.platform.data.DataPlans.LOG_GROUP;
import static com.ultibiker.platform.data.DataPlans.REPLICATION_GROUP;
import static com.ultibiker.platform.data.DataPlans.integer;
import static com.ultibiker.platform.data.DataPlans.keyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given the dev and prod stacks, the Redis replication groups get exactly the inputs the spec promises. */
class CacheTest {

    private static PlanResource group(Plan plan, String region) {
        return plan.require(REPLICATION_GROUP, "cache-" + region + "-redis");
    }

    @Test
    void devCacheIsOneSmallNodeAndDisposable() {
        PlanResource rg = group(StackPlans.dev(), "us-east-1");
        assertEquals("cache.t4g.small", rg.prop("nodeType"));
        assertEquals(1, integer(rg, "numCacheClusters"));
        assertEquals(false, rg.prop("automaticFailoverEnabled"));
        assertEquals(false, rg.prop("multiAzEnabled"));
        assertNull(rg.prop("finalSnapshotIdentifier"));
        assertFalse(rg.protect());
        assertEquals(1, StackPlans.dev().ofType(REPLICATION_GROUP).size());
    }

    @Test
    void prodCacheIsThreeLargeNodesWithFailoverAcrossAzsAndProtected() {
        PlanResource rg = group(StackPlans.prod(), "us-east-1");
        assertEquals("us-east-1", rg.region());
        assertEquals("cache.r7g.large", rg.prop("nodeType"));
        assertEquals(3, integer(rg, "numCacheClusters"));
        assertEquals(true, rg.prop("automaticFailoverEnabled"));
        assertEquals(true, rg.prop("multiAzEnabled"));
        assertEquals("ultibiker-prod-redis-final", rg.prop("finalSnapshotIdentifier"));
        assertTrue(rg.protect());
    }

    @Test
    void prodHasTheStandbyCacheInTheSecondaryRegion() {
        Plan plan = StackPlans.prod();
        PlanResource rg = group(plan, "eu-west-1");
        assertEquals("eu-west-1", rg.region());
        assertEquals("cache.r7g.large", rg.prop("nodeType"));
        assertEquals(2, integer(rg, "numCacheClusters"));
        assertEquals(true, rg.prop("automaticFailoverEnabled"));
        assertEquals("eu-west-1", keyOf(plan, rg, "kmsKeyId").region());
        assertTrue(rg.protect());
        assertTrue(plan.outputs().containsKey("cache.primaryEndpoint.eu-west-1"));
    }

    @Test
    void everyCacheIsEncryptedAtRestAndInTransitAndSnapshotsNightly() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource rg : plan.ofType(REPLICATION_GROUP)) {
                String id = plan.stack() + " " + rg.name();
                assertEquals("redis", rg.prop("engine"), id);
                assertEquals("7.1", rg.prop("engineVersion"), id);
                assertEquals(true, rg.prop("atRestEncryptionEnabled"), id);
                assertEquals(rg.region(), keyOf(plan, rg, "kmsKeyId").region(), id);
                assertEquals(true, rg.prop("transitEncryptionEnabled"), id);
                assertEquals("required", rg.prop("transitEncryptionMode"), id);
                assertEquals(5, integer(rg, "snapshotRetentionLimit"), id);
                assertEquals("03:00-05:00", rg.prop("snapshotWindow"), id);
                assertEquals("sun:05:00-sun:06:00", rg.prop("maintenanceWindow"), id);
                assertEquals(6379, integer(rg, "port"), id);
                assertNull(rg.prop("authToken"), id);
            }
        }
    }

    @Test
    void cachesRunInThePrivateSubnetsOfTheirRegion() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource rg : plan.ofType(REPLICATION_GROUP)) {
                PlanResource subnets = plan.require(CACHE_SUBNETS, (String) rg.prop("subnetGroupName"));
                assertEquals(rg.region(), subnets.region());
                List<?> ids = (List<?>) subnets.prop("subnetIds");
                assertEquals(3, ids.size());
                ids.forEach(s -> assertTrue(String.valueOf(s).startsWith("network-" + rg.region() + "-private-"), String.valueOf(s)));
            }
        }
    }

    @Test
    void parameterGroupIsRedis7AndFeedsTheSlowLog() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource rg : plan.ofType(REPLICATION_GROUP)) {
                PlanResource params = plan.require(CACHE_PARAMS, (String) rg.prop("parameterGroupName"));
                assertEquals("redis7", params.prop("family"));
                assertEquals(rg.region(), params.region());
                assertEquals("10000", DataPlans.parameters(params).get("slowlog-log-slower-than"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void slowAndEngineLogsGoToEncryptedLogGroupsWithTheEnvironmentsRetention() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            int retention = plan.stack().equals("prod") ? 90 : 30;
            for (PlanResource rg : plan.ofType(REPLICATION_GROUP)) {
                List<Map<String, Object>> delivery = (List<Map<String, Object>>) rg.prop("logDeliveryConfigurations");
                assertEquals(List.of("slow-log", "engine-log"), delivery.stream().map(d -> d.get("logType")).toList());
                for (Map<String, Object> d : delivery) {
                    assertEquals("cloudwatch-logs", d.get("destinationType"));
                    List<PlanResource> groups = plan.where(r -> r.type().equals(LOG_GROUP) && r.region().equals(rg.region())
                            && d.get("destination").equals(r.prop("name")));
                    assertEquals(1, groups.size(), "log group " + d.get("destination") + " in " + rg.region());
                    assertEquals(retention, integer(groups.get(0), "retentionInDays"));
                    keyOf(plan, groups.get(0), "kmsKeyId");
                    assertTrue(rg.dependencies().contains(groups.get(0).urn()));
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void authenticationIsIamThroughAUserGroupWhoseDefaultUserIsOff() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource rg : plan.ofType(REPLICATION_GROUP)) {
                String prefix = rg.name().replaceFirst("-redis$", "");
                List<?> groupIds = (List<?>) rg.prop("userGroupIds");
                PlanResource users = plan.require(CACHE_USER_GROUP, prefix + "-users");
                assertEquals(List.of(users.prop("userGroupId")), groupIds);
                List<String> members = (List<String>) users.prop("userIds");
                PlanResource app = plan.require(CACHE_USER, prefix + "-app-user");
                PlanResource def = plan.require(CACHE_USER, prefix + "-default-user");
                assertEquals(List.of(def.prop("userId"), app.prop("userId")), members);
                assertEquals("iam", app.prop("authenticationMode.type"));
                assertEquals(app.prop("userId"), app.prop("userName"), "IAM auth requires user name = user id");
                assertEquals("default", def.prop("userName"));
                assertTrue(((String) def.prop("accessString")).startsWith("off "), "default user disabled");
                assertNull(app.prop("passwords"));
                assertNull(def.prop("passwords"));
                assertEquals(app.prop("userId"), plan.outputs().get("cache.userName." + rg.region()));
            }
        }
    }

    @Test
    void connectPolicyGrantsConnectToThisGroupAsTheAppUserOnly() {
        Plan plan = StackPlans.prod();
        PlanResource policy = plan.require("aws:iam/policy:Policy", "cache-us-east-1-connect-policy");
        assertEquals(DataPolicies.cacheConnectPolicy(
                "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:ultibiker-prod-redis",
                "arn:aws:elasticache:us-east-1:123456789012:user:ultibiker-prod-redis-app"), policy.prop("policy"));
    }

    @Test
    void stackExportsTheCacheOutputs() {
        Map<String, Object> outputs = StackPlans.prod().outputs();
        assertEquals("master.ultibiker-prod-redis.plan00.us-east-1.cache.amazonaws.com", outputs.get("cache.primaryEndpoint.us-east-1"));
        assertEquals("replica.ultibiker-prod-redis.plan00.us-east-1.cache.amazonaws.com", outputs.get("cache.readerEndpoint.us-east-1"));
        assertEquals(6379, ((Number) outputs.get("cache.port.us-east-1")).intValue());
        assertTrue(String.valueOf(outputs.get("cache.connectPolicyArn.us-east-1")).startsWith("arn:aws:iam::123456789012:policy/"));
    }
}
