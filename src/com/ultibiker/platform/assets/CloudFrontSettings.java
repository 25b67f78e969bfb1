package com.ultibiker.platform.assets;

import java.util.List;

/**
 * The fixed CloudFront values of the assets distribution and where each comes from (pure). They are literals,
 * never looked up: a managed policy id is the same in every account and never changes, so a second
 * {@code pulumi up} sends the same value and shows no diff.
 */
public final class CloudFrontSettings {

    /**
     * AWS managed cache policy {@code CachingOptimized}: no query strings or cookies in the cache key, gzip and
     * brotli normalised, TTLs 1 s / 1 day / 1 year (CloudFront Developer Guide, "Use managed cache policies",
     * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html).
     */
    public static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    /**
     * AWS managed response headers policy {@code SecurityHeadersPolicy}: HSTS, X-Content-Type-Options,
     * X-Frame-Options, Referrer-Policy, X-XSS-Protection (CloudFront Developer Guide, "Use managed response
     * headers policies",
     * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html).
     */
    public static final String SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03";
    /**
     * The hosted zone every CloudFront distribution's alias records name (Route53 API reference, AliasTarget
     * HostedZoneId: "Specify Z2FDTNDATAQYW2"); the provider returns it as {@code hostedZoneId}.
     */
    public static final String HOSTED_ZONE_ID = "Z2FDTNDATAQYW2";
    /**
     * Viewer TLS: TLS 1.2 and newer with the 2021 cipher set, SNI only (CloudFront API reference,
     * ViewerCertificate: MinimumProtocolVersion, SSLSupportMethod {@code sni-only}; {@code vip} costs a dedicated
     * IP per edge location and {@code static-ip} is by request only).
     */
    public static final String MINIMUM_PROTOCOL_VERSION = "TLSv1.2_2021";
    public static final String SSL_SUPPORT_METHOD = "sni-only";
    /** DistributionConfig.HttpVersion: HTTP/2 and HTTP/3 (QUIC) to viewers, HTTP/1.1 still accepted. */
    public static final String HTTP_VERSION = "http2and3";
    public static final String VIEWER_PROTOCOL_POLICY = "redirect-to-https";
    /**
     * What the behavior accepts and caches. CloudFront fails over to an origin group's second member only for
     * GET, HEAD and OPTIONS (CloudFront Developer Guide, "Request and response behavior for origin groups"), so a
     * behavior on the origin group allows nothing else; AllowedMethods takes only the sets GET+HEAD,
     * GET+HEAD+OPTIONS or all seven, CachedMethods GET+HEAD or GET+HEAD+OPTIONS (CloudFront API reference,
     * AllowedMethods, CachedMethods). OPTIONS answers browsers' CORS preflights; it is not cached.
     */
    public static final List<String> ALLOWED_METHODS = List.of("GET", "HEAD", "OPTIONS");
    public static final List<String> CACHED_METHODS = List.of("GET", "HEAD");
    /**
     * Responses of the primary bucket that send the request to the replica: 403 is what S3 answers for a
     * missing key when the reader may not list the bucket (OAC grants s3:GetObject only), 404 otherwise, and
     * the 5xx S3 returns while it is impaired. CloudFront accepts 400, 403, 404, 416, 500, 502, 503 and 504
     * (CloudFront Developer Guide, "Create an origin group").
     */
    public static final List<Integer> FAILOVER_STATUS_CODES = List.of(403, 404, 500, 502, 503, 504);
    /** Status codes CloudFront accepts in an origin group's failover criteria. */
    public static final List<Integer> ALLOWED_FAILOVER_STATUS_CODES = List.of(400, 403, 404, 416, 500, 502, 503, 504);
    /** OriginAccessControlConfig: sign every request to S3 with SigV4 (the only protocol), whatever the viewer sent. */
    public static final String OAC_ORIGIN_TYPE = "s3";
    public static final String OAC_SIGNING_BEHAVIOR = "always";
    public static final String OAC_SIGNING_PROTOCOL = "sigv4";
    /** The service principal OAC reads S3 as (CloudFront Developer Guide, "Restrict access to an Amazon S3 origin"). */
    public static final String SERVICE = "cloudfront.amazonaws.com";
    /** The region CloudFront takes ACM certificates from ("To use a certificate in ACM with CloudFront, make sure you request (or import) the certificate in the US East (N. Virginia) Region"). */
    public static final String CERTIFICATE_REGION = "us-east-1";
    /** Standard logging v2: the log type of a distribution's delivery source (CloudWatch Logs PutDeliverySource). */
    public static final String LOG_TYPE = "ACCESS_LOGS";
    /** Standard logging v2 to S3: one JSON record per request. */
    public static final String LOG_OUTPUT_FORMAT = "json";

    private CloudFrontSettings() {
    }
}
