package com.ultibiker.platform.plan;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The human-readable summary {@code bin/plan} prints. */
public final class PlanSummary {

    private PlanSummary() {
    }

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Plan for stack '").append(plan.stack()).append("' of project ").append(plan.project())
                .append(" (offline, mock engine: nothing is created)\n\n");
        Map<String, Integer> byComponent = new TreeMap<>();
        Map<String, Integer> byType = new TreeMap<>();
        int total = 0;
        for (PlanResource r : plan.resources()) {
            if (!r.custom() || r.type().startsWith("pulumi:providers:")) {
                continue;
            }
            total++;
            byType.merge(r.type(), 1, Integer::sum);
            String component = plan.topComponent(r).map(c -> c.type() + " " + c.name()).orElse("(stack)");
            byComponent.merge(component, 1, Integer::sum);
        }
        out.append("Resources per component:\n");
        byComponent.forEach((k, v) -> out.append(String.format("  %4d  %s%n", v, k)));
        out.append("\nResources per type:\n");
        byType.forEach((k, v) -> out.append(String.format("  %4d  %s%n", v, k)));
        long providers = plan.resources().stream().filter(r -> r.type().startsWith("pulumi:providers:")).count();
        long components = plan.resources().stream().filter(r -> !r.custom() && !r.type().equals("pulumi:pulumi:Stack")).count();
        out.append(String.format("%nTotal: %d resources (plus %d provider(s) and %d component(s))%n", total, providers, components));
        section(out, "For review: sizes that drive cost and capacity", PlanReview.sizes(plan));
        List<String> protectedResources = PlanReview.protectedResources(plan);
        section(out, "For review: protected resources (" + protectedResources.size() + ")", protectedResources);
        List<String> reachable = PlanReview.internetReachable(plan);
        section(out, "For review: reachable from the internet (" + reachable.size() + ")", reachable);
        section(out, "For review: IAM roles other principals assume, and what they may do", PlanReview.assumableRoles(plan));
        out.append("\nOutputs:\n");
        plan.outputs().forEach((k, v) -> out.append("  ").append(k).append(" = ").append(v).append('\n'));
        for (String note : plan.notes()) {
            out.append("\nNote: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append('\n').append(title).append(":\n");
        if (lines.isEmpty()) {
            out.append("  (none)\n");
        }
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }
}
