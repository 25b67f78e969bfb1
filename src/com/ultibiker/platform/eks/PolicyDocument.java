package com.ultibiker.platform.eks;

import com.ultibiker.platform.common.JsonDocuments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, ordered IAM policy document model rendered as stable JSON (keys in a fixed order), so the
 * rendered text can be compared with committed golden files and diffs stay readable.
 */
public record PolicyDocument(List<Statement> statements) {

    public PolicyDocument {
        statements = List.copyOf(statements);
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    /**
     * One statement. {@code principal} is empty for identity policies; {@code resources} is empty for
     * trust policies (which have no Resource element).
     */
    public record Statement(String sid, Map<String, Object> principal, List<String> actions, List<String> resources,
                            Map<String, Map<String, Object>> condition) {

        public Statement {
            principal = principal == null ? Map.of() : copy(principal);
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
            condition = condition == null ? Map.of() : copy(condition);
        }

        public static Statement allow(String sid, List<String> actions, List<String> resources) {
            return new Statement(sid, Map.of(), actions, resources, Map.of());
        }

        public Statement when(String operator, String key, Object value) {
            Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
            condition.forEach((op, entries) -> merged.put(op, new LinkedHashMap<>(entries)));
            merged.computeIfAbsent(operator, k -> new LinkedHashMap<>()).put(key, value);
            return new Statement(sid, principal, actions, resources, merged);
        }

        public Statement principal(String type, Object value) {
            Map<String, Object> p = new LinkedHashMap<>(principal);
            p.put(type, value);
            return new Statement(sid, p, actions, resources, condition);
        }

        Map<String, Object> toJson() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("Sid", sid);
            s.put("Effect", "Allow");
            if (!principal.isEmpty()) {
                s.put("Principal", principal);
            }
            s.put("Action", actions.size() == 1 ? actions.get(0) : actions);
            if (!resources.isEmpty()) {
                s.put("Resource", resources.size() == 1 ? resources.get(0) : resources);
            }
            if (!condition.isEmpty()) {
                s.put("Condition", condition);
            }
            return s;
        }

        private static <V> Map<String, V> copy(Map<String, V> map) {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }
    }

    /** Every action of every statement, in order of appearance. */
    public List<String> actions() {
        List<String> all = new ArrayList<>();
        statements.forEach(s -> all.addAll(s.actions()));
        return all;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements.stream().map(Statement::toJson).toList());
        return doc;
    }

    /** Pretty JSON, the form stored in golden files and sent to IAM. */
    public String toJson() {
        return JsonDocuments.pretty(toMap());
    }
}
