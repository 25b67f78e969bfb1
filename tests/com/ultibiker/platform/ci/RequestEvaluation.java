package com.ultibiker.platform.ci;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * IAM's evaluation of one request against identity policies, for the operators the CI policies use: an explicit
 * Deny whose action, resource and conditions match wins; else an Allow whose action, resource and conditions all match
 * (IAM User Guide, "Policy evaluation logic"). Conditions: StringEquals, StringNotEquals, StringLike, ArnLike, Null,
 * Bool, each with IAM's rule for a key the request does not carry (false for the positive operators, true for the
 * negated ones, Null true when absent). Anything else fails the test that meets it rather than guessing.
 */
final class RequestEvaluation {

    /** A request: the action, the resource ARN and the request's condition keys (absent = not in the request). */
    record Request(String action, String resource, Map<String, String> context) {
    }

    private RequestEvaluation() {
    }

    static boolean allowed(List<String> documents, Request request) {
        boolean allow = false;
        for (String doc : documents) {
            for (Map<String, Object> st : PolicyEvaluation.statements(doc)) {
                if (!applies(st, request)) {
                    continue;
                }
                if ("Deny".equals(st.get("Effect"))) {
                    return false;
                }
                allow = true;
            }
        }
        return allow;
    }

    private static boolean applies(Map<String, Object> st, Request r) {
        if (PolicyEvaluation.strings(st.get("Action")).stream().noneMatch(p -> PolicyEvaluation.matches(p, r.action()))) {
            return false;
        }
        if (PolicyEvaluation.strings(st.get("Resource")).stream().noneMatch(p -> glob(p, r.resource()))) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> conditions = (Map<String, Map<String, Object>>) st.getOrDefault("Condition", Map.of());
        for (var operator : conditions.entrySet()) {
            for (var key : operator.getValue().entrySet()) {
                if (!holds(operator.getKey(), r.context().get(key.getKey()), PolicyEvaluation.strings(key.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean holds(String operator, String value, List<String> expected) {
        return switch (operator) {
            case "StringEquals", "ArnEquals" -> value != null && expected.contains(value);
            case "StringNotEquals" -> value == null || !expected.contains(value);
            case "StringLike", "ArnLike" -> value != null && expected.stream().anyMatch(p -> glob(p, value));
            case "Null" -> expected.contains(String.valueOf(value == null));
            case "Bool" -> value != null && expected.contains(value);
            default -> throw new IllegalArgumentException("condition operator " + operator + " is not modelled here");
        };
    }

    private static boolean glob(String pattern, String value) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex).matcher(value).matches();
    }
}
