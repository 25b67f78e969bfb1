package com.ultibiker.platform.eks;

import com.ultibiker.platform.model.CapacityType;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * EKS rule: a node group's scaling config is refused unless minSize <= desiredSize <= maxSize (EKS API
 * NodegroupScalingConfig; "Minimum capacity N can't be greater than desired size M"). Pulumi sends the
 * desired size from its state while it is ignored, so a changed min/max must move it first.
 */
class NodeScalingTest {

    private static NodePoolSpec pool(int min, int max, int desired) {
        return new NodePoolSpec("application", List.of("t3.medium"), CapacityType.ON_DEMAND, min, max, desired, List.of(),
                Map.of(), 33, 50, List.of("a", "b", "c"));
    }

    @Test
    void theAutoscalerKeepsTheDesiredSizeWhileItFitsTheRange() {
        assertEquals(new NodeScaling(2, true), NodeScaling.decide(pool(1, 3, 2), OptionalInt.empty()), "creation: the configured size");
        assertEquals(new NodeScaling(2, true), NodeScaling.decide(pool(1, 3, 1), OptionalInt.of(2)));
        assertEquals(new NodeScaling(3, true), NodeScaling.decide(pool(3, 3, 3), OptionalInt.of(3)));
    }

    @Test
    void aNewMinimumAboveOrMaximumBelowTheLiveSizeMovesItIntoTheRange() {
        assertEquals(new NodeScaling(5, false), NodeScaling.decide(pool(5, 10, 5), OptionalInt.of(3)));
        assertEquals(new NodeScaling(4, false), NodeScaling.decide(pool(1, 4, 1), OptionalInt.of(9)));
    }

    /** Every node group of a plan registers a scaling config EKS accepts. */
    static void assertScalingAccepted(Plan plan) {
        for (PlanResource g : plan.ofType("aws:eks/nodeGroup:NodeGroup")) {
            int min = ((Number) g.prop("scalingConfig.minSize")).intValue();
            int max = ((Number) g.prop("scalingConfig.maxSize")).intValue();
            int desired = ((Number) g.prop("scalingConfig.desiredSize")).intValue();
            assertEquals(true, min <= desired && desired <= max, g.name() + ": " + min + " <= " + desired + " <= " + max);
        }
    }

    static Map<String, Object> nodeGroup(String cluster, String name, int min, int max, int desired) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("amiType", "AL2023_x86_64_STANDARD");
        r.put("arn", "arn:aws:eks:us-east-1:123456789012:nodegroup/" + cluster + "/" + name + "/plan");
        r.put("capacityType", "ON_DEMAND");
        r.put("clusterName", cluster);
        r.put("diskSize", 0);
        r.put("id", cluster + ":" + name);
        r.put("instanceTypes", List.of("t3.medium"));
        r.put("labels", Map.of());
        r.put("launchTemplates", List.of());
        r.put("nodeGroupName", name);
        r.put("nodeRoleArn", "arn:aws:iam::123456789012:role/eks-us-east-1-node-role");
        r.put("releaseVersion", "1.35.0-20261101");
        r.put("remoteAccesses", List.of());
        r.put("resources", List.of());
        r.put("scalingConfigs", List.of(Map.of("desiredSize", desired, "maxSize", max, "minSize", min)));
        r.put("status", "ACTIVE");
        r.put("subnetIds", List.of());
        r.put("tags", Map.of());
        r.put("taints", List.of());
        r.put("version", "1.35");
        return r;
    }

    @Test
    void raisingMinSizeAboveTheLiveDesiredSizeSendsTheNewMinimumAsDesiredOnce() {
        String cluster = "ultibiker-dev-us-east-1";
        String application = "application-20261201093000000000000001";
        // The cluster exists; the autoscaler left the application group at 1 node; the stack now asks for min 3.
        String eks = StackPlans.stackFile("dev").projectConfig().get("eks")
                .replace("\"name\":\"application\",\"instanceTypes\":[\"t3.medium\"],\"minSize\":1,\"maxSize\":3,\"desiredSize\":1",
                        "\"name\":\"application\",\"instanceTypes\":[\"t3.medium\"],\"minSize\":3,\"maxSize\":3,\"desiredSize\":3");
        Plan plan = ExistingAccount.builder()
                .answer("aws:eks/getClusters:getClusters", call -> Map.of("names", List.of(cluster), "id", "us-east-1"))
                .answer("aws:eks/getNodeGroups:getNodeGroups", call -> Map.of("clusterName", cluster, "id", cluster,
                        "names", List.of("system-20261201093000000000000000", application, "analytics-20261201093000000000000002")))
                .answer("aws:eks/getNodeGroup:getNodeGroup", call -> {
                    String name = String.valueOf(call.args.get("nodeGroupName"));
                    return name.equals(application) ? nodeGroup(cluster, name, 1, 3, 1) : nodeGroup(cluster, name, 1, 2, 2);
                })
                .plan("dev", Map.of("eks", eks));
        PlanResource app = plan.require("aws:eks/nodeGroup:NodeGroup", "eks-us-east-1-application");
        assertEquals(3, ((Number) app.prop("scalingConfig.minSize")).intValue(), "the change took: " + eks);
        assertEquals(3, ((Number) app.prop("scalingConfig.desiredSize")).intValue());
        assertEquals(List.of(), app.ignoreChanges(), "sent with the new minimum this once");
        PlanResource system = plan.require("aws:eks/nodeGroup:NodeGroup", "eks-us-east-1-system");
        assertEquals(2, ((Number) system.prop("scalingConfig.desiredSize")).intValue(), "the live size, ignored");
        assertEquals(List.of("scalingConfig.desiredSize"), system.ignoreChanges());
        assertScalingAccepted(plan);
    }

    @Test
    void aLiveNodeGroupWithoutScalingConfigStopsThePlanNamingIt() {
        String cluster = "ultibiker-dev-us-east-1";
        String application = "application-20261201093000000000000001";
        var builder = ExistingAccount.builder()
                .answer("aws:eks/getClusters:getClusters", call -> Map.of("names", List.of(cluster), "id", "us-east-1"))
                .answer("aws:eks/getNodeGroups:getNodeGroups", call -> Map.of("clusterName", cluster, "id", cluster,
                        "names", List.of(application)))
                .answer("aws:eks/getNodeGroup:getNodeGroup", call -> {
                    Map<String, Object> group = nodeGroup(cluster, String.valueOf(call.args.get("nodeGroupName")), 1, 3, 1);
                    group.put("scalingConfigs", List.of());
                    return group;
                });
        var failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> builder.plan("dev", Map.of()));
        String expected = "aws:eks/getNodeGroup:getNodeGroup " + cluster + "/" + application + ": AWS returned no scalingConfig.desiredSize";
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(expected)) {
                return;
            }
        }
        org.junit.jupiter.api.Assertions.fail("no failure says " + expected + ": " + failure);
    }

    @Test
    void everyNodeGroupOfEveryPlanRegistersAScalingConfigEksAccepts() {
        assertScalingAccepted(StackPlans.dev());
        assertScalingAccepted(StackPlans.prod());
    }
}
