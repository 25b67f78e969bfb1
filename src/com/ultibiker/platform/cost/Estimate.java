package com.ultibiker.platform.cost;

import com.ultibiker.platform.model.CostConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly estimate of one plan: a cost per priced resource, the AWS types the table lists as not
 * priced (with counts), and any AWS type the table neither prices nor lists ({@link #unknownTypes()},
 * which a test keeps empty).
 */
public record Estimate(String stack, String pricesAsOf, List<ResourceCost> costs, Map<String, Long> notPriced,
                       List<String> unknownTypes, CostConfig usage) {

    static final String STACK_TYPE = "pulumi:pulumi:Stack";

    public static Estimate of(PlanReader.PlanDocument plan, PriceTable prices, CostConfig usage, String primaryRegion) {
        PlanFacts facts = PlanFacts.of(plan.resources(), primaryRegion);
        Pricing.Context context = new Pricing.Context(prices, usage, facts);
        Map<String, PlannedResource> byUrn = plan.resources().stream()
                .collect(Collectors.toMap(PlannedResource::urn, Function.identity(), (a, b) -> a));
        List<ResourceCost> costs = new ArrayList<>();
        Map<String, Long> notPriced = new TreeMap<>();
        TreeMap<String, Boolean> unknown = new TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            if (!r.isAws()) {
                continue;
            }
            if (Pricing.pricedTypes().contains(r.type())) {
                costs.add(new ResourceCost(r.urn(), r.name(), r.type(), r.region(), component(r, byUrn), Pricing.price(r, context)));
            } else if (prices.notPriced().containsKey(r.type())) {
                notPriced.merge(r.type(), 1L, Long::sum);
            } else {
                unknown.put(r.type(), true);
            }
        }
        return new Estimate(plan.stack(), prices.asOf(), List.copyOf(costs), notPriced, List.copyOf(unknown.keySet()), usage);
    }

    /** The name of the outermost component above {@code r} (the stack's direct child), or {@code r}'s own name. */
    static String component(PlannedResource r, Map<String, PlannedResource> byUrn) {
        PlannedResource current = r;
        while (true) {
            PlannedResource parent = current.parent() == null ? null : byUrn.get(current.parent());
            if (parent == null || STACK_TYPE.equals(parent.type())) {
                return current.name();
            }
            current = parent;
        }
    }

    public double totalUsd() {
        return costs.stream().mapToDouble(ResourceCost::monthlyUsd).sum();
    }

    /** Monthly cost per component, sorted by name. */
    public Map<String, Double> byComponent() {
        return sum(ResourceCost::component);
    }

    /** Monthly cost per AWS type, sorted by type. */
    public Map<String, Double> byType() {
        return sum(ResourceCost::type);
    }

    /** Monthly cost per region. */
    public Map<String, Double> byRegion() {
        return sum(ResourceCost::region);
    }

    private Map<String, Double> sum(Function<ResourceCost, String> key) {
        return costs.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingDouble(ResourceCost::monthlyUsd)));
    }

    public Map<String, Long> countByType() {
        return costs.stream().collect(Collectors.groupingBy(ResourceCost::type, TreeMap::new, Collectors.counting()));
    }
}
