package com.ultibiker.platform.dns;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DnsFailover and HostedZone as the dev and prod stacks register them. */
class DnsFailoverTest {

    static final String RECORD = "aws:route53/record:Record";
    static final String HEALTH_CHECK = "aws:route53/healthCheck:HealthCheck";
    static final String ZONE = "aws:route53/zone:Zone";
    static final String LB = "aws:lb/loadBalancer:LoadBalancer";

    private static String lbDns(String region) {
        return "entry-" + region + "-alb-1234567890." + region + ".elb.amazonaws.com";
    }

    private static List<PlanResource> records(Plan plan, String name) {
        return plan.where(r -> r.type().equals(RECORD) && name.equals(r.prop("name")));
    }

    @Test
    void prodApiFailsOverFromThePrimaryToTheSecondaryForAAndAaaa() {
        Plan prod = StackPlans.prod();
        for (String type : List.of("A", "AAAA")) {
            String t = type.toLowerCase();
            PlanResource primary = prod.require(RECORD, "dns-api-" + t + "-us-east-1");
            PlanResource secondary = prod.require(RECORD, "dns-api-" + t + "-eu-west-1");
            assertEquals("api.ultibiker.example.com", primary.prop("name"));
            assertEquals(type, primary.prop("type"));
            assertEquals("PRIMARY", primary.prop("failoverRoutingPolicies.0.type"));
            assertEquals("SECONDARY", secondary.prop("failoverRoutingPolicies.0.type"));
            assertEquals(lbDns("us-east-1"), primary.prop("aliases.0.name"));
            assertEquals(lbDns("eu-west-1"), secondary.prop("aliases.0.name"));
            assertEquals(true, primary.prop("aliases.0.evaluateTargetHealth"));
            assertEquals("Z35SXDOTRQ7X7K", primary.prop("aliases.0.zoneId"), "the load balancer's canonical zone");
        }
        assertEquals(4, records(prod, "api.ultibiker.example.com").size());
    }

    @Test
    void noRecordMixesWeightedWithFailoverRouting() {
        for (PlanResource r : StackPlans.prod().ofType(RECORD)) {
            assertNull(r.prop("weightedRoutingPolicies"), r.name());
            int policies = (r.prop("failoverRoutingPolicies") == null ? 0 : 1) + (r.prop("geolocationRoutingPolicies") == null ? 0 : 1);
            assertTrue(policies <= 1, r.name() + " has more than one routing policy");
        }
    }

    @Test
    void everyRecordWithAHealthCheckCarriesTheHealthCheckOfTheRegionItPointsAt() {
        Plan prod = StackPlans.prod();
        List<PlanResource> checked = prod.where(r -> r.type().equals(RECORD) && r.prop("healthCheckId") != null);
        assertEquals(12, checked.size(), "api pair + two ws failover pairs, A and AAAA");
        for (PlanResource r : checked) {
            String alias = (String) r.prop("aliases.0.name");
            String region = alias.contains(".us-east-1.") ? "us-east-1" : "eu-west-1";
            assertEquals("dns-hc-" + region + "-id", r.prop("healthCheckId"), r.name() + " aliases " + alias);
            assertEquals(region, r.prop("setIdentifier"), r.name());
        }
    }

    @Test
    void wsRoutesNorthAmericaToThePrimaryEuropeToTheSecondaryAndTheRestToThePrimary() {
        Plan prod = StackPlans.prod();
        List<PlanResource> ws = records(prod, "ws.ultibiker.example.com");
        assertEquals(6, ws.size());
        Map<String, String> byLocation = ws.stream().filter(r -> r.prop("type").equals("A")).collect(Collectors.toMap(
                r -> r.prop("geolocationRoutingPolicies.0.continent") != null
                        ? (String) r.prop("geolocationRoutingPolicies.0.continent")
                        : "country:" + r.prop("geolocationRoutingPolicies.0.country"),
                r -> (String) r.prop("aliases.0.name")));
        assertEquals(Map.of(
                "NA", "ws-us-east-1.ultibiker.example.com",
                "EU", "ws-eu-west-1.ultibiker.example.com",
                "country:*", "ws-us-east-1.ultibiker.example.com"), byLocation);
        ws.forEach(r -> {
            assertEquals(true, r.prop("aliases.0.evaluateTargetHealth"), r.name() + " must pass its target's health up");
            assertEquals(prod.outputs().get("hostedZoneId"), r.prop("aliases.0.zoneId"), r.name() + " aliases a record of the zone");
        });
    }

    @Test
    void theWsGeolocationTargetsFailOverToTheOtherRegion() {
        Plan prod = StackPlans.prod();
        for (String home : List.of("us-east-1", "eu-west-1")) {
            String other = home.equals("us-east-1") ? "eu-west-1" : "us-east-1";
            for (PlanResource r : records(prod, "ws-" + home + ".ultibiker.example.com")) {
                String failover = (String) r.prop("failoverRoutingPolicies.0.type");
                String expectedTarget = failover.equals("PRIMARY") ? home : other;
                assertEquals(lbDns(expectedTarget), r.prop("aliases.0.name"), r.name());
            }
            assertEquals(Set.of("PRIMARY", "SECONDARY"), records(prod, "ws-" + home + ".ultibiker.example.com").stream()
                    .map(r -> (String) r.prop("failoverRoutingPolicies.0.type")).collect(Collectors.toSet()));
        }
    }

    @Test
    void oneHttpsHealthCheckPerRegionOnTheLoadBalancer() {
        Plan prod = StackPlans.prod();
        List<PlanResource> checks = prod.ofType(HEALTH_CHECK);
        assertEquals(2, checks.size());
        for (String region : List.of("us-east-1", "eu-west-1")) {
            PlanResource hc = prod.require(HEALTH_CHECK, "dns-hc-" + region);
            assertEquals("HTTPS", hc.prop("type"));
            assertEquals(443.0, ((Number) hc.prop("port")).doubleValue());
            assertEquals("/health", hc.prop("resourcePath"));
            assertEquals(3.0, ((Number) hc.prop("failureThreshold")).doubleValue());
            assertEquals(30.0, ((Number) hc.prop("requestInterval")).doubleValue());
            assertEquals(lbDns(region), hc.prop("fqdn"));
            assertEquals(true, hc.prop("enableSni"));
        }
    }

    @Test
    void devHasSimpleAliasRecordsAndNoFailover() {
        Plan dev = StackPlans.dev();
        List<PlanResource> all = dev.ofType(RECORD).stream().filter(r -> r.name().startsWith("dns-")).toList();
        assertEquals(Set.of("dns-api-a", "dns-api-aaaa", "dns-ws-a", "dns-ws-aaaa"),
                all.stream().map(PlanResource::name).collect(Collectors.toSet()));
        for (PlanResource r : all) {
            assertNull(r.prop("setIdentifier"), r.name());
            assertNull(r.prop("failoverRoutingPolicies"), r.name());
            assertNull(r.prop("geolocationRoutingPolicies"), r.name());
            assertEquals(lbDns("us-east-1"), r.prop("aliases.0.name"));
        }
        assertEquals(1, dev.ofType(HEALTH_CHECK).size(), "the single region is still health-checked (alarm)");
    }

    @Test
    void theZoneIsCreatedAndProtectedInProdOnly() {
        PlanResource prodZone = StackPlans.prod().require(ZONE, "dns-zone-zone");
        assertEquals("ultibiker.example.com", prodZone.prop("name"));
        assertTrue(prodZone.protect());
        assertEquals(false, prodZone.prop("forceDestroy"));
        PlanResource devZone = StackPlans.dev().require(ZONE, "dns-zone-zone");
        assertFalse(devZone.protect());
        assertEquals(true, devZone.prop("forceDestroy"));
    }

    @Test
    void anExistingZoneIdIsUsedInsteadOfCreatingOne() {
        Plan plan = StackPlans.runWith("dev", Map.of("dns",
                "{\"domain\":\"dev.ultibiker.example.com\",\"hostedZoneId\":\"Z0123456789EXISTING\"}"));
        assertTrue(plan.ofType(ZONE).isEmpty());
        List<PlanResource> records = plan.ofType(RECORD);
        assertFalse(records.isEmpty());
        records.forEach(r -> assertEquals("Z0123456789EXISTING", r.prop("zoneId"), r.name()));
        assertEquals("Z0123456789EXISTING", plan.outputs().get("hostedZoneId"));
    }

    @Test
    void recordsHealthChecksAndTheZoneAreChildrenOfTheDnsComponents() {
        Plan prod = StackPlans.prod();
        for (PlanResource r : prod.where(x -> x.name().startsWith("dns-") && x.custom())) {
            String top = prod.topComponent(r).orElseThrow().type();
            assertTrue(top.equals(DnsFailover.TYPE) || top.equals(HostedZone.TYPE), r.urn());
        }
    }
}
