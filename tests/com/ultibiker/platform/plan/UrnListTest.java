package com.ultibiker.platform.plan;

import com.pulumi.Context;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.Renames;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Safe upgrades: every stack's plan against its committed URN list (tests/resources/urns/<stack>.txt).
 * A stateful or protected URN that disappears without an alias is a replacement the engine would make;
 * any other difference means the list is out of date, and the failure says the command to run.
 */
class UrnListTest {

    private static final Path URNS = StackPlans.PROJECT_DIR.resolve("tests/resources/urns");

    private static Plan planOf(String stack) {
        return switch (stack) {
            case "dev" -> StackPlans.dev();
            case "prod" -> StackPlans.prod();
            default -> StackPlans.run(stack);
        };
    }

    @TestFactory
    Stream<DynamicTest> noStatefulOrProtectedUrnDisappearsWithoutAnAlias() {
        return StackFileLoader.stacks(StackPlans.PROJECT_DIR).stream().map(stack -> DynamicTest.dynamicTest(stack, () -> {
            List<UrnList.Entry> committed = committed(stack);
            List<UrnList.Entry> unsafe = UrnList.unsafeRemovals(committed, planOf(stack));
            if (!unsafe.isEmpty()) {
                fail("stack " + stack + " would replace (delete and create) " + unsafe.size() + " stateful or protected resource(s)"
                        + " whose URN is gone with no alias:\n  " + unsafe.stream().map(UrnList.Entry::urn).collect(Collectors.joining("\n  "))
                        + "\nIf it was renamed or moved, give the new resource `.aliases(Renames.from(\"<old name>\"))`"
                        + " (common/Renames). If it is really meant to be destroyed with its data, regenerate the list"
                        + " in the same commit so the review sees the removed line: " + UrnList.regenerateCommand(stack));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> theCommittedListIsTheCurrentPlan() {
        return StackFileLoader.stacks(StackPlans.PROJECT_DIR).stream().map(stack -> DynamicTest.dynamicTest(stack, () -> {
            Map<String, List<String>> diff = UrnList.differences(committed(stack), planOf(stack));
            if (!diff.get("added").isEmpty() || !diff.get("removed").isEmpty()) {
                fail("tests/resources/urns/" + stack + ".txt is out of date; run\n  " + UrnList.regenerateCommand(stack)
                        + "\nand commit it (review the removed lines: see noStatefulOrProtectedUrnDisappearsWithoutAnAlias)."
                        + "\nadded:\n  " + String.join("\n  ", diff.get("added"))
                        + "\nremoved:\n  " + String.join("\n  ", diff.get("removed")));
            }
        }));
    }

    @Test
    void everyUrnTheDocumentationNamesIsInAPlan() throws IOException {
        // pulumi state commands in the runbooks and the README's examples must name URNs the engine gives.
        var urn = java.util.regex.Pattern.compile("urn:pulumi:[A-Za-z0-9_.-]+::[^\\s'\"`,)]+");
        Set<String> planned = new java.util.HashSet<>();
        for (String stack : StackFileLoader.stacks(StackPlans.PROJECT_DIR)) {
            planOf(stack).resources().forEach(r -> planned.add(r.urn()));
        }
        List<Path> docs = new java.util.ArrayList<>(List.of(StackPlans.PROJECT_DIR.resolve("README.md")));
        try (var files = Files.list(StackPlans.PROJECT_DIR.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).forEach(docs::add);
        }
        int seen = 0;
        for (Path doc : docs) {
            var m = urn.matcher(Files.readString(doc));
            while (m.find()) {
                seen++;
                assertTrue(planned.contains(m.group()), StackPlans.PROJECT_DIR.relativize(doc) + " names " + m.group()
                        + ", which no stack's plan has");
            }
        }
        assertTrue(seen >= 3, "the README and the failover runbook name URNs: " + seen);
    }

    private static List<UrnList.Entry> committed(String stack) throws IOException {
        Path file = URNS.resolve(stack + ".txt");
        if (!Files.exists(file)) {
            fail("no URN list for stack " + stack + "; create it with: " + UrnList.regenerateCommand(stack));
        }
        return UrnList.parse(Files.readString(file));
    }

    // --- the rule itself, on a small program: a protected key in a component, renamed ---

    private static final String OLD_KEY = "urn:pulumi:prod::demo::ultibiker:demo:Store$aws:kms/key:Key::store-key";

    private static Plan store(String keyName, Optional<String> previousName, boolean protect) {
        return PlanRunner.run(new com.ultibiker.platform.config.StackFile("demo", "prod", Map.of("aws:region", "us-east-1"),
                java.util.Set.of()), (Context ctx) -> {
            var store = new ComponentResource("ultibiker:demo:Store", "store");
            var options = CustomResourceOptions.builder().parent(store).protect(protect);
            previousName.ifPresent(name -> options.aliases(Renames.from(name)));
            new Key(keyName, KeyArgs.builder().description("demo").build(), options.build());
        });
    }

    @Test
    void aRenameWithoutAnAliasIsAnUnsafeRemoval() {
        List<UrnList.Entry> before = UrnList.of(store("store-key", Optional.empty(), true));
        assertTrue(before.contains(new UrnList.Entry(OLD_KEY, true)), before.toString());
        assertEquals(List.of(new UrnList.Entry(OLD_KEY, true)),
                UrnList.unsafeRemovals(before, store("store-data-key", Optional.empty(), true)));
    }

    @Test
    void aRenameWithAnAliasIsSafeAndThePlanShowsTheOldUrn() {
        List<UrnList.Entry> before = UrnList.of(store("store-key", Optional.empty(), true));
        Plan renamed = store("store-data-key", Optional.of("store-key"), true);
        assertEquals(List.of(), UrnList.unsafeRemovals(before, renamed));
        assertEquals(List.of(OLD_KEY), renamed.require("aws:kms/key:Key", "store-data-key").aliases());
    }

    @Test
    void statefulTypesCountEvenWhenNotProtected() {
        List<UrnList.Entry> before = UrnList.of(store("store-key", Optional.empty(), false));
        assertEquals(List.of(new UrnList.Entry(OLD_KEY, false)),
                UrnList.unsafeRemovals(before, store("store-data-key", Optional.empty(), false)));
    }

    @Test
    void removingAStatelessResourceIsNoUpgradeProblem() {
        var before = UrnList.parse("urn:pulumi:prod::demo::ultibiker:demo:Store$aws:cloudwatch/metricAlarm:MetricAlarm::cpu\n");
        assertEquals(List.of(), UrnList.unsafeRemovals(before, store("store-key", Optional.empty(), true)));
    }

    @Test
    void theListFormatRoundTrips() {
        Plan plan = store("store-key", Optional.empty(), true);
        String text = UrnList.render(plan);
        assertTrue(text.contains("\n" + OLD_KEY + " protected\n"), text);
        assertTrue(text.contains("\nurn:pulumi:prod::demo::ultibiker:demo:Store::store\n"), text);
        assertTrue(text.contains("# Regenerate: bin/plan prod --urns > tests/resources/urns/prod.txt\n"), text);
        assertEquals(UrnList.of(plan), UrnList.parse(text));
        assertEquals(Map.of("added", List.of(), "removed", List.of()), UrnList.differences(UrnList.parse(text), plan));
        assertThrows(IllegalArgumentException.class, () -> UrnList.parse(OLD_KEY + " protect\n"));
        assertFalse(UrnList.parse("# only a comment\n\n").iterator().hasNext());
    }
}
