package com.ultibiker.platform.model;

/**
 * How the public zone the stack creates is delegated to, which decides whether the first {@code pulumi up}
 * can validate certificates. ACM validates a certificate by resolving its CNAMEs through the public DNS;
 * a zone nothing delegates to never answers, and the validation waits its full timeout (75 minutes by
 * default, terraform-provider-aws {@code internal/service/acm/certificate_validation.go}) and fails.
 */
public enum ZoneDelegation implements ConfigEnum {
    /** The stack writes the NS record into {@code dns.parentZoneId} (same account) before requesting certificates. */
    PARENT_ZONE("parentZone"),
    /**
     * The delegation is in place outside this stack: at the registrar, or in a parent zone of another account
     * (whose stack lists this zone's name servers under {@code dns.subdomainDelegations}).
     */
    EXTERNAL("external"),
    /**
     * First deploy while the delegation is not in place yet: the zone, the certificates and their validation
     * records are created, but nothing waits for validation and no HTTPS listener is created. Delegate the
     * domain to the {@code nameServers} output, set {@code external} and run {@code pulumi up} again.
     */
    PENDING("pending");

    private final String configName;

    ZoneDelegation(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** Whether the certificates are awaited (validated) and the HTTPS listeners created. */
    public boolean awaitsCertificates() {
        return this != PENDING;
    }
}
