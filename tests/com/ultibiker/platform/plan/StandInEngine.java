package com.ultibiker.platform.plan;

import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.test.Mocks;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the Pulumi engine over gRPC: the ResourceMonitor and Engine services a program talks
 * to under {@code pulumi preview} / {@code pulumi up}, answering as the engine does (pulumi/pulumi
 * pkg/resource/deploy/source_eval.go): URNs without the root stack in the chain, a duplicate URN
 * refused, and in preview resources to be created come back with their known inputs only and no id
 * (the SDK then treats every computed output as unknown), providers with the unknown id. In update mode
 * the provider's answer (ids, ARNs, endpoints) comes from the same {@link PlanMocks} as the offline
 * plan, so both see the same values. It records every registration, log line and stack output.
 */
final class StandInEngine implements AutoCloseable {

    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

    /** Features the engine answers true for (source_eval.go, SupportsFeature); anything else false. */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences", "outputValues", "deletedWith",
            "aliasSpecs", "transforms", "invokeTransforms", "parameterization", "resourceHooks");

    record Registration(String urn, RegisterResourceRequest request) {
    }

    private final String stack;
    private final String project;
    private final boolean preview;
    private final PlanMocks provider;
    private final Server server;
    private final Queue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final Set<String> urns = ConcurrentHashMap.newKeySet();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger logCalls = new AtomicInteger();
    private final Map<String, Object> stackOutputs = new ConcurrentHashMap<>();
    private volatile String rootUrn = "";
    private volatile String stackUrn = "";

    StandInEngine(String stack, String project, boolean preview, String defaultRegion) throws IOException {
        this.stack = stack;
        this.project = project;
        this.preview = preview;
        this.provider = new PlanMocks(defaultRegion);
        this.server = ServerBuilder.forPort(0).addService(new Monitor()).addService(new Engine()).build().start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    List<Registration> registrations() {
        return new ArrayList<>(registrations);
    }

    List<String> errors() {
        return new ArrayList<>(errors);
    }

    int logCalls() {
        return logCalls.get();
    }

    Map<String, Object> stackOutputs() {
        return Map.copyOf(stackOutputs);
    }

    String rootUrn() {
        return rootUrn;
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {

        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> response) {
            response.onNext(SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
            response.onCompleted();
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> response) {
            String urn = EngineUrns.create(stack, project, request.getParent(), request.getType(), request.getName());
            if (!urns.add(urn)) {
                String message = "Duplicate resource URN '" + urn + "'; try giving it a unique name";
                errors.add(message);
                response.onError(Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException());
                return;
            }
            registrations.add(new Registration(urn, request));
            if (request.getType().equals(EngineUrns.ROOT_STACK_TYPE)) {
                stackUrn = urn;
            }
            var answer = RegisterResourceResponse.newBuilder().setUrn(urn);
            if (request.getCustom()) {
                Map<String, Object> inputs = plain(request.getObject());
                var created = provider.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(), inputs,
                        request.getProvider(), request.getImportId())).join();
                boolean isProvider = request.getType().startsWith("pulumi:providers:");
                if (preview) {
                    // A create in preview: no id yet (providers get the unknown id), outputs are the known inputs.
                    answer.setId(isProvider ? UNKNOWN : "").setObject(knownInputs(request.getObject()));
                } else {
                    answer.setId(created.id.orElse(request.getName() + "-id"))
                            .setObject(withSecretness(wire(created.state).getStructValue(), request.getObject()));
                }
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> response) {
            if (request.getUrn().equals(stackUrn)) {
                stackOutputs.putAll(ProtoValues.toMap(request.getOutputs()));
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> response) {
            try {
                Map<String, Object> result = provider.callAsync(new Mocks.CallArgs(request.getTok(), com.google.common.collect.ImmutableMap.copyOf(plain(request.getArgs())),
                        request.getProvider())).join();
                response.onNext(ResourceInvokeResponse.newBuilder().setReturn(wire(result).getStructValue()).build());
                response.onCompleted();
            } catch (RuntimeException e) {
                errors.add("invoke " + request.getTok() + ": " + e.getMessage());
                response.onError(Status.UNKNOWN.withDescription(e.getMessage()).asRuntimeException());
            }
        }

        @Override
        public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> response) {
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {

        @Override
        public void log(EngineOuterClass.LogRequest request, StreamObserver<Empty> response) {
            logCalls.incrementAndGet();
            if (request.getSeverity() == EngineOuterClass.LogSeverity.ERROR) {
                errors.add(request.getMessage());
            }
            response.onNext(Empty.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getRootResource(EngineOuterClass.GetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.GetRootResourceResponse> response) {
            response.onNext(EngineOuterClass.GetRootResourceResponse.newBuilder().setUrn(rootUrn).build());
            response.onCompleted();
        }

        @Override
        public void setRootResource(EngineOuterClass.SetRootResourceRequest request,
                                    StreamObserver<EngineOuterClass.SetRootResourceResponse> response) {
            rootUrn = request.getUrn();
            response.onNext(EngineOuterClass.SetRootResourceResponse.getDefaultInstance());
            response.onCompleted();
        }
    }

    // --- wire values: what a provider sees (plain values) and what the engine sends back ---

    /** Inputs as a provider receives them: secrets unwrapped, unknowns left out, numbers as Double. */
    static Map<String, Object> plain(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> {
            Object value = plain(v);
            if (value != null) {
                out.put(k, value);
            }
        });
        return out;
    }

    private static Object plain(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> v.getBoolValue();
            case NUMBER_VALUE -> v.getNumberValue();
            case STRING_VALUE -> UNKNOWN.equals(v.getStringValue()) ? null : v.getStringValue();
            case LIST_VALUE -> v.getListValue().getValuesList().stream().map(StandInEngine::plain).toList();
            case STRUCT_VALUE -> {
                Struct s = v.getStructValue();
                Value sig = s.getFieldsMap().get(SIG);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    yield plain(s.getFieldsMap().getOrDefault("value", Value.getDefaultInstance()));
                }
                if (sig != null && s.getFieldsMap().containsKey("urn")) {
                    yield s.getFieldsMap().get("urn").getStringValue();
                }
                yield plain(s);
            }
        };
    }

    static Value wire(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof String s) {
            return Value.newBuilder().setStringValue(s).build();
        }
        if (o instanceof List<?> l) {
            var list = ListValue.newBuilder();
            l.forEach(item -> list.addValues(wire(item)));
            return Value.newBuilder().setListValue(list).build();
        }
        if (o instanceof Map<?, ?> m) {
            var struct = Struct.newBuilder();
            m.forEach((k, v) -> struct.putFields(String.valueOf(k), wire(v)));
            return Value.newBuilder().setStructValue(struct).build();
        }
        if (o instanceof java.util.Optional<?> opt) {
            return wire(opt.orElse(null));
        }
        throw new IllegalArgumentException("no wire form for " + o.getClass());
    }

    /** The known part of the inputs, as the engine echoes them in preview (secrets kept secret). */
    private static Struct knownInputs(Struct inputs) {
        var out = Struct.newBuilder();
        inputs.getFieldsMap().forEach((k, v) -> {
            if (!containsUnknown(v)) {
                out.putFields(k, v);
            }
        });
        return out.build();
    }

    private static boolean containsUnknown(Value v) {
        return switch (v.getKindCase()) {
            case STRING_VALUE -> UNKNOWN.equals(v.getStringValue());
            case LIST_VALUE -> v.getListValue().getValuesList().stream().anyMatch(StandInEngine::containsUnknown);
            case STRUCT_VALUE -> v.getStructValue().getFieldsMap().values().stream().anyMatch(StandInEngine::containsUnknown);
            default -> false;
        };
    }

    /** Outputs whose input was secret stay secret, as the engine keeps them. */
    private static Struct withSecretness(Struct outputs, Struct inputs) {
        var out = outputs.toBuilder();
        inputs.getFieldsMap().forEach((k, v) -> {
            if (v.hasStructValue() && v.getStructValue().getFieldsMap().containsKey(SIG)
                    && SECRET_SIG.equals(v.getStructValue().getFieldsMap().get(SIG).getStringValue()) && out.containsFields(k)) {
                out.putFields(k, Value.newBuilder().setStructValue(Struct.newBuilder()
                        .putFields(SIG, Value.newBuilder().setStringValue(SECRET_SIG).build())
                        .putFields("value", out.getFieldsOrThrow(k))).build());
            }
        });
        return out.build();
    }
}
