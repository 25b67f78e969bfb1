package com.ultibiker.platform.plan;

import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.CiAccountSharing;
import com.ultibiker.platform.config.ConfigException;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.config.StackFile;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.model.StackConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/plan <stack> [--json FILE] [--diagram FILE] [--urns] [--quiet]}: what the stack would create, offline.
 * {@code --urns} prints the stack's URN list ({@link UrnList}) instead of the summary; {@code --diagram}
 * writes the Mermaid architecture diagram ({@link PlanDiagram}).
 * Exit codes: 0 planned, 2 invalid configuration or unknown stack (nothing written), 1 anything else.
 */
public final class PlanMain {

    private PlanMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("plan.projectDir", ".")), System.out, System.err));
    }

    static int run(String[] args, Path projectDir, PrintStream out, PrintStream err) {
        String stack = null;
        Path json = null;
        Path diagram = null;
        boolean quiet = false;
        boolean urns = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--json needs a file name");
                    }
                    json = Path.of(args[++i]);
                }
                case "--diagram" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--diagram needs a file name");
                    }
                    diagram = Path.of(args[++i]);
                }
                case "--quiet" -> quiet = true;
                case "--urns" -> urns = true;
                case "-h", "--help" -> {
                    usage(out, null);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-") || stack != null) {
                        return usage(err, "unexpected argument " + args[i]);
                    }
                    stack = args[i];
                }
            }
        }
        if (stack == null) {
            return usage(err, "which stack? one of " + StackFileLoader.stacks(projectDir));
        }
        StackFile file = null;
        try {
            file = StackFileLoader.load(projectDir, stack);
            // Validate up front so bad config fails before the engine starts; the program validates again.
            StackConfig config = StackConfigParser.parse(file.project(), file.projectConfig());
            CiAccountSharing.refuse(file.project(), stack, config.ci(), CiAccountSharing.siblings(projectDir, stack));
            Plan plan = PlanRunner.run(file, PlatformStack::stack);
            if (json != null) {
                Files.writeString(json, PlanJson.render(plan));
            }
            if (diagram != null) {
                Files.writeString(diagram, PlanDiagram.render(plan, config.regions().primary()));
            }
            if (urns) {
                out.print(UrnList.render(plan));
            } else if (!quiet) {
                out.print(PlanSummary.render(plan));
                if (json != null) {
                    out.println("\nWrote " + json);
                }
            }
            return 0;
        } catch (ConfigException | StackFileLoader.UnknownStackException e) {
            err.println("bin/plan " + stack + ": " + e.getMessage());
            if (file != null) {
                file.offlineLimits().forEach(limit -> err.println("  (offline: " + limit + ")"));
            }
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("bin/plan " + stack + ": failed: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream stream, String problem) {
        if (problem != null) {
            stream.println("bin/plan: " + problem);
        }
        stream.println("usage: bin/plan <stack> [--json FILE] [--diagram FILE] [--urns] [--quiet]");
        return 2;
    }
}
