package com.ultibiker.platform.ci;

import com.google.gson.Gson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small reading of IAM policy documents for tests: which actions a set of documents allows at all
 * (an Allow statement whose Action matches, wildcards included, not cancelled by an unconditional Deny
 * on every resource). Conditions and resources of Allow statements are not evaluated: the question is
 * whether a role can ever call the action, which is what a missing permission breaks.
 */
final class PolicyEvaluation {

    private PolicyEvaluation() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(String document) {
        Map<String, Object> doc = new Gson().fromJson(document, Map.class);
        Object s = doc.get("Statement");
        return s instanceof List<?> list ? (List<Map<String, Object>>) list : List.of((Map<String, Object>) s);
    }

    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        ((List<?>) value).forEach(v -> out.add(String.valueOf(v)));
        return out;
    }

    static boolean matches(String pattern, String action) {
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }

    /** Whether {@code documents} allow {@code action} at all. */
    static boolean allows(List<String> documents, String action) {
        boolean allowed = false;
        for (String doc : documents) {
            for (Map<String, Object> st : statements(doc)) {
                boolean hit = strings(st.get("Action")).stream().anyMatch(p -> matches(p, action));
                if (!hit) {
                    continue;
                }
                if ("Deny".equals(st.get("Effect")) && st.get("Condition") == null && strings(st.get("Resource")).contains("*")) {
                    return false;
                }
                if ("Allow".equals(st.get("Effect"))) {
                    allowed = true;
                }
            }
        }
        return allowed;
    }

    /** The Deny statements of {@code documents} whose actions include {@code action}. */
    static List<Map<String, Object>> denials(List<String> documents, String action) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String doc : documents) {
            for (Map<String, Object> st : statements(doc)) {
                if ("Deny".equals(st.get("Effect")) && strings(st.get("Action")).stream().anyMatch(p -> matches(p, action))) {
                    out.add(st);
                }
            }
        }
        return out;
    }
}
