package com.ultibiker.platform.data;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.network.Ipv4Cidr;
import com.ultibiker.platform.network.Network;
import com.ultibiker.platform.network.NetworkArgs;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;
import com.ultibiker.platform.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.ultibiker.platform.data.DataPlans.INSTANCE;
import static com.ultibiker.platform.data.DataPlans.REPLICATION_GROUP;
import static com.ultibiker.platform.data.DataPlans.SECURITY_GROUP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who can reach the data stores, and that no credential is an input: security groups admit only the
 * client groups they are given (never a CIDR), and no resource of either stack takes a password.
 */
class DataSecurityTest {

    /** Input names that would carry a credential in plain text (in the inputs, hence in state). */
    private static final Set<String> CREDENTIAL_INPUTS = Set.of("password", "passwords", "authToken", "masterPassword",
            "secretString", "secretBinary");

    /** A program with the dev network and the two data stores, admitting one known client group. */
    private static final class ClientPlan {
        static final Plan PLAN = PlanRunner.run(StackPlans.stackFile("dev"), DataSecurityTest::programWithClient);
    }

    static void programWithClient(Context ctx) {
        StackConfig config = StackConfigParser.parse(ctx.projectName(), StackPlans.stackFile("dev").projectConfig());
        var tagging = Tagging.from(config);
        var protection = new StatefulProtection(false);
        var provider = new Provider("aws-us-east-1", ProviderArgs.builder().region("us-east-1").build(),
                CustomResourceOptions.builder().build());
        var invoke = InvokeOptions.builder().provider(provider).build();
        var region = new AwsRegion("us-east-1", provider,
                AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke).applyValue(r -> r.accountId()),
                AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke).applyValue(r -> r.partition()));
        var network = new Network("network-us-east-1", new NetworkArgs(region, Ipv4Cidr.of("10.10.0.0/16"), List.of("a", "b", "c"),
                config.network().natGateways(), false, 30, "cluster", tagging, protection), ComponentResourceOptions.builder().build());
        var placement = new DataPlacement(region, network, List.of(Output.of("sg-eksnodes"), Output.of("sg-jobs")));
        var database = new Database("database", new DatabaseArgs("ultibiker-dev-postgres", "ultibiker", "platform_admin", placement, Map.of(),
                config.database(), 30, tagging, protection), ComponentResourceOptions.builder().build());
        var c = config.cache();
        new Cache("cache-us-east-1", new CacheArgs("ultibiker-dev-redis", placement, c.engineVersion(), c.nodeType(), c.numNodes(),
                c.automaticFailover(), c.multiAz(), c.snapshotRetentionDays(), c.snapshotWindow(), c.maintenanceWindow(), 30,
                tagging, protection), ComponentResourceOptions.builder().build());
        ctx.export("databaseConnectPolicy", database.connectPolicy("app"));
    }

    private static void assertAdmitsOnly(PlanResource sg, int port, List<String> clients) {
        List<Map<String, Object>> rules = DataPlans.ingress(sg);
        assertEquals(clients.size(), rules.size(), sg.name() + " has one rule per client");
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Object> rule = rules.get(i);
            assertEquals("tcp", rule.get("protocol"));
            assertEquals(port, ((Number) rule.get("fromPort")).intValue());
            assertEquals(port, ((Number) rule.get("toPort")).intValue());
            assertEquals(List.of(clients.get(i)), rule.get("securityGroups"), sg.name());
            assertNull(rule.get("cidrBlocks"), sg.name() + " admits a CIDR");
            assertNull(rule.get("ipv6CidrBlocks"), sg.name() + " admits an IPv6 CIDR");
        }
        assertEquals(List.of(), sg.prop("egress"), sg.name() + " has no egress");
    }

    @Test
    void databaseSecurityGroupAdmits5432OnlyFromTheClientGroups() {
        Plan plan = ClientPlan.PLAN;
        PlanResource sg = plan.require(SECURITY_GROUP, "database-sg");
        assertAdmitsOnly(sg, 5432, List.of("sg-eksnodes", "sg-jobs"));
        assertEquals(List.of("database-sg-id"), plan.require(INSTANCE, "database-primary").prop("vpcSecurityGroupIds"));
    }

    @Test
    void cacheSecurityGroupAdmits6379OnlyFromTheClientGroups() {
        Plan plan = ClientPlan.PLAN;
        PlanResource sg = plan.require(SECURITY_GROUP, "cache-us-east-1-sg");
        assertAdmitsOnly(sg, 6379, List.of("sg-eksnodes", "sg-jobs"));
        assertEquals(List.of("cache-us-east-1-sg-id"), plan.require(REPLICATION_GROUP, "cache-us-east-1-redis").prop("securityGroupIds"));
    }

    @Test
    void databaseConnectPolicyGrantsIamAuthenticationToTheInstancesResourceId() {
        Object policy = ClientPlan.PLAN.outputs().get("databaseConnectPolicy");
        String resourceId = "db-PLAN" + Integer.toHexString("ultibiker-dev-postgres".hashCode()).toUpperCase();
        assertEquals(DataPolicies.rdsConnectPolicy(List.of(
                new DataPolicies.RdsInstanceRef("aws", "us-east-1", "123456789012", resourceId)), "app"), policy);
    }

    @Test
    void inTheStacksEveryDataSecurityGroupAdmitsNoCidr() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            List<PlanResource> groups = plan.where(r -> r.type().equals(SECURITY_GROUP)
                    && (r.name().startsWith("database") || r.name().startsWith("cache-")));
            assertEquals(plan.stack().equals("prod") ? 4 : 2, groups.size(), plan.stack());
            for (PlanResource sg : groups) {
                DataPlans.ingress(sg).forEach(rule -> {
                    assertNull(rule.get("cidrBlocks"), sg.name());
                    assertFalse(((List<?>) rule.get("securityGroups")).isEmpty(), sg.name());
                    int port = sg.name().startsWith("database") ? 5432 : 6379;
                    assertEquals(port, ((Number) rule.get("fromPort")).intValue(), sg.name());
                });
                assertEquals(List.of(), sg.prop("egress"), sg.name());
            }
        }
    }

    @Test
    void inTheStacksEveryDataSecurityGroupAdmitsExactlyTheEksNodesOfItsRegion() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource sg : plan.where(r -> r.type().equals(SECURITY_GROUP)
                    && (r.name().startsWith("database") || r.name().startsWith("cache-")))) {
                Object nodes = plan.outputs().get("eks.nodeSecurityGroupId." + sg.region());
                assertTrue(nodes instanceof String, "the stack exports the node security group of " + sg.region());
                assertAdmitsOnly(sg, sg.name().startsWith("database") ? 5432 : 6379, List.of((String) nodes));
            }
        }
    }

    /**
     * Scoped to the data stores. Only two credentials exist there: the generated master password, which the
     * RDS primary takes as {@code password} and its secret version stores as {@code secretString}; Redis uses
     * IAM users and has none. Each such input is a Pulumi secret (encrypted in the state), never plain.
     */
    @Test
    void theOnlyCredentialInputsOfTheDataStoresAreTheMasterPasswordAsSecrets() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod(), ClientPlan.PLAN)) {
            for (PlanResource r : plan.where(r -> plan.topComponent(r).map(c -> c.type().startsWith("ultibiker:data:")).orElse(false))) {
                for (String name : DataPlans.propertyNames(r.props())) {
                    if (!CREDENTIAL_INPUTS.contains(name)) {
                        continue;
                    }
                    boolean allowed = (r.type().equals(INSTANCE) && name.equals("password") && r.prop("replicateSourceDb") == null)
                            || (r.type().equals("aws:secretsmanager/secretVersion:SecretVersion") && name.equals("secretString"));
                    assertTrue(allowed, plan.stack() + " " + r.urn() + " has input " + name);
                    assertEquals("[secret]", r.prop(name), plan.stack() + " " + r.urn() + "." + name + " is a Pulumi secret");
                }
            }
        }
    }

    @Test
    void dataStoresAreNeverPubliclyAccessible() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            plan.ofType(INSTANCE).forEach(db -> assertEquals(false, db.prop("publiclyAccessible"), db.urn()));
        }
    }

    @Test
    void everyDataResourceIsAChildOfItsComponentThroughItsRegionsProvider() {
        Plan plan = StackPlans.prod();
        for (String component : List.of("database", "cache-us-east-1", "cache-eu-west-1")) {
            PlanResource parent = plan.resources().stream().filter(r -> !r.custom() && r.name().equals(component))
                    .findFirst().orElseThrow();
            assertTrue(parent.type().equals(Database.TYPE) || parent.type().equals(Cache.TYPE), parent.type());
            List<PlanResource> children = plan.where(r -> r.custom() && parent.urn().equals(r.parent()));
            assertTrue(children.size() >= 10, component + " has " + children.size() + " children");
            children.forEach(c -> assertTrue(c.name().startsWith(component + "-"), c.name()));
            if (component.startsWith("cache-")) {
                String region = component.substring("cache-".length());
                children.forEach(c -> assertEquals(region, c.region(), c.name()));
            }
        }
    }
}
