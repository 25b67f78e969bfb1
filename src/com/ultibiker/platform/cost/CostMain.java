package com.ultibiker.platform.cost;

import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.ConfigException;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.config.StackFile;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.plan.PlanJson;
import com.ultibiker.platform.plan.PlanRunner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code bin/cost <stack> [--plan PLAN.json] [--against PLAN.json] [--json FILE] [--markdown FILE]}: the
 * monthly estimate of the stack's offline plan (planned now, or read from {@code --plan}), priced with
 * the committed table and the stack's {@code cost} assumptions. {@code --against} prices another plan
 * (e.g. main's) with the same table and assumptions and prints the difference, so it shows what the
 * change of resources costs. Exit codes: 0 estimated, 2 invalid config, unknown stack or arguments,
 * 1 anything else.
 */
public final class CostMain {

    private CostMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("plan.projectDir", ".")), System.out, System.err));
    }

    static int run(String[] args, Path projectDir, PrintStream out, PrintStream err) {
        String stack = null;
        Path planFile = null;
        Path against = null;
        Path json = null;
        Path markdown = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                usage(out, null);
                return 0;
            }
            if (a.equals("--plan") || a.equals("--against") || a.equals("--json") || a.equals("--markdown")) {
                if (i + 1 >= args.length) {
                    return usage(err, a + " needs a file name");
                }
                Path value = Path.of(args[++i]);
                switch (a) {
                    case "--plan" -> planFile = value;
                    case "--against" -> against = value;
                    case "--json" -> json = value;
                    default -> markdown = value;
                }
            } else if (a.startsWith("-") || stack != null) {
                return usage(err, "unexpected argument " + a);
            } else {
                stack = a;
            }
        }
        if (stack == null) {
            return usage(err, "which stack? one of " + StackFileLoader.stacks(projectDir));
        }
        try {
            StackFile file = StackFileLoader.load(projectDir, stack);
            StackConfig config = StackConfigParser.parse(file.project(), file.projectConfig());
            PriceTable prices = PriceTable.load();
            PlanReader.PlanDocument plan = planFile != null
                    ? PlanReader.parse(Files.readString(planFile))
                    : PlanReader.parse(PlanJson.render(PlanRunner.run(file, PlatformStack::stack)));
            Estimate estimate = Estimate.of(plan, prices, config.cost(), config.regions().primary());
            Optional<Estimate> before = Optional.empty();
            if (against != null) {
                PlanReader.PlanDocument other = PlanReader.parse(Files.readString(against));
                before = Optional.of(Estimate.of(other, prices, config.cost(), config.regions().primary()));
            }
            String againstName = against == null ? "" : "main";
            out.print(CostReport.text(estimate, prices, before, against == null ? "" : against.toString()));
            if (json != null) {
                Files.writeString(json, CostReport.json(estimate, before));
            }
            if (markdown != null) {
                Files.writeString(markdown, CostReport.markdown(estimate, prices, before, againstName));
            }
            return 0;
        } catch (ConfigException | StackFileLoader.UnknownStackException e) {
            err.println("bin/cost " + stack + ": " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("bin/cost " + stack + ": failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("bin/cost: " + problem);
        }
        stream.println("usage: bin/cost <stack> [--plan PLAN.json] [--against PLAN.json] [--json FILE] [--markdown FILE]");
        return 2;
    }
}
