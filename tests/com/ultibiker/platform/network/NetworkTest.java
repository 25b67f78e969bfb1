package com.ultibiker.platform.network;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Network component as the dev and prod stacks register it. */
class NetworkTest {

    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";
    private static final String ROUTE = "aws:ec2/route:Route";
    private static final String ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

    private static List<PlanResource> inRegion(Plan plan, String type, String region) {
        return plan.where(r -> r.type().equals(type) && region.equals(r.region()));
    }

    @Test
    void devHasOneVpcWithNineSubnetsInThreeAzs() {
        Plan dev = StackPlans.dev();
        assertEquals(1, dev.ofType("aws:ec2/vpc:Vpc").size());
        assertEquals("10.10.0.0/16", dev.require("aws:ec2/vpc:Vpc", "network-us-east-1-vpc").prop("cidrBlock"));
        List<PlanResource> subnets = dev.ofType(SUBNET);
        assertEquals(9, subnets.size());
        assertEquals(Set.of("us-east-1a", "us-east-1b", "us-east-1c"),
                subnets.stream().map(s -> (String) s.prop("availabilityZone")).collect(Collectors.toSet()));
    }

    @Test
    void prodHasOneVpcPerRegionThroughThatRegionsProvider() {
        Plan prod = StackPlans.prod();
        assertEquals("10.0.0.0/16", prod.require("aws:ec2/vpc:Vpc", "network-us-east-1-vpc").prop("cidrBlock"));
        assertEquals("10.1.0.0/16", prod.require("aws:ec2/vpc:Vpc", "network-eu-west-1-vpc").prop("cidrBlock"));
        assertEquals("eu-west-1", prod.require("aws:ec2/vpc:Vpc", "network-eu-west-1-vpc").region());
        for (PlanResource r : prod.resources()) {
            prod.topComponent(r).filter(c -> c.name().equals("network-eu-west-1")).ifPresent(c -> {
                if (r.custom()) {
                    assertEquals("eu-west-1", r.region(), r.urn());
                    assertTrue(r.provider().endsWith("::aws-eu-west-1"), r.urn());
                }
            });
        }
    }

    @Test
    void subnetCidrsFollowTheAllocator() {
        Plan prod = StackPlans.prod();
        assertEquals("10.1.32.0/19", prod.require(SUBNET, "network-eu-west-1-private-eu-west-1b").prop("cidrBlock"));
        assertEquals("10.0.130.0/24", prod.require(SUBNET, "network-us-east-1-public-us-east-1c").prop("cidrBlock"));
        assertEquals("10.0.144.0/24", prod.require(SUBNET, "network-us-east-1-database-us-east-1a").prop("cidrBlock"));
    }

    @Test
    void subnetsCarryKubernetesLoadBalancerTags() {
        Plan dev = StackPlans.dev();
        PlanResource pub = dev.require(SUBNET, "network-us-east-1-public-us-east-1a");
        PlanResource priv = dev.require(SUBNET, "network-us-east-1-private-us-east-1a");
        PlanResource db = dev.require(SUBNET, "network-us-east-1-database-us-east-1a");
        assertEquals("1", pub.tags().get("kubernetes.io/role/elb"));
        assertEquals("1", priv.tags().get("kubernetes.io/role/internal-elb"));
        assertEquals("shared", priv.tags().get("kubernetes.io/cluster/ultibiker-dev-us-east-1"));
        assertFalse(db.tags().keySet().stream().anyMatch(k -> k.startsWith("kubernetes.io/")), db.tags().toString());
    }

    @Test
    void devSharesOneNatGatewayAndProdHasOnePerAz() {
        Plan dev = StackPlans.dev();
        assertEquals(1, dev.ofType(NAT).size());
        assertEquals(6, StackPlans.prod().ofType(NAT).size());
        assertEquals(3, inRegion(StackPlans.prod(), NAT, "eu-west-1").size());
        String natSubnet = String.valueOf(dev.ofType(NAT).get(0).prop("subnetId"));
        assertEquals("network-us-east-1-public-us-east-1a-id", natSubnet, "the NAT gateway lives in a public subnet");
        for (String az : List.of("a", "b", "c")) {
            assertEquals("network-us-east-1-nat-us-east-1a-id",
                    dev.require(ROUTE, "network-us-east-1-private-us-east-1" + az + "-default").prop("natGatewayId"));
        }
    }

    /** Per AZ: each NAT gateway lives in the public subnet of its own AZ (not all in AZ a). */
    @Test
    void prodNatGatewaysLiveInThePublicSubnetOfTheirOwnAz() {
        Plan prod = StackPlans.prod();
        Map<String, String> subnetByNat = new java.util.TreeMap<>();
        prod.ofType(NAT).forEach(n -> subnetByNat.put(n.name(), String.valueOf(n.prop("subnetId"))));
        assertEquals(Map.of(
                "network-us-east-1-nat-us-east-1a", "network-us-east-1-public-us-east-1a-id",
                "network-us-east-1-nat-us-east-1b", "network-us-east-1-public-us-east-1b-id",
                "network-us-east-1-nat-us-east-1c", "network-us-east-1-public-us-east-1c-id",
                "network-eu-west-1-nat-eu-west-1a", "network-eu-west-1-public-eu-west-1a-id",
                "network-eu-west-1-nat-eu-west-1b", "network-eu-west-1-public-eu-west-1b-id",
                "network-eu-west-1-nat-eu-west-1c", "network-eu-west-1-public-eu-west-1c-id"), subnetByNat);
    }

    /** Interface endpoints take ENIs in the private subnets (where the nodes are), never the public ones. */
    @Test
    void interfaceEndpointsSitInThePrivateSubnets() {
        Plan prod = StackPlans.prod();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            String n = "network-" + region + "-private-" + region;
            List<String> expected = List.of(n + "a-id", n + "b-id", n + "c-id");
            for (String service : List.of("ecr-api", "ecr-dkr", "sts", "logs")) {
                PlanResource e = prod.require(ENDPOINT, "network-" + region + "-" + service + "-endpoint");
                assertEquals(expected, e.prop("subnetIds"), e.name());
                assertEquals(List.of("network-" + region + "-endpoints-sg-id"), e.prop("securityGroupIds"), e.name());
            }
        }
    }

    @Test
    void prodPrivateRoutesUseTheNatOfTheirOwnAz() {
        Plan prod = StackPlans.prod();
        for (String az : List.of("a", "b", "c")) {
            assertEquals("network-eu-west-1-nat-eu-west-1" + az + "-id",
                    prod.require(ROUTE, "network-eu-west-1-private-eu-west-1" + az + "-default").prop("natGatewayId"));
        }
    }

    @Test
    void publicSubnetsRouteToTheInternetGateway() {
        PlanResource route = StackPlans.dev().require(ROUTE, "network-us-east-1-public-default");
        assertEquals("0.0.0.0/0", route.prop("destinationCidrBlock"));
        assertEquals("network-us-east-1-igw-id", route.prop("gatewayId"));
    }

    @Test
    void databaseSubnetsHaveNoRouteToNatOrInternet() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource table : plan.where(r -> r.type().equals("aws:ec2/routeTable:RouteTable") && r.name().endsWith("-database-rt"))) {
                String tableId = table.name() + "-id";
                assertTrue(plan.where(r -> r.type().equals(ROUTE) && tableId.equals(r.prop("routeTableId"))).isEmpty(),
                        "routes found in " + table.name());
                assertEquals(null, table.prop("routes"), "no inline routes in " + table.name());
            }
            long dbAssociations = plan.where(r -> r.type().equals("aws:ec2/routeTableAssociation:RouteTableAssociation")
                    && String.valueOf(r.prop("routeTableId")).endsWith("-database-rt-id")).size();
            assertEquals(plan.where(r -> r.type().equals(SUBNET) && r.name().contains("-database-")).size(), dbAssociations);
        }
    }

    @Test
    void flowLogsGoToAKmsEncryptedLogGroupWithTheEnvironmentsRetention() {
        Plan prod = StackPlans.prod();
        PlanResource group = prod.require("aws:cloudwatch/logGroup:LogGroup", "network-us-east-1-flowlogs");
        assertEquals("/vpc/ultibiker-prod-us-east-1/flow-logs", group.prop("name"), "log group names are per account and region");
        assertEquals("/vpc/ultibiker-dev-us-east-1/flow-logs",
                StackPlans.dev().require("aws:cloudwatch/logGroup:LogGroup", "network-us-east-1-flowlogs").prop("name"));
        assertEquals(90L, group.prop("retentionInDays"));
        assertEquals("arn:aws:kms:us-east-1:123456789012:key/network-us-east-1-flowlogs-key-id", group.prop("kmsKeyId"));
        PlanResource flowLog = prod.require("aws:ec2/flowLog:FlowLog", "network-us-east-1-flowlog");
        assertEquals("ALL", flowLog.prop("trafficType"));
        assertEquals("network-us-east-1-vpc-id", flowLog.prop("vpcId"));
        assertNotNull(flowLog.prop("iamRoleArn"));
        PlanResource key = prod.require("aws:kms/key:Key", "network-us-east-1-flowlogs-key");
        assertEquals(true, key.prop("enableKeyRotation"));
        assertTrue(String.valueOf(key.prop("policy")).contains("logs.us-east-1.amazonaws.com"));
        assertTrue(key.protect(), "keys are protected in prod");
        assertFalse(StackPlans.dev().require("aws:kms/key:Key", "network-us-east-1-flowlogs-key").protect());
        assertEquals(30L, StackPlans.dev().require("aws:cloudwatch/logGroup:LogGroup", "network-us-east-1-flowlogs").prop("retentionInDays"));
    }

    @Test
    void gatewayEndpointsEverywhereInterfaceEndpointsInProd() {
        Plan dev = StackPlans.dev();
        assertEquals(Set.of("com.amazonaws.us-east-1.s3", "com.amazonaws.us-east-1.dynamodb"),
                dev.ofType(ENDPOINT).stream().map(e -> (String) e.prop("serviceName")).collect(Collectors.toSet()));
        Plan prod = StackPlans.prod();
        List<PlanResource> interfaces = prod.where(r -> r.type().equals(ENDPOINT) && "Interface".equals(r.prop("vpcEndpointType")));
        assertEquals(8, interfaces.size());
        for (PlanResource e : interfaces) {
            assertEquals(true, e.prop("privateDnsEnabled"));
            assertEquals(1, ((List<?>) e.prop("securityGroupIds")).size());
            assertEquals(3, ((List<?>) e.prop("subnetIds")).size());
        }
        assertEquals(Set.of("ecr.api", "ecr.dkr", "sts", "logs"), interfaces.stream()
                .filter(e -> "eu-west-1".equals(e.region()))
                .map(e -> ((String) e.prop("serviceName")).replace("com.amazonaws.eu-west-1.", "")).collect(Collectors.toSet()));
        PlanResource s3 = prod.require(ENDPOINT, "network-us-east-1-s3-endpoint");
        assertEquals(4, ((List<?>) s3.prop("routeTableIds")).size(), "three private tables and the database table");
    }

    @Test
    void endpointSecurityGroupAdmitsHttpsFromTheVpcOnly() {
        PlanResource sg = StackPlans.prod().require("aws:ec2/securityGroup:SecurityGroup", "network-us-east-1-endpoints-sg");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) sg.prop("ingress");
        assertEquals(1, ingress.size());
        assertEquals(443L, ingress.get(0).get("fromPort"));
        assertEquals(List.of("10.0.0.0/16"), ingress.get(0).get("cidrBlocks"));
    }

    @Test
    void defaultSecurityGroupHasNoRules() {
        PlanResource sg = StackPlans.dev().require("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "network-us-east-1-default-sg");
        assertEquals(List.of(), sg.prop("ingress"));
        assertEquals(List.of(), sg.prop("egress"));
    }

    private static Map<String, Object> cidrsByName(Plan plan) {
        Map<String, Object> out = new java.util.TreeMap<>();
        plan.ofType(SUBNET).forEach(s -> out.put(s.name(), s.prop("cidrBlock")));
        return out;
    }

    private static Plan devWithAzs(String azs, String nat) {
        return StackPlans.runWith("dev", Map.of("network", "{\"vpcCidrs\":{\"us-east-1\":\"10.10.0.0/16\"},\"availabilityZones\":"
                + azs + ",\"natGateways\":\"" + nat + "\",\"interfaceEndpoints\":false}"));
    }

    /**
     * Removing AZ a and reordering the rest ([c, b]) keeps every remaining subnet's name and CIDR (a CIDR
     * change replaces the subnet and everything in it), the NAT gateway's name and the subnet id lists.
     */
    @Test
    void removingAndReorderingAzsKeepsTheRemainingSubnetsAndTheirCidrs() {
        Plan cb = devWithAzs("[\"c\",\"b\"]", "single");
        assertEquals(Map.of(
                "network-us-east-1-database-us-east-1b", "10.10.145.0/24",
                "network-us-east-1-database-us-east-1c", "10.10.146.0/24",
                "network-us-east-1-private-us-east-1b", "10.10.32.0/19",
                "network-us-east-1-private-us-east-1c", "10.10.64.0/19",
                "network-us-east-1-public-us-east-1b", "10.10.129.0/24",
                "network-us-east-1-public-us-east-1c", "10.10.130.0/24"), cidrsByName(cb));
        assertEquals(List.of("network-us-east-1-private-us-east-1b-id", "network-us-east-1-private-us-east-1c-id"),
                cb.outputs().get("privateSubnetIds.us-east-1"), "ids in letter order, whatever the list order");
        String publicB = "network-us-east-1-public-us-east-1b";
        assertEquals("2001:db8:c569:bc01::/64", StackPlans.dev().require(SUBNET, publicB).prop("ipv6CidrBlock"));
        assertEquals("2001:db8:c569:bc01::/64", cb.require(SUBNET, publicB).prop("ipv6CidrBlock"), "the /64 follows the letter too");
        Plan reordered = devWithAzs("[\"c\",\"a\",\"b\"]", "single");
        assertEquals(cidrsByName(StackPlans.dev()), cidrsByName(reordered));
        assertEquals(StackPlans.dev().outputs().get("publicSubnetIds.us-east-1"), reordered.outputs().get("publicSubnetIds.us-east-1"));
        assertEquals(List.of("network-us-east-1-nat-us-east-1a"), reordered.ofType(NAT).stream().map(PlanResource::name).toList(),
                "the shared NAT stays in the lowest letter, so its public address survives a reorder");
    }

    @Test
    void devSubnetsKeepTheirCidrs() {
        assertEquals(Map.of(
                "network-us-east-1-database-us-east-1a", "10.10.144.0/24",
                "network-us-east-1-database-us-east-1b", "10.10.145.0/24",
                "network-us-east-1-database-us-east-1c", "10.10.146.0/24",
                "network-us-east-1-private-us-east-1a", "10.10.0.0/19",
                "network-us-east-1-private-us-east-1b", "10.10.32.0/19",
                "network-us-east-1-private-us-east-1c", "10.10.64.0/19",
                "network-us-east-1-public-us-east-1a", "10.10.128.0/24",
                "network-us-east-1-public-us-east-1b", "10.10.129.0/24",
                "network-us-east-1-public-us-east-1c", "10.10.130.0/24"), cidrsByName(StackPlans.dev()));
    }

    /** Adding an AZ must not move or rename any existing subnet. */
    @Test
    void addingAnAzKeepsNamesAndCidrsOfExistingSubnets() {
        Plan four = StackPlans.runWith("dev", Map.of("network",
                "{\"vpcCidrs\":{\"us-east-1\":\"10.10.0.0/16\"},\"availabilityZones\":[\"a\",\"b\",\"c\",\"d\"],\"natGateways\":\"single\",\"interfaceEndpoints\":false}"));
        List<PlanResource> before = StackPlans.dev().ofType(SUBNET);
        assertEquals(12, four.ofType(SUBNET).size());
        for (PlanResource s : before) {
            assertEquals(s.prop("cidrBlock"), four.require(SUBNET, s.name()).prop("cidrBlock"), s.name());
            assertEquals(s.urn(), four.require(SUBNET, s.name()).urn());
        }
    }
}
