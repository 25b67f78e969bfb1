package com.ultibiker.platform.eks;

import com.google.gson.GsonBuilder;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.CapacityType;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.model.Taint;
import com.ultibiker.platform.model.TaintEffect;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Helm values, Kubeconfig and naming helpers as pure functions. */
class HelmValuesTest {

    private static StackConfig prod() {
        return StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("prod").projectConfig());
    }

    private static String json(Object o) {
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(o);
    }

    @Test
    void renderedValuesMatchTheirGoldenFiles() {
        var pools = prod().eks().nodePools();
        var placement = HelmValues.systemPlacement(pools);
        Golden.assertMatches("eks/helm/cluster-autoscaler-values.json",
                json(HelmValues.clusterAutoscaler("ultibiker-prod-us-east-1", "us-east-1", "1.35", placement)));
        Golden.assertMatches("eks/helm/aws-load-balancer-controller-values.json",
                json(HelmValues.loadBalancerController("ultibiker-prod-us-east-1", "us-east-1", "vpc-0123", placement)));
    }

    @Test
    void theSystemPoolIsTheOneReservedForCriticalAddOns() {
        var app = pool("application", List.of());
        var analytics = pool("analytics", List.of(new Taint("workload", "analytics", TaintEffect.NO_SCHEDULE)));
        var critical = pool("infra", List.of(new Taint("CriticalAddonsOnly", "true", TaintEffect.NO_SCHEDULE)));
        assertEquals("infra", HelmValues.systemPool(List.of(app, analytics, critical)).name());
        assertEquals("system", HelmValues.systemPool(List.of(app, pool("system", List.of()))).name());
        assertEquals("application", HelmValues.systemPool(List.of(app, analytics)).name());
    }

    @Test
    void theAutoscalerImageFollowsTheClusterMinor() {
        assertEquals("v1.35.0", HelmValues.clusterAutoscalerImageTag("1.35"));
        assertEquals("v1.32.0", HelmValues.clusterAutoscalerImageTag("1.32"));
    }

    @Test
    void chartsArePinnedToExactVersionsFromHttpsRepositories() {
        for (HelmCharts chart : List.of(HelmCharts.clusterAutoscaler("1.35").orElseThrow(), HelmCharts.LOAD_BALANCER_CONTROLLER)) {
            assertEquals(true, chart.version().matches("\\d+\\.\\d+\\.\\d+"), chart.toString());
            assertEquals(true, chart.repository().startsWith("https://"), chart.toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubeconfigAuthenticatesWithAwsEksGetToken() {
        String kubeconfig = Kubeconfig.render("c1", "eu-west-1", "https://x.eks.amazonaws.com", "Q0E=");
        Map<String, Object> doc = new com.google.gson.Gson().fromJson(kubeconfig, Map.class);
        var user = (Map<String, Object>) ((List<Map<String, Object>>) doc.get("users")).get(0).get("user");
        var exec = (Map<String, Object>) user.get("exec");
        assertEquals("aws", exec.get("command"));
        assertEquals(List.of("eks", "get-token", "--cluster-name", "c1", "--region", "eu-west-1", "--output", "json"), exec.get("args"));
        var cluster = (Map<String, Object>) ((List<Map<String, Object>>) doc.get("clusters")).get(0).get("cluster");
        assertEquals("https://x.eks.amazonaws.com", cluster.get("server"));
        assertEquals("Q0E=", cluster.get("certificate-authority-data"));
        assertEquals(java.util.Set.of("exec"), user.keySet(), "no static token or client certificate");
    }

    @Test
    void accessEntryNamesDeriveFromThePrincipalNotItsPosition() {
        assertEquals("role-platform-admin", ClusterAccessEntries.principalSlug("arn:aws:iam::123456789012:role/platform-admin"));
        assertEquals("user-team-alice", ClusterAccessEntries.principalSlug("arn:aws:iam::123456789012:user/team/Alice"));
    }

    private static NodePoolSpec pool(String name, List<Taint> taints) {
        return new NodePoolSpec(name, List.of("t3.medium"), CapacityType.ON_DEMAND, 1, 2, 1, taints,
                Map.of("role", name), 33, 50, List.of("a", "b", "c"));
    }
}
