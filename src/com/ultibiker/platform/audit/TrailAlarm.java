package com.ultibiker.platform.audit;

import java.util.List;

/**
 * A CloudWatch Logs metric filter on the trail's log group and the alarm on its metric: the CIS AWS Foundations
 * Benchmark's monitoring filters, as Security Hub checks them (Security Hub CSPM User Guide, "Security Hub CSPM
 * controls for Amazon CloudWatch", CloudWatch.1-5, 7 and 8). Each counts matching events per 5 minutes; one is an alarm.
 *
 * @param role    suffix of the filter, metric and alarm names, e.g. {@code root-user}
 * @param control the Security Hub control the filter satisfies, e.g. {@code CloudWatch.1}
 * @param pattern the filter pattern, exactly as the control states it
 */
public record TrailAlarm(String role, String control, String description, String pattern) {

    /** The metric namespace every filter publishes to. */
    public static final String NAMESPACE = "UltiBiker/Audit";

    /** The metric a filter publishes: the role in PascalCase, e.g. {@code RootUser}. */
    public String metricName() {
        StringBuilder out = new StringBuilder();
        for (String part : role.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** The filters the auditor asks about (issue 20 item 1), and bucket policy changes (lifting the trail bucket's deny-delete). */
    public static List<TrailAlarm> all() {
        return List.of(
                new TrailAlarm("root-user", "CloudWatch.1", "The root user was used",
                        "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"),
                new TrailAlarm("unauthorized-api-calls", "CloudWatch.2", "API calls were refused as unauthorised",
                        "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"),
                new TrailAlarm("console-sign-in-without-mfa", "CloudWatch.3", "A console sign-in without MFA",
                        "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"),
                new TrailAlarm("iam-policy-changes", "CloudWatch.4", "An IAM policy was changed",
                        "{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy)"
                                + " || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy)"
                                + " || ($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion)"
                                + " || ($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy)"
                                + " || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy)"
                                + " || ($.eventName = DetachGroupPolicy) }"),
                new TrailAlarm("cloudtrail-changes", "CloudWatch.5", "A CloudTrail trail was created, changed, stopped or deleted",
                        "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail)"
                                + " || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"),
                new TrailAlarm("s3-bucket-policy-changes", "CloudWatch.8",
                        "A bucket's policy, ACL, lifecycle, CORS or replication was changed (the trail bucket's deny-delete and retention among them)",
                        "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy)"
                                + " || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication)"
                                + " || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle)"
                                + " || ($.eventName = DeleteBucketReplication)) }"),
                new TrailAlarm("kms-key-disabled-or-deleted", "CloudWatch.7", "A KMS key was disabled or scheduled for deletion",
                        "{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }"));
    }
}
