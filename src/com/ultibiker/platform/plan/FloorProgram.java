package com.ultibiker.platform.plan;

import com.pulumi.Context;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.ultibiker.platform.config.StackFile;

import java.util.Map;
import java.util.Set;

/**
 * The benchmark's floor: {@code count} trivial resources under the same mock engine and recorder as
 * the plan, so {@code bin/bench} can show what the platform program itself costs above the engine.
 * Usage: {@code FloorProgram <count>}.
 */
public final class FloorProgram {

    private FloorProgram() {
    }

    static void register(Context ctx, int count) {
        for (int i = 0; i < count; i++) {
            new LogGroup("floor-" + i, LogGroupArgs.builder().name("floor-" + i).build());
        }
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        var file = new StackFile("floor", "floor", Map.of("aws:region", "us-east-1"), Set.of());
        Plan plan = PlanRunner.run(file, ctx -> register(ctx, count));
        System.out.println(plan.where(PlanResource::custom).size() + " resources");
    }
}
