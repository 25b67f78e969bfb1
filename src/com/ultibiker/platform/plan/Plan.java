package com.ultibiker.platform.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** What a stack would create: every registered resource and the stack outputs. */
public record Plan(String project, String stack, Map<String, Object> outputs, List<PlanResource> resources,
                   List<String> notes) {

    /** The AWS regions resources are created in. */
    public Set<String> regionsOf() {
        Set<String> regions = new TreeSet<>();
        resources.forEach(r -> {
            if (r.region() != null) {
                regions.add(r.region());
            }
        });
        return regions;
    }

    public List<PlanResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<PlanResource> where(Predicate<PlanResource> predicate) {
        return resources.stream().filter(predicate).toList();
    }

    public Optional<PlanResource> named(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    public PlanResource require(String type, String name) {
        return named(type, name).orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in the "
                + stack + " plan; resources of that type: " + ofType(type).stream().map(PlanResource::name).toList()));
    }

    public Optional<PlanResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    /** The top-level component a resource belongs to (itself if it is one), or empty for root-level resources. */
    public Optional<PlanResource> topComponent(PlanResource resource) {
        PlanResource current = resource;
        while (true) {
            Optional<PlanResource> parent = current.parent() == null ? Optional.empty() : byUrn(current.parent());
            if (parent.isEmpty() || parent.get().type().equals("pulumi:pulumi:Stack")) {
                return current.custom() ? Optional.empty() : Optional.of(current);
            }
            current = parent.get();
        }
    }

    /** Whether {@code resource} is {@code ancestor} or below it. */
    public boolean isWithin(PlanResource resource, PlanResource ancestor) {
        PlanResource current = resource;
        while (current != null) {
            if (current.urn().equals(ancestor.urn())) {
                return true;
            }
            current = current.parent() == null ? null : byUrn(current.parent()).orElse(null);
        }
        return false;
    }
}
