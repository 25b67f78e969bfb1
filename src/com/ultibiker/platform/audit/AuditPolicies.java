package com.ultibiker.platform.audit;

import com.ultibiker.platform.common.BucketPolicies;
import com.ultibiker.platform.common.JsonDocuments;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;
import com.ultibiker.platform.model.FindingSeverity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of the policy documents and event patterns of {@link Audit}. */
final class AuditPolicies {

    static final String CLOUDTRAIL = "cloudtrail.amazonaws.com";
    /** What a trail's object deletes are refused to in production (the deny-delete bucket policy). */
    static final List<String> DELETE_ACTIONS = List.of("s3:DeleteObject", "s3:DeleteObjectVersion", "s3:DeleteBucket");

    private AuditPolicies() {
    }

    /**
     * The trail's ARN, built from its parts: the key and the bucket policy name the trail before it exists (CloudTrail
     * checks both on CreateTrail), so it cannot come from the trail's own output.
     */
    static String trailArn(String partition, String region, String accountId, String trailName) {
        return "arn:" + partition + ":cloudtrail:" + region + ":" + accountId + ":trail/" + trailName;
    }

    /**
     * The trail key's service grants (CloudTrail User Guide, "Configure AWS KMS key policies for CloudTrail"):
     * CloudTrail may generate data keys to encrypt this trail's log and digest files (encryption context of a trail of
     * this account, and {@code aws:SourceArn} the trail) and describe the key; CloudWatch Logs of the trail's region
     * may use it for the trail's log group. Reading the logs is left to the account's IAM (the key's first statement).
     */
    static List<KeyPolicies.ServiceGrant> trailKeyGrants(String partition, String region, String accountId, String trailArn) {
        return List.of(
                new KeyPolicies.ServiceGrant(Statement.allow()
                        .sid("AllowCloudTrailToEncryptLogs")
                        .principal(Principal.service(CLOUDTRAIL))
                        .action("kms:GenerateDataKey*")
                        .resource("*")
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                                "arn:" + partition + ":cloudtrail:*:" + accountId + ":trail/*")
                        .build()),
                new KeyPolicies.ServiceGrant(Statement.allow()
                        .sid("AllowCloudTrailToDescribeKey")
                        .principal(Principal.service(CLOUDTRAIL))
                        .action("kms:DescribeKey")
                        .resource("*")
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .build()),
                KeyPolicies.ServiceGrant.cloudWatchLogs(partition, region, accountId));
    }

    /**
     * The trail bucket's statements (CloudTrail User Guide, "Amazon S3 bucket policy for CloudTrail"): only this trail may
     * read the bucket ACL and put objects under {@code AWSLogs/<account>/}, with the owner in full control; in production
     * nobody may delete an object version or the bucket (S3 lifecycle expiration is S3's own and not a request a bucket
     * policy denies). {@code SecureBucket} adds the TLS-only deny after them.
     */
    static List<Statement> trailBucketStatements(String bucketArn, String accountId, String trailArn, boolean denyDeletes) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow()
                .sid("AWSCloudTrailAclCheck")
                .principal(Principal.service(CLOUDTRAIL))
                .action("s3:GetBucketAcl")
                .resource(bucketArn)
                .condition("StringEquals", "aws:SourceArn", trailArn)
                .build());
        statements.add(BucketPolicies.allowPutObject("AWSCloudTrailWrite", Principal.service(CLOUDTRAIL),
                        bucketArn + "/AWSLogs/" + accountId + "/*")
                .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                .condition("StringEquals", "aws:SourceArn", trailArn)
                .build());
        if (denyDeletes) {
            statements.add(Statement.deny()
                    .sid("DenyDeletingAuditLogs")
                    .principal(Principal.anyone())
                    .actions(DELETE_ACTIONS)
                    .resources(bucketArn, bucketArn + "/*")
                    .build());
        }
        return List.copyOf(statements);
    }

    /** CloudTrail assumes the delivery role only for this account's trails. */
    static String deliveryRoleTrust(String accountId) {
        return PolicyDocument.of(Statement.allow()
                .principal(Principal.service(CLOUDTRAIL))
                .action("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build()).toCompactJson();
    }

    /**
     * The delivery role's permissions (CloudTrail User Guide, "Role policy document for CloudTrail to use CloudWatch
     * Logs"): create and write the trail's streams ({@code <account>_CloudTrail_<region>}) in that one log group.
     */
    static String deliveryRolePermissions(String logGroupArn, String accountId) {
        return PolicyDocument.of(Statement.allow()
                .sid("AWSCloudTrailDelivery")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resource(logGroupArn + ":log-stream:" + accountId + "_CloudTrail_*")
                .build()).toCompactJson();
    }

    /**
     * GuardDuty findings at or above {@code severity} (EventBridge User Guide, numeric matching; GuardDuty User Guide,
     * "Processing GuardDuty findings with Amazon EventBridge": source {@code aws.guardduty}, detail-type
     * {@code GuardDuty Finding}, {@code detail.severity} a number).
     */
    static String findingsPattern(FindingSeverity severity) {
        Map<String, Object> numeric = Map.of("numeric", List.of(">=", severity.minimum()));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.guardduty"));
        pattern.put("detail-type", List.of("GuardDuty Finding"));
        pattern.put("detail", Map.of("severity", List.of(numeric)));
        return JsonDocuments.compact(pattern);
    }
}
