package com.ultibiker.platform.dns;

import com.pulumi.core.Output;

/**
 * Where {@link DnsFailover} sends its health checks to be alarmed on: the alert topic of
 * Observability. Route53 publishes health-check metrics in us-east-1 only, so the alarms live there.
 */
@FunctionalInterface
public interface HealthCheckAlarms {

    /**
     * @param name          resource name for the alarm, e.g. {@code dns-hc-us-east-1}
     * @param region        the region whose entry point the health check probes
     * @param healthCheckId the Route53 health check id
     */
    void alarmOnHealthCheck(String name, String region, Output<String> healthCheckId);
}
