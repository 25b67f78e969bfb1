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
                publishFromThisAccount("AllowCloudWatchAlarms", "cloudwatch.amazonaws.com", topicArn,
                        "arn:" + partition + ":cloudwatch:" + region + ":" + accountId + ":alarm:*", accountId),
                publishFromThisAccount("AllowEventBridgeRules", "events.amazonaws.com", topicArn,
                        "arn:" + partition + ":events:" + region + ":" + accountId + ":rule/*", accountId),
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

    /** A service may publish to the topic, but only on behalf of this account's own alarms or rules (confused deputy). */
    private static Statement publishFromThisAccount(String sid, String servicePrincipal, String topicArn, String sourceArnPattern,
                                                    String accountId) {
        return Statement.allow()
                .sid(sid)
                .principal(Principal.service(servicePrincipal))
                .action("sns:Publish")
                .resource(topicArn)
                .condition("ArnLike", "aws:SourceArn", sourceArnPattern)
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build();
    }
}
