package com.ultibiker.platform.dns;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Optional;

/**
 * Inputs of {@link HostedZone}.
 *
 * @param domain         the zone's domain, e.g. {@code ultibiker.example.com}
 * @param existingZoneId an existing public zone to use instead of creating one; default none (created)
 * @param controlRegion  provider the (global) zone is created through
 */
public record HostedZoneArgs(String domain, Optional<String> existingZoneId, AwsRegion controlRegion,
                             Tagging tagging, StatefulProtection protection) {
}
