package com.ultibiker.platform.observability;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanMocks;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules over every CloudWatch log group of every plan: an expiry CloudWatch Logs accepts, and a KMS key that lets
 * CloudWatch Logs of the group's region encrypt that very group. CreateLogGroup (and AssociateKmsKey) with a key
 * whose policy does not grant {@code logs.<region>.amazonaws.com} for the group's ARN fails
 * ({@code AccessDeniedException}; CloudWatch Logs User Guide, "Encrypt log data in CloudWatch Logs using AWS
 * KMS": the key policy's {@code kms:EncryptionContext:aws:logs:arn} condition), so a key that names other groups
 * only is a failed first {@code up}. The policy pack states the same for retention and the key's presence
 * (cloudwatch-log-group-retention, cloudwatch-log-group-kms).
 */
class LogGroupRulesTest {

    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String KEY = "aws:kms/key:Key";
    /** CloudWatch Logs API Reference, PutRetentionPolicy, retentionInDays (copied, not read from the program). */
    private static final List<Integer> CLOUDWATCH_RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    static List<String> violations(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanResource group : plan.ofType(LOG_GROUP)) {
            String name = String.valueOf(group.prop("name"));
            Object retention = group.prop("retentionInDays");
            if (!(retention instanceof Number n) || !CLOUDWATCH_RETENTION_DAYS.contains(n.intValue())) {
                out.add(group.name() + " (" + name + "): retentionInDays " + retention + " is not one of " + CLOUDWATCH_RETENTION_DAYS);
            }
            Object keyId = group.prop("kmsKeyId");
            if (keyId == null || String.valueOf(keyId).isBlank()) {
                out.add(group.name() + " (" + name + "): no kmsKeyId");
                continue;
            }
            String arn = "arn:aws:logs:" + group.region() + ":" + PlanMocks.ACCOUNT_ID + ":log-group:" + name;
            List<PlanResource> keys = group.dependencies().stream().map(plan::byUrn).flatMap(Optional::stream)
                    .filter(r -> r.type().equals(KEY)).toList();
            if (keys.isEmpty()) {
                out.add(group.name() + " (" + name + "): its key " + keyId + " is not a key of the plan it waits for");
            } else if (keys.stream().noneMatch(key -> grantsLogs(String.valueOf(key.prop("policy")), group.region(), arn))) {
                out.add(group.name() + " (" + name + "): key " + keys.get(0).name() + " does not let logs." + group.region()
                        + ".amazonaws.com encrypt " + arn);
            }
        }
        return out;
    }

    /** Whether a statement allows CloudWatch Logs of {@code region} to encrypt with the key for {@code groupArn}. */
    @SuppressWarnings("unchecked")
    static boolean grantsLogs(String policy, String region, String groupArn) {
        Map<String, Object> doc = new Gson().fromJson(policy, Map.class);
        for (Map<String, Object> statement : (List<Map<String, Object>>) doc.get("Statement")) {
            if (!"Allow".equals(statement.get("Effect")) || !(statement.get("Principal") instanceof Map<?, ?> principal)
                    || !("logs." + region + ".amazonaws.com").equals(principal.get("Service"))) {
                continue;
            }
            List<String> actions = asList(statement.get("Action"));
            if (!actions.contains("kms:GenerateDataKey*") && !actions.contains("kms:GenerateDataKey")) {
                continue;
            }
            Map<String, Object> condition = (Map<String, Object>) statement.getOrDefault("Condition", Map.of());
            Map<String, Object> arnLike = (Map<String, Object>) condition.get("ArnLike");
            if (arnLike == null) {
                if (condition.isEmpty()) {
                    return true;
                }
                continue;
            }
            if (asList(arnLike.get("kms:EncryptionContext:aws:logs:arn")).stream().anyMatch(p -> arnLike(p, groupArn))) {
                return true;
            }
        }
        return false;
    }

    /** IAM's ArnLike: {@code *} any run of characters, {@code ?} one character, everything else literal. */
    static boolean arnLike(String pattern, String arn) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return arn.matches(regex.toString());
    }

    private static List<String> asList(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    @Test
    void everyLogGroupOfDevHasAnAcceptedRetentionAndAKeyThatLetsCloudWatchLogsEncryptIt() {
        assertEquals(List.of(), violations(StackPlans.dev()));
    }

    @Test
    void everyLogGroupOfProdHasAnAcceptedRetentionAndAKeyThatLetsCloudWatchLogsEncryptIt() {
        assertEquals(List.of(), violations(StackPlans.prod()));
    }

    @Test
    void arnLikeMatchesLikeIam() {
        assertTrue(arnLike("arn:aws:logs:us-east-1:1:log-group:/aws/containerinsights/c/*",
                "arn:aws:logs:us-east-1:1:log-group:/aws/containerinsights/c/application"));
        assertTrue(!arnLike("arn:aws:logs:us-east-1:1:log-group:/aws/containerinsights/c/*",
                "arn:aws:logs:us-east-1:1:log-group:/aws/containerinsights/c2/application"));
        assertTrue(!arnLike("arn:aws:logs:us-east-1:1:log-group:/aws/eks/c/cluster",
                "arn:aws:logs:eu-west-1:1:log-group:/aws/eks/c/cluster"));
    }

    /** A group encrypted with a key that names only other groups is caught; so is one without retention. */
    @Test
    void aGroupWhoseKeyNamesOtherGroupsOrThatNeverExpiresIsAViolation() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"logs.us-east-1.amazonaws.com\"},\"Action\":[\"kms:Encrypt*\",\"kms:GenerateDataKey*\"],\"Resource\":\"*\","
                + "\"Condition\":{\"ArnLike\":{\"kms:EncryptionContext:aws:logs:arn\":"
                + "\"arn:aws:logs:us-east-1:123456789012:log-group:/aws/eks/c/cluster\"}}}]}";
        var key = new PlanResource("urn:key", KEY, "k", "us-east-1", null, List.of(), false, List.of(), false, true, null,
                List.of(), Map.of("policy", policy));
        var group = new PlanResource("urn:group", LOG_GROUP, "g", "us-east-1", null, List.of("urn:key"), false, List.of(),
                false, true, null, List.of(), Map.of("name", "/aws/containerinsights/c/application", "kmsKeyId", "arn:key"));
        Plan plan = new Plan("p", "s", Map.of(), List.of(key, group), List.of());
        assertEquals(List.of(
                "g (/aws/containerinsights/c/application): retentionInDays null is not one of " + CLOUDWATCH_RETENTION_DAYS,
                "g (/aws/containerinsights/c/application): key k does not let logs.us-east-1.amazonaws.com encrypt "
                        + "arn:aws:logs:us-east-1:123456789012:log-group:/aws/containerinsights/c/application"),
                violations(plan));
    }
}
