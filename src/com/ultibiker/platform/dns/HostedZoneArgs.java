package com.ultibiker.platform.dns;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link HostedZone}. Build with {@link #builder()}.
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

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link HostedZoneArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String domain;
        private Optional<String> existingZoneId = Optional.empty();
        private Optional<String> parentZoneId = Optional.empty();
        private Map<String, List<String>> subdomainDelegations = Map.of();
        private AwsRegion controlRegion;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder domain(String value) { this.domain = value; return this; }
        public Builder existingZoneId(Optional<String> value) { this.existingZoneId = value; return this; }
        public Builder existingZoneId(String value) { this.existingZoneId = Optional.of(value); return this; }
        public Builder parentZoneId(Optional<String> value) { this.parentZoneId = value; return this; }
        public Builder parentZoneId(String value) { this.parentZoneId = Optional.of(value); return this; }
        public Builder subdomainDelegations(Map<String, List<String>> value) { this.subdomainDelegations = value; return this; }
        public Builder controlRegion(AwsRegion value) { this.controlRegion = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public HostedZoneArgs build() {
            return new HostedZoneArgs(
                    Required.of(domain, "HostedZoneArgs.domain"),
                    existingZoneId,
                    parentZoneId,
                    subdomainDelegations,
                    Required.of(controlRegion, "HostedZoneArgs.controlRegion"),
                    Required.of(tagging, "HostedZoneArgs.tagging"),
                    Required.of(protection, "HostedZoneArgs.protection"));
        }
    }
}
