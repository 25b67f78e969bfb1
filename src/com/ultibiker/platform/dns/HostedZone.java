package com.ultibiker.platform.dns;

import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.Naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public Route53 hosted zone of the stack's domain: created (protected in production: deleting a
 * zone loses its delegation), or an existing zone used by id. It is its own component, created before
 * the regions' entry points, because their certificates are validated in it before {@link DnsFailover}
 * can alias their load balancers.
 *
 * <p>Delegation: with a parent zone (same account) the component writes the zone's NS record there, and
 * {@link #delegation()} is what certificates must wait for (ACM resolves the validation records through
 * the public DNS; before the delegation exists it gets NXDOMAIN, which resolvers cache). With
 * subdomain delegations it writes NS records for child zones that other stacks own, e.g. prod's zone
 * delegating {@code dev.<domain>} to the dev account's zone.
 */
public final class HostedZone extends ComponentResource {

    public static final String TYPE = "ultibiker:dns:HostedZone";
    /**
     * TTL of the delegation NS records: long enough that resolvers do not ask the parent on every lookup,
     * short enough that a wrong delegation is corrected within the hour.
     */
    public static final int DELEGATION_TTL_SECONDS = 3600;

    private final Output<String> zoneId;
    private final Output<List<String>> nameServers;
    private final List<Resource> delegation = new ArrayList<>();

    public HostedZone(String name, HostedZoneArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var control = args.controlRegion();
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
                    .build(), args.protection().options(control.childOf(this)).build());
            this.zoneId = zone.zoneId();
            this.nameServers = zone.nameServers();
            args.parentZoneId().ifPresent(parent -> delegation.add(new Record(Naming.child(name, "delegation"), RecordArgs.builder()
                    .zoneId(parent)
                    .name(args.domain())
                    .type(Either.ofRight(RecordType.NS))
                    .ttl(DELEGATION_TTL_SECONDS)
                    .records(zone.nameServers())
                    .build(), control.child(this))));
        }
        new TreeMap<>(args.subdomainDelegations()).forEach((child, servers) ->
                new Record(Naming.child(name, "delegation-" + Naming.subdomainSlug(child, args.domain())), RecordArgs.builder()
                        .zoneId(zoneId)
                        .name(child)
                        .type(Either.ofRight(RecordType.NS))
                        .ttl(DELEGATION_TTL_SECONDS)
                        .records(servers)
                        .build(), control.child(this)));
        registerOutputs(Map.of("zoneId", zoneId, "nameServers", nameServers));
    }

    public Output<String> zoneId() {
        return zoneId;
    }

    /** Name servers to delegate the domain to; empty when an existing zone is used. */
    public Output<List<String>> nameServers() {
        return nameServers;
    }

    /** The NS record this component writes into the parent zone, if any: certificates wait for it. */
    public List<Resource> delegation() {
        return List.copyOf(delegation);
    }
}
