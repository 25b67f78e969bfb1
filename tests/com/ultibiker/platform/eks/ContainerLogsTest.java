package com.ultibiker.platform.eks;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CloudWatch Observability add-on (CloudWatch User Guide, "Install the CloudWatch agent with the Amazon
 * CloudWatch Observability EKS add-on"; chart values of aws-observability/helm-charts 6.3.0): its log groups
 * exist, encrypted and expiring, before it; it waits for the nodes its DaemonSets run on; its configuration is the
 * same text on every run (terraform-provider-aws internal/service/eks/addon.go: {@code configuration_values} is a
 * plain string without diff suppression, so any byte that moves is an update on every {@code up}).
 */
class ContainerLogsTest {

    private static final String ADDON = "aws:eks/addon:Addon";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";

    @Test
    void groupNamesAreTheAddOnsOwnPlusSystem() {
        assertEquals(List.of(
                "/aws/containerinsights/ultibiker-prod-eu-west-1/application",
                "/aws/containerinsights/ultibiker-prod-eu-west-1/system",
                "/aws/containerinsights/ultibiker-prod-eu-west-1/dataplane",
                "/aws/containerinsights/ultibiker-prod-eu-west-1/host"), ContainerLogs.groupNames("ultibiker-prod-eu-west-1"));
        assertThrows(IllegalArgumentException.class, () -> ContainerLogs.groupName("c", "performance"));
    }

    @Test
    void configurationTurnsOffMetricsAndApplicationSignalsAndAddsTheSystemRouteInSortedKeyOrder() {
        String expected = "{\"applicationSignals\":{\"enabled\":false},\"containerInsights\":{\"enabled\":false},"
                + "\"containerLogs\":{\"enabled\":true,\"fluentBit\":{\"config\":{\"extraFiles\":{\"system-log.conf\":"
                + "\"[FILTER]\\n    Name                  rewrite_tag\\n    Match                 application.*\\n"
                + "    Rule                  $kubernetes['namespace_name'] ^(kube-system|amazon-cloudwatch)$ system.$TAG false\\n"
                + "    Emitter_Name          system_namespaces\\n    Emitter_Mem_Buf_Limit 10M\\n\\n[OUTPUT]\\n"
                + "    Name                  cloudwatch_logs\\n    Match                 system.*\\n"
                + "    region                ${AWS_REGION}\\n"
                + "    log_group_name        /aws/containerinsights/${CLUSTER_NAME}/system\\n"
                + "    log_stream_prefix     ${HOST_NAME}-\\n    auto_create_group     false\\n"
                + "    extra_user_agent      container-insights\"}}}},\"otelContainerInsights\":{\"enabled\":false}}";
        String values = ContainerLogs.configurationValues(List.of("kube-system", "amazon-cloudwatch"));
        assertEquals(expected, values);
        assertEquals(values.strip(), values, "no surrounding whitespace for EKS to drop");
    }

    /** The chart renders extra files through Helm's tpl: a "{{" in one would be a template, not text. */
    @Test
    void theSystemConfigurationHasNoHelmTemplateAndNeverCreatesAGroup() {
        String conf = ContainerLogs.systemLogConf(List.of("kube-system"));
        assertTrue(!conf.contains("{{"), conf);
        assertTrue(conf.contains("auto_create_group     false"), conf);
        assertThrows(IllegalArgumentException.class, () -> ContainerLogs.systemLogConf(List.of()));
    }

    @Test
    void agentPolicyWritesOnlyToTheFourGroupsOfEachClusterInItsRegion() {
        String json = ContainerLogs.agentPolicy("aws", "111122223333", Map.of(
                "us-east-1", "ultibiker-prod-us-east-1", "eu-west-1", "ultibiker-prod-eu-west-1")).toJson();
        assertTrue(json.contains("\"Sid\": \"ShipContainerLogsEuWest1\""), json);
        assertTrue(json.contains("\"arn:aws:logs:eu-west-1:111122223333:log-group:/aws/containerinsights/ultibiker-prod-eu-west-1/host:log-stream:*\""), json);
        assertTrue(json.contains("\"arn:aws:logs:us-east-1:111122223333:log-group:/aws/containerinsights/ultibiker-prod-us-east-1/application\""), json);
        assertTrue(!json.contains("\"*\""), "no resource wildcard on its own: " + json);
        assertTrue(!json.contains("eu-west-1:111122223333:log-group:/aws/containerinsights/ultibiker-prod-us-east-1"), json);
        assertEquals(16, json.split("arn:aws:logs:").length - 1, json);
    }

    /**
     * Rule over every plan: each CloudWatch Observability add-on waits for the four log groups named after its own
     * cluster (created first, or Fluent Bit would create them unencrypted and without retention) and for every
     * node group of its cluster (EKS reports it ACTIVE only once its pods run).
     */
    static List<String> addonOrderViolations(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanResource addon : plan.ofType(ADDON)) {
            if (!ContainerLogs.ADDON.equals(addon.prop("addonName"))) {
                continue;
            }
            String cluster = String.valueOf(addon.prop("clusterName"));
            Set<String> waited = new TreeSet<>();
            Set<String> nodeGroupsWaited = new TreeSet<>();
            for (String urn : addon.dependencies()) {
                plan.byUrn(urn).ifPresent(r -> {
                    if (r.type().equals(LOG_GROUP)) {
                        waited.add(String.valueOf(r.prop("name")));
                    }
                    if (r.type().equals(NODE_GROUP)) {
                        nodeGroupsWaited.add(r.urn());
                    }
                });
            }
            for (String kind : List.of("application", "system", "dataplane", "host")) {
                String group = "/aws/containerinsights/" + cluster + "/" + kind;
                if (!waited.contains(group)) {
                    out.add(addon.name() + " does not wait for log group " + group);
                }
            }
            for (PlanResource nodeGroup : plan.ofType(NODE_GROUP)) {
                if (cluster.equals(String.valueOf(nodeGroup.prop("clusterName"))) && !nodeGroupsWaited.contains(nodeGroup.urn())) {
                    out.add(addon.name() + " does not wait for node group " + nodeGroup.name());
                }
            }
        }
        return out;
    }

    @Test
    void everyClusterOfProdShipsItsLogsToItsOwnRegionAfterItsGroupsAndNodes() {
        Plan prod = StackPlans.prod();
        assertEquals(List.of(), addonOrderViolations(prod));
        var addons = prod.where(r -> r.type().equals(ADDON) && ContainerLogs.ADDON.equals(r.prop("addonName")));
        assertEquals(List.of("eks-eu-west-1-amazon-cloudwatch-observability:eu-west-1:ultibiker-prod-eu-west-1",
                        "eks-us-east-1-amazon-cloudwatch-observability:us-east-1:ultibiker-prod-us-east-1"),
                addons.stream().map(a -> a.name() + ":" + a.region() + ":" + a.prop("clusterName")).sorted().toList());
        // The standby's groups are eu-west-1's: after a failover its logs stay in the region that serves.
        var standbyGroups = prod.where(r -> r.type().equals(LOG_GROUP)
                && String.valueOf(r.prop("name")).startsWith("/aws/containerinsights/ultibiker-prod-eu-west-1/"));
        assertEquals(4, standbyGroups.size());
        assertEquals("/aws/containerinsights/ultibiker-prod-eu-west-1/application", prod.outputs().get("eks.applicationLogGroup.eu-west-1"));
        assertEquals("/aws/containerinsights/ultibiker-prod-us-east-1/system", prod.outputs().get("eks.systemLogGroup.us-east-1"));
        standbyGroups.forEach(g -> {
            assertEquals("eu-west-1", g.region(), g.name());
            assertEquals(90, ((Number) g.prop("retentionInDays")).intValue(), g.name());
        });
    }

    @Test
    void devShipsItsLogsAfterItsGroupsAndNodesWithThirtyDaysRetention() {
        Plan dev = StackPlans.dev();
        assertEquals(List.of(), addonOrderViolations(dev));
        var groups = dev.where(r -> r.type().equals(LOG_GROUP)
                && String.valueOf(r.prop("name")).startsWith("/aws/containerinsights/"));
        assertEquals(4, groups.size());
        groups.forEach(g -> assertEquals(30, ((Number) g.prop("retentionInDays")).intValue(), g.name()));
    }

    @Test
    void withApplicationLogsOffNoAddOnNoGroupsAndNoAgentRole() {
        Plan dev = StackPlans.runWith("dev", Map.of("observability",
                "{\"alertEmails\":[\"platform-alerts-dev@ultibiker.example.com\"],\"applicationLogs\":{\"enabled\":false}}"));
        assertEquals(List.of(), dev.where(r -> r.type().equals(ADDON) && ContainerLogs.ADDON.equals(r.prop("addonName"))));
        assertEquals(List.of(), dev.where(r -> String.valueOf(r.prop("name")).startsWith("/aws/containerinsights/")));
        assertEquals(List.of(), dev.where(r -> r.name().contains("cloudwatch-agent")));
        assertEquals(null, dev.outputs().get("eks.applicationLogGroup.us-east-1"));
    }

    /**
     * A version bump and a new system namespace change the add-on's inputs only: the same URNs, nothing
     * else moves. Both inputs update in place (terraform-provider-aws internal/service/eks/addon.go:
     * {@code addon_version} and {@code configuration_values} are not ForceNew; Update calls UpdateAddon with
     * OVERWRITE); the log groups keep their names (a name is ForceNew in internal/service/logs/group.go).
     */
    @Test
    void aVersionBumpOrANewSystemNamespaceChangesTheAddOnInPlaceAndNothingElse() {
        Plan before = StackPlans.prod();
        String eks = StackPlans.stackFile("prod").projectConfig().get("eks").replace("v6.3.0-eksbuild.1", "v6.4.0-eksbuild.1");
        Plan after = StackPlans.runWith("prod", Map.of("eks", eks, "observability",
                "{\"alertEmails\":[\"platform-oncall@ultibiker.example.com\"],"
                        + "\"applicationLogs\":{\"systemNamespaces\":[\"kube-system\",\"amazon-cloudwatch\",\"monitoring\",\"keda\"]}}"));
        assertEquals(before.resources().stream().map(PlanResource::urn).sorted().toList(),
                after.resources().stream().map(PlanResource::urn).sorted().toList());
        List<String> changed = new ArrayList<>();
        for (PlanResource r : after.resources()) {
            PlanResource old = before.byUrn(r.urn()).orElseThrow();
            for (String key : new TreeSet<>(r.props().keySet())) {
                if (!java.util.Objects.equals(old.props().get(key), r.props().get(key))) {
                    changed.add(r.name() + "." + key);
                }
            }
        }
        assertEquals(List.of(
                "eks-us-east-1-amazon-cloudwatch-observability.addonVersion",
                "eks-us-east-1-amazon-cloudwatch-observability.configurationValues",
                "eks-eu-west-1-amazon-cloudwatch-observability.addonVersion",
                "eks-eu-west-1-amazon-cloudwatch-observability.configurationValues"), changed.stream().sorted(
                java.util.Comparator.comparing((String c) -> !c.startsWith("eks-us-east-1")).thenComparing(c -> c)).toList());
        assertTrue(String.valueOf(after.require(ADDON, "eks-eu-west-1-amazon-cloudwatch-observability").prop("configurationValues"))
                .contains("^(kube-system|amazon-cloudwatch|monitoring|keda)$"));
    }

    /** A planted defect: an add-on that no longer waits for its system group is named. */
    @Test
    void anAddOnThatDoesNotWaitForAGroupIsAViolation() {
        Plan dev = StackPlans.dev();
        List<PlanResource> resources = new ArrayList<>();
        for (PlanResource r : dev.resources()) {
            if (r.type().equals(ADDON) && ContainerLogs.ADDON.equals(r.prop("addonName"))) {
                List<String> deps = r.dependencies().stream().filter(u -> !u.endsWith("container-logs-system")).toList();
                r = new PlanResource(r.urn(), r.type(), r.name(), r.region(), r.parent(), deps, r.protect(), r.ignoreChanges(),
                        r.retainOnDelete(), r.custom(), r.provider(), r.aliases(), r.props());
            }
            resources.add(r);
        }
        Plan broken = new Plan(dev.project(), dev.stack(), dev.outputs(), resources, dev.notes());
        assertEquals(List.of("eks-us-east-1-amazon-cloudwatch-observability does not wait for log group "
                + "/aws/containerinsights/ultibiker-dev-us-east-1/system"), addonOrderViolations(broken));
    }
}
