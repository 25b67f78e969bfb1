package com.ultibiker.platform.edge;

/**
 * Where a web ACL applies (WAFv2 API reference, CreateWebACL Scope): {@code REGIONAL} for a region's load
 * balancers, {@code CLOUDFRONT} for distributions. A CLOUDFRONT web ACL must be created through us-east-1
 * ("To work with CloudFront, you must also specify the Region US East (N. Virginia)"), is referenced by the
 * distribution's {@code webAclId} (its ARN) rather than associated, and publishes its metrics in us-east-1
 * without a {@code Region} dimension (WAF Developer Guide, "AWS WAF metrics and dimensions": Region is
 * required for every protected resource type except CloudFront distributions).
 */
public enum WafScope {
    REGIONAL,
    CLOUDFRONT;

    /** The region a CLOUDFRONT web ACL, its logs and its metrics live in. */
    public static final String CLOUDFRONT_REGION = "us-east-1";
}
