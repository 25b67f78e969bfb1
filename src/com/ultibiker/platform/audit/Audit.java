package com.ultibiker.platform.audit;

import com.pulumi.aws.cloudtrail.Trail;
import com.pulumi.aws.cloudtrail.TrailArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.aws.guardduty.Detector;
import com.pulumi.aws.guardduty.DetectorArgs;
import com.pulumi.aws.guardduty.DetectorFeature;
import com.pulumi.aws.guardduty.DetectorFeatureArgs;
import com.pulumi.aws.guardduty.inputs.DetectorFeatureAdditionalConfigurationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.securityhub.Account;
import com.pulumi.aws.securityhub.AccountArgs;
import com.pulumi.aws.securityhub.StandardsSubscription;
import com.pulumi.aws.securityhub.StandardsSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.SecureBucket;
import com.ultibiker.platform.common.SecureBucketArgs;
import com.ultibiker.platform.model.AuditConfig;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The account's audit trail and threat detection, each piece only when {@code audit.<piece>} is {@code stack}:
 *
 * <ul>
 *   <li><b>Trail</b> (primary region): a multi-region CloudTrail trail with log file validation, encrypted with its own
 *   key, into an S3 bucket only that trail may write (versioned, public access blocked, ACLs disabled, TLS only, log
 *   files to Glacier after {@code audit.trailColdStorageAfterDays} and expired after {@code audit.trailRetentionDays};
 *   in production a deny-delete bucket policy and {@code protect}), also delivered to a KMS-encrypted CloudWatch log
 *   group through a delivery role that may write that group's trail streams only; the CIS metric filters
 *   ({@link TrailAlarm}) with an alarm each to the primary region's alert topic.</li>
 *   <li><b>GuardDuty</b> (every region): a detector with S3, EKS audit-log, RDS login and runtime monitoring (the
 *   EKS security agent add-on managed by GuardDuty), and an EventBridge rule sending findings at or above
 *   {@code audit.guardDutyMinSeverity} to the region's alert topic.</li>
 *   <li><b>Security Hub</b> (every region): the account's subscription with the AWS Foundational Security Best
 *   Practices standard, no default standards.</li>
 * </ul>
 */
public final class Audit extends ComponentResource {

    public static final String TYPE = "ultibiker:audit:Audit";
    /**
     * Every optional GuardDuty feature and its status (GuardDuty API, DetectorFeatureConfiguration: name). CreateDetector
     * enables every optional feature but runtime monitoring by default, so each one is stated here rather than left to
     * that default: S3, EKS audit-log, RDS login and runtime monitoring on; malware scans of the EBS volumes of an
     * instance with a finding on (billed per GB scanned, only then); Lambda network logs off (no Lambda here).
     * EKS_RUNTIME_MONITORING is not among them: with RUNTIME_MONITORING it is an error, and the latter covers EKS.
     */
    static final Map<String, String> FEATURES = orderedOf(
            "S3_DATA_EVENTS", "ENABLED",
            "EKS_AUDIT_LOGS", "ENABLED",
            "RDS_LOGIN_EVENTS", "ENABLED",
            "RUNTIME_MONITORING", "ENABLED",
            "EBS_MALWARE_PROTECTION", "ENABLED",
            "LAMBDA_NETWORK_LOGS", "DISABLED");
    /**
     * Runtime monitoring's additional configurations, every one GuardDuty reports for the feature (API,
     * DetectorAdditionalConfiguration: EKS_ADDON_MANAGEMENT | ECS_FARGATE_AGENT_MANAGEMENT | EC2_AGENT_MANAGEMENT):
     * the provider reads back the whole set, so naming only some would show a diff, and a replacement (the name is
     * ForceNew), on every run. The EKS agent is GuardDuty's to install; nothing here runs on ECS or plain EC2.
     */
    static final Map<String, String> RUNTIME_AGENT_MANAGEMENT = orderedOf(
            "EKS_ADDON_MANAGEMENT", "ENABLED",
            "ECS_FARGATE_AGENT_MANAGEMENT", "DISABLED",
            "EC2_AGENT_MANAGEMENT", "DISABLED");

    private final Map<String, Output<String>> detectorIds = new LinkedHashMap<>();
    private final Optional<Output<String>> trailArn;
    private final Optional<Output<String>> trailBucketName;
    private final Optional<Output<String>> trailLogGroupName;

    public Audit(String name, AuditArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        AuditConfig settings = args.settings();
        Optional<TrailParts> trail = settings.trail().byStack() ? Optional.of(trail(name, args)) : Optional.empty();
        this.trailArn = trail.map(t -> t.trail().arn());
        this.trailBucketName = trail.map(t -> t.trail().s3BucketName());
        this.trailLogGroupName = trail.map(t -> t.logGroup().name());
        args.regions().forEach((regionName, region) -> {
            if (settings.guardDuty().byStack()) {
                guardDuty(Naming.child(name, regionName), region, args);
            }
            if (settings.securityHub().byStack()) {
                securityHub(Naming.child(name, regionName), region);
            }
        });

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        trailArn.ifPresent(arn -> outputs.put("trailArn", arn));
        trailBucketName.ifPresent(bucket -> outputs.put("trailBucketName", bucket));
        detectorIds.forEach((region, id) -> outputs.put("guardDutyDetectorId." + region, id));
        registerOutputs(outputs);
    }

    /** The trail and the log group it delivers to. */
    private record TrailParts(Trail trail, LogGroup logGroup) {
    }

    private TrailParts trail(String name, AuditArgs args) {
        AwsRegion region = args.primary();
        var tagging = args.tagging();
        var protection = args.protection();
        String prefix = Naming.child(name, "trail");
        String trailName = AuditArgs.trailName(args.physicalPrefix());
        Output<String> arn = Output.tuple(region.partition(), region.accountId())
                .applyValue(t -> AuditPolicies.trailArn(t.t1, region.name(), t.t2, trailName));

        Key key = EncryptionKeys.builder()
                .name(Naming.child(prefix, "key"))
                .description("Encrypts the CloudTrail trail " + trailName + ": log and digest files, its log group")
                .parent(this)
                .region(region)
                .tagging(tagging)
                .protection(protection)
                .grants(scope -> AuditPolicies.trailKeyGrants(scope.partition(), scope.region(), scope.accountId(),
                        AuditPolicies.trailArn(scope.partition(), scope.region(), scope.accountId(), trailName)))
                .create();

        var settings = args.settings();
        var bucket = SecureBucket.create(SecureBucketArgs.builder()
                .name(Naming.child(prefix, "bucket"))
                .parent(this)
                .region(region)
                .tagging(tagging)
                .protection(protection)
                .role("cloudtrail")
                .tags(Map.of("Purpose", "cloudtrail-logs"))
                // CloudTrail encrypts every log file with the trail's key itself (SSE-KMS per object). A default
                // SSE-KMS under that key would have S3 use it on CloudTrail's behalf under an aws:s3:arn encryption
                // context, which the key grants CloudTrail nothing for: SSE-S3 covers the rest.
                .s3ManagedEncryption()
                .versioned(true)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder()
                        .id("archive-then-expire")
                        .transition(new SecureBucketArgs.Transition(settings.trailColdStorageAfterDays(), "GLACIER"))
                        .expirationDays(settings.trailRetentionDays())
                        .noncurrentExpirationDays(settings.trailRetentionDays())
                        .abortMultipartDays(7)
                        .build())
                .statements(bucketArn -> Output.tuple(bucketArn, region.accountId(), arn).applyValue(t ->
                        AuditPolicies.trailBucketStatements(t.t1, t.t2, t.t3, protection.production())))
                .build());

        String logGroupResource = Naming.child(prefix, "logs");
        var logGroup = new LogGroup(logGroupResource, LogGroupArgs.builder()
                // Under /aws/ like the groups of the other AWS services that deliver logs here (RDS, EKS): not one
                // of the application groups /<project>/<env>/<name> (s20logs ships container logs into those).
                .name("/aws/cloudtrail/" + args.physicalPrefix())
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(key.arn())
                .tags(tagging.tags(logGroupResource))
                .build(), region.child(this));

        String roleResource = Naming.child(prefix, "delivery-role");
        var role = new Role(roleResource, RoleArgs.builder()
                .name(AuditArgs.deliveryRoleName(args.physicalPrefix()))
                .description("CloudTrail delivers the trail " + trailName + " to its CloudWatch log group as this role")
                .assumeRolePolicy(region.accountId().applyValue(AuditPolicies::deliveryRoleTrust))
                .tags(tagging.tags(roleResource))
                .build(), region.child(this));
        var rolePolicy = new RolePolicy(Naming.child(roleResource, "logs"), RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(logGroup.arn(), region.accountId()).applyValue(t ->
                        AuditPolicies.deliveryRolePermissions(t.t1, t.t2)))
                .build(), region.child(this));

        // CreateTrail checks the bucket policy (InsufficientS3BucketPolicyException), the key policy
        // (InsufficientEncryptionPolicyException) and the delivery role (InvalidCloudWatchLogsRoleArnException) at
        // once: the trail waits for the policy documents, not only for the bucket and the role.
        var trail = new Trail(prefix, TrailArgs.builder()
                .name(trailName)
                .s3BucketName(bucket.bucketName())
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableLogFileValidation(true)
                .enableLogging(true)
                .kmsKeyId(key.arn())
                // CloudTrail takes the log group's ARN with the ":*" of its streams; the provider's LogGroup.arn has none.
                .cloudWatchLogsGroupArn(logGroup.arn().applyValue(groupArn -> groupArn + ":*"))
                .cloudWatchLogsRoleArn(role.arn())
                .tags(tagging.tags(prefix))
                .build(), protection.options(region.childOf(this).dependsOn(List.of(bucket.policy(), rolePolicy))).build());

        Output<List<String>> actions = args.alertTopicArns().get(region.name()).applyValue(List::of);
        for (TrailAlarm alarm : TrailAlarm.all()) {
            String filterResource = Naming.child(prefix, alarm.role());
            var filter = new LogMetricFilter(filterResource, LogMetricFilterArgs.builder()
                    .name(args.physicalPrefix() + "-" + alarm.role())
                    .logGroupName(logGroup.name())
                    .pattern(alarm.pattern())
                    .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                            .namespace(TrailAlarm.NAMESPACE)
                            .name(alarm.metricName())
                            .value("1")
                            .build())
                    .build(), region.child(this));
            String alarmResource = Naming.child(filterResource, "alarm");
            new MetricAlarm(alarmResource, MetricAlarmArgs.builder()
                    .name(args.physicalPrefix() + "-audit-" + alarm.role())
                    .alarmDescription(alarm.description() + " (" + alarm.control() + "; CloudTrail " + trailName + ")")
                    .namespace(TrailAlarm.NAMESPACE)
                    .metricName(alarm.metricName())
                    .statistic("Sum")
                    .comparisonOperator("GreaterThanOrEqualToThreshold")
                    .threshold(1.0)
                    .period(300)
                    .evaluationPeriods(1)
                    .datapointsToAlarm(1)
                    .treatMissingData("notBreaching")
                    .actionsEnabled(true)
                    .alarmActions(actions)
                    .tags(tagging.tags(alarmResource))
                    .build(), region.childOf(this).dependsOn(filter).build());
        }
        return new TrailParts(trail, logGroup);
    }

    /** One detector per account and region (CreateDetector fails when one exists): created only by {@code stack}. */
    private void guardDuty(String prefix, AwsRegion region, AuditArgs args) {
        var tagging = args.tagging();
        String detectorResource = Naming.child(prefix, "guardduty");
        // No datasources: the provider deprecates them for aws_guardduty_detector_feature, and setting both fights.
        var detector = new Detector(detectorResource, DetectorArgs.builder()
                .enable(true)
                .findingPublishingFrequency("FIFTEEN_MINUTES")
                .tags(tagging.tags(detectorResource))
                .build(), region.child(this));
        for (var entry : FEATURES.entrySet()) {
            String feature = entry.getKey();
            var featureArgs = DetectorFeatureArgs.builder()
                    .detectorId(detector.id())
                    .name(feature)
                    .status(entry.getValue());
            if (feature.equals("RUNTIME_MONITORING")) {
                featureArgs.additionalConfigurations(RUNTIME_AGENT_MANAGEMENT.entrySet().stream()
                        .map(e -> DetectorFeatureAdditionalConfigurationArgs.builder().name(e.getKey()).status(e.getValue()).build())
                        .toList());
            }
            new DetectorFeature(Naming.child(detectorResource, feature.toLowerCase(Locale.ROOT).replace('_', '-')), featureArgs.build(),
                    region.child(this));
        }
        detectorIds.put(region.name(), detector.id());

        String ruleResource = Naming.child(prefix, "guardduty-findings");
        var rule = new EventRule(ruleResource, EventRuleArgs.builder()
                .name(args.physicalPrefix() + "-guardduty-findings")
                .description("GuardDuty findings of severity " + args.settings().guardDutyMinSeverity().configName()
                        + " or above, to the alert topic")
                .eventPattern(AuditPolicies.findingsPattern(args.settings().guardDutyMinSeverity()))
                .tags(tagging.tags(ruleResource))
                .build(), region.childOf(this).dependsOn(detector).build());
        new EventTarget(Naming.child(ruleResource, "alert"), EventTargetArgs.builder()
                .rule(rule.name())
                .targetId("alert-topic")
                .arn(args.alertTopicArns().get(region.name()))
                .build(), region.child(this));
    }

    /**
     * The account's Security Hub subscription without the default standards (EnableSecurityHub
     * EnableDefaultStandards: otherwise CIS v1.2.0 and FSBP are enabled outside the program and the FSBP subscription
     * below collides), consolidated control findings, and the FSBP standard (ARN per region: Security Hub CSPM User
     * Guide, standards reference).
     */
    private void securityHub(String prefix, AwsRegion region) {
        String accountResource = Naming.child(prefix, "securityhub");
        var account = new Account(accountResource, AccountArgs.builder()
                .enableDefaultStandards(false)
                .autoEnableControls(true)
                .controlFindingGenerator("SECURITY_CONTROL")
                .build(), region.child(this));
        new StandardsSubscription(Naming.child(accountResource, "fsbp"), StandardsSubscriptionArgs.builder()
                .standardsArn(region.partition().applyValue(p -> foundationalStandardArn(p, region.name())))
                .build(), region.childOf(this).dependsOn(account).build());
    }

    /** The AWS Foundational Security Best Practices v1.0.0 standard in {@code region}. */
    static String foundationalStandardArn(String partition, String region) {
        return "arn:" + partition + ":securityhub:" + region + "::standards/aws-foundational-security-best-practices/v/1.0.0";
    }

    private static Map<String, String> orderedOf(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The trail's ARN, when this stack runs it. */
    public Optional<Output<String>> trailArn() {
        return trailArn;
    }

    /** The trail bucket's name, when this stack runs the trail. */
    public Optional<Output<String>> trailBucketName() {
        return trailBucketName;
    }

    /** The trail's CloudWatch log group, when this stack runs the trail. */
    public Optional<Output<String>> trailLogGroupName() {
        return trailLogGroupName;
    }

    /** The GuardDuty detector of each region, when this stack runs GuardDuty. */
    public Map<String, Output<String>> detectorIds() {
        return Collections.unmodifiableMap(detectorIds);
    }
}
