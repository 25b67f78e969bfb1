package com.ultibiker.platform.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of a {@link PolicyDocument}, built by name:
 * {@code Statement.allow().sid("Read").action("s3:GetObject").resource(arn).build()}.
 *
 * <p>{@code Action} and {@code Resource} are written in the form given: {@code action(a)} as a string,
 * {@code actions(list)} as an array (also of one), so a document reads as its author wrote it and a
 * rendered policy does not change form between runs. A statement without resources has no
 * {@code Resource} element (trust policies); without a principal, no {@code Principal} (identity
 * policies). Conditions are grouped by operator in the order first given.
 *
 * @param sid        optional statement id
 * @param principal  optional principal (resource and trust policies)
 * @param actions    the actions, at least one
 * @param resources  the resources, possibly none
 * @param conditions the conditions, possibly none
 */
public record Statement(Optional<String> sid, Effect effect, Optional<Principal> principal, Values actions,
                        Values resources, List<Condition> conditions) {

    /** Element names of a statement, for code that reads rendered policies. */
    public static final String SID = "Sid";
    public static final String EFFECT = "Effect";
    public static final String PRINCIPAL = "Principal";
    public static final String ACTION = "Action";
    public static final String RESOURCE = "Resource";
    public static final String CONDITION = "Condition";

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(resources, "resources");
        conditions = List.copyOf(conditions);
        if (actions.items().isEmpty()) {
            throw new IllegalArgumentException("statement " + sid.orElse("without Sid") + " has no action");
        }
    }

    /** A statement's {@code Effect}. */
    public enum Effect {
        ALLOW("Allow"),
        DENY("Deny");

        private final String json;

        Effect(String json) {
            this.json = json;
        }

        /** The value as IAM writes it. */
        public String json() {
            return json;
        }
    }

    /**
     * One condition: {@code operator} ({@code StringEquals}, {@code ArnLike}, {@code Bool}, ...) applied to
     * context {@code key} with {@code value}: a string, a boolean, or a list of strings (any of them).
     */
    public record Condition(String operator, String key, Object value) {

        public Condition {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (value instanceof List<?> list) {
                if (list.isEmpty() || !list.stream().allMatch(String.class::isInstance)) {
                    throw new IllegalArgumentException("condition " + operator + " " + key + ": a list value must be non-empty strings");
                }
                value = List.copyOf(list);
            } else if (!(value instanceof String) && !(value instanceof Boolean)) {
                throw new IllegalArgumentException("condition " + operator + " " + key + ": value " + value
                        + " must be a string, a boolean or a list of strings");
            }
        }
    }

    /** A list of actions or resources and whether it is written as an array even when it has one item. */
    public record Values(List<String> items, boolean array) {

        static final Values NONE = new Values(List.of(), true);

        public Values {
            items = List.copyOf(items);
        }

        Object toJson() {
            return array ? items : items.get(0);
        }
    }

    public static Builder allow() {
        return new Builder(Effect.ALLOW);
    }

    public static Builder deny() {
        return new Builder(Effect.DENY);
    }

    /** The builder with its effect named explicitly. */
    public static Builder builder(Effect effect) {
        return new Builder(Objects.requireNonNull(effect, "effect"));
    }

    /** The statement's element map, keys in IAM's usual order (Sid, Effect, Principal, Action, Resource, Condition). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        sid.ifPresent(s -> json.put(SID, s));
        json.put(EFFECT, effect.json());
        principal.ifPresent(p -> json.put(PRINCIPAL, p.toJson()));
        json.put(ACTION, actions.toJson());
        if (!resources.items().isEmpty()) {
            json.put(RESOURCE, resources.toJson());
        }
        if (!conditions.isEmpty()) {
            Map<String, Map<String, Object>> byOperator = new LinkedHashMap<>();
            for (Condition c : conditions) {
                Map<String, Object> keys = byOperator.computeIfAbsent(c.operator(), k -> new LinkedHashMap<>());
                if (keys.put(c.key(), c.value()) != null) {
                    throw new IllegalArgumentException("statement " + sid.orElse("without Sid") + ": condition "
                            + c.operator() + " " + c.key() + " given twice");
                }
            }
            json.put(CONDITION, byOperator);
        }
        return json;
    }

    public static final class Builder {
        private final Effect effect;
        private String sid;
        private Principal principal;
        private Values actions;
        private Values resources = Values.NONE;
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(Effect effect) {
            this.effect = effect;
        }

        public Builder sid(String sid) {
            this.sid = Objects.requireNonNull(sid, "sid");
            return this;
        }

        public Builder principal(Principal principal) {
            this.principal = Objects.requireNonNull(principal, "principal");
            return this;
        }

        /** One action, written as a string. */
        public Builder action(String action) {
            return actions(new Values(List.of(Objects.requireNonNull(action, "action")), false));
        }

        /** Actions, written as an array. */
        public Builder actions(List<String> actions) {
            return actions(new Values(actions, true));
        }

        public Builder actions(String... actions) {
            return actions(List.of(actions));
        }

        private Builder actions(Values values) {
            if (this.actions != null) {
                throw new IllegalStateException("statement " + sid + ": actions already set");
            }
            this.actions = values;
            return this;
        }

        /** One resource, written as a string. */
        public Builder resource(String resource) {
            return resources(new Values(List.of(Objects.requireNonNull(resource, "resource")), false));
        }

        /** Resources, written as an array. */
        public Builder resources(List<String> resources) {
            if (resources.isEmpty()) {
                throw new IllegalArgumentException("statement " + sid + ": resources(...) needs at least one; omit it for none");
            }
            return resources(new Values(resources, true));
        }

        public Builder resources(String... resources) {
            return resources(List.of(resources));
        }

        private Builder resources(Values values) {
            if (!this.resources.items().isEmpty()) {
                throw new IllegalStateException("statement " + sid + ": resources already set");
            }
            this.resources = values;
            return this;
        }

        public Builder condition(String operator, String key, String value) {
            return condition(new Condition(operator, key, value));
        }

        public Builder condition(String operator, String key, boolean value) {
            return condition(new Condition(operator, key, value));
        }

        public Builder condition(String operator, String key, List<String> anyOf) {
            return condition(new Condition(operator, key, anyOf));
        }

        public Builder condition(Condition condition) {
            conditions.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        public Statement build() {
            if (actions == null) {
                throw new IllegalStateException("statement " + (sid == null ? "without Sid" : sid)
                        + ": missing required field actions (action(...) or actions(...))");
            }
            Statement statement = new Statement(Optional.ofNullable(sid), effect, Optional.ofNullable(principal), actions,
                    resources, conditions);
            statement.toJson(); // refuses a condition key given twice now, not when rendered
            return statement;
        }
    }
}
