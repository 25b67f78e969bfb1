package com.ultibiker.platform.assets;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.AssetsConfig;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.model.WafConfig;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link Assets}. Build with {@link #builder()}; {@code build()} names a required field left unset.
 *
 * @param primary             region of the assets bucket (the stack's primary region)
 * @param secondary           region of the replica bucket the origin group fails over to; none: no replica
 * @param edge                us-east-1: the certificate, the distribution, its web ACL and its log delivery
 *                            (CloudFront takes certificates and CLOUDFRONT web ACLs from there only)
 * @param hostname            the public name, {@code assets.<dns.domain>}
 * @param hostedZoneId        the zone the validation and alias records are written into
 * @param zoneDelegation      what must exist before ACM can validate (the zone's delegation record, if any)
 * @param awaitCertificate    false while the zone's delegation is pending: the certificate and its record are
 *                            created, nothing waits for validation, and there is no distribution yet
 * @param validationRecordTtl TTL of the validation record
 * @param physicalPrefix      prefix of physical names, e.g. {@code ultibiker-prod}
 * @param settings            the {@code assets} section
 * @param waf                 the rules of the web ACL ({@code edge.waf}), used when {@code assets.webAcl}
 * @param alertTopicArn       us-east-1 alert topic the web ACL's blocked-requests alarm notifies
 * @param logRetentionDays    retention of the web ACL's traffic log group (the stack's {@code logRetentionDays})
 */
public record AssetsArgs(
        AwsRegion primary,
        Optional<AwsRegion> secondary,
        AwsRegion edge,
        String hostname,
        Output<String> hostedZoneId,
        List<Resource> zoneDelegation,
        boolean awaitCertificate,
        int validationRecordTtl,
        String physicalPrefix,
        AssetsConfig settings,
        WafConfig waf,
        Output<String> alertTopicArn,
        int logRetentionDays,
        Tagging tagging,
        StatefulProtection protection) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AssetsArgs} by name. */
    public static final class Builder {
        private AwsRegion primary;
        private AwsRegion secondary;
        private AwsRegion edge;
        private String hostname;
        private Output<String> hostedZoneId;
        private List<Resource> zoneDelegation = List.of();
        private Boolean awaitCertificate;
        private Integer validationRecordTtl;
        private String physicalPrefix;
        private AssetsConfig settings;
        private WafConfig waf;
        private Output<String> alertTopicArn;
        private Integer logRetentionDays;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder primary(AwsRegion value) { this.primary = value; return this; }
        public Builder secondary(AwsRegion value) { this.secondary = value; return this; }
        public Builder edge(AwsRegion value) { this.edge = value; return this; }
        public Builder hostname(String value) { this.hostname = value; return this; }
        public Builder hostedZoneId(Output<String> value) { this.hostedZoneId = value; return this; }
        public Builder zoneDelegation(List<Resource> value) { this.zoneDelegation = value; return this; }
        public Builder awaitCertificate(boolean value) { this.awaitCertificate = value; return this; }
        public Builder validationRecordTtl(int value) { this.validationRecordTtl = value; return this; }
        public Builder physicalPrefix(String value) { this.physicalPrefix = value; return this; }
        public Builder settings(AssetsConfig value) { this.settings = value; return this; }
        public Builder waf(WafConfig value) { this.waf = value; return this; }
        public Builder alertTopicArn(Output<String> value) { this.alertTopicArn = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public AssetsArgs build() {
            AwsRegion edgeRegion = Required.of(edge, "AssetsArgs.edge");
            if (!CloudFrontSettings.CERTIFICATE_REGION.equals(edgeRegion.name())) {
                throw new IllegalStateException("AssetsArgs.edge: CloudFront takes certificates and web ACLs from "
                        + CloudFrontSettings.CERTIFICATE_REGION + " only, not " + edgeRegion.name());
            }
            return new AssetsArgs(
                    Required.of(primary, "AssetsArgs.primary"),
                    Optional.ofNullable(secondary),
                    edgeRegion,
                    Required.of(hostname, "AssetsArgs.hostname"),
                    Required.of(hostedZoneId, "AssetsArgs.hostedZoneId"),
                    List.copyOf(zoneDelegation),
                    Required.of(awaitCertificate, "AssetsArgs.awaitCertificate"),
                    Required.of(validationRecordTtl, "AssetsArgs.validationRecordTtl"),
                    Required.of(physicalPrefix, "AssetsArgs.physicalPrefix"),
                    Required.of(settings, "AssetsArgs.settings"),
                    Required.of(waf, "AssetsArgs.waf"),
                    Required.of(alertTopicArn, "AssetsArgs.alertTopicArn"),
                    Required.of(logRetentionDays, "AssetsArgs.logRetentionDays"),
                    Required.of(tagging, "AssetsArgs.tagging"),
                    Required.of(protection, "AssetsArgs.protection"));
        }
    }
}
