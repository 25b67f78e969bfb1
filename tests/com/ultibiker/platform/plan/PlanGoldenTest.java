package com.ultibiker.platform.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The whole plan of every stack (every URN, input, option and output) against its committed golden file,
 * tests/resources/plans/&lt;stack&gt;.json: a refactoring that claims "behaviour unchanged" proves it here.
 *
 * <p>The golden form is canonical so that what the engine does not see does not count: resources sorted
 * by URN, dependencies and aliases sorted, and IAM/resource-policy documents (JSON strings with a
 * {@code Statement}) compared with their keys sorted, because the AWS provider treats equivalent policy
 * JSON as no change (terraform-provider-aws {@code verify.SuppressEquivalentPolicyDiffs}). Every other
 * string, kubeconfigs included, must stay byte for byte.
 *
 * <p>When a change is meant to change the plan, regenerate and review the diff in the same commit:
 * {@code mvn -q -o test -Dtest=PlanGoldenTest -Dgolden.update=true}.
 */
class PlanGoldenTest {

    private static final Path PLANS = StackPlans.PROJECT_DIR.resolve("tests/resources/plans");
    private static final Gson PRETTY = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create();

    @TestFactory
    Stream<DynamicTest> everyStacksPlanIsItsCommittedGoldenFile() {
        return StackFileLoader.stacks(StackPlans.PROJECT_DIR).stream().map(stack -> DynamicTest.dynamicTest(stack, () -> {
            Plan plan = switch (stack) {
                case "dev" -> StackPlans.dev();
                case "prod" -> StackPlans.prod();
                default -> StackPlans.run(stack);
            };
            String actual = canonical(plan);
            Path golden = PLANS.resolve(stack + ".json");
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(PLANS);
                Files.writeString(golden, actual);
                return;
            }
            if (!Files.exists(golden)) {
                fail(golden + " is missing; create it with mvn -q -o test -Dtest=PlanGoldenTest -Dgolden.update=true");
            }
            String expected = Files.readString(golden);
            if (!expected.equals(actual)) {
                fail("the " + stack + " plan differs from " + golden + " at " + firstDifference(expected, actual)
                        + "\nIf the change is intended, regenerate with mvn -q -o test -Dtest=PlanGoldenTest"
                        + " -Dgolden.update=true and review the diff in the same commit.");
            }
        }));
    }

    static String canonical(Plan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stack", plan.stack());
        doc.put("project", plan.project());
        doc.put("notes", plan.notes());
        doc.put("outputs", new TreeMap<>(plan.outputs()));
        List<Map<String, Object>> resources = new ArrayList<>();
        plan.resources().stream().sorted(Comparator.comparing(PlanResource::urn)).forEach(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("urn", r.urn());
            m.put("region", r.region());
            m.put("parent", r.parent());
            m.put("dependencies", r.dependencies().stream().sorted().toList());
            m.put("protect", r.protect());
            m.put("ignoreChanges", r.ignoreChanges().stream().sorted().toList());
            m.put("retainOnDelete", r.retainOnDelete());
            m.put("provider", r.provider());
            m.put("aliases", r.aliases().stream().sorted().toList());
            m.put("props", canonicalValue(r.props()));
            resources.add(m);
        });
        doc.put("resources", resources);
        return PRETTY.toJson(doc) + "\n";
    }

    private static Object canonicalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), canonicalValue(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanGoldenTest::canonicalValue).toList();
        }
        if (value instanceof String s && s.startsWith("{") && s.contains("\"Statement\"")) {
            return "policy " + sortedKeys(JsonParser.parseString(s));
        }
        return value;
    }

    private static String sortedKeys(JsonElement element) {
        return new Gson().toJson(sorted(element));
    }

    private static Object sorted(JsonElement element) {
        if (element.isJsonObject()) {
            Map<String, Object> out = new TreeMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(), sorted(e.getValue())));
            return out;
        }
        if (element.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            element.getAsJsonArray().forEach(e -> out.add(sorted(e)));
            return out;
        }
        return element;
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.min(e.length, a.length); i++) {
            if (!e[i].equals(a[i])) {
                return "line " + (i + 1) + ":\n  golden: " + e[i].strip() + "\n  plan:   " + a[i].strip();
            }
        }
        return "line " + (Math.min(e.length, a.length) + 1) + " (one is longer: golden " + e.length + " lines, plan " + a.length + ")";
    }
}
