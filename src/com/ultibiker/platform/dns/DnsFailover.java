package com.ultibiker.platform.dns;

import com.pulumi.aws.route53.HealthCheck;
import com.pulumi.aws.route53.HealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.RecordFailoverRoutingPolicyArgs;
import com.pulumi.aws.route53.inputs.RecordGeolocationRoutingPolicyArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.dns.RecordSpec.AliasTarget;
import com.ultibiker.platform.dns.RecordSpec.Routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DNS failover between the regions' public load balancers: an HTTPS health check per region (port
 * 443, the configured path, interval and failure threshold), the {@code api} and {@code ws} records
 * that {@link RoutingPlan} decides, and an alarm per health check through {@link HealthCheckAlarms}.
 *
 * <p>Failover needs no API call: Route53's data plane answers from health-check results, so it keeps
 * working when the primary region (and the us-east-1 Route53 control plane) is down. Route53 is
 * global; its resources go through the primary region's provider only because every resource needs one.
 */
public final class DnsFailover extends ComponentResource {

    public static final String TYPE = "ultibiker:dns:DnsFailover";
    public static final int HEALTH_CHECK_PORT = 443;

    private final Map<String, Output<String>> healthCheckIds = new LinkedHashMap<>();
    private final List<RecordSpec> records;

    public DnsFailover(String name, DnsFailoverArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var control = args.controlRegion();
        var tagging = args.tagging();
        Map<String, LoadBalancerTarget> targets = new LinkedHashMap<>();
        args.targets().forEach(t -> targets.put(t.regionName(), t));

        for (LoadBalancerTarget target : args.targets()) {
            String hcName = Naming.child(name, "hc-" + target.regionName());
            var check = new HealthCheck(hcName, HealthCheckArgs.builder()
                    .type("HTTPS")
                    .fqdn(target.dnsName())
                    .port(HEALTH_CHECK_PORT)
                    .resourcePath(args.healthCheckPath())
                    .requestInterval(args.intervalSeconds())
                    .failureThreshold(args.failureThreshold())
                    .enableSni(true)
                    .measureLatency(true)
                    .tags(tagging.tags(hcName, Map.of("Region", target.regionName())))
                    .build(), control.child(this));
            healthCheckIds.put(target.regionName(), check.id());
            args.alarms().ifPresent(a -> a.alarmOnHealthCheck(hcName, target.regionName(), check.id()));
        }

        this.records = RoutingPlan.plan(args.hostnames(), args.regions(), args.wsContinents());
        // Route53 refuses an alias to a record set of the zone that does not exist yet ("Tried to create an
        // alias that targets ..., but that target was not found"): records aliasing a load balancer first,
        // then those aliasing a record set, each depending on every record that creates its target name.
        Map<String, List<Record>> byName = new LinkedHashMap<>();
        for (RecordSpec spec : records) {
            if (spec.target() instanceof AliasTarget.LoadBalancer) {
                byName.computeIfAbsent(spec.name(), n -> new ArrayList<>()).add(record(name, spec, targets, args, List.of()));
            }
        }
        for (RecordSpec spec : records) {
            if (spec.target() instanceof AliasTarget.RecordSet set) {
                List<Record> targetRecords = byName.getOrDefault(set.name(), List.of());
                if (targetRecords.isEmpty()) {
                    throw new IllegalStateException(spec.role() + " aliases " + set.name() + ", which no record of the plan creates");
                }
                byName.computeIfAbsent(spec.name(), n -> new ArrayList<>()).add(record(name, spec, targets, args, targetRecords));
            }
        }

        registerOutputs(Map.of(
                "healthCheckIds", Output.all(List.copyOf(healthCheckIds.values())),
                "apiName", Output.of(args.hostnames().api()),
                "wsName", Output.of(args.hostnames().ws())));
    }

    private Record record(String name, RecordSpec spec, Map<String, LoadBalancerTarget> targets, DnsFailoverArgs args,
                          List<Record> aliasTargets) {
        var alias = RecordAliasArgs.builder().evaluateTargetHealth(true);
        if (spec.target() instanceof AliasTarget.LoadBalancer lb) {
            alias.name(targets.get(lb.region()).dnsName()).zoneId(targets.get(lb.region()).canonicalZoneId());
        } else if (spec.target() instanceof AliasTarget.RecordSet set) {
            alias.name(set.name()).zoneId(args.zoneId());
        }
        var record = RecordArgs.builder()
                .zoneId(args.zoneId())
                .name(spec.name())
                .type(Either.ofRight(RecordType.valueOf(spec.type())))
                .aliases(alias.build());
        if (spec.routing() instanceof Routing.Failover failover) {
            record.setIdentifier(failover.setIdentifier())
                    .failoverRoutingPolicies(RecordFailoverRoutingPolicyArgs.builder().type(failover.failoverType()).build());
        } else if (spec.routing() instanceof Routing.Geolocation geo) {
            record.setIdentifier(geo.setIdentifier())
                    .geolocationRoutingPolicies(RoutingPlan.DEFAULT_LOCATION.equals(geo.continent())
                            ? RecordGeolocationRoutingPolicyArgs.builder().country(RoutingPlan.DEFAULT_LOCATION).build()
                            : RecordGeolocationRoutingPolicyArgs.builder().continent(geo.continent()).build());
        }
        spec.healthCheckRegion().ifPresent(region -> record.healthCheckId(healthCheckIds.get(region)));
        var control = args.controlRegion();
        return new Record(Naming.child(name, spec.role()), record.build(),
                control.childOf(this).dependsOn(List.<Resource>copyOf(aliasTargets)).build());
    }

    /** Route53 health check id per region. */
    public Map<String, Output<String>> healthCheckIds() {
        return Map.copyOf(healthCheckIds);
    }

    /** The record sets this component created. */
    public List<RecordSpec> records() {
        return records;
    }
}
