package com.ultibiker.platform.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/new-stack <name> --from <stack> [--domain D] [--github-environment E] [--alert-email X ...]}: writes
 * {@code Pulumi.<name>.yaml} ({@link NewStack}). A missing domain or alert address is asked for on a terminal,
 * else it is an error. Exit 0 written, 2 bad arguments or config, 1 any other failure.
 */
public final class NewStackMain {

    private NewStackMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of(System.getProperty("plan.projectDir", ".")), System.console(), System.out, System.err));
    }

    public static int run(String[] args, Path projectDir, Console console, PrintStream out, PrintStream err) {
        String name = null;
        String from = null;
        String domain = null;
        String githubEnvironment = null;
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            boolean hasValue = i + 1 < args.length;
            switch (a) {
                case "--from", "--domain", "--github-environment", "--alert-email" -> {
                    if (!hasValue) {
                        return usage(err, a + " needs a value");
                    }
                    String v = args[++i];
                    switch (a) {
                        case "--from" -> from = v;
                        case "--domain" -> domain = v;
                        case "--github-environment" -> githubEnvironment = v;
                        default -> emails.add(v);
                    }
                }
                default -> {
                    if (a.startsWith("-") || name != null) {
                        return usage(err, "unexpected argument " + a);
                    }
                    name = a;
                }
            }
        }
        if (name == null || from == null) {
            return usage(err, name == null ? "which name?" : "--from which stack? one of " + StackFileLoader.stacks(projectDir));
        }
        if (console != null) {
            if (domain == null) {
                domain = console.readLine("Domain of stack %s (e.g. %s.ultibiker.io): ", name, name);
            }
            if (githubEnvironment == null) {
                String e = console.readLine("GitHub environment [%s]: ", name);
                githubEnvironment = e == null || e.isBlank() ? name : e.strip();
            }
            while (emails.isEmpty()) {
                String e = console.readLine("Alert e-mail addresses (comma-separated): ");
                if (e == null) {
                    break;
                }
                for (String x : e.split(",")) {
                    if (!x.isBlank()) {
                        emails.add(x.strip());
                    }
                }
            }
        }
        try {
            String project = StackFileLoader.projectName(projectDir);
            StackFileLoader.load(projectDir, from); // names the stacks that exist when --from is unknown
            Map<String, Map<String, Object>> existing = new LinkedHashMap<>();
            for (String stack : StackFileLoader.stacks(projectDir)) {
                existing.put(stack, yaml(projectDir.resolve("Pulumi." + stack + ".yaml")));
            }
            var result = NewStack.generate(project, new NewStack.Request(name, from, domain, githubEnvironment, emails),
                    existing.get(from), existing);
            Path file = projectDir.resolve("Pulumi." + name + ".yaml");
            Files.writeString(file, result.yaml());
            out.println("Wrote " + file.getFileName() + " (from " + from + "). Next:");
            out.println("  bin/plan " + name + "            # the offline plan of the new stack");
            out.println("  pulumi stack init " + name);
            result.todo().forEach(t -> out.println("  " + t));
            return 0;
        } catch (ConfigException | StackFileLoader.UnknownStackException e) {
            err.println("bin/new-stack " + name + ": " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("bin/new-stack " + name + ": failed: " + e.getMessage());
            return 1;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static int usage(PrintStream err, String problem) {
        err.println("bin/new-stack: " + problem);
        err.println("usage: bin/new-stack <name> --from <stack> [--domain D] [--github-environment E] [--alert-email X ...]");
        return 2;
    }
}
