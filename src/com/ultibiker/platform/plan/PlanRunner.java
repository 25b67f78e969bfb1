package com.ultibiker.platform.plan;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import com.ultibiker.platform.config.ConfigException;
import com.ultibiker.platform.config.StackFile;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a Pulumi program in-process against the mock engine with a stack's configuration, and returns
 * what it registered. The program is the real one ({@code PlatformStack::stack}); only the engine is
 * simulated.
 */
public final class PlanRunner {

    private static final String FALLBACK_REGION = "us-east-1";

    private PlanRunner() {
    }

    /** Thrown when the program fails for a reason other than invalid configuration. */
    public static final class PlanFailure extends RuntimeException {
        public PlanFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What a program registered (engine URNs, in order) and how it ended: {@code failure} null when it succeeded. */
    public record Outcome(List<String> registered, RuntimeException failure) {
    }

    public static Plan run(StackFile stackFile, Consumer<Context> program) {
        return run(stackFile, program, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #run(StackFile, Consumer)} with the mock engine's answers decorated, for tests that simulate
     * an account already holding resources (a later {@code up}).
     */
    public static Plan run(StackFile stackFile, Consumer<Context> program,
                           java.util.function.UnaryOperator<com.pulumi.test.Mocks> answers) {
        return execute(stackFile, program, true, answers).plan;
    }

    /**
     * Runs the program and reports what it registered even when it fails: for tests that prove a
     * failing program (e.g. invalid configuration) registers nothing.
     */
    public static Outcome attempt(StackFile stackFile, Consumer<Context> program) {
        Execution execution = execute(stackFile, program, false, java.util.function.UnaryOperator.identity());
        return new Outcome(execution.registered, execution.failure);
    }

    private record Execution(Plan plan, List<String> registered, RuntimeException failure) {
    }

    private static Execution execute(StackFile stackFile, Consumer<Context> program, boolean rethrow,
                                     java.util.function.UnaryOperator<com.pulumi.test.Mocks> answers) {
        String defaultRegion = stackFile.allConfig().getOrDefault("aws:region", FALLBACK_REGION);
        var mocks = answers.apply(new PlanMocks(defaultRegion));
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        TestResult result;
        try {
            result = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName(stackFile.project())
                            .stackName(stackFile.stack())
                            .preview(false)
                            .build())
                    .mocks(mocks)
                    .config(stackFile.allConfig(), stackFile.secretKeys())
                    .monitorDecorator(ignored -> {
                        var recorder = new RecordingMonitor(mocks, PulumiTestInternal.mockLog());
                        monitor.set(recorder);
                        return recorder;
                    })
                    .build()
                    .runTest(program);
            List<String> registered = monitor.get() == null ? List.of()
                    : monitor.get().registrations().stream().map(RecordingMonitor.Registration::urn).toList();
            try {
                rethrowFailures(result);
            } catch (RuntimeException e) {
                if (rethrow) {
                    throw e;
                }
                return new Execution(null, registered, e);
            }
            return new Execution(toPlan(stackFile, result, monitor.get(), defaultRegion), registered, null);
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    private static void rethrowFailures(TestResult result) {
        for (Exception e : result.exceptions()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConfigException config) {
                    throw config;
                }
                if (t instanceof RecordingMonitor.DuplicateUrnException duplicate) {
                    throw new PlanFailure(duplicate.getMessage(), duplicate);
                }
            }
        }
        if (!result.exceptions().isEmpty()) {
            Exception first = result.exceptions().get(0);
            throw new PlanFailure("the program failed: " + first, first);
        }
        if (!result.errors().isEmpty()) {
            throw new PlanFailure("the program logged errors: " + String.join("; ", result.errors()), null);
        }
    }

    private static Plan toPlan(StackFile stackFile, TestResult result, RecordingMonitor monitor, String defaultRegion) {
        var registrations = monitor.registrations();
        Map<String, String> providerRegions = new HashMap<>();
        for (var r : registrations) {
            if (r.request().getType().equals("pulumi:providers:aws")) {
                Object region = ProtoValues.toMap(r.request().getObject()).get("region");
                providerRegions.put(r.urn(), region == null ? defaultRegion : String.valueOf(region));
            }
        }
        List<PlanResource> resources = new ArrayList<>();
        for (var r : registrations) {
            var req = r.request();
            String providerUrn = req.getProvider().isEmpty() ? "" : req.getProvider().substring(0, req.getProvider().lastIndexOf("::"));
            String region = null;
            if (req.getType().equals("pulumi:providers:aws")) {
                region = providerRegions.get(r.urn());
            } else if (req.getType().startsWith("aws:")) {
                region = providerUrn.isEmpty() ? defaultRegion : providerRegions.getOrDefault(providerUrn, defaultRegion);
            }
            List<String> aliases = new ArrayList<>(req.getAliasURNsList());
            req.getAliasesList().forEach(a -> aliases.add(a.hasUrn() ? a.getUrn() : aliasUrn(stackFile, req, a.getSpec())));
            resources.add(new PlanResource(
                    r.urn(), req.getType(), req.getName(), region,
                    req.getParent().isEmpty() ? null : req.getParent(),
                    RecordingMonitor.dependencies(req),
                    req.getProtect(),
                    req.getIgnoreChangesList().stream().sorted().toList(),
                    req.hasRetainOnDelete() && req.getRetainOnDelete(),
                    req.getCustom(),
                    providerUrn.isEmpty() ? null : providerUrn,
                    List.copyOf(aliases),
                    ProtoValues.toMap(req.getObject())));
        }
        resources.sort(Comparator.comparing(PlanResource::urn));
        List<String> notes = new ArrayList<>(stackFile.offlineLimits());
        return new Plan(stackFile.project(), stackFile.stack(), outputs(result), List.copyOf(resources), List.copyOf(notes));
    }

    /**
     * The URN an alias spec stands for, resolved as the engine does (pulumi/pulumi
     * pkg/resource/deploy/source_eval.go, RegisterResource): every field left empty is the resource's own
     * (name, type, stack, project), an empty parent URN (the Java SDK always sends one) is the resource's
     * parent, {@code noParent} means a root-level resource.
     */
    static String aliasUrn(StackFile stackFile, RegisterResourceRequest req, AliasOuterClass.Alias.Spec spec) {
        String parent = switch (spec.getParentCase()) {
            case PARENTURN -> spec.getParentUrn().isEmpty() ? req.getParent() : spec.getParentUrn();
            case NOPARENT -> spec.getNoParent() ? null : req.getParent();
            case PARENT_NOT_SET -> req.getParent();
        };
        return EngineUrns.create(
                spec.getStack().isEmpty() ? stackFile.stack() : spec.getStack(),
                spec.getProject().isEmpty() ? stackFile.project() : spec.getProject(),
                parent,
                spec.getType().isEmpty() ? req.getType() : spec.getType(),
                spec.getName().isEmpty() ? req.getName() : spec.getName());
    }

    private static Map<String, Object> outputs(TestResult result) {
        Map<String, Object> out = new TreeMap<>();
        for (Map.Entry<String, Output<?>> e : result.outputs().entrySet()) {
            var data = PulumiTestInternal.extractOutputData(e.getValue());
            Object value;
            if (!data.isKnown()) {
                value = ProtoValues.UNKNOWN_TEXT;
            } else if (data.isSecret()) {
                value = ProtoValues.SECRET_TEXT;
            } else {
                value = plain(data.getValueNullable());
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    private static Object plain(Object value) {
        if (value instanceof Double d) {
            return ProtoValues.number(d);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanRunner::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        return value;
    }
}
