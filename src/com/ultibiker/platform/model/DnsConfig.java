package com.ultibiker.platform.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * @param hostedZoneId   an existing Route53 zone to use; absent: the zone is created
 * @param wsContinents   geolocation of the {@code ws} records: continent code to the region that serves it
 *                       first; default {@code NA -> primary, EU -> secondary} (multi-region stacks only);
 *                       every other location gets the primary region
 * @param parentZoneId   a zone of the parent domain in this account that the stack writes the delegation
 *                       (NS record) into; default none
 * @param delegation     how the zone is delegated; required when the zone is created without a parent zone,
 *                       {@code parentZone} with one, {@code external} for an existing zone
 * @param subdomainDelegations child domain to its name servers: NS records in this zone for zones other
 *                       stacks (other accounts) own, e.g. dev's zone in prod's; default none
 */
public record DnsConfig(
        String domain,
        Optional<String> hostedZoneId,
        int ttlSeconds,
        String healthCheckPath,
        int healthCheckIntervalSeconds,
        int healthCheckFailureThreshold,
        int rtoTargetSeconds,
        int rpoTargetSeconds,
        Map<String, String> wsContinents,
        Optional<String> parentZoneId,
        ZoneDelegation delegation,
        Map<String, List<String>> subdomainDelegations) {

    /**
     * TTL of an alias record to a load balancer: Route53 answers alias records with the TTL of the
     * target, 60 s for Elastic Load Balancing, whatever {@code ttlSeconds} says.
     */
    public static final int LOAD_BALANCER_ALIAS_TTL_SECONDS = 60;

    public DnsConfig {
        wsContinents = Map.copyOf(wsContinents);
        subdomainDelegations = Map.copyOf(subdomainDelegations);
    }

    /** Route53 declares an endpoint unhealthy after this many seconds of failed checks. */
    public int detectionSeconds() {
        return healthCheckIntervalSeconds * healthCheckFailureThreshold;
    }

    /** How long resolvers may keep answering with the failed region: the larger of ttlSeconds and the alias TTL. */
    public int cachedAnswerSeconds() {
        return Math.max(ttlSeconds, LOAD_BALANCER_ALIAS_TTL_SECONDS);
    }

    /** Worst-case time for Route53 to stop answering with an unhealthy region, plus cached answers. */
    public int failoverSeconds() {
        return detectionSeconds() + cachedAnswerSeconds();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DnsConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String domain;
        private Optional<String> hostedZoneId = Optional.empty();
        private Integer ttlSeconds;
        private String healthCheckPath;
        private Integer healthCheckIntervalSeconds;
        private Integer healthCheckFailureThreshold;
        private Integer rtoTargetSeconds;
        private Integer rpoTargetSeconds;
        private Map<String, String> wsContinents;
        private Optional<String> parentZoneId = Optional.empty();
        private ZoneDelegation delegation;
        private Map<String, List<String>> subdomainDelegations;

        private Builder() {
        }

        public Builder domain(String value) { this.domain = value; return this; }
        public Builder hostedZoneId(Optional<String> value) { this.hostedZoneId = value; return this; }
        public Builder hostedZoneId(String value) { this.hostedZoneId = Optional.of(value); return this; }
        public Builder ttlSeconds(int value) { this.ttlSeconds = value; return this; }
        public Builder healthCheckPath(String value) { this.healthCheckPath = value; return this; }
        public Builder healthCheckIntervalSeconds(int value) { this.healthCheckIntervalSeconds = value; return this; }
        public Builder healthCheckFailureThreshold(int value) { this.healthCheckFailureThreshold = value; return this; }
        public Builder rtoTargetSeconds(int value) { this.rtoTargetSeconds = value; return this; }
        public Builder rpoTargetSeconds(int value) { this.rpoTargetSeconds = value; return this; }
        public Builder wsContinents(Map<String, String> value) { this.wsContinents = value; return this; }
        public Builder parentZoneId(Optional<String> value) { this.parentZoneId = value; return this; }
        public Builder parentZoneId(String value) { this.parentZoneId = Optional.of(value); return this; }
        public Builder delegation(ZoneDelegation value) { this.delegation = value; return this; }
        public Builder subdomainDelegations(Map<String, List<String>> value) { this.subdomainDelegations = value; return this; }

        public DnsConfig build() {
            return new DnsConfig(
                    Required.of(domain, "DnsConfig.domain"),
                    hostedZoneId,
                    Required.of(ttlSeconds, "DnsConfig.ttlSeconds"),
                    Required.of(healthCheckPath, "DnsConfig.healthCheckPath"),
                    Required.of(healthCheckIntervalSeconds, "DnsConfig.healthCheckIntervalSeconds"),
                    Required.of(healthCheckFailureThreshold, "DnsConfig.healthCheckFailureThreshold"),
                    Required.of(rtoTargetSeconds, "DnsConfig.rtoTargetSeconds"),
                    Required.of(rpoTargetSeconds, "DnsConfig.rpoTargetSeconds"),
                    Required.of(wsContinents, "DnsConfig.wsContinents"),
                    parentZoneId,
                    Required.of(delegation, "DnsConfig.delegation"),
                    Required.of(subdomainDelegations, "DnsConfig.subdomainDelegations"));
        }
    }
}
