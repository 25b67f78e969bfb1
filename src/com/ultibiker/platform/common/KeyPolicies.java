package com.ultibiker.platform.common;

import java.util.ArrayList;
import java.util.List;

/** Pure builders of KMS key policy documents. */
public final class KeyPolicies {

    private KeyPolicies() {
    }

    /** A service that may use the key, e.g. CloudWatch Logs of one region: one statement on the key ({@code "*"}). */
    public record ServiceGrant(Statement statement) {

        /** CloudWatch Logs in {@code region}, limited to this account's log groups there. */
        public static ServiceGrant cloudWatchLogs(String partition, String region, String accountId) {
            return new ServiceGrant(Statement.allow()
                    .sid("AllowCloudWatchLogs")
                    .principal(Principal.service("logs." + region + ".amazonaws.com"))
                    .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                    .resource("*")
                    .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                            "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:*")
                    .build());
        }

        /**
         * CloudWatch Logs in {@code region}, limited to the named log groups ({@code *} allowed in a name): the
         * encryption context CloudWatch Logs sends is the group's ARN (CloudWatch Logs User Guide, "Encrypt log
         * data in CloudWatch Logs using AWS KMS", step 2: {@code kms:EncryptionContext:aws:logs:arn}).
         */
        public static ServiceGrant cloudWatchLogs(String partition, String region, String accountId, List<String> logGroupNames) {
            if (logGroupNames.isEmpty()) {
                throw new IllegalArgumentException("at least one log group name");
            }
            String prefix = "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:";
            List<String> arns = logGroupNames.stream().map(n -> prefix + n).toList();
            Statement.Builder statement = Statement.allow()
                    .sid("AllowCloudWatchLogs")
                    .principal(Principal.service("logs." + region + ".amazonaws.com"))
                    .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                    .resource("*");
            if (arns.size() == 1) {
                statement.condition("ArnLike", "kms:EncryptionContext:aws:logs:arn", arns.get(0));
            } else {
                statement.condition("ArnLike", "kms:EncryptionContext:aws:logs:arn", arns);
            }
            return new ServiceGrant(statement.build());
        }

        /** A service that encrypts data for this account through the key (e.g. SNS from CloudWatch alarms). */
        public static ServiceGrant service(String sid, String principal, String accountId) {
            return new ServiceGrant(Statement.allow()
                    .sid(sid)
                    .principal(Principal.service(principal))
                    .actions("kms:Decrypt", "kms:GenerateDataKey*")
                    .resource("*")
                    .condition("StringEquals", "aws:SourceAccount", accountId)
                    .build());
        }
    }

    /**
     * Key administration and use stay with the account's IAM (the standard first statement; without it
     * the key becomes unmanageable), plus one statement per service grant.
     */
    public static String document(String partition, String accountId, List<ServiceGrant> grants) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.allow()
                .sid("EnableIamPolicies")
                .principal(Principal.aws("arn:" + partition + ":iam::" + accountId + ":root"))
                .actions("kms:*")
                .resource("*")
                .build());
        grants.forEach(grant -> statements.add(grant.statement()));
        return PolicyDocument.of(statements).toCompactJson();
    }
}
