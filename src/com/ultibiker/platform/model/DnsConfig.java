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
}
