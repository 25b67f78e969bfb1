package com.ultibiker.platform.dns;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The warm standby in eu-west-1 stands on its own: created through its own provider, and depending on
 * nothing in the primary region except what replication itself needs.
 */
class DnsWarmStandbyTest {

    private static final String SECONDARY = "eu-west-1";

    /** Global services: their resources survive the loss of any one region (CloudFront: README, "What is global"). */
    static boolean isGlobal(PlanResource r) {
        return r.type().startsWith("aws:route53/") || r.type().startsWith("aws:iam/") || r.type().startsWith("aws:cloudfront/");
    }

    @Test
    void everySecondaryResourceDependsOnlyOnSecondaryOrGlobalResources() {
        Plan prod = StackPlans.prod();
        List<String> crossRegion = new ArrayList<>();
        for (PlanResource r : prod.where(x -> x.custom() && SECONDARY.equals(x.region()))) {
            for (String urn : r.dependencies()) {
                PlanResource dep = prod.byUrn(urn).orElseThrow(() -> new AssertionError(r.urn() + " depends on unknown " + urn));
                if (dep.region() == null || SECONDARY.equals(dep.region()) || isGlobal(dep)) {
                    continue;
                }
                crossRegion.add(r.type() + " " + r.name() + " -> " + dep.type() + " " + dep.name() + " (" + dep.region() + ")");
            }
        }
        // The exceptions are replication itself: the cross-region read replica names its source (after the
        // primary region is lost the replica is promoted and that reference removed, runbook), and the standby's
        // backup plan copies every recovery point to the primary region's vault (copies simply fail, and alarm,
        // while that region is down).
        // And CI's peering (ci.runners): eu-west-1's accepter, return routes and API rule name the primary's peering and VPC;
        // while us-east-1 is down they carry nothing, and eu-west-1's own runner reaches its API directly.
        assertEquals(List.of("aws:backup/plan:Plan backup-eu-west-1-plan -> aws:backup/vault:Vault backup-us-east-1-vault (us-east-1)",
                        "aws:ec2/route:Route ci-runners-us-east-1-to-eu-west-1-back-network-eu-west-1-private-eu-west-1a-rt -> aws:ec2/vpc:Vpc network-us-east-1-vpc (us-east-1)",
                        "aws:ec2/route:Route ci-runners-us-east-1-to-eu-west-1-back-network-eu-west-1-private-eu-west-1b-rt -> aws:ec2/vpc:Vpc network-us-east-1-vpc (us-east-1)",
                        "aws:ec2/route:Route ci-runners-us-east-1-to-eu-west-1-back-network-eu-west-1-private-eu-west-1c-rt -> aws:ec2/vpc:Vpc network-us-east-1-vpc (us-east-1)",
                        "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter ci-runners-us-east-1-to-eu-west-1-accepter -> aws:ec2/vpcPeeringConnection:VpcPeeringConnection ci-runners-us-east-1-to-eu-west-1 (us-east-1)",
                        "aws:rds/instance:Instance database-replica-standby -> aws:rds/instance:Instance database-primary (us-east-1)",
                        "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule ci-runners-us-east-1-to-eu-west-1-cluster-api -> aws:ec2/vpc:Vpc network-us-east-1-vpc (us-east-1)"),
                crossRegion.stream().sorted().toList());
    }

    @Test
    void everyAwsResourceOfASecondaryComponentGoesThroughTheSecondaryProvider() {
        Plan prod = StackPlans.prod();
        List<PlanResource> secondaryComponents = prod.where(r -> !r.custom() && r.name().endsWith("-" + SECONDARY));
        assertFalse(secondaryComponents.isEmpty());
        int checked = 0;
        for (PlanResource r : prod.where(x -> x.custom() && x.type().startsWith("aws:"))) {
            var top = prod.topComponent(r);
            if (top.isEmpty() || !top.get().name().endsWith("-" + SECONDARY)) {
                continue;
            }
            assertEquals(SECONDARY, r.region(), r.urn());
            assertTrue(r.provider().endsWith("::aws-" + SECONDARY), r.urn() + " via " + r.provider());
            checked++;
        }
        assertTrue(checked > 50, "only " + checked + " secondary resources found");
    }

    @Test
    void theStandbyHasItsOwnNetworkClusterCacheAndEntryPoint() {
        Set<String> types = StackPlans.prod().where(r -> !r.custom() && r.name().endsWith("-" + SECONDARY))
                .stream().map(PlanResource::type).collect(Collectors.toSet());
        assertTrue(types.containsAll(Set.of("ultibiker:network:Network", "ultibiker:eks:EksCluster",
                "ultibiker:edge:PublicEntryPoint")), types.toString());
        assertTrue(types.stream().anyMatch(t -> t.endsWith(":Cache")), types.toString());
        assertTrue(StackPlans.prod().ofType("aws:rds/instance:Instance").stream().anyMatch(i -> SECONDARY.equals(i.region())),
                "a cross-region replica in the standby");
    }

    @Test
    void devHasNoSecondaryRegion() {
        assertEquals(Set.of("us-east-1"), StackPlans.dev().regionsOf());
    }
}
