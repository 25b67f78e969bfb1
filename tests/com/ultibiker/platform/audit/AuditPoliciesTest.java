package com.ultibiker.platform.audit;

import com.ultibiker.platform.common.BucketPolicies;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.model.FindingSeverity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The trail's documents and the findings pattern, as literal JSON (sources in each builder's comment). */
class AuditPoliciesTest {

    private static final String TRAIL = "arn:aws:cloudtrail:us-east-1:111122223333:trail/ultibiker-prod-trail";

    @Test
    void theTrailArnIsBuiltFromItsPartsBeforeTheTrailExists() {
        assertEquals(TRAIL, AuditPolicies.trailArn("aws", "us-east-1", "111122223333", "ultibiker-prod-trail"));
        assertEquals("arn:aws-us-gov:cloudtrail:us-gov-west-1:111122223333:trail/t",
                AuditPolicies.trailArn("aws-us-gov", "us-gov-west-1", "111122223333", "t"));
    }

    /** CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail". */
    @Test
    void theKeyLetsThisTrailEncryptAndDescribeAndTheRegionsLogsUseIt() {
        String doc = KeyPolicies.document("aws", "111122223333",
                AuditPolicies.trailKeyGrants("aws", "us-east-1", "111122223333", TRAIL));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"EnableIamPolicies\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},"
                + "\"Action\":[\"kms:*\"],\"Resource\":\"*\"},"
                + "{\"Sid\":\"AllowCloudTrailToEncryptLogs\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"kms:GenerateDataKey*\",\"Resource\":\"*\",\"Condition\":{"
                + "\"StringEquals\":{\"aws:SourceArn\":\"" + TRAIL + "\"},"
                + "\"StringLike\":{\"kms:EncryptionContext:aws:cloudtrail:arn\":\"arn:aws:cloudtrail:*:111122223333:trail/*\"}}},"
                + "{\"Sid\":\"AllowCloudTrailToDescribeKey\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"kms:DescribeKey\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceArn\":\"" + TRAIL + "\"}}},"
                + "{\"Sid\":\"AllowCloudWatchLogs\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"logs.us-east-1.amazonaws.com\"},"
                + "\"Action\":[\"kms:Encrypt*\",\"kms:Decrypt*\",\"kms:ReEncrypt*\",\"kms:GenerateDataKey*\",\"kms:Describe*\"],"
                + "\"Resource\":\"*\",\"Condition\":{\"ArnLike\":{\"kms:EncryptionContext:aws:logs:arn\":"
                + "\"arn:aws:logs:us-east-1:111122223333:log-group:*\"}}}]}", doc);
    }

    /** CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail" (SecureBucket appends the TLS-only deny). */
    @Test
    void onlyThisTrailWritesTheBucketAndInProductionNobodyDeletes() {
        String common = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"AWSCloudTrailAclCheck\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:GetBucketAcl\",\"Resource\":\"arn:aws:s3:::b\",\"Condition\":{\"StringEquals\":{\"aws:SourceArn\":\"" + TRAIL + "\"}}},"
                + "{\"Sid\":\"AWSCloudTrailWrite\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                + "\"Action\":\"s3:PutObject\",\"Resource\":\"arn:aws:s3:::b/AWSLogs/111122223333/*\",\"Condition\":{\"StringEquals\":"
                + "{\"s3:x-amz-acl\":\"bucket-owner-full-control\",\"aws:SourceArn\":\"" + TRAIL + "\"}}}";
        assertEquals(common + "]}", BucketPolicies.document(AuditPolicies.trailBucketStatements("arn:aws:s3:::b", "111122223333", TRAIL, false)));
        assertEquals(common + ",{\"Sid\":\"DenyDeletingAuditLogs\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                        + "\"Action\":[\"s3:DeleteObject\",\"s3:DeleteObjectVersion\",\"s3:DeleteBucket\"],"
                        + "\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"]}]}",
                BucketPolicies.document(AuditPolicies.trailBucketStatements("arn:aws:s3:::b", "111122223333", TRAIL, true)));
    }

    /** CloudTrail User Guide, "Role policy document for CloudTrail to use CloudWatch Logs for monitoring". */
    @Test
    void theDeliveryRoleWritesOnlyTheTrailsStreamsOfItsGroup() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudtrail.amazonaws.com\"},"
                        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"111122223333\"}}}]}",
                AuditPolicies.deliveryRoleTrust("111122223333"));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AWSCloudTrailDelivery\",\"Effect\":\"Allow\","
                        + "\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                        + "\"Resource\":\"arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/ultibiker-prod:log-stream:111122223333_CloudTrail_*\"}]}",
                AuditPolicies.deliveryRolePermissions("arn:aws:logs:us-east-1:111122223333:log-group:/aws/cloudtrail/ultibiker-prod",
                        "111122223333"));
    }

    /** EventBridge numeric matching on GuardDuty's detail.severity. */
    @Test
    void findingsAtOrAboveTheConfiguredLevelMatch() {
        assertEquals("{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"],"
                + "\"detail\":{\"severity\":[{\"numeric\":[\">=\",4.0]}]}}", AuditPolicies.findingsPattern(FindingSeverity.MEDIUM));
        assertEquals("{\"source\":[\"aws.guardduty\"],\"detail-type\":[\"GuardDuty Finding\"],"
                + "\"detail\":{\"severity\":[{\"numeric\":[\">=\",7.0]}]}}", AuditPolicies.findingsPattern(FindingSeverity.HIGH));
    }

    /** Security Hub CSPM User Guide, standards reference: the FSBP ARN carries the region and no account. */
    @Test
    void theFoundationalStandardArnIsPerRegion() {
        assertEquals("arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0",
                Audit.foundationalStandardArn("aws", "eu-west-1"));
    }

    /** Security Hub CSPM User Guide, "Security Hub CSPM controls for Amazon CloudWatch": the controls and their patterns. */
    @Test
    void theFiltersAreTheCisControlsAnAuditorAsksAbout() {
        assertEquals(java.util.List.of("CloudWatch.1", "CloudWatch.2", "CloudWatch.3", "CloudWatch.4", "CloudWatch.5", "CloudWatch.8",
                "CloudWatch.7"), TrailAlarm.all().stream().map(TrailAlarm::control).toList());
        TrailAlarm root = TrailAlarm.all().get(0);
        assertEquals("{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }",
                root.pattern());
        assertEquals("RootUser", root.metricName());
        assertEquals("{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }", TrailAlarm.all().get(2).pattern());
        assertEquals("{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }",
                TrailAlarm.all().get(6).pattern());
    }
}
