package com.ultibiker.platform.common;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of KMS key policy documents. */
public final class KeyPolicies {

    private KeyPolicies() {
    }

    /** A service that may use the key, e.g. CloudWatch Logs of one region. */
    public record ServiceGrant(String sid, String principal, List<String> actions, Map<String, Object> condition) {

        /** CloudWatch Logs in {@code region}, limited to this account's log groups there. */
        public static ServiceGrant cloudWatchLogs(String partition, String region, String accountId) {
            return new ServiceGrant("AllowCloudWatchLogs", "logs." + region + ".amazonaws.com",
                    List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"),
                    Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                            "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:*")));
        }

        /** A service that encrypts data for this account through the key (e.g. SNS from CloudWatch alarms). */
        public static ServiceGrant service(String sid, String principal, String accountId) {
            return new ServiceGrant(sid, principal, List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                    Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        }
    }

    /**
     * Key administration and use stay with the account's IAM (the standard first statement; without it
     * the key becomes unmanageable), plus one statement per service grant.
     */
    public static String document(String partition, String accountId, List<ServiceGrant> grants) {
        List<Map<String, Object>> statements = new ArrayList<>();
        statements.add(statement("EnableIamPolicies", Map.of("AWS", "arn:" + partition + ":iam::" + accountId + ":root"),
                List.of("kms:*"), Map.of()));
        for (ServiceGrant grant : grants) {
            statements.add(statement(grant.sid(), Map.of("Service", grant.principal()), grant.actions(), grant.condition()));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return JsonDocuments.compact(doc);
    }

    private static Map<String, Object> statement(String sid, Map<String, String> principal, List<String> actions,
                                                 Map<String, Object> condition) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("Sid", sid);
        s.put("Effect", "Allow");
        s.put("Principal", principal);
        s.put("Action", actions);
        s.put("Resource", "*");
        if (!condition.isEmpty()) {
            s.put("Condition", condition);
        }
        return s;
    }
}
