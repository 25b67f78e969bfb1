package com.ultibiker.platform.observability;

import com.ultibiker.platform.common.JsonDocuments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of the policy documents of {@link Observability}. */
final class ObservabilityPolicies {

    private ObservabilityPolicies() {
    }

    /** CloudWatch alarms of this account and region may publish; nothing may publish over plain HTTP. */
    static String alertTopicPolicy(String topicArn, String accountId, String partition, String region) {
        Map<String, Object> cloudwatch = new LinkedHashMap<>();
        cloudwatch.put("Sid", "AllowCloudWatchAlarms");
        cloudwatch.put("Effect", "Allow");
        cloudwatch.put("Principal", Map.of("Service", "cloudwatch.amazonaws.com"));
        cloudwatch.put("Action", "sns:Publish");
        cloudwatch.put("Resource", topicArn);
        cloudwatch.put("Condition", Map.of(
                "StringEquals", Map.of("aws:SourceAccount", accountId),
                "ArnLike", Map.of("aws:SourceArn", "arn:" + partition + ":cloudwatch:" + region + ":" + accountId + ":alarm:*")));
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("Sid", "DenyInsecureTransport");
        tls.put("Effect", "Deny");
        tls.put("Principal", "*");
        tls.put("Action", "sns:Publish");
        tls.put("Resource", topicArn);
        tls.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        return json(List.of(cloudwatch, tls));
    }

    /** Publish to one topic, using its key for that only. */
    static String publishPolicy(String topicArn, String keyArn) {
        Map<String, Object> publish = new LinkedHashMap<>();
        publish.put("Effect", "Allow");
        publish.put("Action", "sns:Publish");
        publish.put("Resource", topicArn);
        Map<String, Object> kms = new LinkedHashMap<>();
        kms.put("Effect", "Allow");
        kms.put("Action", List.of("kms:GenerateDataKey*", "kms:Decrypt"));
        kms.put("Resource", keyArn);
        return json(List.of(publish, kms));
    }

    private static String json(List<Map<String, Object>> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return JsonDocuments.compact(doc);
    }
}
