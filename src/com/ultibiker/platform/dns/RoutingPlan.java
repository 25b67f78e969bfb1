package com.ultibiker.platform.dns;

import com.ultibiker.platform.dns.RecordSpec.AliasTarget;
import com.ultibiker.platform.dns.RecordSpec.Routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
    public static final String DEFAULT_LOCATION = "*";

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
                records.add(new RecordSpec("api-" + t, names.api(), type, new Routing.Simple(),
                        new AliasTarget.LoadBalancer(primary), Optional.empty()));
                records.add(new RecordSpec("ws-" + t, names.ws(), type, new Routing.Simple(),
                        new AliasTarget.LoadBalancer(primary), Optional.empty()));
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
                records.add(new RecordSpec("ws-" + t + "-" + continent.toLowerCase(Locale.ROOT), names.ws(), type,
                        new Routing.Geolocation(continent, continent),
                        new AliasTarget.RecordSet(wsTree(names, entry.getValue())), Optional.empty()));
            }
            records.add(new RecordSpec("ws-" + t + "-default", names.ws(), type,
                    new Routing.Geolocation(DEFAULT_LOCATION, "default"),
                    new AliasTarget.RecordSet(wsTree(names, primary)), Optional.empty()));
        }
        return List.copyOf(records);
    }

    /** The failover pair behind the ws geolocation records that prefers {@code region}. */
    public static String wsTree(PublicHostnames names, String region) {
        return PublicHostnames.WS + "-" + region + "." + names.domain();
    }

    private static List<RecordSpec> failoverPair(String role, String name, String type, String first, String second) {
        return List.of(
                new RecordSpec(role + "-" + first, name, type, new Routing.Failover("PRIMARY", first),
                        new AliasTarget.LoadBalancer(first), Optional.of(first)),
                new RecordSpec(role + "-" + second, name, type, new Routing.Failover("SECONDARY", second),
                        new AliasTarget.LoadBalancer(second), Optional.of(second)));
    }
}
