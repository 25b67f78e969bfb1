package com.ultibiker.platform.model;

/**
 * The {@code assets} section: static assets (maps, imagery) in S3, served only through CloudFront (see the
 * README's config reference). Build with {@link #builder()}; every field has the default documented here.
 *
 * @param enabled                     the assets bucket, its replica and the CloudFront distribution
 *                                    {@code assets.<dns.domain>}; default false
 * @param priceClass                  CloudFront price class; default {@code PriceClass_100} (North America
 *                                    and Europe, where the platform's regions and users are)
 * @param accessLogRetentionDays      days CloudFront access logs are kept; default 90
 * @param noncurrentVersionDays       days a replaced or deleted asset version is kept (the bucket is
 *                                    versioned); default 30
 * @param webAcl                      a CLOUDFRONT-scope WAF web ACL in front of the distribution, built from
 *                                    {@code edge.waf}; default true
 */
public record AssetsConfig(
        boolean enabled,
        PriceClass priceClass,
        int accessLogRetentionDays,
        int noncurrentVersionDays,
        boolean webAcl) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AssetsConfig} by name; every field has the default documented above. */
    public static final class Builder {
        private boolean enabled = false;
        private PriceClass priceClass = PriceClass.CLASS_100;
        private int accessLogRetentionDays = 90;
        private int noncurrentVersionDays = 30;
        private boolean webAcl = true;

        private Builder() {
        }

        public Builder enabled(boolean value) { this.enabled = value; return this; }
        public Builder priceClass(PriceClass value) { this.priceClass = value; return this; }
        public Builder accessLogRetentionDays(int value) { this.accessLogRetentionDays = value; return this; }
        public Builder noncurrentVersionDays(int value) { this.noncurrentVersionDays = value; return this; }
        public Builder webAcl(boolean value) { this.webAcl = value; return this; }

        public AssetsConfig build() {
            return new AssetsConfig(enabled, Required.of(priceClass, "AssetsConfig.priceClass"), accessLogRetentionDays,
                    noncurrentVersionDays, webAcl);
        }
    }
}
