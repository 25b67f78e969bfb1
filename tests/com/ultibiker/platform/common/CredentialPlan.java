package com.ultibiker.platform.common;

import com.pulumi.test.Mocks;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.StackFile;
import com.ultibiker.platform.plan.PlanMocks;
import com.ultibiker.platform.support.StackPlans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The real program under the plan's mock engine, except that Secrets Manager's generator answers as
 * AWS does ({@link AwsPasswordGenerator}), and with every resource's inputs recorded in the clear (the
 * plan shows secrets as {@code [secret]}; the mock engine sees their values). Lets a test follow each
 * generated value to every input it reaches.
 */
final class CredentialPlan {

    /** A registration: type, name and inputs with secret values in the clear. */
    record Registration(String type, String name, Map<String, Object> inputs) {
    }

    final List<Registration> registrations;
    final List<String> generated;

    private CredentialPlan(List<Registration> registrations, List<String> generated) {
        this.registrations = registrations;
        this.generated = generated;
    }

    private static final class Dev {
        static final CredentialPlan PLAN = run(StackPlans.stackFile("dev"), 0);
    }

    private static final class Prod {
        static final CredentialPlan PLAN = run(StackPlans.stackFile("prod"), 0);
    }

    /** The stack's plan at the first draw, run once per test JVM. */
    static CredentialPlan of(String stack) {
        return stack.equals("dev") ? Dev.PLAN : Prod.PLAN;
    }

    /** @param draw which draw of the generator (a rotation is the next draw) */
    static CredentialPlan run(StackFile stack, int draw) {
        var plan = new PlanMocks(stack.allConfig().getOrDefault("aws:region", "us-east-1"));
        List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
        List<String> generated = Collections.synchronizedList(new ArrayList<>());
        Mocks mocks = new Mocks() {
            @Override
            public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
                registrations.add(new Registration(args.type, args.name, args.inputs));
                return plan.newResourceAsync(args);
            }

            @Override
            public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
                if (args.token.equals("aws:secretsmanager/getRandomPassword:getRandomPassword")) {
                    String value = AwsPasswordGenerator.generate(args.args, draw + generated.size());
                    generated.add(value);
                    return CompletableFuture.completedFuture(Map.of("randomPassword", value, "id", "generated"));
                }
                return plan.callAsync(args);
            }
        };
        try {
            var result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(stack.project()).stackName(stack.stack()).preview(false).build())
                    .mocks(mocks)
                    .config(stack.allConfig(), stack.secretKeys())
                    .build()
                    .runTest(PlatformStack::stack);
            if (!result.exceptions().isEmpty()) {
                throw new AssertionError("the program failed", result.exceptions().get(0));
            }
        } finally {
            PulumiTestInternal.cleanup();
        }
        return new CredentialPlan(List.copyOf(registrations), List.copyOf(generated));
    }
}
