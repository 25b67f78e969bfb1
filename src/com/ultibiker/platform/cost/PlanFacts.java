package com.ultibiker.platform.cost;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What pricing one resource needs to know about the rest of the plan: how many resources of a type a
 * region holds (usage is shared between them), the resource behind a placeholder id, which region is
 * primary. Built once per estimate; pure.
 */
public record PlanFacts(List<PlannedResource> resources, String primaryRegion, List<String> regions) {

    public static PlanFacts of(List<PlannedResource> resources, String primaryRegion) {
        List<String> regions = resources.stream().filter(PlannedResource::isAws).map(PlannedResource::region)
                .filter(r -> r != null).distinct().sorted((a, b) -> a.equals(primaryRegion) ? -1 : b.equals(primaryRegion) ? 1 : a.compareTo(b))
                .toList();
        return new PlanFacts(List.copyOf(resources), primaryRegion, regions);
    }

    public long count(String type, String region) {
        return resources.stream().filter(r -> r.type().equals(type) && region.equals(r.region())).count();
    }

    public long count(String type, String region, Predicate<PlannedResource> filter) {
        return resources.stream().filter(r -> r.type().equals(type) && region.equals(r.region()) && filter.test(r)).count();
    }

    /** The first resource of {@code type} that {@code r} depends on (through an input or {@code dependsOn}). */
    public Optional<PlannedResource> dependencyOfType(PlannedResource r, String type) {
        return r.dependencies().stream().map(urn -> resources.stream().filter(x -> x.urn().equals(urn)).findFirst())
                .flatMap(Optional::stream).filter(x -> x.type().equals(type)).findFirst();
    }

    /** The resource whose offline placeholder id is {@code id} ({@code <resource name>-id}). */
    public Optional<PlannedResource> byPlaceholderId(String id) {
        return Optional.ofNullable(byId().get(id));
    }

    private Map<String, PlannedResource> byId() {
        return resources.stream().collect(Collectors.toMap(r -> r.name() + "-id", Function.identity(), (a, b) -> a));
    }

    /** The RDS instance with physical identifier {@code identifier}, or whose ARN ends in {@code :db:<identifier>}. */
    public Optional<PlannedResource> rdsInstance(String identifierOrArn) {
        String id = identifierOrArn.contains(":db:") ? identifierOrArn.substring(identifierOrArn.lastIndexOf(":db:") + 4) : identifierOrArn;
        return resources.stream().filter(r -> r.type().equals("aws:rds/instance:Instance") && id.equals(r.string("identifier", null)))
                .findFirst();
    }

    /**
     * The share of client traffic {@code region} serves: everything with one region; otherwise the
     * secondary regions share {@code secondaryPercent} and the primary keeps the rest.
     */
    public double trafficShare(String region, int secondaryPercent) {
        if (regions.size() <= 1) {
            return 1.0;
        }
        double secondary = secondaryPercent / 100.0;
        return region.equals(primaryRegion) ? 1.0 - secondary : secondary / (regions.size() - 1);
    }
}
