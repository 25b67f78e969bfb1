package com.ultibiker.platform.config;

import java.util.Optional;

/**
 * @param hostedZoneId an existing Route53 zone to use; absent: the zone is created
 */
public record DnsConfig(
        String domain,
        Optional<String> hostedZoneId,
        int ttlSeconds,
        String healthCheckPath,
        int healthCheckIntervalSeconds,
        int healthCheckFailureThreshold,
        int rtoTargetSeconds,
        int rpoTargetSeconds) {

    /** Worst-case time for Route53 to stop answering with an unhealthy region, plus cached answers. */
    public int failoverSeconds() {
        return healthCheckIntervalSeconds * healthCheckFailureThreshold + ttlSeconds;
    }
}
