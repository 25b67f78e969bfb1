package com.ultibiker.platform.dns;

import com.ultibiker.platform.model.Required;

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
 *
 * <p>Built by name ({@link #builder()}): role, name and type are three strings in a row.
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
            public static Failover primary(String setIdentifier) {
                return new Failover("PRIMARY", setIdentifier);
            }

            public static Failover secondary(String setIdentifier) {
                return new Failover("SECONDARY", setIdentifier);
            }
        }

        /** A continent code, or {@code *} for the default location. */
        record Geolocation(String continent, String setIdentifier) implements Routing {
            /** Route53's default location: the answer for clients no other geolocation record matches. */
            public static final String DEFAULT_LOCATION = "*";

            /** The record set of one continent, identified by its code. */
            public static Geolocation continent(String code) {
                return new Geolocation(code, code);
            }

            /** The record set for every location no continent record matches. */
            public static Geolocation defaultLocation() {
                return new Geolocation(DEFAULT_LOCATION, "default");
            }
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

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String role;
        private String name;
        private String type;
        private Routing routing;
        private AliasTarget target;
        private Optional<String> healthCheckRegion = Optional.empty();

        private Builder() {
        }

        public Builder role(String value) {
            this.role = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder routing(Routing value) {
            this.routing = value;
            return this;
        }

        public Builder target(AliasTarget value) {
            this.target = value;
            return this;
        }

        /** The region whose health check the record carries; unset for records that inherit their target's health. */
        public Builder healthCheckRegion(String value) {
            this.healthCheckRegion = Optional.of(value);
            return this;
        }

        public RecordSpec build() {
            return new RecordSpec(Required.of(role, "RecordSpec.role"), Required.of(name, "RecordSpec.name"),
                    Required.of(type, "RecordSpec.type"), Required.of(routing, "RecordSpec.routing"),
                    Required.of(target, "RecordSpec.target"), healthCheckRegion);
        }
    }
}
