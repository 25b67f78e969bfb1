package com.ultibiker.platform.plan;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.config.StackFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The offline engine's own rules: engine URNs, duplicate URNs refused, what a failing program registered. */
class PlanRunnerTest {

    static final StackFile STACK = new StackFile("demo", "dev", Map.of("aws:region", "us-east-1"), Set.of());

    @Test
    void urnsParentsAndDependenciesAreTheEngines() {
        Plan plan = PlanRunner.run(STACK, ctx -> {
            var component = new ComponentResource("ultibiker:demo:Logs", "logs");
            var first = new LogGroup("logs-app", LogGroupArgs.builder().name("/demo/app").build(),
                    CustomResourceOptions.builder().parent(component).build());
            new LogGroup("logs-audit", LogGroupArgs.builder().name("/demo/audit").build(),
                    CustomResourceOptions.builder().parent(component).dependsOn(first).build());
        });
        assertEquals(List.of(
                        "urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                        "urn:pulumi:dev::demo::ultibiker:demo:Logs$aws:cloudwatch/logGroup:LogGroup::logs-app",
                        "urn:pulumi:dev::demo::ultibiker:demo:Logs$aws:cloudwatch/logGroup:LogGroup::logs-audit",
                        "urn:pulumi:dev::demo::ultibiker:demo:Logs::logs"),
                plan.resources().stream().map(PlanResource::urn).toList());
        PlanResource audit = plan.require("aws:cloudwatch/logGroup:LogGroup", "logs-audit");
        assertEquals("urn:pulumi:dev::demo::ultibiker:demo:Logs::logs", audit.parent());
        assertEquals(List.of("urn:pulumi:dev::demo::ultibiker:demo:Logs$aws:cloudwatch/logGroup:LogGroup::logs-app"),
                audit.dependencies());
        assertEquals("urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                plan.require("ultibiker:demo:Logs", "logs").parent());
    }

    @Test
    void aUrnRegisteredTwiceFailsThePlanAsTheEngineDoes() {
        var e = assertThrows(PlanRunner.PlanFailure.class, () -> PlanRunner.run(STACK, ctx -> {
            new LogGroup("alerts-a-b", LogGroupArgs.builder().name("/demo/a.b").build());
            new LogGroup("alerts-a-b", LogGroupArgs.builder().name("/demo/a-b").build());
        }));
        assertEquals("Duplicate resource URN 'urn:pulumi:dev::demo::aws:cloudwatch/logGroup:LogGroup::alerts-a-b';"
                + " try giving it a unique name", e.getMessage());
    }

    @Test
    void theSameNameUnderAnotherParentOrTypeIsNoDuplicate() {
        Plan plan = PlanRunner.run(STACK, ctx -> {
            var component = new ComponentResource("ultibiker:demo:Logs", "logs");
            new LogGroup("same", LogGroupArgs.builder().build());
            new LogGroup("same", LogGroupArgs.builder().build(), CustomResourceOptions.builder().parent(component).build());
        });
        assertEquals(2, plan.ofType("aws:cloudwatch/logGroup:LogGroup").size());
    }

    @Test
    void anAttemptReportsWhatWasRegisteredBeforeTheFailure() {
        var outcome = PlanRunner.attempt(STACK, ctx -> {
            new LogGroup("before", LogGroupArgs.builder().build());
            throw new IllegalStateException("boom");
        });
        assertEquals(List.of("urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev",
                "urn:pulumi:dev::demo::aws:cloudwatch/logGroup:LogGroup::before"), outcome.registered());
        assertTrue(outcome.failure().getMessage().contains("boom"), outcome.failure().getMessage());

        var clean = PlanRunner.attempt(STACK, ctx -> { });
        assertEquals(List.of("urn:pulumi:dev::demo::pulumi:pulumi:Stack::demo-dev"), clean.registered());
        assertNull(clean.failure());
    }
}
