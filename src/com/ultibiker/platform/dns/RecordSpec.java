package com.ultibiker.platform.dns;

import java.util.Optional;

/**
 * One Route53 record set that {@link DnsFailover} creates, as plain data ({@link RoutingPlan} decides
 * them; the component only turns them into resources). Every record is an alias: to a region's load
 * balancer, or to another record set of the zone (the failover trees under the ws geolocation records).
 *
 * @param role              stable part of the resource name, e.g. {@code api-a-us-east-1}
 * @param name              the DNS name, e.g. {@code api.ultibiker.example.com}
 * @param type              {@code A} or {@code AAAA}
 * @param healthCheckRegion the region whose health check the record carries; empty for records that
 *                          inherit health from their alias target ({@code evaluateTargetHealth})
 */
public record RecordSpec(String role, String name, String type, Routing routing, AliasTarget target,
                         Optional<String> healthCheckRegion) {

    /** How Route53 chooses among the record sets of one name and type. */
    public sealed interface Routing {
        /** The only record set of its name and type. */
        record Simple() implements Routing {
        }

        /** {@code PRIMARY} or {@code SECONDARY}; the secondary answers while the primary is unhealthy. */
        record Failover(String failoverType, String setIdentifier) implements Routing {
        }

        /** A continent code, or {@code *} for the default location. */
        record Geolocation(String continent, String setIdentifier) implements Routing {
        }
    }

    /** What an alias record points at. */
    public sealed interface AliasTarget {
        /** The public load balancer of a region. */
        record LoadBalancer(String region) implements AliasTarget {
        }

        /** Another record set of the same zone. */
        record RecordSet(String name) implements AliasTarget {
        }
    }
}
