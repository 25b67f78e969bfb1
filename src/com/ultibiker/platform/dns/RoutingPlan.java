package com.ultibiker.platform.dns;

import com.ultibiker.platform.dns.RecordSpec.AliasTarget;
import com.ultibiker.platform.dns.RecordSpec.Routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which records serve the public names, decided from the regions alone. Pure.
 *
 * <ul>
 *   <li>One region: {@code api} and {@code ws} are simple aliases of its load balancer.</li>
 *   <li>Primary and secondary: {@code api} has failover routing, PRIMARY to the primary region and
 *       SECONDARY to the secondary, each carrying its region's health check. {@code ws} has geolocation
 *       routing (continent to region, everything else to the primary); a geolocation record cannot fail
 *       over by itself (an unhealthy match falls back to the default location, which may be the same
 *       dead region), so each one aliases a failover pair {@code ws-<region>.<domain>} that prefers its
 *       region and falls back to the other, with {@code evaluateTargetHealth} passing the health up.</li>
 * </ul>
 * Every name gets an A and an AAAA record set (the load balancers are dual-stack).
 */
public final class RoutingPlan {

    public static final List<String> TYPES = List.of("A", "AAAA");
    public static final String DEFAULT_LOCATION = Routing.Geolocation.DEFAULT_LOCATION;

    private RoutingPlan() {
    }

    /**
     * @param regions      the stack's regions, primary first (one or two)
     * @param wsContinents continent code to the region that serves it first (multi-region only)
     */
    public static List<RecordSpec> plan(PublicHostnames names, List<String> regions, Map<String, String> wsContinents) {
        if (regions.isEmpty() || regions.size() > 2) {
            throw new IllegalArgumentException("one region, or a primary and a secondary; got " + regions);
        }
        List<RecordSpec> records = new ArrayList<>();
        String primary = regions.get(0);
        if (regions.size() == 1) {
            for (String type : TYPES) {
                String t = type.toLowerCase(Locale.ROOT);
                records.add(RecordSpec.builder().role("api-" + t).name(names.api()).type(type).routing(new Routing.Simple())
                        .target(new AliasTarget.LoadBalancer(primary)).build());
                records.add(RecordSpec.builder().role("ws-" + t).name(names.ws()).type(type).routing(new Routing.Simple())
                        .target(new AliasTarget.LoadBalancer(primary)).build());
            }
            return List.copyOf(records);
        }
        String secondary = regions.get(1);
        for (String type : TYPES) {
            String t = type.toLowerCase(Locale.ROOT);
            records.addAll(failoverPair("api-" + t, names.api(), type, primary, secondary));
            for (String home : regions) {
                String other = home.equals(primary) ? secondary : primary;
                records.addAll(failoverPair("ws-" + home + "-" + t, wsTree(names, home), type, home, other));
            }
            for (var entry : new TreeMap<>(wsContinents).entrySet()) {
                String continent = entry.getKey();
                records.add(RecordSpec.builder().role("ws-" + t + "-" + continent.toLowerCase(Locale.ROOT)).name(names.ws())
                        .type(type).routing(Routing.Geolocation.continent(continent))
                        .target(new AliasTarget.RecordSet(wsTree(names, entry.getValue()))).build());
            }
            records.add(RecordSpec.builder().role("ws-" + t + "-default").name(names.ws()).type(type)
                    .routing(Routing.Geolocation.defaultLocation())
                    .target(new AliasTarget.RecordSet(wsTree(names, primary))).build());
        }
        return List.copyOf(records);
    }

    /** The failover pair behind the ws geolocation records that prefers {@code region}. */
    public static String wsTree(PublicHostnames names, String region) {
        return PublicHostnames.WS + "-" + region + "." + names.domain();
    }

    private static List<RecordSpec> failoverPair(String role, String name, String type, String first, String second) {
        return List.of(
                RecordSpec.builder().role(role + "-" + first).name(name).type(type).routing(Routing.Failover.primary(first))
                        .target(new AliasTarget.LoadBalancer(first)).healthCheckRegion(first).build(),
                RecordSpec.builder().role(role + "-" + second).name(name).type(type).routing(Routing.Failover.secondary(second))
                        .target(new AliasTarget.LoadBalancer(second)).healthCheckRegion(second).build());
    }
}
