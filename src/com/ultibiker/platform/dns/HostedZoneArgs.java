package com.ultibiker.platform.dns;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link HostedZone}.
 *
 * @param domain               the zone's domain, e.g. {@code ultibiker.example.com}
 * @param existingZoneId       an existing public zone to use instead of creating one; default none (created)
 * @param parentZoneId         a zone of the parent domain (same account) to write the created zone's NS record
 *                             into; default none (delegated outside this stack)
 * @param subdomainDelegations child domain to its name servers, NS records in this zone for zones owned by
 *                             other stacks or accounts; default none
 * @param controlRegion        provider the (global) zone is created through
 */
public record HostedZoneArgs(String domain, Optional<String> existingZoneId, Optional<String> parentZoneId,
                             Map<String, List<String>> subdomainDelegations, AwsRegion controlRegion,
                             Tagging tagging, StatefulProtection protection) {

    public HostedZoneArgs {
        subdomainDelegations = Map.copyOf(subdomainDelegations);
        if (existingZoneId.isPresent() && parentZoneId.isPresent()) {
            throw new IllegalArgumentException("parentZoneId: only for a zone this component creates");
        }
    }
}
