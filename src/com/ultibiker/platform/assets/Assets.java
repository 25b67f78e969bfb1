package com.ultibiker.platform.assets;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupFailoverCriteriaArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginGroupMemberArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.cloudwatch.LogDelivery;
import com.pulumi.aws.cloudwatch.LogDeliveryArgs;
import com.pulumi.aws.cloudwatch.LogDeliveryDestination;
import com.pulumi.aws.cloudwatch.LogDeliveryDestinationArgs;
import com.pulumi.aws.cloudwatch.LogDeliverySource;
import com.pulumi.aws.cloudwatch.LogDeliverySourceArgs;
import com.pulumi.aws.cloudwatch.inputs.LogDeliveryDestinationDeliveryDestinationConfigurationArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.aws.kms.Key;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.CertificateValidationRecords;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.ProviderAttributes;
import com.ultibiker.platform.common.SecureBucket;
import com.ultibiker.platform.common.SecureBucketArgs;
import com.ultibiker.platform.edge.WafScope;
import com.ultibiker.platform.edge.WebAcl;
import com.ultibiker.platform.edge.WebAclArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Static assets (maps, imagery) served only through CloudFront, surviving the loss of the primary region's S3.
 *
 * <ul>
 *   <li>A versioned, encrypted, private assets bucket in the primary region, replicated to a replica bucket in the
 *   secondary region; neither has a public path: each bucket policy admits {@code cloudfront.amazonaws.com} for
 *   this distribution only (origin access control, SigV4 on every request) and refuses plain HTTP.</li>
 *   <li>The distribution {@code assets.<domain>}: an origin group that tries the primary bucket and fails over to
 *   the replica ({@link CloudFrontSettings#FAILOVER_STATUS_CODES}), the managed CachingOptimized and
 *   SecurityHeadersPolicy policies, HTTPS only (HTTP redirected), TLS 1.2+ ({@code TLSv1.2_2021}, SNI), HTTP/2 and
 *   HTTP/3, IPv6, the configured price class, and a CLOUDFRONT web ACL built from {@code edge.waf} when
 *   {@code assets.webAcl}.</li>
 *   <li>Its ACM certificate in us-east-1 (the only region CloudFront takes certificates from), DNS-validated in the
 *   zone; the distribution names the validated certificate ({@code CertificateValidation}), so it is created only
 *   once ACM has issued it. While the zone's delegation is pending there is no distribution yet.</li>
 *   <li>{@code A}/{@code AAAA} alias records of {@code assets.<domain>}, after the distribution.</li>
 *   <li>Standard access logs (v2, CloudWatch Logs vended delivery) to a log bucket in us-east-1 whose objects
 *   expire after {@code assets.accessLogRetentionDays}. v2 writes through a bucket policy, so the log bucket keeps
 *   ACLs disabled; v1 would need ACLs enabled for CloudFront's {@code awslogsdelivery} grant (CloudFront
 *   Developer Guide, "Configure standard logging (legacy)").</li>
 * </ul>
 */
public final class Assets extends ComponentResource {

    public static final String TYPE = "ultibiker:assets:Assets";
    /** The first label of the public name. */
    public static final String LABEL = "assets";
    /** Origin ids inside the distribution (DistributionConfig: unique per distribution). */
    static final String PRIMARY_ORIGIN = "primary";
    static final String REPLICA_ORIGIN = "replica";
    static final String ORIGIN_GROUP = "failover";

    private final Output<String> bucketName;
    private final Optional<Output<String>> replicaBucketName;
    private final Output<String> logBucketName;
    private final Optional<Output<String>> distributionId;
    private final Optional<Output<String>> distributionDomainName;
    private final Optional<Output<String>> webAclArn;

    public Assets(String name, AssetsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var settings = args.settings();
        var edge = args.edge();
        var tagging = args.tagging();

        // The distribution's ARN, given right after the distribution is registered (none while the delegation is
        // pending). The bucket and key policies name it, so they depend on the distribution; the distribution needs
        // only the buckets' domain names, so there is no cycle. Filled in this same construction pass, always.
        CompletableFuture<Output<Optional<String>>> distributionSlot = new CompletableFuture<>();
        Output<Optional<String>> distributionArn = Output.of(distributionSlot).apply(arn -> arn);

        var key = assetsKey(Naming.child(name, "key"), args.primary(), args, distributionArn);
        var bucketArgs = SecureBucketArgs.builder()
                .name(Naming.child(name, "bucket"))
                .parent(this)
                .region(args.primary())
                .tagging(tagging)
                .protection(args.protection())
                .role(LABEL)
                .tags(Map.of("Purpose", "static-assets"))
                .kmsKey(key.arn())
                .versioned(true)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder()
                        .id("expire-old-versions")
                        .noncurrentExpirationDays(settings.noncurrentVersionDays())
                        .abortMultipartDays(1)
                        .build())
                .statements(bucketArn -> Output.tuple(bucketArn, distributionArn).applyValue(t ->
                        t.t2.map(d -> List.of(AssetsPolicies.cloudFrontRead(t.t1, d))).orElse(List.of())));
        args.secondary().ifPresent(secondary -> bucketArgs.replication(SecureBucketArgs.Replication.builder()
                .region(secondary)
                .keyArn(assetsKey(Naming.child(name, "replica-key"), secondary, args, distributionArn).arn())
                // A deleted asset is deleted in the replica too: a failover serves what the primary served.
                .replicateDeleteMarkers(true)
                .build()));
        var primaryBucket = SecureBucket.create(bucketArgs.build());
        Optional<SecureBucket> replica = primaryBucket.replica();

        int retention = settings.accessLogRetentionDays();
        var logs = SecureBucket.create(SecureBucketArgs.builder()
                .name(Naming.child(name, "logs"))
                .parent(this)
                .region(edge)
                .tagging(tagging)
                .protection(args.protection())
                .role(LABEL + "-logs")
                .tags(Map.of("Purpose", "cloudfront-access-logs"))
                // Vended-log delivery writes SSE-KMS objects only under a key policy admitting it; logs need no key of their own.
                .s3ManagedEncryption()
                .versioned(false)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder()
                        .id("expire-access-logs").expirationDays(retention).abortMultipartDays(1).build())
                .statements(bucketArn -> Output.tuple(edge.partition(), bucketArn, edge.accountId()).applyValue(t ->
                        AssetsPolicies.logDelivery(t.t1, t.t2, t.t3, edge.name())))
                .build());
        this.bucketName = primaryBucket.bucketName();
        this.replicaBucketName = replica.map(SecureBucket::bucketName);
        this.logBucketName = logs.bucketName();

        Optional<Output<String>> certificateArn = certificate(name, args);

        Optional<Output<String>> acl = Optional.empty();
        if (settings.webAcl()) {
            var waf = new WebAcl(Naming.child(name, "waf"), WebAclArgs.builder()
                    .region(edge)
                    .scope(WafScope.CLOUDFRONT)
                    .physicalPrefix(args.physicalPrefix())
                    .alertTopicArn(args.alertTopicArn())
                    .settings(args.waf())
                    .logRetentionDays(args.logRetentionDays())
                    .tagging(tagging)
                    .protection(args.protection())
                    .build(), ComponentResourceOptions.builder().parent(this).build());
            acl = Optional.of(waf.arn());
        }
        this.webAclArn = acl;

        if (certificateArn.isEmpty()) {
            // Pending delegation: no distribution can use an unissued certificate. The buckets admit nobody yet.
            distributionSlot.complete(Output.of(Optional.empty()));
            this.distributionId = Optional.empty();
            this.distributionDomainName = Optional.empty();
            registerOutputs(Map.of("bucketName", bucketName, "logBucketName", logBucketName));
            return;
        }

        String oacName = Naming.child(name, "oac");
        var oac = new OriginAccessControl(oacName, OriginAccessControlArgs.builder()
                .name(args.physicalPrefix() + "-" + LABEL)
                .description("CloudFront reads " + args.hostname() + "'s buckets with SigV4")
                .originAccessControlOriginType(CloudFrontSettings.OAC_ORIGIN_TYPE)
                .signingBehavior(CloudFrontSettings.OAC_SIGNING_BEHAVIOR)
                .signingProtocol(CloudFrontSettings.OAC_SIGNING_PROTOCOL)
                .build(), edge.child(this));

        List<DistributionOriginArgs> origins = new ArrayList<>();
        origins.add(origin(PRIMARY_ORIGIN, primaryBucket, oac));
        replica.ifPresent(r -> origins.add(origin(REPLICA_ORIGIN, r, oac)));
        List<DistributionOriginGroupArgs> groups = replica.isPresent()
                ? List.of(DistributionOriginGroupArgs.builder()
                        .originId(ORIGIN_GROUP)
                        .failoverCriteria(DistributionOriginGroupFailoverCriteriaArgs.builder()
                                .statusCodes(CloudFrontSettings.FAILOVER_STATUS_CODES).build())
                        // The first member is the primary: CloudFront tries it first.
                        .members(DistributionOriginGroupMemberArgs.builder().originId(PRIMARY_ORIGIN).build(),
                                DistributionOriginGroupMemberArgs.builder().originId(REPLICA_ORIGIN).build())
                        .build())
                : List.of();

        String cdnName = Naming.child(name, "cdn");
        var cdn = DistributionArgs.builder()
                .enabled(true)
                .comment("Static assets of " + args.physicalPrefix() + " at " + args.hostname())
                .aliases(args.hostname())
                .isIpv6Enabled(true)
                .httpVersion(CloudFrontSettings.HTTP_VERSION)
                .priceClass(settings.priceClass().configName())
                .origins(origins)
                .originGroups(groups)
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(replica.isPresent() ? ORIGIN_GROUP : PRIMARY_ORIGIN)
                        .viewerProtocolPolicy(CloudFrontSettings.VIEWER_PROTOCOL_POLICY)
                        .allowedMethods(CloudFrontSettings.ALLOWED_METHODS)
                        .cachedMethods(CloudFrontSettings.CACHED_METHODS)
                        .compress(true)
                        .cachePolicyId(CloudFrontSettings.CACHING_OPTIMIZED)
                        .responseHeadersPolicyId(CloudFrontSettings.SECURITY_HEADERS)
                        .build())
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder().restrictionType("none").build())
                        .build())
                .viewerCertificate(DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(certificateArn.get())
                        .sslSupportMethod(CloudFrontSettings.SSL_SUPPORT_METHOD)
                        .minimumProtocolVersion(CloudFrontSettings.MINIMUM_PROTOCOL_VERSION)
                        .build())
                .tags(tagging.tags(cdnName));
        acl.ifPresent(cdn::webAclId);
        var distribution = new Distribution(cdnName, cdn.build(), edge.child(this));
        this.distributionId = Optional.of(distribution.id());
        this.distributionDomainName = Optional.of(distribution.domainName());

        distributionSlot.complete(distribution.arn().applyValue(Optional::of));

        for (RecordType type : List.of(RecordType.A, RecordType.AAAA)) {
            new Record(Naming.child(name, type.getValue().toLowerCase(java.util.Locale.ROOT)), RecordArgs.builder()
                    .zoneId(args.hostedZoneId())
                    .name(args.hostname())
                    .type(Either.ofRight(type))
                    .aliases(RecordAliasArgs.builder()
                            .name(distribution.domainName())
                            .zoneId(distribution.hostedZoneId())
                            .evaluateTargetHealth(false)
                            .build())
                    .build(), args.primary().child(this));
        }

        accessLogs(name, args, distribution, logs);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("bucketName", bucketName);
        outputs.put("logBucketName", logBucketName);
        outputs.put("distributionId", distribution.id());
        outputs.put("distributionDomainName", distribution.domainName());
        registerOutputs(Map.copyOf(outputs));
    }

    private static DistributionOriginArgs origin(String originId, SecureBucket bucket, OriginAccessControl oac) {
        return DistributionOriginArgs.builder()
                .originId(originId)
                .domainName(bucket.regionalDomainName())
                .originAccessControlId(oac.id())
                .build();
    }

    /**
     * Standard logging v2: the distribution is a delivery source, the log bucket a destination, and a delivery
     * joins them (CloudWatch Logs PutDeliverySource, PutDeliveryDestination, CreateDelivery), all in us-east-1
     * ("you must use the US East (N. Virginia) Region" for CloudFront, CloudFront Developer Guide, "Configure
     * standard logging (v2)"). The bucket's policy admits the delivery, so it comes first.
     */
    private void accessLogs(String name, AssetsArgs args, Distribution distribution, SecureBucket logs) {
        var edge = args.edge();
        var tagging = args.tagging();
        String sourceName = Naming.child(name, "log-source");
        var source = new LogDeliverySource(sourceName, LogDeliverySourceArgs.builder()
                .name(args.physicalPrefix() + "-" + LABEL)
                .logType(CloudFrontSettings.LOG_TYPE)
                .resourceArn(distribution.arn())
                .tags(tagging.tags(sourceName))
                .build(), edge.child(this));
        String destinationName = Naming.child(name, "log-destination");
        var destination = new LogDeliveryDestination(destinationName, LogDeliveryDestinationArgs.builder()
                .name(args.physicalPrefix() + "-" + LABEL + "-s3")
                .outputFormat(CloudFrontSettings.LOG_OUTPUT_FORMAT)
                .deliveryDestinationConfiguration(LogDeliveryDestinationDeliveryDestinationConfigurationArgs.builder()
                        .destinationResourceArn(logs.arn())
                        .build())
                .tags(tagging.tags(destinationName))
                .build(), edge.childOf(this).dependsOn(logs.ready()).build());
        String deliveryName = Naming.child(name, "log-delivery");
        new LogDelivery(deliveryName, LogDeliveryArgs.builder()
                .deliverySourceName(source.name())
                .deliveryDestinationArn(destination.arn())
                .tags(tagging.tags(deliveryName))
                .build(), edge.child(this));
    }

    /**
     * The assets key of {@code region}: CloudFront reads SSE-KMS objects through origin access control only when
     * the key lets {@code cloudfront.amazonaws.com} decrypt for the distribution (CloudFront Developer Guide,
     * "Restrict access to an Amazon S3 origin", SSE-KMS); replication reads and writes through the account's IAM
     * (the replication role's policy), which the standard first statement admits.
     */
    private Key assetsKey(String keyName, AwsRegion region, AssetsArgs args, Output<Optional<String>> distributionArn) {
        return EncryptionKeys.builder()
                .name(keyName)
                .description("Encrypts the static assets of " + args.hostname() + " in " + region.name())
                .parent(this)
                .region(region)
                .tagging(args.tagging())
                .protection(args.protection())
                .policy(Output.tuple(region.partition(), region.accountId(), distributionArn).applyValue(t ->
                        KeyPolicies.document(t.t1, t.t2, t.t3.map(d -> List.of(AssetsPolicies.cloudFrontDecrypt(d))).orElse(List.of()))))
                .create();
    }

    /**
     * An ACM certificate for {@code assets.<domain>} in us-east-1, validated by DNS in the zone: the validated ARN,
     * or empty when validation is not awaited (the record is written anyway).
     */
    private Optional<Output<String>> certificate(String name, AssetsArgs args) {
        AwsRegion edge = args.edge();
        String hostname = args.hostname();
        String certName = Naming.child(name, "cert");
        var cert = new Certificate(certName, CertificateArgs.builder()
                .domainName(hostname)
                .validationMethod("DNS")
                .keyAlgorithm("EC_prime256v1")
                .tags(args.tagging().tags(certName))
                .build(), edge.childOf(this).dependsOn(args.zoneDelegation()).build());
        var record = new Record(Naming.child(name, "validation"),
                CertificateValidationRecords.forHostname(cert, certName, hostname, args.hostedZoneId(), args.validationRecordTtl()),
                args.primary().child(this));
        if (!args.awaitCertificate()) {
            return Optional.empty();
        }
        var validation = new CertificateValidation(Naming.child(name, "cert-validation"), CertificateValidationArgs.builder()
                .certificateArn(cert.arn())
                .validationRecordFqdns(record.fqdn().applyValue(List::of))
                .build(), edge.child(this));
        return Optional.of(validation.certificateArn());
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Optional<Output<String>> replicaBucketName() {
        return replicaBucketName;
    }

    public Output<String> logBucketName() {
        return logBucketName;
    }

    /** The distribution's id; none while the zone's delegation is pending. */
    public Optional<Output<String>> distributionId() {
        return distributionId;
    }

    /** {@code d1234abcd.cloudfront.net}; none while the zone's delegation is pending. */
    public Optional<Output<String>> distributionDomainName() {
        return distributionDomainName;
    }

    public Optional<Output<String>> webAclArn() {
        return webAclArn;
    }
}
