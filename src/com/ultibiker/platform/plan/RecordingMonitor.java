package com.ultibiker.platform.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The mock engine's monitor with a recorder: it sees each registration as the Pulumi engine would
 * (parent, dependencies, provider, options, wire-form inputs), which {@code Mocks} alone does not.
 * It answers with the URN the engine would give ({@link EngineUrns}), so parents, dependencies and
 * provider references the program sends are engine URNs too, and it refuses a second registration of
 * a URN as the engine does. The only class that touches Pulumi's internal test API.
 */
final class RecordingMonitor extends MockMonitor {

    /** A registration and the URN the engine gave it. */
    record Registration(String urn, RegisterResourceRequest request) {
    }

    /** The engine's refusal of a URN registered twice (pulumi/pulumi sdk/go/common/diag/errors.go, code 2001). */
    static final class DuplicateUrnException extends RuntimeException {
        DuplicateUrnException(String urn) {
            super("Duplicate resource URN '" + urn + "'; try giving it a unique name");
        }
    }

    private final Queue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final Set<String> urns = ConcurrentHashMap.newKeySet();

    RecordingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            String urn = EngineUrns.fromMock(response.getUrn());
            if (!urns.add(urn)) {
                throw new DuplicateUrnException(urn);
            }
            registrations.add(new Registration(urn, request));
            return response.toBuilder().setUrn(urn).build();
        });
    }

    List<Registration> registrations() {
        return new ArrayList<>(registrations);
    }

    /** Dependencies as the engine would record them: explicit ones and those flowing through inputs. */
    static List<String> dependencies(RegisterResourceRequest request) {
        Set<String> deps = new LinkedHashSet<>(request.getDependenciesList());
        request.getPropertyDependenciesMap().values().forEach(d -> deps.addAll(d.getUrnsList()));
        return deps.stream().sorted().toList();
    }
}
