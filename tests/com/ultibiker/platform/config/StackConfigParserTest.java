package com.ultibiker.platform.config;

import com.ultibiker.platform.model.NatMode;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static com.ultibiker.platform.support.ConfigAssertions.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given a valid stack file, when one key is changed, then the parser names that key, the value found
 * and what is allowed.
 */
class StackConfigParserTest {

    private static final String P = "ultibiker-platform";

    private static Map<String, String> devConfig() {
        return new HashMap<>(StackPlans.stackFile("dev").projectConfig());
    }

    private static Map<String, String> prodConfig() {
        return new HashMap<>(StackPlans.stackFile("prod").projectConfig());
    }

    @Test
    void theRepositoryStacksAreValid() {
        StackConfig dev = StackConfigParser.parse(P, devConfig());
        StackConfig prod = StackConfigParser.parse(P, prodConfig());
        assertEquals("dev", dev.environment());
        assertFalse(dev.production());
        assertEquals(List.of("us-east-1"), dev.regionList());
        assertEquals(List.of("us-east-1", "eu-west-1"), prod.regionList());
        assertEquals(NatMode.SINGLE, dev.network().natGateways());
        assertEquals(NatMode.PER_AZ, prod.network().natGateways());
        assertEquals(90, prod.logRetentionDays());
    }

    @Test
    void defaultsApplyToAbsentKeys() {
        StackConfig dev = StackConfigParser.parse(P, devConfig());
        assertEquals(7, dev.database().backupRetentionDays());
        assertEquals("03:00-04:00", dev.database().backupWindow());
        assertEquals("sun:04:00-sun:05:00", dev.database().maintenanceWindow());
        assertEquals(60, dev.database().monitoringIntervalSeconds());
        assertEquals("16", dev.database().engineVersion());
        assertEquals(5, dev.cache().snapshotRetentionDays());
        assertEquals("03:00-05:00", dev.cache().snapshotWindow());
        assertEquals("1.35", dev.eks().version());
        assertEquals(List.of("api", "audit", "authenticator"), dev.eks().logTypes());
        assertEquals(3, dev.dns().healthCheckFailureThreshold());
        assertEquals(30, dev.dns().healthCheckIntervalSeconds());
        assertEquals("/health", dev.dns().healthCheckPath());
        assertEquals("ultibiker", dev.tags().project());
    }

    @Test
    void malformedCidr() {
        var raw = devConfig();
        raw.put("network", "{\"vpcCidrs\":{\"us-east-1\":\"10.10.0.0/33\"},\"natGateways\":\"single\"}");
        assertProblem(onlyProblem(raw), "network.vpcCidrs.us-east-1", "\"10.10.0.0/33\"", "CIDR notation");
    }

    @Test
    void cidrWithHostBits() {
        var raw = devConfig();
        raw.put("network", "{\"vpcCidrs\":{\"us-east-1\":\"10.10.0.1/16\"}}");
        assertProblem(onlyProblem(raw), "network.vpcCidrs.us-east-1", "\"10.10.0.1/16\"", "no host bits");
    }

    @Test
    void overlappingRegionalVpcs() {
        var raw = prodConfig();
        raw.put("network", "{\"vpcCidrs\":{\"us-east-1\":\"10.0.0.0/16\",\"eu-west-1\":\"10.0.128.0/17\"}}");
        assertProblem(onlyProblem(raw), "network.vpcCidrs.eu-west-1", "\"10.0.128.0/17\"", "does not overlap the VPC of us-east-1");
    }

    @Test
    void vpcTooSmallForTheSubnets() {
        var raw = devConfig();
        raw.put("network", "{\"vpcCidrs\":{\"us-east-1\":\"10.10.0.0/22\"}}");
        assertProblem(onlyProblem(raw), "network.vpcCidrs.us-east-1", "\"10.10.0.0/22\"", "ALB subnets need /27");
    }

    @Test
    void missingCidrForARegion() {
        var raw = prodConfig();
        raw.put("network", "{\"vpcCidrs\":{\"us-east-1\":\"10.0.0.0/16\"}}");
        assertProblem(onlyProblem(raw), "network.vpcCidrs.eu-west-1", ConfigProblem.MISSING, "every region");
    }

    @Test
    void unknownRegion() {
        var raw = devConfig();
        raw.put("regions", "{\"primary\":\"us-east-9\"}");
        raw.put("network", "{\"vpcCidrs\":{\"us-east-9\":\"10.10.0.0/16\"}}");
        assertProblem(onlyProblem(raw), "regions.primary", "\"us-east-9\"", "eu-west-1");
    }

    @Test
    void secondaryEqualToPrimary() {
        var raw = prodConfig();
        raw.put("regions", "{\"primary\":\"us-east-1\",\"secondary\":\"us-east-1\"}");
        List<ConfigProblem> problems = problems(raw);
        assertTrue(problems.stream().anyMatch(p -> p.key().equals(P + ":regions.secondary")
                && p.allowed().contains("different from regions.primary")), problems.toString());
    }

    @ParameterizedTest(name = "pool {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "2|\"minSize\":3,\"maxSize\":2,\"desiredSize\":2|eks.nodePools[0].maxSize|2|minSize <= maxSize",
            "2|\"minSize\":1,\"maxSize\":3,\"desiredSize\":5|eks.nodePools[0].desiredSize|5|within [minSize, maxSize]",
            "2|\"minSize\":2,\"maxSize\":3,\"desiredSize\":1|eks.nodePools[0].desiredSize|1|within [minSize, maxSize]",
            "2|\"minSize\":-1,\"maxSize\":3,\"desiredSize\":1|eks.nodePools[0].minSize|-1|minSize >= 0"})
    void nodePoolScaling(int ignored, String scaling, String key, String found, String allowed) {
        var raw = devConfig();
        raw.put("eks", "{\"nodePools\":[{\"name\":\"app\",\"instanceTypes\":[\"t3.medium\"]," + scaling + "}]}");
        assertProblem(onlyProblem(raw), key, found, allowed);
    }

    @Test
    void zeroOrNegativeRetention() {
        var raw = devConfig();
        raw.put("logRetentionDays", "0");
        assertProblem(onlyProblem(raw), "logRetentionDays", "0", "one of [1, 3, 5, 7, 14, 30");
        raw.put("logRetentionDays", "-30");
        assertProblem(onlyProblem(raw), "logRetentionDays", "-30", "one of");
    }

    @Test
    void zeroStorage() {
        var raw = devConfig();
        raw.put("database", "{\"instanceClass\":\"db.t4g.medium\",\"allocatedStorageGib\":0}");
        List<ConfigProblem> problems = problems(raw);
        assertTrue(problems.stream().anyMatch(p -> p.key().equals(P + ":database.allocatedStorageGib") && p.found().equals("0")
                && p.allowed().contains("from 20 to 65536")), problems.toString());
    }

    @Test
    void wordWhereANumberBelongs() {
        var raw = devConfig();
        raw.put("logRetentionDays", "thirty");
        assertProblem(onlyProblem(raw), "logRetentionDays", "\"thirty\"", "a whole number");
    }

    @Test
    void wordWhereABooleanBelongs() {
        var raw = devConfig();
        raw.put("production", "maybe");
        assertProblem(onlyProblem(raw), "production", "\"maybe\"", "true or false");
    }

    @Test
    void numberWhereAListBelongs() {
        var raw = devConfig();
        raw.put("observability", "{\"alertEmails\":5}");
        assertProblem(onlyProblem(raw), "observability.alertEmails", "5", "a list of strings");
    }

    @ParameterizedTest
    @CsvSource({"database,instanceClass,r6g.xlarge,an RDS instance class",
            "database,instanceClass,db.huge,an RDS instance class",
            "cache,nodeType,t4g.small,an ElastiCache node type"})
    void instanceClassesThatDoNotLookLikeOne(String section, String key, String value, String allowed) {
        var raw = devConfig();
        String base = section.equals("database") ? "{\"allocatedStorageGib\":20," : "{\"numNodes\":1,\"automaticFailover\":false,\"multiAz\":false,";
        raw.put(section, base + "\"" + key + "\":\"" + value + "\"}");
        assertProblem(onlyProblem(raw), section + "." + key, "\"" + value + "\"", allowed);
    }

    @Test
    void ec2InstanceTypeInANodePool() {
        var raw = devConfig();
        raw.put("eks", "{\"nodePools\":[{\"name\":\"app\",\"instanceTypes\":[\"medium\"],\"minSize\":1,\"maxSize\":2}]}");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].instanceTypes[0]", "\"medium\"", "EC2 instance type");
    }

    @Test
    void missingRequiredKeys() {
        var raw = devConfig();
        raw.remove("environment");
        raw.put("tags", "{\"owner\":\"team\"}");
        List<ConfigProblem> problems = problems(raw);
        assertEquals(2, problems.size(), problems.toString());
        assertProblem(problems.get(0), "environment", ConfigProblem.MISSING, "(required)");
        assertProblem(problems.get(1), "tags.costCenter", ConfigProblem.MISSING, "(required)");
    }

    @Test
    void unknownKeyInASectionNamesTheKnownOnes() {
        var raw = devConfig();
        raw.put("cache", "{\"nodeType\":\"cache.t4g.small\",\"numNodes\":1,\"automaticFailover\":false,\"multiAz\":false,\"snapshotRetentionDay\":5}");
        ConfigProblem p = onlyProblem(raw);
        assertProblem(p, "cache.snapshotRetentionDay", "5", "known keys:");
        assertTrue(p.allowed().contains("snapshotRetentionDays"), p.allowed());
    }

    @Test
    void unknownTopLevelKey() {
        var raw = devConfig();
        raw.put("databse", "{}");
        ConfigProblem p = onlyProblem(raw);
        assertEquals(P + ":databse", p.key());
        assertTrue(p.allowed().contains("database"), p.allowed());
    }

    @Test
    void malformedStructuredValue() {
        var raw = devConfig();
        raw.put("eks", "{\"nodePools\": [");
        List<ConfigProblem> problems = problems(raw);
        assertTrue(problems.stream().anyMatch(p -> p.key().equals(P + ":eks") && p.allowed().contains("valid structured config")), problems.toString());
    }

    @Test
    void productionRefusesAWorldOpenApiEndpoint() {
        var raw = prodConfig();
        String eks = raw.get("eks").replace("\"endpointPublicAccess\":false", "\"endpointPublicAccess\":true,\"publicAccessCidrs\":[\"0.0.0.0/0\"]");
        raw.put("eks", eks);
        assertProblem(onlyProblem(raw), "eks.publicAccessCidrs[0]", "\"0.0.0.0/0\"", "never opens the EKS API to the world");
    }

    @Test
    void everyPoolTaintedLeavesNowhereForApplications() {
        var raw = devConfig();
        raw.put("eks", "{\"nodePools\":[{\"name\":\"system\",\"instanceTypes\":[\"t3.medium\"],\"minSize\":1,\"maxSize\":2,"
                + "\"taints\":[{\"key\":\"CriticalAddonsOnly\",\"effect\":\"NoSchedule\"}]}]}");
        assertProblem(onlyProblem(raw), "eks.nodePools", "\"every pool tainted NoSchedule/NoExecute\"", "at least one pool without");
    }

    @Test
    void unknownCapacityType() {
        var raw = devConfig();
        raw.put("eks", "{\"nodePools\":[{\"name\":\"app\",\"instanceTypes\":[\"t3.medium\"],\"minSize\":1,\"maxSize\":2,\"capacityType\":\"spot\"}]}");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].capacityType", "\"spot\"", "one of ON_DEMAND, SPOT");
    }

    @Test
    void kubernetesQuantities() {
        var raw = devConfig();
        String eks = raw.get("eks");
        raw.put("eks", eks.substring(0, eks.length() - 1) + ",\"appNamespace\":{\"limitsMemory\":\"lots\",\"requestsCpu\":\"2m\"}}");
        assertProblem(onlyProblem(raw), "eks.appNamespace.limitsMemory", "\"lots\"", "a memory quantity");
    }

    @Test
    void failoverNeedsTwoCacheNodes() {
        var raw = devConfig();
        raw.put("cache", "{\"nodeType\":\"cache.t4g.small\",\"numNodes\":1,\"automaticFailover\":true,\"multiAz\":true}");
        assertProblem(onlyProblem(raw), "cache.numNodes", "1", "at least 2 nodes when automaticFailover");
    }

    @Test
    void storageMaximumBelowAllocated() {
        var raw = devConfig();
        raw.put("database", "{\"instanceClass\":\"db.t4g.medium\",\"allocatedStorageGib\":100,\"maxAllocatedStorageGib\":50}");
        assertProblem(onlyProblem(raw), "database.maxAllocatedStorageGib", "50", "from allocatedStorageGib (100)");
    }

    @Test
    void replicaInARegionTheStackDoesNotHave() {
        var raw = devConfig();
        raw.put("database", "{\"instanceClass\":\"db.t4g.medium\",\"allocatedStorageGib\":20,\"replicas\":[{\"name\":\"dr\",\"region\":\"eu-west-1\"}]}");
        assertProblem(onlyProblem(raw), "database.replicas[0].region", "\"eu-west-1\"", "a region of this stack");
    }

    @Test
    void detectionTimePlusTtlMustFitTheRto() {
        var raw = devConfig();
        raw.put("dns", "{\"domain\":\"dev.ultibiker.example.com\",\"delegation\":\"external\",\"ttlSeconds\":300}");
        assertProblem(onlyProblem(raw), "dns.ttlSeconds", "300", "30 x 3 + 300 = 390 s");
    }

    @Test
    void reservedTagsCannotBeSetAsExtras() {
        var raw = devConfig();
        raw.put("tags", "{\"owner\":\"a\",\"costCenter\":\"b\",\"extra\":{\"ManagedBy\":\"terraform\",\"Team\":\"x\"}}");
        assertProblem(onlyProblem(raw), "tags.extra.ManagedBy", "\"terraform\"", "other than the platform's own");
    }

    @Test
    void invalidEmailAddress() {
        var raw = devConfig();
        raw.put("observability", "{\"alertEmails\":[\"oncall-at-example.com\"]}");
        assertProblem(onlyProblem(raw), "observability.alertEmails[0]", "\"oncall-at-example.com\"", "an email address");
    }

    @Test
    void everyProblemIsReportedAtOnceInOneMessage() {
        var raw = devConfig();
        raw.put("logRetentionDays", "31");
        raw.put("regions", "{\"primary\":\"mars-1\"}");
        raw.put("cache", "{\"nodeType\":\"redis\",\"numNodes\":1,\"automaticFailover\":false,\"multiAz\":false}");
        ConfigException e = assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, raw));
        assertTrue(e.problems().size() >= 3, e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid stack configuration (" + e.problems().size() + " problems):"), e.getMessage());
        for (String key : List.of(":logRetentionDays", ":regions.primary", ":cache.nodeType")) {
            assertTrue(e.getMessage().contains(P + key + ": found "), key + " missing from\n" + e.getMessage());
        }
    }

    @Test
    void aValueThatFailedToParseDoesNotAlsoProduceEchoProblems() {
        var raw = devConfig();
        raw.put("eks", "{\"nodePools\":[{\"name\":\"app\",\"instanceTypes\":[\"t3.medium\"],\"minSize\":\"one\",\"maxSize\":2}]}");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].minSize", "\"one\"", "a whole number");
    }

    @Test
    void anotherStackIsJustAnotherFile() {
        var raw = devConfig();
        raw.put("environment", "staging");
        raw.put("regions", "{\"primary\":\"us-west-2\"}");
        raw.put("network", "{\"vpcCidrs\":{\"us-west-2\":\"10.20.0.0/16\"}}");
        StackConfig staging = StackConfigParser.parse(P, raw);
        assertEquals("staging", staging.environment());
        assertEquals("10.20.0.0/16", staging.network().cidrFor("us-west-2"));
    }
}
