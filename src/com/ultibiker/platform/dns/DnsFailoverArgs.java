package com.ultibiker.platform.dns;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link DnsFailover}. Build with {@link #builder()}.
 *
 * @param controlRegion   provider the global Route53 resources are created through (the primary region's)
 * @param zoneId          hosted zone of {@code hostnames.domain()}
 * @param hostnames       the public names ({@code api}, {@code ws})
 * @param targets         one load balancer per region, primary first (one or two)
 * @param wsContinents    continent code to region for the ws geolocation records; default empty
 *                        (everything goes to the primary)
 * @param healthCheckPath path probed over HTTPS on port 443; default {@code /health}
 * @param intervalSeconds health check request interval, 10 or 30; default 30
 * @param failureThreshold consecutive failures before unhealthy, 1-10; default 3
 * @param alarms          where to alarm on the health checks; default none (no alarm is created)
 */
public record DnsFailoverArgs(
        AwsRegion controlRegion,
        Output<String> zoneId,
        PublicHostnames hostnames,
        List<LoadBalancerTarget> targets,
        Map<String, String> wsContinents,
        String healthCheckPath,
        int intervalSeconds,
        int failureThreshold,
        Optional<HealthCheckAlarms> alarms,
        Tagging tagging) {

    public DnsFailoverArgs {
        targets = List.copyOf(targets);
        wsContinents = Map.copyOf(wsContinents);
        if (targets.isEmpty() || targets.size() > 2) {
            throw new IllegalArgumentException("targets: one load balancer per region, one or two regions; got " + targets.size());
        }
        if (intervalSeconds != 10 && intervalSeconds != 30) {
            throw new IllegalArgumentException("intervalSeconds: 10 or 30, got " + intervalSeconds);
        }
        if (failureThreshold < 1 || failureThreshold > 10) {
            throw new IllegalArgumentException("failureThreshold: 1 to 10, got " + failureThreshold);
        }
        List<String> regions = targets.stream().map(LoadBalancerTarget::regionName).toList();
        wsContinents.forEach((continent, region) -> {
            if (!regions.contains(region)) {
                throw new IllegalArgumentException("wsContinents." + continent + ": " + region + " is not one of " + regions);
            }
        });
    }

    public List<String> regions() {
        return targets.stream().map(LoadBalancerTarget::regionName).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DnsFailoverArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AwsRegion controlRegion;
        private Output<String> zoneId;
        private PublicHostnames hostnames;
        private final List<LoadBalancerTarget> targets = new ArrayList<>();
        private Map<String, String> wsContinents = Map.of();
        private String healthCheckPath = "/health";
        private int intervalSeconds = 30;
        private int failureThreshold = 3;
        private Optional<HealthCheckAlarms> alarms = Optional.empty();
        private Tagging tagging;

        private Builder() {
        }

        public Builder controlRegion(AwsRegion value) { this.controlRegion = value; return this; }
        public Builder zoneId(Output<String> value) { this.zoneId = value; return this; }
        public Builder hostnames(PublicHostnames value) { this.hostnames = value; return this; }
        /** Adds a region's load balancer; the first one added is the primary. */
        public Builder target(LoadBalancerTarget value) { this.targets.add(value); return this; }
        public Builder wsContinents(Map<String, String> value) { this.wsContinents = value; return this; }
        public Builder healthCheckPath(String value) { this.healthCheckPath = value; return this; }
        public Builder intervalSeconds(int value) { this.intervalSeconds = value; return this; }
        public Builder failureThreshold(int value) { this.failureThreshold = value; return this; }
        public Builder alarms(Optional<HealthCheckAlarms> value) { this.alarms = value; return this; }
        public Builder alarms(HealthCheckAlarms value) { this.alarms = Optional.of(value); return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }

        public DnsFailoverArgs build() {
            return new DnsFailoverArgs(
                    Required.of(controlRegion, "DnsFailoverArgs.controlRegion"),
                    Required.of(zoneId, "DnsFailoverArgs.zoneId"),
                    Required.of(hostnames, "DnsFailoverArgs.hostnames"),
                    targets,
                    wsContinents,
                    healthCheckPath,
                    intervalSeconds,
                    failureThreshold,
                    alarms,
                    Required.of(tagging, "DnsFailoverArgs.tagging"));
        }
    }
}
