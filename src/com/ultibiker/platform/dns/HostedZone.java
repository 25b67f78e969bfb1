package com.ultibiker.platform.dns;

import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.common.Naming;

import java.util.List;
import java.util.Map;

/**
 * The public Route53 hosted zone of the stack's domain: created (protected in production: deleting a
 * zone loses its delegation), or an existing zone used by id. It is its own component, created before
 * the regions' entry points, because their certificates are validated in it before {@link DnsFailover}
 * can alias their load balancers.
 */
public final class HostedZone extends ComponentResource {

    public static final String TYPE = "ultibiker:dns:HostedZone";

    private final Output<String> zoneId;
    private final Output<List<String>> nameServers;

    public HostedZone(String name, HostedZoneArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        if (args.existingZoneId().isPresent()) {
            this.zoneId = Output.of(args.existingZoneId().get());
            this.nameServers = Output.of(List.of());
        } else {
            String zoneName = Naming.child(name, "zone");
            var zone = new Zone(zoneName, ZoneArgs.builder()
                    .name(args.domain())
                    .comment("Public zone of " + args.domain() + ", managed by Pulumi")
                    .forceDestroy(args.protection().forceDestroy())
                    .tags(args.tagging().tags(zoneName))
                    .build(), args.protection().options(args.controlRegion().childOf(this)).build());
            this.zoneId = zone.zoneId();
            this.nameServers = zone.nameServers();
        }
        registerOutputs(Map.of("zoneId", zoneId, "nameServers", nameServers));
    }

    public Output<String> zoneId() {
        return zoneId;
    }

    /** Name servers to delegate the domain to; empty when an existing zone is used. */
    public Output<List<String>> nameServers() {
        return nameServers;
    }
}
