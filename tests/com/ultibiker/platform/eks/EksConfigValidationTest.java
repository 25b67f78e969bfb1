package com.ultibiker.platform.eks;

import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given the prod stack's config, when one node-pool key is made invalid, then parsing stops with one
 * problem naming the key, the value found and what is allowed (one test per rule).
 */
class EksConfigValidationTest {

    private static final String P = "ultibiker-platform";

    /** Prod's eks section with the application pool's JSON object replaced by {@code pool}. */
    private static Map<String, String> prodWithPools(String key, String pools) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        String eks = raw.get("eks");
        int start = eks.indexOf("\"" + key + "\"");
        assertTrue(start >= 0, key + " in " + eks);
        int open = eks.indexOf('[', start);
        int depth = 0;
        int close = open;
        for (int i = open; i < eks.length(); i++) {
            char ch = eks.charAt(i);
            if (ch == '[') {
                depth++;
            } else if (ch == ']' && --depth == 0) {
                close = i;
                break;
            }
        }
        raw.put("eks", eks.substring(0, open) + pools + eks.substring(close + 1));
        return raw;
    }

    private static String pool(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"instanceTypes\":[\"c5.large\"]," + extra + "}";
    }

    @Test
    void theRepositoryPoolsAreValid() {
        var eks = StackConfigParser.parse(P, StackPlans.stackFile("prod").projectConfig()).eks();
        assertEquals(List.of("system", "application", "analytics"), eks.nodePools().stream().map(p -> p.name()).toList());
        assertEquals(List.of("system", "application"), eks.standbyNodePools().stream().map(p -> p.name()).toList());
    }

    @Test
    void minSizeMayNotExceedMaxSize() {
        var raw = prodWithPools("nodePools", "[" + pool("app", "\"minSize\":5,\"maxSize\":3,\"desiredSize\":4") + "]");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].maxSize", "3", "minSize <= maxSize (minSize is 5, maxSize 3)");
    }

    @Test
    void desiredSizeMustLieBetweenMinAndMax() {
        var raw = prodWithPools("nodePools", "[" + pool("app", "\"minSize\":2,\"maxSize\":4,\"desiredSize\":7") + "]");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].desiredSize", "7", "desiredSize within [minSize, maxSize] = [2, 4]");
    }

    @Test
    void desiredSizeBelowMinIsRejectedToo() {
        var raw = prodWithPools("standbyNodePools", "[" + pool("app", "\"minSize\":2,\"maxSize\":4,\"desiredSize\":1") + "]");
        assertProblem(onlyProblem(raw), "eks.standbyNodePools[0].desiredSize", "1", "within [minSize, maxSize]");
    }

    @Test
    void capacityTypeMustBeKnown() {
        var raw = prodWithPools("nodePools", "[" + pool("app", "\"minSize\":1,\"maxSize\":2,\"capacityType\":\"RESERVED\"") + "]");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].capacityType", "\"RESERVED\"", "ON_DEMAND, SPOT");
    }

    @Test
    void atLeastOnePoolMustAcceptApplicationPods() {
        String tainted = "\"minSize\":1,\"maxSize\":2,\"taints\":[{\"key\":\"CriticalAddonsOnly\",\"value\":\"true\",\"effect\":\"NoSchedule\"}]";
        String noExecute = "\"minSize\":1,\"maxSize\":2,\"taints\":[{\"key\":\"workload\",\"value\":\"analytics\",\"effect\":\"NoExecute\"}]";
        var raw = prodWithPools("nodePools", "[" + pool("system", tainted) + "," + pool("analytics", noExecute) + "]");
        assertProblem(onlyProblem(raw), "eks.nodePools", "\"every pool tainted NoSchedule/NoExecute\"",
                "at least one pool without a NoSchedule or NoExecute taint");
    }

    @Test
    void aPreferNoScheduleTaintStillLetsApplicationPodsRun() {
        String soft = "\"minSize\":1,\"maxSize\":2,\"taints\":[{\"key\":\"spot\",\"value\":\"true\",\"effect\":\"PreferNoSchedule\"}]";
        var raw = prodWithPools("nodePools", "[" + pool("app", soft) + "]");
        assertEquals(1, StackConfigParser.parse(P, raw).eks().nodePools().size());
    }

    @Test
    void maxUnavailableIsAPercentage() {
        var raw = prodWithPools("nodePools", "[" + pool("app", "\"minSize\":1,\"maxSize\":2,\"maxUnavailablePercent\":0") + "]");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].maxUnavailablePercent", "0", "a whole number from 1 to 100");
    }

    @Test
    void productionNeverOpensTheApiToTheWorld() {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("eks", raw.get("eks").replace("\"endpointPublicAccess\":false",
                "\"endpointPublicAccess\":true,\"publicAccessCidrs\":[\"0.0.0.0/0\"]"));
        assertProblem(onlyProblem(raw), "eks.publicAccessCidrs[0]", "\"0.0.0.0/0\"", "never opens the EKS API to the world");
    }

    @Test
    void aKubernetesMinorWithoutAMatchingAutoscalerChartIsRefused() {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("eks", raw.get("eks").replace("\"version\":\"1.35\"", "\"version\":\"1.34\"")
                .replace("v1.35.0-eksbuild.2", "v1.34.1-eksbuild.1"));
        assertProblem(onlyProblem(raw), "eks.version", "\"1.34\"",
                "a Kubernetes minor with a recorded cluster-autoscaler chart whose RBAC matches that minor: one of [1.32, 1.35]");
    }

    @Test
    void aPoolMayOnlyMixInstanceTypesOfOneShape() {
        // Issue 12.17: prod's analytics pool mixed m5.2xlarge (8 vCPU, 32 GiB) with r5.xlarge (4 vCPU, 32 GiB).
        String mixed = "{\"name\":\"analytics\",\"instanceTypes\":[\"m5.2xlarge\",\"r5.xlarge\"],\"minSize\":1,\"maxSize\":2}";
        var raw = prodWithPools("nodePools", "[" + mixed + "]");
        assertProblem(onlyProblem(raw), "eks.nodePools[0].instanceTypes[1]", "\"r5.xlarge (4 vCPU, 32768 MiB)\"",
                "the shape of m5.2xlarge (8 vCPU, 32768 MiB), every type of a pool alike: one of [m5.2xlarge, m5a.2xlarge, m6a.2xlarge, m6i.2xlarge, t3.2xlarge, t3a.2xlarge]");
    }

    @Test
    void aTypeOfUnknownShapeMayOnlyRunAlone() {
        String alone = "{\"name\":\"gpu\",\"instanceTypes\":[\"g5.xlarge\"],\"minSize\":1,\"maxSize\":2}";
        assertEquals(1, StackConfigParser.parse(P, prodWithPools("nodePools", "[" + alone + "]")).eks().nodePools().size());
        String mixed = "{\"name\":\"app\",\"instanceTypes\":[\"c5.xlarge\",\"c7i.xlarge\"],\"minSize\":1,\"maxSize\":2}";
        assertProblem(onlyProblem(prodWithPools("standbyNodePools", "[" + mixed + "]")), "eks.standbyNodePools[0].instanceTypes[1]",
                "\"c7i.xlarge\"", "a type whose vCPU and memory are recorded");
    }

    @Test
    void kubeProxyMustBeBuiltForTheClustersMinor() {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("eks", raw.get("eks").replace("v1.35.0-eksbuild.2", "v1.34.1-eksbuild.1"));
        assertProblem(onlyProblem(raw), "eks.addonVersions.kube-proxy", "\"v1.34.1-eksbuild.1\"",
                "a kube-proxy build of the cluster's minor, v1.35.<patch>-eksbuild.<n>");
    }

    @Test
    void aMinorWithoutRecordedDefaultsMustPinEveryAddOn() {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        String eks = raw.get("eks").replace("\"version\":\"1.35\"", "\"version\":\"1.32\"")
                .replace("v1.35.0-eksbuild.2", "v1.32.6-eksbuild.12").replaceAll(",?\"coredns\":\"[^\"]*\"", "");
        raw.put("eks", eks);
        assertProblem(onlyProblem(raw), "eks.addonVersions.coredns", "\"(not set)\"",
                "a pinned version: no default is recorded for Kubernetes 1.32");
    }

    @Test
    void anAddOnVersionLooksLikeAnEksBuild() {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("eks", raw.get("eks").replace("v1.21.1-eksbuild.3", "latest"));
        assertProblem(onlyProblem(raw), "eks.addonVersions.vpc-cni", "\"latest\"", "an EKS add-on version such as v1.21.1-eksbuild.3");
    }
}
