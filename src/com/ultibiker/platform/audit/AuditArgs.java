package com.ultibiker.platform.audit;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.AuditConfig;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Audit}; built with {@link #builder()}.
 *
 * @param physicalPrefix   prefix of physical names, e.g. {@code ultibiker-prod}: the trail {@code <prefix>-trail}, its
 *                         bucket {@code <prefix>-cloudtrail-<account>}, the delivery role {@code <prefix>-cloudtrail-delivery},
 *                         the findings rules {@code <prefix>-guardduty-findings}
 * @param regions          every region of the stack, primary first: the trail (multi-region) lives in the primary,
 *                         GuardDuty and Security Hub in each
 * @param alertTopicArns   the alert topic of every region in {@code regions}: the trail's alarms notify the primary's,
 *                         each region's GuardDuty findings its own
 * @param settings         which pieces the stack runs and how (validated stack config)
 * @param logRetentionDays retention of the trail's CloudWatch log group (the stack's {@code logRetentionDays})
 */
public record AuditArgs(
        String physicalPrefix,
        Map<String, AwsRegion> regions,
        Map<String, Output<String>> alertTopicArns,
        AuditConfig settings,
        int logRetentionDays,
        Tagging tagging,
        StatefulProtection protection) {

    /** CreateTrail Name: 3-128 of letters, digits, periods, underscores and dashes, starting with a letter or digit. */
    static final Pattern TRAIL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,127}");
    /** S3 bucket names: 3-63 lowercase letters, digits, dots and hyphens; the account id adds 13 characters. */
    static final int MAX_BUCKET_PREFIX = 63 - 13;

    public AuditArgs {
        regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
        alertTopicArns = Map.copyOf(alertTopicArns);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("AuditArgs.regions: at least the primary region");
        }
        for (String region : regions.keySet()) {
            if (!alertTopicArns.containsKey(region)) {
                throw new IllegalArgumentException("AuditArgs.alertTopicArns: no alert topic for region " + region
                        + "; regions " + regions.keySet());
            }
        }
        if (!TRAIL_NAME.matcher(trailName(physicalPrefix)).matches()) {
            throw new IllegalArgumentException("AuditArgs: trail name " + trailName(physicalPrefix)
                    + ": expected 3-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (bucketPrefix(physicalPrefix).length() > MAX_BUCKET_PREFIX) {
            throw new IllegalArgumentException("AuditArgs: bucket name " + bucketPrefix(physicalPrefix)
                    + "-<account> would exceed S3's 63 characters");
        }
    }

    /** The trail's name, e.g. {@code ultibiker-prod-trail}. */
    public static String trailName(String physicalPrefix) {
        return physicalPrefix + "-trail";
    }

    static String bucketPrefix(String physicalPrefix) {
        return physicalPrefix + "-cloudtrail";
    }

    /** The trail bucket's name: bucket names are global, so the account is part of it. */
    public static String bucketName(String physicalPrefix, String accountId) {
        return bucketPrefix(physicalPrefix) + "-" + accountId;
    }

    static String deliveryRoleName(String physicalPrefix) {
        return physicalPrefix + "-cloudtrail-delivery";
    }

    /** The primary region: the trail's home region. */
    public AwsRegion primary() {
        return regions.values().iterator().next();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AuditArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String physicalPrefix;
        private final Map<String, AwsRegion> regions = new LinkedHashMap<>();
        private final Map<String, Output<String>> alertTopicArns = new LinkedHashMap<>();
        private AuditConfig settings;
        private Integer logRetentionDays;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder physicalPrefix(String value) { this.physicalPrefix = value; return this; }

        /** A region of the stack and its alert topic; the first one added is the primary. */
        public Builder region(AwsRegion region, Output<String> alertTopicArn) {
            this.regions.put(region.name(), region);
            this.alertTopicArns.put(region.name(), alertTopicArn);
            return this;
        }

        public Builder settings(AuditConfig value) { this.settings = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public AuditArgs build() {
            return new AuditArgs(Required.of(physicalPrefix, "AuditArgs.physicalPrefix"), regions, alertTopicArns,
                    Required.of(settings, "AuditArgs.settings"), Required.of(logRetentionDays, "AuditArgs.logRetentionDays"),
                    Required.of(tagging, "AuditArgs.tagging"), Required.of(protection, "AuditArgs.protection"));
        }
    }
}
