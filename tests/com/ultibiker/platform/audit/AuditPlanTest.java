package com.ultibiker.platform.audit;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each {@code audit.*} setting creates (literal resource lists), and the rules every trail, detector and Security
 * Hub subscription of every plan obeys so that a first {@code up} in an empty account goes through.
 */
class AuditPlanTest {

    private static final Gson GSON = new Gson();
    private static final String TRAIL = "aws:cloudtrail/trail:Trail";
    private static final String DETECTOR = "aws:guardduty/detector:Detector";
    private static final String FEATURE = "aws:guardduty/detectorFeature:DetectorFeature";
    private static final String HUB = "aws:securityhub/account:Account";

    private static final class Plans {
        static final Plan DEV_ORGANIZATION = StackPlans.runWith("dev",
                Map.of("audit", "{\"trail\":\"organization\",\"guardDuty\":\"organization\"}"));
        static final Plan DEV_DETECTION_ONLY = StackPlans.runWith("dev",
                Map.of("audit", "{\"trail\":\"off\",\"guardDuty\":\"stack\",\"securityHub\":\"stack\"}"));
        static final Plan PROD_SECURITY_HUB = StackPlans.runWith("prod", Map.of("audit", "{\"securityHub\":\"stack\"}"));
    }

    private static List<Plan> plans() {
        return List.of(StackPlans.dev(), StackPlans.prod(), Plans.DEV_ORGANIZATION, Plans.DEV_DETECTION_ONLY, Plans.PROD_SECURITY_HUB);
    }

    /** "<type without aws:> <name> <region>" of every resource under the audit component, sorted. */
    private static List<String> auditResources(Plan plan) {
        return plan.where(r -> r.custom() && r.urn().contains("::ultibiker:audit:Audit$")).stream()
                .map(r -> r.type().substring(4, r.type().indexOf(':', 4)) + " " + r.name() + " " + r.region())
                .sorted().toList();
    }

    private static final List<String> DEV_TRAIL = List.of(
            "cloudtrail/trail audit-trail us-east-1",
            "cloudwatch/logGroup audit-trail-logs us-east-1",
            "cloudwatch/logMetricFilter audit-trail-cloudtrail-changes us-east-1",
            "cloudwatch/logMetricFilter audit-trail-console-sign-in-without-mfa us-east-1",
            "cloudwatch/logMetricFilter audit-trail-iam-policy-changes us-east-1",
            "cloudwatch/logMetricFilter audit-trail-kms-key-disabled-or-deleted us-east-1",
            "cloudwatch/logMetricFilter audit-trail-root-user us-east-1",
            "cloudwatch/logMetricFilter audit-trail-s3-bucket-policy-changes us-east-1",
            "cloudwatch/logMetricFilter audit-trail-unauthorized-api-calls us-east-1",
            "cloudwatch/metricAlarm audit-trail-cloudtrail-changes-alarm us-east-1",
            "cloudwatch/metricAlarm audit-trail-console-sign-in-without-mfa-alarm us-east-1",
            "cloudwatch/metricAlarm audit-trail-iam-policy-changes-alarm us-east-1",
            "cloudwatch/metricAlarm audit-trail-kms-key-disabled-or-deleted-alarm us-east-1",
            "cloudwatch/metricAlarm audit-trail-root-user-alarm us-east-1",
            "cloudwatch/metricAlarm audit-trail-s3-bucket-policy-changes-alarm us-east-1",
            "cloudwatch/metricAlarm audit-trail-unauthorized-api-calls-alarm us-east-1",
            "iam/role audit-trail-delivery-role us-east-1",
            "iam/rolePolicy audit-trail-delivery-role-logs us-east-1",
            "kms/alias audit-trail-key-alias us-east-1",
            "kms/key audit-trail-key us-east-1",
            "s3/bucketLifecycleConfigurationV2 audit-trail-bucket-lifecycle us-east-1",
            "s3/bucketOwnershipControls audit-trail-bucket-ownership us-east-1",
            "s3/bucketPolicy audit-trail-bucket-policy us-east-1",
            "s3/bucketPublicAccessBlock audit-trail-bucket-public-access us-east-1",
            "s3/bucketServerSideEncryptionConfigurationV2 audit-trail-bucket-encryption us-east-1",
            "s3/bucketV2 audit-trail-bucket us-east-1",
            "s3/bucketVersioningV2 audit-trail-bucket-versioning us-east-1");

    private static List<String> guardDuty(String region) {
        return List.of(
                "cloudwatch/eventRule audit-" + region + "-guardduty-findings " + region,
                "cloudwatch/eventTarget audit-" + region + "-guardduty-findings-alert " + region,
                "guardduty/detector audit-" + region + "-guardduty " + region,
                "guardduty/detectorFeature audit-" + region + "-guardduty-ebs-malware-protection " + region,
                "guardduty/detectorFeature audit-" + region + "-guardduty-eks-audit-logs " + region,
                "guardduty/detectorFeature audit-" + region + "-guardduty-lambda-network-logs " + region,
                "guardduty/detectorFeature audit-" + region + "-guardduty-rds-login-events " + region,
                "guardduty/detectorFeature audit-" + region + "-guardduty-runtime-monitoring " + region,
                "guardduty/detectorFeature audit-" + region + "-guardduty-s3-data-events " + region);
    }

    private static List<String> securityHub(String region) {
        return List.of(
                "securityhub/account audit-" + region + "-securityhub " + region,
                "securityhub/standardsSubscription audit-" + region + "-securityhub-fsbp " + region);
    }

    private static List<String> sorted(List<String> first, List<String> second) {
        List<String> out = new ArrayList<>(first);
        out.addAll(second);
        return out.stream().sorted().toList();
    }

    @Test
    void theDefaultCreatesTheTrailInThePrimaryAndGuardDutyInEveryRegion() {
        assertEquals(sorted(DEV_TRAIL, guardDuty("us-east-1")), auditResources(StackPlans.dev()));
        List<String> prod = new ArrayList<>(DEV_TRAIL);
        prod.addAll(guardDuty("us-east-1"));
        prod.addAll(guardDuty("eu-west-1"));
        assertEquals(prod.stream().sorted().toList(), auditResources(StackPlans.prod()));
    }

    @Test
    void leftToTheOrganisationTheStackCreatesNoAuditResourceAtAll() {
        assertEquals(List.of(), auditResources(Plans.DEV_ORGANIZATION));
        assertTrue(Plans.DEV_ORGANIZATION.where(r -> r.type().equals("ultibiker:audit:Audit")).isEmpty(), "no component either");
        assertFalse(Plans.DEV_ORGANIZATION.outputs().keySet().stream().anyMatch(k -> k.startsWith("audit.")),
                "and no audit output: " + Plans.DEV_ORGANIZATION.outputs().keySet());
    }

    @Test
    void detectionWithoutATrailAndSecurityHubOnRequest() {
        assertEquals(sorted(guardDuty("us-east-1"), securityHub("us-east-1")), auditResources(Plans.DEV_DETECTION_ONLY));
        List<String> prod = new ArrayList<>(DEV_TRAIL);
        for (String region : List.of("us-east-1", "eu-west-1")) {
            prod.addAll(guardDuty(region));
            prod.addAll(securityHub(region));
        }
        assertEquals(prod.stream().sorted().toList(), auditResources(Plans.PROD_SECURITY_HUB));
    }

    @Test
    void theOutputsNameTheTrailAndEveryDetector() {
        var outputs = new TreeMap<String, Object>();
        StackPlans.prod().outputs().forEach((k, v) -> {
            if (k.startsWith("audit.")) {
                outputs.put(k, v);
            }
        });
        assertEquals(Map.of(
                "audit.trailArn", "arn:aws:cloudtrail:us-east-1:123456789012:trail/audit-trail-id",
                "audit.trailBucketName", "ultibiker-prod-cloudtrail-123456789012",
                "audit.trailLogGroupName", "/aws/cloudtrail/ultibiker-prod",
                "audit.guardDutyDetectorId.us-east-1", "audit-us-east-1-guardduty-id",
                "audit.guardDutyDetectorId.eu-west-1", "audit-eu-west-1-guardduty-id"), outputs);
    }

    // ---- rules over every trail of every plan ----

    /** The trail's real ARN: the key and bucket policies must name it exactly, before it exists. */
    private static String expectedTrailArn(PlanResource trail) {
        return "arn:aws:cloudtrail:" + trail.region() + ":123456789012:trail/" + trail.prop("name");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object document) {
        Map<String, Object> doc = GSON.fromJson(String.valueOf(document), Map.class);
        return (List<Map<String, Object>>) doc.get("Statement");
    }

    private static boolean grantsCloudTrail(Map<String, Object> statement, String action, String sourceArn) {
        Object actions = statement.get("Action");
        boolean hasAction = actions instanceof List<?> l ? l.contains(action) : Objects.equals(actions, action);
        return "Allow".equals(statement.get("Effect"))
                && Map.of("Service", "cloudtrail.amazonaws.com").equals(statement.get("Principal")) && hasAction
                && statement.get("Condition") instanceof Map<?, ?> c && c.get("StringEquals") instanceof Map<?, ?> eq
                && sourceArn.equals(eq.get("aws:SourceArn"));
    }

    /**
     * CreateTrail checks the key policy (InsufficientEncryptionPolicyException): the trail's key lets CloudTrail generate
     * data keys and describe the key for exactly this trail's ARN, the one AWS will give it (region, account, name).
     */
    @Test
    void everyTrailsKeyGrantsCloudTrailForThatTrailsOwnArn() {
        for (Plan plan : plans()) {
            for (PlanResource trail : plan.ofType(TRAIL)) {
                String keyArn = String.valueOf(trail.prop("kmsKeyId"));
                PlanResource key = plan.ofType("aws:kms/key:Key").stream()
                        .filter(k -> keyArn.equals("arn:aws:kms:" + k.region() + ":123456789012:key/" + k.name() + "-id"))
                        .findFirst().orElseThrow(() -> new AssertionError(trail.urn() + ": kmsKeyId " + keyArn + " is no key of the plan"));
                String arn = expectedTrailArn(trail);
                var statements = statements(key.prop("policy"));
                assertTrue(statements.stream().anyMatch(s -> grantsCloudTrail(s, "kms:GenerateDataKey*", arn)), key.urn() + " for " + arn);
                assertTrue(statements.stream().anyMatch(s -> grantsCloudTrail(s, "kms:DescribeKey", arn)), key.urn() + " for " + arn);
                assertEquals(trail.region(), key.region(), "a trail's key is in its home region");
            }
        }
    }

    /**
     * CreateTrail checks the bucket policy (InsufficientS3BucketPolicyException): the trail depends on the policy of its
     * bucket, and that policy admits exactly this trail to read the ACL and put objects under AWSLogs/&lt;account&gt;/.
     */
    @Test
    void everyTrailWaitsForItsBucketsPolicyWhichAdmitsThatTrail() {
        for (Plan plan : plans()) {
            for (PlanResource trail : plan.ofType(TRAIL)) {
                String bucketName = String.valueOf(trail.prop("s3BucketName"));
                PlanResource bucket = plan.ofType("aws:s3/bucketV2:BucketV2").stream()
                        .filter(b -> bucketName.equals(b.prop("bucket"))).findFirst()
                        .orElseThrow(() -> new AssertionError(trail.urn() + ": no bucket " + bucketName));
                PlanResource policy = plan.ofType("aws:s3/bucketPolicy:BucketPolicy").stream()
                        .filter(p -> p.dependencies().contains(bucket.urn())).findFirst()
                        .orElseThrow(() -> new AssertionError(bucket.urn() + " has no bucket policy"));
                assertTrue(trail.dependencies().contains(policy.urn()), trail.urn() + " must depend on " + policy.urn());
                String arn = expectedTrailArn(trail);
                var statements = statements(policy.prop("policy"));
                assertTrue(statements.stream().anyMatch(s -> grantsCloudTrail(s, "s3:GetBucketAcl", arn)), policy.urn());
                assertTrue(statements.stream().anyMatch(s -> grantsCloudTrail(s, "s3:PutObject", arn)
                        && ("arn:aws:s3:::" + bucketName + "/AWSLogs/123456789012/*").equals(s.get("Resource"))
                        && ((Map<?, ?>) ((Map<?, ?>) s.get("Condition")).get("StringEquals")).get("s3:x-amz-acl")
                        .equals("bucket-owner-full-control")), policy.urn());
            }
        }
    }

    /**
     * CloudTrail takes the log group's ARN with the {@code :*} of its streams (CreateTrail CloudWatchLogsLogGroupArn;
     * the provider's LogGroup.arn has none), a group of the trail's region, and a role that may write its streams.
     */
    @Test
    void everyTrailDeliversToALogGroupOfThePlanThroughARoleThatMayWriteIt() {
        for (Plan plan : plans()) {
            for (PlanResource trail : plan.ofType(TRAIL)) {
                String groupArn = String.valueOf(trail.prop("cloudWatchLogsGroupArn"));
                assertTrue(groupArn.endsWith(":*"), trail.urn() + ": " + groupArn);
                String prefix = "arn:aws:logs:" + trail.region() + ":123456789012:log-group:";
                assertTrue(groupArn.startsWith(prefix), trail.urn() + ": a group of the trail's region: " + groupArn);
                String groupName = groupArn.substring(prefix.length(), groupArn.length() - 2);
                assertEquals(1, plan.where(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup") && groupName.equals(r.prop("name"))
                        && trail.region().equals(r.region())).size(), trail.urn() + ": log group " + groupName + " of the plan");
                String roleArn = String.valueOf(trail.prop("cloudWatchLogsRoleArn"));
                PlanResource role = plan.ofType("aws:iam/role:Role").stream()
                        .filter(r -> roleArn.equals("arn:aws:iam::123456789012:role/" + r.prop("name"))).findFirst()
                        .orElseThrow(() -> new AssertionError(trail.urn() + ": no role " + roleArn));
                assertTrue(statements(role.prop("assumeRolePolicy")).stream().anyMatch(s ->
                        Map.of("Service", "cloudtrail.amazonaws.com").equals(s.get("Principal"))), role.urn());
                PlanResource inline = plan.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                        .filter(p -> p.dependencies().contains(role.urn())).findFirst().orElseThrow();
                assertTrue(trail.dependencies().contains(inline.urn()), trail.urn() + " waits for the role's permissions");
                assertEquals(List.of(Map.of("Sid", "AWSCloudTrailDelivery", "Effect", "Allow",
                                "Action", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                                "Resource", groupArn.substring(0, groupArn.length() - 2) + ":log-stream:123456789012_CloudTrail_*")),
                        statements(inline.prop("policy")), inline.urn());
            }
        }
    }

    /**
     * CreateTrail and UpdateTrail with a CloudWatch Logs role need {@code iam:PassRole} on it for CloudTrail: the CI
     * deploy role passes the stack's roles only to the services it lists ({@code iam:PassedToService}), so that list
     * names CloudTrail wherever a trail delivers through a role, or every CI deploy that touches the trail is refused.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theDeployRoleMayPassEveryTrailsDeliveryRoleToCloudTrail() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            assertFalse(plan.ofType(TRAIL).isEmpty(), plan.stack());
            List<Object> passedTo = new ArrayList<>();
            for (PlanResource policy : plan.where(r -> r.type().equals("aws:iam/policy:Policy") && r.name().startsWith("ci-deploy-policy"))) {
                for (Map<String, Object> s : statements(policy.prop("policy"))) {
                    Object actions = s.get("Action");
                    if ((actions instanceof List<?> l ? l.contains("iam:PassRole") : "iam:PassRole".equals(actions))
                            && s.get("Condition") instanceof Map<?, ?> c && c.get("StringEquals") instanceof Map<?, ?> eq) {
                        Object services = eq.get("iam:PassedToService");
                        passedTo.addAll(services instanceof List<?> list ? list : List.of(String.valueOf(services)));
                    }
                }
            }
            assertFalse(passedTo.isEmpty(), plan.stack() + ": the deploy role's PassRole statement");
            assertTrue(passedTo.contains("cloudtrail.amazonaws.com"), plan.stack() + ": PassedToService " + passedTo);
        }
    }

    /** SPEC "Audit": multi-region, validated, encrypted; the policy pack holds production to it too. */
    @Test
    void everyTrailIsMultiRegionValidatedAndEncrypted() {
        for (Plan plan : plans()) {
            for (PlanResource trail : plan.ofType(TRAIL)) {
                assertEquals(true, trail.prop("isMultiRegionTrail"), trail.urn());
                assertEquals(true, trail.prop("enableLogFileValidation"), trail.urn());
                assertEquals(true, trail.prop("includeGlobalServiceEvents"), trail.urn());
                assertTrue(String.valueOf(trail.prop("kmsKeyId")).startsWith("arn:aws:kms:"), trail.urn());
            }
        }
    }

    /** Production: the trail, its bucket and key are protected and nobody deletes a log file; dev can be torn down. */
    @Test
    void productionProtectsTheEvidenceAndDevCanBeTornDown() {
        Plan prod = StackPlans.prod();
        for (String name : List.of("audit-trail", "audit-trail-bucket", "audit-trail-key")) {
            assertTrue(prod.where(r -> r.name().equals(name) && r.custom()).get(0).protect(), name);
        }
        assertEquals(false, prod.require("aws:s3/bucketV2:BucketV2", "audit-trail-bucket").prop("forceDestroy"));
        assertTrue(statements(prod.require("aws:s3/bucketPolicy:BucketPolicy", "audit-trail-bucket-policy").prop("policy")).stream()
                .anyMatch(s -> "Deny".equals(s.get("Effect")) && "*".equals(s.get("Principal"))
                        && s.get("Action") instanceof List<?> actions && actions.containsAll(List.of("s3:DeleteObject", "s3:DeleteObjectVersion"))));
        Plan dev = StackPlans.dev();
        assertFalse(dev.require(TRAIL, "audit-trail").protect());
        assertEquals(true, dev.require("aws:s3/bucketV2:BucketV2", "audit-trail-bucket").prop("forceDestroy"));
        assertFalse(String.valueOf(dev.require("aws:s3/bucketPolicy:BucketPolicy", "audit-trail-bucket-policy").prop("policy"))
                .contains("DenyDeletingAuditLogs"));
    }

    /**
     * The bucket's lifecycle: to Glacier after {@code trailColdStorageAfterDays}, expired after {@code trailRetentionDays}
     * (old versions too); CloudTrail's own files stay readable until then.
     */
    @Test
    @SuppressWarnings("unchecked")
    void logFilesMoveToColdStorageAndExpireAfterTheConfiguredDays() {
        PlanResource lifecycle = StackPlans.prod().require("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "audit-trail-bucket-lifecycle");
        Map<String, Object> rule = ((List<Map<String, Object>>) lifecycle.prop("rules")).get(0);
        assertEquals("[{days=90, storageClass=GLACIER}]", String.valueOf(rule.get("transitions")));
        assertEquals("{days=2190}", String.valueOf(rule.get("expiration")));
        assertEquals("{noncurrentDays=2190}", String.valueOf(rule.get("noncurrentVersionExpiration")));
    }

    /**
     * A metric filter nobody watches alarms nobody: every filter of every plan publishes a metric that an alarm of its
     * region watches (Sum of at least 1 in 5 minutes), notifying that region's alert topic.
     */
    @Test
    void everyMetricFilterHasAnAlarmOnItsMetricToTheRegionsAlertTopic() {
        for (Plan plan : plans()) {
            for (PlanResource filter : plan.ofType("aws:cloudwatch/logMetricFilter:LogMetricFilter")) {
                Object namespace = filter.prop("metricTransformation.namespace");
                Object metric = filter.prop("metricTransformation.name");
                List<PlanResource> alarms = plan.where(a -> a.type().equals("aws:cloudwatch/metricAlarm:MetricAlarm")
                        && Objects.equals(a.prop("namespace"), namespace) && Objects.equals(a.prop("metricName"), metric)
                        && Objects.equals(a.region(), filter.region()));
                assertEquals(1, alarms.size(), filter.urn() + ": alarms on " + namespace + "/" + metric);
                PlanResource alarm = alarms.get(0);
                assertEquals(List.of(plan.outputs().get("observability.alertTopicArn." + filter.region())), alarm.prop("alarmActions"), alarm.urn());
                assertEquals("GreaterThanOrEqualToThreshold", alarm.prop("comparisonOperator"), alarm.urn());
                assertEquals("Sum", alarm.prop("statistic"), alarm.urn());
            }
        }
    }

    // ---- rules over every detector and Security Hub subscription ----

    /**
     * One detector per account and region (CreateDetector fails with BadRequestException when one exists), and one
     * Security Hub subscription (EnableSecurityHub: ResourceConflictException): a plan creates at most one of each per
     * region. Two stacks in one account are refused by {@code config.AuditAccountSharing}.
     */
    @Test
    void aPlanCreatesAtMostOneDetectorAndOneSecurityHubPerRegion() {
        for (Plan plan : plans()) {
            for (String type : List.of(DETECTOR, HUB)) {
                Map<String, Long> perRegion = plan.ofType(type).stream()
                        .collect(Collectors.groupingBy(PlanResource::region, TreeMap::new, Collectors.counting()));
                perRegion.forEach((region, count) -> assertEquals(1L, count, plan.stack() + " " + type + " in " + region));
            }
        }
        assertEquals(Set.of("us-east-1", "eu-west-1"),
                StackPlans.prod().ofType(DETECTOR).stream().map(PlanResource::region).collect(Collectors.toSet()),
                "GuardDuty in every region of the stack");
    }

    /**
     * Features through aws_guardduty_detector_feature only (the detector's datasources are deprecated); runtime
     * monitoring names every additional configuration GuardDuty reads back, or each run would show a diff.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyDetectorHasItsFourFeaturesAndRuntimeMonitoringNamesEveryAgentSetting() {
        for (Plan plan : plans()) {
            for (PlanResource detector : plan.ofType(DETECTOR)) {
                assertEquals(null, detector.prop("datasources"), detector.urn());
                assertEquals(true, detector.prop("enable"), detector.urn());
                Map<String, Object> features = new TreeMap<>();
                for (PlanResource feature : plan.where(r -> r.type().equals(FEATURE) && r.dependencies().contains(detector.urn()))) {
                    features.put(String.valueOf(feature.prop("name")), feature.prop("status"));
                    if ("RUNTIME_MONITORING".equals(feature.prop("name"))) {
                        Map<String, String> additional = new TreeMap<>();
                        ((List<Map<String, Object>>) feature.prop("additionalConfigurations")).forEach(c ->
                                additional.put(String.valueOf(c.get("name")), String.valueOf(c.get("status"))));
                        assertEquals(Map.of("EKS_ADDON_MANAGEMENT", "ENABLED", "ECS_FARGATE_AGENT_MANAGEMENT", "DISABLED",
                                "EC2_AGENT_MANAGEMENT", "DISABLED"), additional, feature.urn());
                    } else {
                        assertEquals(null, feature.prop("additionalConfigurations"), feature.urn());
                    }
                }
                // CreateDetector enables every optional feature but RUNTIME_MONITORING unless told: each one is stated.
                assertEquals(Map.of("S3_DATA_EVENTS", "ENABLED", "EKS_AUDIT_LOGS", "ENABLED", "RDS_LOGIN_EVENTS", "ENABLED",
                        "RUNTIME_MONITORING", "ENABLED", "EBS_MALWARE_PROTECTION", "ENABLED", "LAMBDA_NETWORK_LOGS", "DISABLED"),
                        features, detector.urn());
                assertFalse(features.containsKey("EKS_RUNTIME_MONITORING"), "API: EKS_RUNTIME_MONITORING with RUNTIME_MONITORING is an error");
            }
        }
    }

    /** Findings of the configured severity or above reach the alert topic of the detector's region. */
    @Test
    @SuppressWarnings("unchecked")
    void findingsOfEveryRegionGoToThatRegionsAlertTopic() {
        for (Plan plan : plans()) {
            Set<String> detectorRegions = plan.ofType(DETECTOR).stream().map(PlanResource::region).collect(Collectors.toCollection(TreeSet::new));
            Set<String> alerted = new TreeSet<>();
            for (PlanResource rule : plan.ofType("aws:cloudwatch/eventRule:EventRule")) {
                Map<String, Object> pattern = GSON.fromJson(String.valueOf(rule.prop("eventPattern")), Map.class);
                if (!List.of("aws.guardduty").equals(pattern.get("source"))) {
                    continue;
                }
                assertEquals(List.of("GuardDuty Finding"), pattern.get("detail-type"), rule.urn());
                assertEquals(Map.of("severity", List.of(Map.of("numeric", List.of(">=", 4.0)))), pattern.get("detail"), rule.urn());
                PlanResource target = plan.where(t -> t.type().equals("aws:cloudwatch/eventTarget:EventTarget")
                        && t.dependencies().contains(rule.urn())).get(0);
                assertEquals(plan.outputs().get("observability.alertTopicArn." + rule.region()), target.prop("arn"), target.urn());
                alerted.add(rule.region());
            }
            assertEquals(detectorRegions, alerted, plan.stack());
        }
    }

    /** Without the default standards (CIS 1.2 and FSBP enabled outside the program), and FSBP of its own region. */
    @Test
    void securityHubSubscribesToTheFoundationalStandardOfItsRegionOnly() {
        for (PlanResource hub : Plans.PROD_SECURITY_HUB.ofType(HUB)) {
            assertEquals(false, hub.prop("enableDefaultStandards"), hub.urn());
            PlanResource standard = Plans.PROD_SECURITY_HUB.where(r -> r.type().equals("aws:securityhub/standardsSubscription:StandardsSubscription")
                    && r.dependencies().contains(hub.urn())).get(0);
            assertEquals("arn:aws:securityhub:" + hub.region() + "::standards/aws-foundational-security-best-practices/v/1.0.0",
                    standard.prop("standardsArn"));
        }
    }
}
