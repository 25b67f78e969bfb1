package com.ultibiker.platform.eks;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A node group's subnets cannot change in place (terraform-provider-aws internal/service/eks/node_group.go:
 * {@code subnet_ids} is ForceNew). Rules: every node group of every plan is named by prefix (so its
 * replacement can exist beside it: Pulumi creates the new group before deleting the old one) and runs only
 * in private subnets of its region; a pool pinned to its AZs keeps its subnets when the network gains one.
 */
class NodeGroupSubnetsTest {

    static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";

    @Test
    @SuppressWarnings("unchecked")
    void everyNodeGroupCanBeReplacedBesideItselfAndRunsInPrivateSubnetsOfItsRegion() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource g : plan.ofType(NODE_GROUP)) {
                assertNull(g.prop("nodeGroupName"), g.name() + ": a fixed name would collide with its own replacement");
                assertTrue(String.valueOf(g.prop("nodeGroupNamePrefix")).endsWith("-"), g.name());
                for (String subnet : (List<String>) g.prop("subnetIds")) {
                    assertTrue(subnet.startsWith("network-" + g.region() + "-private-" + g.region()), g.name() + ": " + subnet);
                }
            }
        }
    }

    private static String prodEks(boolean pinned) {
        String eks = StackPlans.stackFile("prod").projectConfig().get("eks");
        // prod pins every pool to [a, b, c] (Pulumi.prod.yaml); unpinned, a pool follows the network.
        assertTrue(eks.contains(",\"availabilityZones\":[\"a\",\"b\",\"c\"]"), eks);
        return pinned ? eks : eks.replace(",\"availabilityZones\":[\"a\",\"b\",\"c\"]", "");
    }

    private static String networkWithFourAzs() {
        String network = StackPlans.stackFile("prod").projectConfig().get("network");
        assertTrue(network.contains("\"availabilityZones\":[\"a\",\"b\",\"c\"]"), network);
        return network.replace("\"availabilityZones\":[\"a\",\"b\",\"c\"]", "\"availabilityZones\":[\"a\",\"b\",\"c\",\"d\"]");
    }

    @SuppressWarnings("unchecked")
    private static List<String> subnets(Plan plan, String group) {
        return (List<String>) plan.require(NODE_GROUP, group).prop("subnetIds");
    }

    @Test
    void aPinnedPoolKeepsItsSubnetsWhenTheNetworkGainsAnAz() {
        Plan plan = StackPlans.runWith("prod", Map.of("eks", prodEks(true), "network", networkWithFourAzs()));
        for (String group : List.of("eks-us-east-1-system", "eks-us-east-1-application", "eks-us-east-1-analytics")) {
            assertEquals(List.of("network-us-east-1-private-us-east-1a-id", "network-us-east-1-private-us-east-1b-id",
                    "network-us-east-1-private-us-east-1c-id"), subnets(plan, group), group);
        }
        assertEquals(List.of("network-eu-west-1-private-eu-west-1a-id", "network-eu-west-1-private-eu-west-1b-id",
                "network-eu-west-1-private-eu-west-1c-id"), subnets(plan, "eks-eu-west-1-application"));
        assertEquals(subnets(StackPlans.prod(), "eks-us-east-1-application"), subnets(plan, "eks-us-east-1-application"),
                "the same subnets as today's plan: no replacement");
    }

    @Test
    void anUnpinnedPoolFollowsTheNetworkIntoTheNewAz() {
        Plan plan = StackPlans.runWith("prod", Map.of("eks", prodEks(false), "network", networkWithFourAzs()));
        assertEquals(4, subnets(plan, "eks-us-east-1-application").size(), "replaced (create before delete): README, node pools");
        assertTrue(subnets(plan, "eks-us-east-1-application").contains("network-us-east-1-private-us-east-1d-id"));
    }

    @Test
    void aPoolMayOnlyNameAzsOfTheNetwork() {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("eks", raw.get("eks").replaceFirst("\"availabilityZones\":\\[\"a\",\"b\",\"c\"]", "\"availabilityZones\":[\"a\",\"d\"]"));
        assertProblem(onlyProblem(raw), "eks.nodePools[0].availabilityZones[1]", "\"d\"", "one of network.availabilityZones [a, b, c]");
    }
}
