package com.ultibiker.platform.edge;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.model.WafConfig;
import com.ultibiker.platform.tagging.Tagging;

/**
 * Inputs of {@link WebAcl}. Build with {@link #builder()}; {@code build()} names a required field left unset.
 *
 * @param region           region and provider everything is created through (a REGIONAL web ACL protects
 *                         resources of its own region only; a CLOUDFRONT one must be us-east-1)
 * @param physicalPrefix   prefix of physical names, e.g. {@code ultibiker-prod}
 * @param scope            {@code REGIONAL} (default) or {@code CLOUDFRONT}
 * @param loadBalancerArn  REGIONAL: the internet-facing Application Load Balancer the web ACL is associated with;
 *                         CLOUDFRONT: none (the distribution names the web ACL)
 * @param alertTopicArn    SNS topic of the same region the blocked-requests alarm notifies
 * @param settings         rule group actions, the rate rule and the alarm threshold ({@code edge.waf})
 * @param logRetentionDays retention of the traffic log group (the stack's {@code logRetentionDays})
 */
public record WebAclArgs(
        AwsRegion region,
        String physicalPrefix,
        WafScope scope,
        java.util.Optional<Output<String>> loadBalancerArn,
        Output<String> alertTopicArn,
        WafConfig settings,
        int logRetentionDays,
        Tagging tagging,
        StatefulProtection protection) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link WebAclArgs} by name. */
    public static final class Builder {
        private AwsRegion region;
        private String physicalPrefix;
        private WafScope scope = WafScope.REGIONAL;
        private Output<String> loadBalancerArn;
        private Output<String> alertTopicArn;
        private WafConfig settings;
        private Integer logRetentionDays;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder physicalPrefix(String value) { this.physicalPrefix = value; return this; }
        public Builder scope(WafScope value) { this.scope = value; return this; }
        public Builder loadBalancerArn(Output<String> value) { this.loadBalancerArn = value; return this; }
        public Builder alertTopicArn(Output<String> value) { this.alertTopicArn = value; return this; }
        public Builder settings(WafConfig value) { this.settings = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public WebAclArgs build() {
            Required.of(region, "WebAclArgs.region");
            Required.of(physicalPrefix, "WebAclArgs.physicalPrefix");
            if (scope == WafScope.REGIONAL) {
                Required.of(loadBalancerArn, "WebAclArgs.loadBalancerArn");
            } else if (loadBalancerArn != null) {
                throw new IllegalStateException("WebAclArgs.loadBalancerArn: a CLOUDFRONT web ACL is named by the distribution, not associated");
            }
            if (scope == WafScope.CLOUDFRONT && !WafScope.CLOUDFRONT_REGION.equals(region.name())) {
                throw new IllegalStateException("WebAclArgs.region: a CLOUDFRONT web ACL is created through "
                        + WafScope.CLOUDFRONT_REGION + ", not " + region.name());
            }
            return new WebAclArgs(
                    region,
                    physicalPrefix,
                    scope,
                    java.util.Optional.ofNullable(loadBalancerArn),
                    Required.of(alertTopicArn, "WebAclArgs.alertTopicArn"),
                    Required.of(settings, "WebAclArgs.settings"),
                    Required.of(logRetentionDays, "WebAclArgs.logRetentionDays"),
                    Required.of(tagging, "WebAclArgs.tagging"),
                    Required.of(protection, "WebAclArgs.protection"));
        }
    }
}
