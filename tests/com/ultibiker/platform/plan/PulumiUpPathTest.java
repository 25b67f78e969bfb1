package com.ultibiker.platform.plan;

import com.ultibiker.platform.App;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The path {@code pulumi preview} / {@code pulumi up} takes: {@link App#main} in its own JVM (Pulumi.run
 * ends with System.exit), configured only through the environment the language host sets (config in
 * {@code PULUMI_CONFIG} as the CLI encodes it, see {@link CliConfig}), talking gRPC to a stand-in engine
 * ({@link StandInEngine}). Whatever the program registers this way must be what the offline plan shows;
 * a bug in {@code PulumiConfigSource} or in the engine wiring shows up here and nowhere else.
 */
class PulumiUpPathTest {

    private static final Path PROJECT = StackPlans.PROJECT_DIR;
    private static final String PROJECT_NAME = "ultibiker-platform";

    private record Run(StandInEngine engine, int exit, String output, long millis) {

        Set<String> urns() {
            return engine.registrations().stream().map(StandInEngine.Registration::urn).collect(Collectors.toCollection(TreeSet::new));
        }

        String describe() {
            return "exit " + exit + " after " + millis + " ms, " + engine.registrations().size() + " registrations, "
                    + engine.logCalls() + " log calls; engine errors " + engine.errors() + "\n" + tail(output);
        }
    }

    // The runs are child processes that mostly wait on each other's gRPC round trips: started together,
    // before the offline plans are built, they cost about the time of the slowest one.
    private static final Set<String> SECRET = Set.of(PROJECT_NAME + ":observability");

    /**
     * The shipped stack files hold example values that {@code pulumi up} refuses (Placeholders): these runs
     * replace each with a value of the same shape, as an adopter's stack file would hold, and compare with the
     * offline plan of the same replaced config.
     */
    private static final Map<String, String> REAL_VALUES = new java.util.LinkedHashMap<>(Map.of(
            "ultibiker.example.com", "ultibiker.io",
            "123456789012:role/platform-admin", "210987654321:role/platform-admin",
            "203.0.113.0/24", "81.2.69.0/24",
            "ultibiker/ultibiker-platform", "ultibiker-io/platform"));
    private static CompletableFuture<Run> examples;

    /** Top-level project keys of {@code stack} whose text changes under {@link #REAL_VALUES} (sections as JSON). */
    static Map<String, String> realValues(String stack) {
        Map<String, String> changed = new TreeMap<>();
        StackPlans.stackFile(stack).projectConfig().forEach((key, text) -> {
            String real = text;
            for (var e : REAL_VALUES.entrySet()) {
                real = real.replace(e.getKey(), e.getValue());
            }
            if (!real.equals(text)) {
                changed.put(key, real);
            }
        });
        return changed;
    }

    /** The same overrides as the YAML values the CLI would encode (sections parsed back from JSON). */
    private static Map<String, Object> cli(Map<String, String> overrides) {
        Map<String, Object> values = new TreeMap<>();
        overrides.forEach((k, v) -> values.put(k, v.startsWith("{") || v.startsWith("[")
                ? new com.google.gson.Gson().fromJson(v, Object.class) : v));
        return values;
    }

    private static final class RealPlans {
        static final Plan PROD = StackPlans.runWith("prod", realValues("prod"));
        static final Plan DEV = StackPlans.runWith("dev", realValues("dev"));
    }
    private static ExecutorService pool;
    private static CompletableFuture<Run> prodUpdate;
    private static CompletableFuture<Run> prodPreview;
    private static CompletableFuture<Run> devUpdate;
    private static CompletableFuture<Run> invalid;

    @BeforeAll
    static void startRuns() {
        pool = Executors.newFixedThreadPool(Integer.getInteger("upPath.parallel", 2));
        prodUpdate = start(() -> run("prod", false, cli(realValues("prod")), Set.of()));
        prodPreview = start(() -> run("prod", true, cli(realValues("prod")), Set.of()));
        // `pulumi config set --secret --path observability.alertEmails[0] ...` makes the whole section secret:
        // it is listed in PULUMI_CONFIG_SECRET_KEYS and arrives decrypted.
        devUpdate = start(() -> run("dev", false, cli(realValues("dev")), SECRET));
        examples = start(() -> run("dev", true, Map.of(), Set.of()));
        invalid = start(() -> run("dev", true, Map.of("logRetentionDays", 31, "network", Map.of(
                "vpcCidrs", Map.of("us-east-1", "10.10.0.0/16"), "availabilityZones", List.of("a", "b"), "natGateways", "sometimes")),
                Set.of()));
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    private interface RunSupplier {
        Run get() throws Exception;
    }

    private static CompletableFuture<Run> start(RunSupplier supplier) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return supplier.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, pool);
    }

    private static String tail(String s) {
        return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
    }

    /** Runs App as the language host does: a JVM whose environment is all the program gets from the engine. */
    private static Run run(String stack, boolean preview, Map<String, Object> overrides, Set<String> secretKeys)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        var engine = new StandInEngine(stack, PROJECT_NAME, preview, "us-east-1");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xlog:cds=off,cds+dynamic=off"));
            command.addAll(classPath());
            command.add(App.class.getName());
            var pb = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("PULUMI_"));
            // The language host's environment (pulumi-java pkg/internal/executors; verified in PULUMI-JAVA-OFFLINE.md).
            env.put("PULUMI_MONITOR", engine.address());
            env.put("PULUMI_ENGINE", engine.address());
            env.put("PULUMI_PROJECT", PROJECT_NAME);
            env.put("PULUMI_STACK", stack);
            env.put("PULUMI_ORGANIZATION", "organization");
            env.put("PULUMI_DRY_RUN", String.valueOf(preview));
            env.put("PULUMI_PARALLEL", "16");
            env.put("PULUMI_CONFIG", CliConfig.pulumiConfig(PROJECT, stack, overrides));
            env.put("PULUMI_CONFIG_SECRET_KEYS", CliConfig.secretKeys(secretKeys));
            Process process = pb.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new Run(engine, process.exitValue(), new String(out, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000);
        } finally {
            engine.close();
        }
    }

    /**
     * The program's classes and runtime dependencies. When bin/build's jar is current (bin/test builds it
     * first), its classpath and class-data-sharing archive, which halve the JVM's start; else the test's.
     */
    private static List<String> classPath() {
        Path target = PROJECT.resolve("target");
        Path jar = target.resolve("platform.jar");
        Path deps = target.resolve("classpath.txt");
        Path archive = target.resolve("plan.jsa");
        try {
            if (java.nio.file.Files.exists(jar) && java.nio.file.Files.exists(deps) && java.nio.file.Files.exists(archive)) {
                long built = java.nio.file.Files.getLastModifiedTime(jar).toMillis();
                try (var classes = java.nio.file.Files.walk(target.resolve("classes"))) {
                    boolean current = classes.filter(java.nio.file.Files::isRegularFile).allMatch(f -> {
                        try {
                            return java.nio.file.Files.getLastModifiedTime(f).toMillis() <= built;
                        } catch (IOException e) {
                            return false;
                        }
                    });
                    if (current) {
                        return List.of("-XX:SharedArchiveFile=" + archive, "-cp",
                                jar + java.io.File.pathSeparator + java.nio.file.Files.readString(deps).strip());
                    }
                }
            }
        } catch (IOException e) {
            // fall through to the test's own classpath
        }
        return List.of("-cp", System.getProperty("java.class.path"));
    }

    /**
     * Inputs with map keys in one order (the wire's Struct has none). Strings, JSON documents included,
     * are compared verbatim: the child JVM runs with its own {@code Map.of} salt, so a document whose text
     * depends on it would differ here, as it would between two real runs, where it is a diff on every
     * preview (rule: {@code JsonDocuments}, the one renderer of such documents).
     */
    static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PulumiUpPathTest::canonical).toList();
        }
        return value;
    }

    private static Set<String> offlineUrns(Plan plan) {
        return plan.resources().stream().map(PlanResource::urn).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertSameUrns(Plan offline, Run run) {
        Set<String> expected = offlineUrns(offline);
        Set<String> actual = run.urns();
        var missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        var extra = new TreeSet<>(actual);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), offline.stack() + ": through the engine path, missing "
                + missing + ", extra " + extra + "; " + run.describe());
    }

    @Test
    void updateOfProdRegistersExactlyTheOfflinePlanWithTheSameInputs() throws Exception {
        Plan offline = RealPlans.PROD;
        Run run = prodUpdate.join();
        assertEquals(0, run.exit(), run.describe());
        assertEquals(List.of(), run.engine().errors(), run.describe());
        assertSameUrns(offline, run);
        for (var registration : run.engine().registrations()) {
            PlanResource planned = offline.byUrn(registration.urn()).orElseThrow();
            var req = registration.request();
            assertEquals(canonical(planned.props()), canonical(ProtoValues.toMap(req.getObject())), "inputs of " + registration.urn());
            assertEquals(planned.parent(), req.getParent().isEmpty() ? null : req.getParent(), "parent of " + registration.urn());
            assertEquals(planned.protect(), req.getProtect(), "protect of " + registration.urn());
            assertEquals(planned.dependencies(), RecordingMonitor.dependencies(req), "dependencies of " + registration.urn());
        }
        assertEquals(new TreeSet<>(offline.outputs().keySet()), new TreeSet<>(run.engine().stackOutputs().keySet()));
        System.out.println("PulumiUpPathTest prod update: " + run.describe().lines().findFirst().orElse(""));
    }

    @Test
    void previewOfProdRegistersTheSameResourcesWithComputedOutputsUnknown() throws Exception {
        Run run = prodPreview.join();
        assertEquals(0, run.exit(), run.describe());
        assertEquals(List.of(), run.engine().errors(), run.describe());
        assertSameUrns(RealPlans.PROD, run);
        // Computed outputs are unknown in preview: an input built from another resource's id or ARN is unknown.
        var subnet = run.engine().registrations().stream()
                .filter(r -> r.urn().endsWith("aws:ec2/subnet:Subnet::network-us-east-1-private-us-east-1a")).findFirst().orElseThrow();
        assertEquals(ProtoValues.UNKNOWN_TEXT, ProtoValues.toMap(subnet.request().getObject()).get("vpcId"));
        System.out.println("PulumiUpPathTest prod preview: " + run.describe().lines().findFirst().orElse(""));
    }

    @Test
    void updateOfDevWithASectionMarkedSecretRegistersTheOfflinePlan() {
        Run run = devUpdate.join();
        assertEquals(0, run.exit(), run.describe());
        assertEquals(List.of(), run.engine().errors(), run.describe());
        assertSameUrns(RealPlans.DEV, run);
        for (var registration : run.engine().registrations()) {
            assertEquals(canonical(RealPlans.DEV.byUrn(registration.urn()).orElseThrow().props()),
                    canonical(ProtoValues.toMap(registration.request().getObject())), "inputs of " + registration.urn());
        }
        System.out.println("PulumiUpPathTest dev update: " + run.describe().lines().findFirst().orElse(""));
    }

    @Test
    void invalidConfigThroughTheCliEncodingRegistersNothingAndNamesTheKey() {
        Run run = invalid.join();
        assertNotEquals(0, run.exit(), run.describe());
        // The SDK registers the root stack concurrently with the program: it may or may not have arrived.
        assertEquals(List.of(), run.engine().registrations().stream().map(StandInEngine.Registration::urn)
                .filter(urn -> !urn.equals("urn:pulumi:dev::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-dev")).toList(),
                run.describe());
        String errors = String.join("\n", run.engine().errors());
        assertTrue(errors.contains("ultibiker-platform:logRetentionDays: found 31"), run.describe());
        assertTrue(errors.contains("ultibiker-platform:network.natGateways: found \"sometimes\""), run.describe());
    }

    /** The shipped dev stack as it is: the offline plan plans it, {@code pulumi preview} refuses it in one message. */
    @Test
    void previewOfTheShippedExampleValuesRegistersNothingAndNamesEachKeyToSet() {
        assertTrue(StackPlans.dev().resources().size() > 100, "the offline plan still plans the shipped dev stack");
        Run run = examples.join();
        assertNotEquals(0, run.exit(), run.describe());
        assertEquals(List.of(), run.engine().registrations().stream().map(StandInEngine.Registration::urn)
                .filter(urn -> !urn.equals("urn:pulumi:dev::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-dev")).toList(),
                run.describe());
        String errors = String.join("\n", run.engine().errors());
        assertTrue(errors.contains("The stack still holds the project's example values (3 keys to set before a real preview or up;"), run.describe());
        assertTrue(errors.contains("ultibiker-platform:ci.githubRepository: found \"ultibiker/ultibiker-platform\" (the example repository"), run.describe());
        assertTrue(errors.contains("ultibiker-platform:dns.domain: found \"dev.ultibiker.example.com\" (a reserved example domain"), run.describe());
        assertTrue(errors.contains("ultibiker-platform:observability.alertEmails[0]: found \"platform-alerts-dev@ultibiker.example.com\""), run.describe());
    }

    @Test
    void theRealValuesLeaveNoExampleAndChangeOnlyTheExampleKeys() {
        assertEquals(Set.of("ci", "dns", "eks", "observability"), realValues("prod").keySet());
        assertEquals(Set.of("ci", "dns", "observability"), realValues("dev").keySet());
        var prod = new java.util.HashMap<>(StackPlans.stackFile("prod").projectConfig());
        prod.putAll(realValues("prod"));
        assertEquals(List.of(), com.ultibiker.platform.config.Placeholders.find(PROJECT_NAME, prod));
    }

    @Test
    void documentsInInputsAreComparedAsTextNotByMeaning() {
        assertNotEquals(canonical(Map.of("p", "{\"a\":1,\"b\":2}")), canonical(Map.of("p", "{\"b\":2,\"a\":1}")),
                "a policy whose keys move is a diff on the next preview");
        assertEquals(canonical(new TreeMap<>(Map.of("x", 1, "y", List.of(Map.of("b", 2, "a", 1))))),
                canonical(Map.of("y", List.of(Map.of("a", 1, "b", 2)), "x", 1)), "map inputs have no key order on the wire");
    }

    @Test
    void theCliEncodingIsGosJson() {
        assertEquals("{\"a\":[1,true,\"x\"],\"b\":\"\\u003c\\u0026\\u003e\",\"c\":{\"y\":1.5,\"z\":null}}",
                CliConfig.json(new TreeMap<>(Map.of("c", new TreeMap<>(java.util.Collections.singletonMap("z", null)) {{ put("y", 1.5); }},
                        "a", List.of(1, true, "x"), "b", "<&>"))));
        assertEquals("[\"ultibiker-platform:a\",\"ultibiker-platform:b\"]",
                CliConfig.secretKeys(Set.of("ultibiker-platform:b", "ultibiker-platform:a")));
    }
}
