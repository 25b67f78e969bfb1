package com.ultibiker.platform.support;

import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.StackFile;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanRunner;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Plans of the repository's stacks, run once per test JVM (the holder idiom keeps them immutable
 * and lazily built), and plans of modified configurations for tests that need one.
 */
public final class StackPlans {

    public static final Path PROJECT_DIR = Path.of(System.getProperty("plan.projectDir", "."));

    private StackPlans() {
    }

    private static final class Dev {
        static final Plan PLAN = run("dev");
    }

    private static final class Prod {
        static final Plan PLAN = run("prod");
    }

    public static Plan dev() {
        return Dev.PLAN;
    }

    public static Plan prod() {
        return Prod.PLAN;
    }

    public static StackFile stackFile(String stack) {
        return StackFileLoader.load(PROJECT_DIR, stack);
    }

    public static Plan run(String stack) {
        return PlanRunner.run(stackFile(stack), PlatformStack::stack);
    }

    /**
     * The plan of {@code stack} with some top-level project keys replaced (values as the CLI passes
     * them: JSON for sections).
     */
    public static Plan runWith(String stack, Map<String, String> overrides) {
        return PlanRunner.run(withConfig(stack, overrides), PlatformStack::stack);
    }

    public static StackFile withConfig(String stack, Map<String, String> overrides) {
        StackFile file = stackFile(stack);
        Map<String, String> all = new HashMap<>(file.allConfig());
        overrides.forEach((k, v) -> {
            if (v == null) {
                all.remove(file.project() + ":" + k);
            } else {
                all.put(file.project() + ":" + k, v);
            }
        });
        return new StackFile(file.project(), file.stack(), Map.copyOf(all), file.secretKeys());
    }
}
