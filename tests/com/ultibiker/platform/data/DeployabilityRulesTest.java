package com.ultibiker.platform.data;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static com.ultibiker.platform.data.DataPlans.INSTANCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What AWS (and Kubernetes) would refuse or keep showing as a change, stated as rules over every
 * resource of the dev and prod plans, so that the next resource breaking one fails here too.
 */
class DeployabilityRulesTest {

    private static final List<Plan> PLANS = List.of(StackPlans.dev(), StackPlans.prod());
    private static final String SECRET = "aws:secretsmanager/secret:Secret";
    private static final String SECRET_VERSION = "aws:secretsmanager/secretVersion:SecretVersion";

    /**
     * AWS, "Limitations for Secrets Manager integration with Amazon RDS": read replicas of a source whose
     * master password RDS manages cannot be created (every engine but SQL Server).
     */
    @Test
    void noReadReplicaHasASourceWhoseMasterPasswordRdsManages() {
        int replicas = 0;
        for (Plan plan : PLANS) {
            for (PlanResource replica : plan.ofType(INSTANCE)) {
                Object source = replica.prop("replicateSourceDb");
                if (source == null) {
                    continue;
                }
                replicas++;
                PlanResource db = sourceOf(plan, String.valueOf(source));
                assertNotEquals(true, db.prop("manageMasterUserPassword"), plan.stack() + " " + replica.name()
                        + " replicates " + db.name() + ", whose master password RDS manages: AWS refuses the replica");
            }
        }
        assertEquals(2, replicas, "prod's analytics and standby replicas");
    }

    /**
     * The master credential must be readable in every region that holds an instance of the database (after a
     * failover the promoted replica is the primary there): the secret lives in the primary's region and is
     * replicated to every other, each copy encrypted with a key of its own region.
     */
    @Test
    void theMasterCredentialIsInEveryRegionThatHoldsAnInstanceEncryptedWithThatRegionsKey() {
        for (Plan plan : PLANS) {
            for (PlanResource primary : plan.where(r -> r.type().equals(INSTANCE) && r.prop("replicateSourceDb") == null)) {
                PlanResource secret = masterSecretOf(plan, primary);
                Map<String, String> keyByRegion = new LinkedHashMap<>();
                keyByRegion.put(secret.region(), (String) secret.prop("kmsKeyId"));
                for (Object replica : (List<?>) secret.prop("replicas")) {
                    Map<?, ?> r = (Map<?, ?>) replica;
                    keyByRegion.put((String) r.get("region"), (String) r.get("kmsKeyId"));
                }
                keyByRegion.forEach((region, key) -> assertTrue(key.startsWith("arn:aws:kms:" + region + ":"),
                        plan.stack() + " " + secret.name() + " in " + region + " is encrypted with " + key));
                for (PlanResource instance : plan.ofType(INSTANCE)) {
                    assertTrue(keyByRegion.containsKey(instance.region()), plan.stack() + ": " + instance.name() + " runs in "
                            + instance.region() + " but the master credential is only in " + keyByRegion.keySet());
                }
            }
        }
    }

    /**
     * With applyImmediately false, RDS and ElastiCache keep a modification pending until the maintenance
     * window while the provider reads the current value back: every preview and the daily drift check
     * would show the change again. Every resource type whose Args have {@code applyImmediately} must set it.
     */
    @Test
    void everyResourceThatCanApplyImmediatelyDoes() {
        Set<String> types = new HashSet<>();
        for (Plan plan : PLANS) {
            for (PlanResource r : plan.where(r -> r.type().startsWith("aws:") && hasInput(r.type(), "applyImmediately"))) {
                types.add(r.type());
                assertEquals(true, r.prop("applyImmediately"), plan.stack() + " " + r.name() + " (" + r.type() + ")");
            }
        }
        assertEquals(Set.of(INSTANCE, DataPlans.REPLICATION_GROUP), types);
    }

    /**
     * EC2 CreateSecurityGroup GroupDescription and IpPermission/IpRange Description: up to 255 characters of
     * a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* (EC2 API reference). A group's description cannot
     * change in place (the provider replaces the group), so a bad one must never reach a first deploy.
     */
    @Test
    void everySecurityGroupAndRuleDescriptionUsesOnlyWhatEc2Accepts() {
        Pattern allowed = Pattern.compile("[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]{0,255}");
        int checked = 0;
        for (Plan plan : PLANS) {
            for (PlanResource r : plan.where(r -> SECURITY_GROUP_TYPES.contains(r.type()))) {
                List<String> descriptions = new ArrayList<>();
                if (r.prop("description") instanceof String d) {
                    descriptions.add(d);
                }
                for (String side : List.of("ingress", "egress")) {
                    if (r.prop(side) instanceof List<?> rules) {
                        rules.forEach(rule -> {
                            if (((Map<?, ?>) rule).get("description") instanceof String d) {
                                descriptions.add(d);
                            }
                        });
                    }
                }
                for (String d : descriptions) {
                    checked++;
                    assertTrue(allowed.matcher(d).matches(), plan.stack() + " " + r.name() + " (" + r.type() + "): description \""
                            + d + "\" has a character EC2 refuses (allowed: a-z A-Z 0-9 space ._-:/()#,@[]+=&;{}!$*, at most 255)");
                }
            }
        }
        assertTrue(checked > 20, "descriptions checked: " + checked);
    }

    private static final Set<String> SECURITY_GROUP_TYPES = Set.of(
            "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
            "aws:ec2/securityGroupRule:SecurityGroupRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");

    /**
     * A PodDisruptionBudget that allows no disruption blocks every drain: managed node group updates fail
     * with PodEvictionFailure. Every budget of the plan must allow at least one pod of its workload down.
     */
    @Test
    void everyDisruptionBudgetLetsADrainEvictAPod() {
        int budgets = 0;
        for (Plan plan : PLANS) {
            for (PlanResource pdb : plan.ofType("kubernetes:policy/v1:PodDisruptionBudget")) {
                budgets++;
                Object selector = pdb.prop("spec.selector.matchLabels");
                List<PlanResource> workloads = plan.where(r -> WORKLOADS.contains(r.type())
                        && String.valueOf(r.prop("metadata.namespace")).equals(String.valueOf(pdb.prop("metadata.namespace")))
                        && r.prop("spec.template.metadata.labels") instanceof Map<?, ?> labels
                        && selector instanceof Map<?, ?> wanted && labels.entrySet().containsAll(wanted.entrySet()));
                assertEquals(1, workloads.size(), plan.stack() + " " + pdb.name() + " selects one workload");
                int replicas = ((Number) workloads.get(0).prop("spec.replicas")).intValue();
                int allowed = allowedDisruptions(pdb.prop("spec.minAvailable"), pdb.prop("spec.maxUnavailable"), replicas);
                assertTrue(allowed >= 1, plan.stack() + " " + pdb.name() + " allows " + allowed + " disruptions of "
                        + replicas + " replicas: every drain of its node would fail");
            }
        }
        assertEquals(1, budgets, "dev's InfluxDB on the cluster");
    }

    /**
     * The same rule for the budgets Helm charts render from our values: any {@code podDisruptionBudget} we
     * enable must leave a disruption to its component's replicas (chart default 1). Chart defaults are not in
     * the plan: at the pinned versions kube-prometheus-stack's budgets are disabled, the cluster-autoscaler's
     * and load balancer controller's allow one pod down (tests/resources in /work/shared/helm-charts).
     */
    @Test
    void noHelmReleaseEnablesADisruptionBudgetThatBlocksADrain() {
        int releases = 0;
        for (Plan plan : PLANS) {
            for (PlanResource release : plan.ofType("kubernetes:helm.sh/v3:Release")) {
                releases++;
                budgetsIn(release.prop("values"), release.name(), plan.stack());
            }
        }
        assertTrue(releases >= 3, "releases checked: " + releases);
    }

    private static void budgetsIn(Object values, String where, String stack) {
        if (values instanceof Map<?, ?> m) {
            if (m.get("podDisruptionBudget") instanceof Map<?, ?> pdb && !Boolean.FALSE.equals(pdb.get("enabled"))
                    && (pdb.containsKey("minAvailable") || pdb.containsKey("maxUnavailable"))) {
                Object replicas = m.containsKey("replicas") ? m.get("replicas") : m.containsKey("replicaCount") ? m.get("replicaCount") : 1;
                int allowed = allowedDisruptions(pdb.get("minAvailable"), pdb.get("maxUnavailable"), ((Number) replicas).intValue());
                assertTrue(allowed >= 1, stack + " " + where + ": a budget allowing " + allowed + " disruptions of " + replicas);
            }
            m.forEach((k, v) -> budgetsIn(v, where + "." + k, stack));
        } else if (values instanceof List<?> l) {
            l.forEach(v -> budgetsIn(v, where, stack));
        }
    }

    private static final Set<String> WORKLOADS = Set.of("kubernetes:apps/v1:StatefulSet", "kubernetes:apps/v1:Deployment");

    /** Kubernetes: allowed = replicas - minAvailable, or maxUnavailable; percentages round up (minAvailable) / down. */
    static int allowedDisruptions(Object minAvailable, Object maxUnavailable, int replicas) {
        if (minAvailable != null) {
            return replicas - count(minAvailable, replicas, true);
        }
        if (maxUnavailable != null) {
            return count(maxUnavailable, replicas, false);
        }
        return replicas;
    }

    private static int count(Object value, int replicas, boolean roundUp) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        double share = Double.parseDouble(String.valueOf(value).replace("%", "")) * replicas / 100.0;
        return (int) (roundUp ? Math.ceil(share) : Math.floor(share));
    }

    @Test
    void allowedDisruptionsFollowKubernetesArithmetic() {
        assertEquals(0, allowedDisruptions(1L, null, 1), "the defect: minAvailable 1 of 1");
        assertEquals(1, allowedDisruptions(null, 1L, 1));
        assertEquals(1, allowedDisruptions("50%", null, 3), "minAvailable 50% of 3 rounds up to 2");
        assertEquals(1, allowedDisruptions(null, "50%", 3), "maxUnavailable 50% of 3 rounds down to 1");
    }

    /**
     * Timestream for InfluxDB takes 1-3 subnets, and changing them replaces the instance (CreateDbInstance
     * vpcSubnetIds; provider SizeBetween(1, 3), RequiresReplace): the set is pinned and must not move when
     * the network gains or reorders AZs.
     */
    @Test
    void timestreamSubnetsStayPutWhenTheNetworkGainsOrReordersAnAz() {
        Map<String, Object> subnets = new LinkedHashMap<>();
        for (String azs : List.of("[\"a\",\"b\",\"c\"]", "[\"a\",\"b\",\"c\",\"d\"]", "[\"c\",\"a\",\"b\"]")) {
            Plan plan = StackPlans.runWith("dev", Map.of(
                    "network", "{\"vpcCidrs\":{\"us-east-1\":\"10.10.0.0/16\"},\"availabilityZones\":" + azs
                            + ",\"natGateways\":\"single\",\"interfaceEndpoints\":false}",
                    "timeseries", "{\"engine\":\"timestream\",\"storageGib\":20,\"multiAz\":true}"));
            subnets.put(azs, plan.require("aws:timestreaminfluxdb/dbInstance:DbInstance", "timeseries-influxdb").prop("vpcSubnetIds"));
        }
        assertEquals(Set.of(List.of("network-us-east-1-database-us-east-1a-id", "network-us-east-1-database-us-east-1b-id")),
                Set.copyOf(subnets.values()), subnets.toString());
    }

    @Test
    void everyTimestreamInstanceHasOneToThreeSubnetsInDistinctAzs() {
        for (Plan plan : PLANS) {
            for (PlanResource db : plan.ofType("aws:timestreaminfluxdb/dbInstance:DbInstance")) {
                List<?> ids = (List<?>) db.prop("vpcSubnetIds");
                assertTrue(ids.size() >= 1 && ids.size() <= 3, db.name() + ": " + ids);
                Set<Object> azs = new HashSet<>();
                ids.forEach(id -> azs.add(plan.require("aws:ec2/subnet:Subnet", String.valueOf(id).replaceFirst("-id$", ""))
                        .prop("availabilityZone")));
                assertEquals(ids.size(), azs.size(), db.name() + " subnets in distinct AZs: " + azs);
                if ("WITH_MULTIAZ_STANDBY".equals(db.prop("deploymentType"))) {
                    assertTrue(ids.size() >= 2, "a Multi-AZ standby needs two AZs");
                }
            }
        }
    }

    /**
     * ElastiCache stores a user's access string in its own canonical form and the provider suppresses no
     * diff on it (terraform-provider-aws #20334), so each run would update every user again. Every user is
     * created with the intended ACL and ignores the field afterwards (CacheSettings.REWRITTEN_BY_ELASTICACHE).
     */
    @Test
    void everyCacheUserIsCreatedWithItsAclAndIgnoresTheFormElastiCacheRewritesItTo() {
        int users = 0;
        for (Plan plan : PLANS) {
            for (PlanResource user : plan.ofType(DataPlans.CACHE_USER)) {
                users++;
                assertEquals(List.of("accessString"), user.ignoreChanges(), plan.stack() + " " + user.name());
                String expected = "default".equals(user.prop("userName")) ? "off -@all" : "on ~* +@all -@dangerous";
                assertEquals(expected, user.prop("accessString"), plan.stack() + " " + user.name());
            }
        }
        assertEquals(6, users, "dev: one cache, prod: two; each a default and an application user");
    }

    private static PlanResource sourceOf(Plan plan, String source) {
        List<PlanResource> found = plan.where(r -> r.type().equals(INSTANCE)
                && (source.equals(r.prop("identifier")) || source.endsWith(":db:" + r.prop("identifier"))));
        assertEquals(1, found.size(), "the source " + source + " is in the plan");
        return found.get(0);
    }

    private static PlanResource masterSecretOf(Plan plan, PlanResource primary) {
        List<PlanResource> versions = plan.where(r -> r.type().equals(SECRET_VERSION) && primary.dependencies().contains(r.urn()));
        assertEquals(1, versions.size(), primary.name() + " takes its password from one secret version");
        String secretName = String.valueOf(versions.get(0).prop("secretId")).replaceFirst("-id$", "");
        return plan.require(SECRET, secretName);
    }

    /** Whether the provider's Args class of {@code type} has the input (read from the AWS provider's Java SDK). */
    private static boolean hasInput(String type, String input) {
        String module = type.substring(4, type.indexOf('/'));
        String name = type.substring(type.lastIndexOf(':') + 1);
        try {
            Class.forName("com.pulumi.aws." + module + "." + name + "Args").getMethod(input);
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void theArgsLookupSeesTheProvidersInputs() {
        assertTrue(hasInput(INSTANCE, "applyImmediately"));
        assertFalse(hasInput("aws:ec2/vpc:Vpc", "applyImmediately"));
    }
}
