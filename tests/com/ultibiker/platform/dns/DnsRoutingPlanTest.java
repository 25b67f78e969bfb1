package com.ultibiker.platform.dns;

import com.ultibiker.platform.dns.RecordSpec.AliasTarget;
import com.ultibiker.platform.dns.RecordSpec.Routing;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RoutingPlan is pure: which records exist for one and two regions. */
class DnsRoutingPlanTest {

    private static final PublicHostnames NAMES = new PublicHostnames("example.com");
    private static final List<String> TWO = List.of("us-east-1", "eu-west-1");

    @Test
    void oneRegionGivesFourSimpleAliasesToItsLoadBalancer() {
        List<RecordSpec> plan = RoutingPlan.plan(NAMES, List.of("us-east-1"), Map.of());
        assertEquals(4, plan.size());
        plan.forEach(r -> {
            assertEquals(new Routing.Simple(), r.routing());
            assertEquals(new AliasTarget.LoadBalancer("us-east-1"), r.target());
            assertEquals(Optional.empty(), r.healthCheckRegion());
        });
    }

    @Test
    void setIdentifiersAreUniquePerNameAndType() {
        List<RecordSpec> plan = RoutingPlan.plan(NAMES, TWO, Map.of("NA", "us-east-1", "EU", "eu-west-1", "AS", "eu-west-1"));
        Set<String> seen = new HashSet<>();
        for (RecordSpec r : plan) {
            String id = r.routing() instanceof Routing.Failover f ? f.setIdentifier()
                    : ((Routing.Geolocation) r.routing()).setIdentifier();
            assertTrue(seen.add(r.name() + "/" + r.type() + "/" + id), "duplicate " + r);
        }
        Set<String> roles = new HashSet<>();
        plan.forEach(r -> assertTrue(roles.add(r.role()), "duplicate role " + r.role()));
    }

    @Test
    void twoRegionsGiveApiFailoverWsTreesAndOneGeolocationRecordPerContinentPlusDefault() {
        List<RecordSpec> plan = RoutingPlan.plan(NAMES, TWO, Map.of("NA", "us-east-1", "EU", "eu-west-1"));
        // per type: api 2 + ws trees 2x2 + geolocation NA, EU, default 3 = 9
        assertEquals(18, plan.size());
        long defaults = plan.stream().filter(r -> r.routing() instanceof Routing.Geolocation g
                && g.continent().equals(RoutingPlan.DEFAULT_LOCATION)).count();
        assertEquals(2, defaults);
        plan.stream().filter(r -> r.routing() instanceof Routing.Geolocation g && g.continent().equals("*"))
                .forEach(r -> assertEquals(new AliasTarget.RecordSet("ws-us-east-1.example.com"), r.target()));
    }

    @Test
    void aContinentMappedToTheSecondaryAliasesTheTreeThatPrefersTheSecondary() {
        List<RecordSpec> plan = RoutingPlan.plan(NAMES, TWO, Map.of("AS", "eu-west-1"));
        RecordSpec asia = plan.stream().filter(r -> r.role().equals("ws-a-as")).findFirst().orElseThrow();
        assertEquals(new AliasTarget.RecordSet("ws-eu-west-1.example.com"), asia.target());
        RecordSpec preferred = plan.stream().filter(r -> r.name().equals("ws-eu-west-1.example.com") && r.type().equals("A")
                && ((Routing.Failover) r.routing()).failoverType().equals("PRIMARY")).findFirst().orElseThrow();
        assertEquals(new AliasTarget.LoadBalancer("eu-west-1"), preferred.target());
        assertEquals(Optional.of("eu-west-1"), preferred.healthCheckRegion());
    }

    @Test
    void moreThanTwoRegionsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> RoutingPlan.plan(NAMES, List.of("us-east-1", "eu-west-1", "ap-south-1"), Map.of()));
    }

    private static String row(RecordSpec r) {
        String routing = r.routing() instanceof Routing.Failover f ? f.failoverType() + "/" + f.setIdentifier()
                : r.routing() instanceof Routing.Geolocation g ? "geo " + g.continent() + "/" + g.setIdentifier() : "simple";
        String target = r.target() instanceof AliasTarget.LoadBalancer lb ? "lb " + lb.region()
                : "record " + ((AliasTarget.RecordSet) r.target()).name();
        return r.role() + " | " + r.name() + " " + r.type() + " | " + routing + " | " + target + " | hc " + r.healthCheckRegion().orElse("-");
    }

    /**
     * Every record of a two-region plan, written out: each failover record carries the health check of the
     * region it points at (the SECONDARY the secondary's, never the primary's), geolocation records none.
     */
    @Test
    void twoRegionRecordsInFull() {
        List<String> a = RoutingPlan.plan(NAMES, TWO, Map.of("NA", "us-east-1", "EU", "eu-west-1")).stream()
                .filter(r -> r.type().equals("A")).map(DnsRoutingPlanTest::row).toList();
        assertEquals(List.of(
                "api-a-us-east-1 | api.example.com A | PRIMARY/us-east-1 | lb us-east-1 | hc us-east-1",
                "api-a-eu-west-1 | api.example.com A | SECONDARY/eu-west-1 | lb eu-west-1 | hc eu-west-1",
                "ws-us-east-1-a-us-east-1 | ws-us-east-1.example.com A | PRIMARY/us-east-1 | lb us-east-1 | hc us-east-1",
                "ws-us-east-1-a-eu-west-1 | ws-us-east-1.example.com A | SECONDARY/eu-west-1 | lb eu-west-1 | hc eu-west-1",
                "ws-eu-west-1-a-eu-west-1 | ws-eu-west-1.example.com A | PRIMARY/eu-west-1 | lb eu-west-1 | hc eu-west-1",
                "ws-eu-west-1-a-us-east-1 | ws-eu-west-1.example.com A | SECONDARY/us-east-1 | lb us-east-1 | hc us-east-1",
                "ws-a-eu | ws.example.com A | geo EU/EU | record ws-eu-west-1.example.com | hc -",
                "ws-a-na | ws.example.com A | geo NA/NA | record ws-us-east-1.example.com | hc -",
                "ws-a-default | ws.example.com A | geo */default | record ws-us-east-1.example.com | hc -"), a);
    }

    @Test
    void oneRegionRecordsInFull() {
        assertEquals(List.of(
                "api-a | api.example.com A | simple | lb us-east-1 | hc -",
                "ws-a | ws.example.com A | simple | lb us-east-1 | hc -",
                "api-aaaa | api.example.com AAAA | simple | lb us-east-1 | hc -",
                "ws-aaaa | ws.example.com AAAA | simple | lb us-east-1 | hc -"),
                RoutingPlan.plan(NAMES, List.of("us-east-1"), Map.of()).stream().map(DnsRoutingPlanTest::row).toList());
    }
}
