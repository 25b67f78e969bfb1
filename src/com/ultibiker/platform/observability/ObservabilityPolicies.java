package com.ultibiker.platform.observability;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

/** Pure builders of the policy documents of {@link Observability}. */
final class ObservabilityPolicies {

    private ObservabilityPolicies() {
    }

    /**
     * CloudWatch alarms and EventBridge rules of this account and region may publish; nothing may publish over
     * plain HTTP.
     */
    static String alertTopicPolicy(String topicArn, String accountId, String partition, String region) {
        return PolicyDocument.of(
                Statement.allow()
                        .sid("AllowCloudWatchAlarms")
                        .principal(Principal.service("cloudwatch.amazonaws.com"))
                        .action("sns:Publish")
                        .resource(topicArn)
                        .condition("ArnLike", "aws:SourceArn", "arn:" + partition + ":cloudwatch:" + region + ":" + accountId + ":alarm:*")
                        .condition("StringEquals", "aws:SourceAccount", accountId)
                        .build(),
                Statement.allow()
                        .sid("AllowEventBridgeRules")
                        .principal(Principal.service("events.amazonaws.com"))
                        .action("sns:Publish")
                        .resource(topicArn)
                        .condition("ArnLike", "aws:SourceArn", "arn:" + partition + ":events:" + region + ":" + accountId + ":rule/*")
                        .condition("StringEquals", "aws:SourceAccount", accountId)
                        .build(),
                Statement.deny()
                        .sid("DenyInsecureTransport")
                        .principal(Principal.anyone())
                        .action("sns:Publish")
                        .resource(topicArn)
                        .condition("Bool", "aws:SecureTransport", "false")
                        .build()).toCompactJson();
    }

    /** Publish to one topic, using its key for that only. */
    static String publishPolicy(String topicArn, String keyArn) {
        return PolicyDocument.of(
                Statement.allow().action("sns:Publish").resource(topicArn).build(),
                Statement.allow().actions("kms:GenerateDataKey*", "kms:Decrypt").resource(keyArn).build()).toCompactJson();
    }
}
