package com.ultibiker.platform;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import com.ultibiker.platform.tagging.TaggableTypes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules every resource of every stack obeys; new components are covered without new tests. */
class WholePlanTest {

    private static final List<String> REQUIRED = List.of("Project", "Environment", "Owner", "CostCenter", "ManagedBy");

    private static Stream<Plan> plans() {
        return Stream.of(StackPlans.dev(), StackPlans.prod());
    }

    @TestFactory
    Stream<DynamicTest> everyTaggableAwsResourceCarriesTheRequiredTags() {
        return plans().flatMap(plan -> plan.resources().stream()
                .filter(r -> TaggableTypes.isTaggable(r.type()))
                .map(r -> DynamicTest.dynamicTest(plan.stack() + " " + r.type() + " " + r.name(), () -> {
                    Map<String, Object> tags = r.tags();
                    for (String tag : REQUIRED) {
                        assertNotNull(tags.get(tag), r.urn() + " lacks tag " + tag + ": " + tags);
                    }
                    assertEquals("pulumi", tags.get("ManagedBy"), r.urn());
                    assertEquals(plan.stack(), tags.get("Environment"), r.urn());
                })));
    }

    @Test
    void thereAreTaggableResourcesToCheck() {
        assertTrue(StackPlans.dev().where(r -> TaggableTypes.isTaggable(r.type())).size() > 20);
    }

    @Test
    void providersCarryDefaultTagsToo() {
        // Provider inputs reach the provider as strings: nested objects arrive JSON-encoded.
        plans().forEach(plan -> plan.ofType("pulumi:providers:aws").forEach(p -> {
            Map<?, ?> defaults = new com.google.gson.Gson().fromJson((String) p.prop("defaultTags"), Map.class);
            Map<?, ?> tags = (Map<?, ?>) defaults.get("tags");
            for (String tag : REQUIRED) {
                assertNotNull(tags.get(tag), p.urn() + " default tags lack " + tag);
            }
            assertEquals(plan.stack(), tags.get("Environment"));
        }));
    }

    @Test
    void everyAwsResourceGoesThroughAnExplicitRegionalProvider() {
        plans().forEach(plan -> plan.where(r -> r.custom() && r.type().startsWith("aws:")).forEach(r -> {
            assertNotNull(r.provider(), r.urn() + " uses the default provider");
            assertTrue(plan.regionsOf().contains(r.region()), r.urn() + " in " + r.region());
        }));
    }

    @Test
    void everyResourceHasAComponentParent() {
        plans().forEach(plan -> plan.where(r -> r.custom() && !r.type().startsWith("pulumi:providers:")).forEach(r ->
                assertTrue(plan.topComponent(r).isPresent(), r.urn() + " is not inside a component")));
    }

    @Test
    void resourceNamesAreUnique() {
        plans().forEach(plan -> {
            Set<String> urns = new HashSet<>();
            plan.resources().forEach(r -> assertTrue(urns.add(r.urn()), "duplicate " + r.urn()));
        });
    }

    @Test
    void devProtectsNothingAndProdProtectsItsKeys() {
        assertTrue(StackPlans.dev().where(PlanResource::protect).isEmpty());
        List<PlanResource> prodKeys = StackPlans.prod().ofType("aws:kms/key:Key");
        assertFalse(prodKeys.isEmpty());
        prodKeys.forEach(k -> assertTrue(k.protect(), k.urn()));
    }

    @Test
    void invalidConfigRegistersNothing() {
        // Every key of every section is parsed before the first resource: the engine sees the root stack only.
        var file = StackPlans.withConfig("dev", Map.of("logRetentionDays", "13"));
        var outcome = com.ultibiker.platform.plan.PlanRunner.attempt(file, PlatformStack::stack);
        assertTrue(outcome.failure() instanceof com.ultibiker.platform.config.ConfigException, String.valueOf(outcome.failure()));
        assertTrue(outcome.failure().getMessage().contains("ultibiker-platform:logRetentionDays: found 13"), outcome.failure().getMessage());
        assertEquals(List.of("urn:pulumi:dev::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-dev"), outcome.registered());
    }

    @Test
    void theSameCheckSeesARegistrationBeforeValidation() {
        // The check above can fail: a program that registers before it validates is caught.
        var file = StackPlans.withConfig("dev", Map.of("logRetentionDays", "13"));
        var outcome = com.ultibiker.platform.plan.PlanRunner.attempt(file, ctx -> {
            new com.pulumi.aws.cloudwatch.LogGroup("early", com.pulumi.aws.cloudwatch.LogGroupArgs.builder().build());
            PlatformStack.stack(ctx);
        });
        assertTrue(outcome.failure() instanceof com.ultibiker.platform.config.ConfigException);
        assertEquals(List.of("urn:pulumi:dev::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-dev",
                "urn:pulumi:dev::ultibiker-platform::aws:cloudwatch/logGroup:LogGroup::early"), outcome.registered());
    }
}
