package com.ultibiker.platform.eks;

import com.pulumi.test.Mocks;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The offline plan's mock engine answering as AWS would in an account where the stack already ran: the
 * plan's own answers are those of a first {@code up} (every launch template at version 1, no cluster
 * yet), which cannot tell a value AWS computes from one the program hard-codes. This decorator answers
 * what a later {@code up} would read: launch templates at their current version, invokes that find
 * what exists.
 */
final class ExistingAccount implements Mocks {

    private final Mocks plan;
    private final Map<String, Integer> launchTemplateVersions = new HashMap<>();
    private final Map<String, Function<CallArgs, Map<String, Object>>> answers = new HashMap<>();

    private ExistingAccount(Mocks plan) {
        this.plan = plan;
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, Integer> versions = new LinkedHashMap<>();
        private final Map<String, Function<CallArgs, Map<String, Object>>> answers = new LinkedHashMap<>();

        /** The template (Pulumi resource name) has been changed until its latest version is {@code version}. */
        Builder launchTemplateAt(String resourceName, int version) {
            versions.put(resourceName, version);
            return this;
        }

        /** What the invoke {@code token} returns in this account. */
        Builder answer(String token, Function<CallArgs, Map<String, Object>> answer) {
            answers.put(token, answer);
            return this;
        }

        /** The plan of {@code stack} (with project keys overridden, JSON for sections) in this account. */
        Plan plan(String stack, Map<String, String> overrides) {
            return PlanRunner.run(StackPlans.withConfig(stack, overrides), PlatformStack::stack, plan -> {
                var account = new ExistingAccount(plan);
                account.launchTemplateVersions.putAll(versions);
                account.answers.putAll(answers);
                return account;
            });
        }
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        return plan.newResourceAsync(args).thenApply(result -> {
            Integer version = launchTemplateVersions.get(args.name);
            if (!args.type.equals("aws:ec2/launchTemplate:LaunchTemplate") || version == null) {
                return result;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) result.state);
            // EC2 numbers versions 1, 2, ...; every change of a template creates the next one.
            state.put("latestVersion", version);
            state.put("defaultVersion", version);
            return ResourceResult.of(result.id, state);
        });
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        var answer = answers.get(args.token);
        return answer == null ? plan.callAsync(args) : CompletableFuture.completedFuture(answer.apply(args));
    }
}
