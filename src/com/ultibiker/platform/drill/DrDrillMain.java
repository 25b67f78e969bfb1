package com.ultibiker.platform.drill;

import com.google.gson.Gson;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/dr-drill <stack>}: the failover commands for the stack's actual resources (from its offline plan);
 * {@code bin/dr-drill <stack> --check OUTPUTS.json}: which recovery objectives hold, from
 * {@code pulumi stack output --json} (exit 0 when both hold, 1 when one does not, 2 on bad input).
 */
public final class DrDrillMain {

    private DrDrillMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("plan.projectDir", ".")), System.out, System.err));
    }

    @SuppressWarnings("unchecked")
    static int run(String[] args, Path projectDir, PrintStream out, PrintStream err) {
        if (args.length == 3 && args[1].equals("--check")) {
            try {
                Map<String, Object> outputs = new Gson().fromJson(Files.readString(Path.of(args[2])), Map.class);
                DrDrill.check(outputs).forEach(out::println);
                return DrDrill.allHeld(outputs) ? 0 : 1;
            } catch (IOException | RuntimeException e) {
                err.println("dr-drill: " + args[2] + ": " + e.getMessage());
                return 2;
            }
        }
        if (args.length != 1 || args[0].startsWith("-")) {
            err.println("usage: bin/dr-drill <stack> [--check OUTPUTS.json]   (OUTPUTS.json: pulumi stack output --json)");
            return 2;
        }
        var file = StackFileLoader.load(projectDir, args[0]);
        StackConfig config = StackConfigParser.parse(file.project(), file.projectConfig());
        if (config.regions().secondary().isEmpty()) {
            out.println("stack " + args[0] + " has no standby region: nothing to fail over to");
            return 1;
        }
        Plan plan = PlanRunner.run(file, PlatformStack::stack);
        List<String> steps = DrDrill.steps(plan, config.regions().primary(), config.regions().secondary().get(),
                config.ci().githubRepository());
        if (steps.isEmpty()) {
            out.println("stack " + args[0] + " has no cross-region replica: nothing to promote");
            return 1;
        }
        steps.forEach(out::println);
        return 0;
    }
}
