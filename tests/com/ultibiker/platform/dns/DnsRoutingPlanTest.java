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
}
