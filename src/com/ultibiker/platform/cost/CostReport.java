package com.ultibiker.platform.cost;

import com.google.gson.GsonBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Renders an {@link Estimate} (and its difference from another) as text, Markdown or JSON. Pure. */
public final class CostReport {

    private static final double CENT = 0.005;

    private CostReport() {
    }

    public static String usd(double value) {
        return String.format(Locale.ROOT, "%s$%,.2f", value < -CENT ? "-" : "", Math.abs(value));
    }

    public static String signed(double value) {
        return (value > CENT ? "+" : "") + usd(value);
    }

    /** Rows of {@code name → (this, other)} for every key of either map, changed rows only when {@code changedOnly}. */
    static List<String[]> diffRows(Map<String, Double> now, Map<String, Double> before, boolean changedOnly) {
        List<String[]> rows = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(now.keySet());
        keys.addAll(before.keySet());
        for (String k : keys) {
            double a = now.getOrDefault(k, 0.0);
            double b = before.getOrDefault(k, 0.0);
            if (!changedOnly || Math.abs(a - b) > CENT) {
                rows.add(new String[] {k, usd(b), usd(a), signed(a - b)});
            }
        }
        return rows;
    }

    public static String text(Estimate e, PriceTable prices, Optional<Estimate> against, String againstName) {
        StringBuilder out = new StringBuilder();
        out.append("Monthly estimate for stack ").append(e.stack()).append(": ").append(usd(e.totalUsd()))
                .append(" (on-demand list prices as of ").append(e.pricesAsOf()).append(", ").append(prices.hoursPerMonth())
                .append(" h/month, before tax, free tiers and discounts)\n\n");
        out.append("By component\n");
        e.byComponent().forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-36s %12s%n", k, usd(v))));
        out.append("\nBy resource type\n");
        Map<String, Long> counts = e.countByType();
        e.byType().forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-56s %4d %12s%n", k, counts.get(k), usd(v))));
        out.append("\nBy region\n");
        e.byRegion().forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-36s %12s%n", k, usd(v))));
        out.append("\nLine items\n");
        for (ResourceCost c : e.costs()) {
            for (LineItem l : c.lines()) {
                if (l.monthlyUsd() > CENT) {
                    out.append(String.format(Locale.ROOT, "  %-40s %-11s %12s  %s: %s %s × %s%n", c.name(), c.region(), usd(l.monthlyUsd()),
                            l.what(), Pricing.fmt(round(l.quantity())), l.unit(), usdUnit(l.unitUsd())));
                }
            }
        }
        out.append("\nAssumptions (config section cost; README, \"Cost estimate\")\n");
        for (Assumptions.Assumption a : Assumptions.of(e.usage())) {
            out.append(String.format(Locale.ROOT, "  cost.%-34s %8d %-12s %s%n", a.key(), a.value(), a.unit(), a.defaultSource()));
        }
        out.append("\nNot priced (free, or priced on another resource)\n");
        e.notPriced().forEach((k, n) -> out.append(String.format(Locale.ROOT, "  %-60s %4d  %s%n", k, n, prices.notPriced().get(k))));
        if (!e.unknownTypes().isEmpty()) {
            out.append("\nNOT IN THE PRICE TABLE (add a price or a notPriced entry to resources/cost/aws-prices.json)\n");
            e.unknownTypes().forEach(t -> out.append("  ").append(t).append('\n'));
        }
        against.ifPresent(b -> {
            out.append("\nDifference from ").append(againstName).append(": ").append(usd(b.totalUsd())).append(" -> ")
                    .append(usd(e.totalUsd())).append(" (").append(signed(e.totalUsd() - b.totalUsd())).append(" per month)\n");
            List<String[]> rows = diffRows(e.byComponent(), b.byComponent(), true);
            if (!rows.isEmpty()) {
                out.append("  by component (before -> after, change)\n");
                rows.forEach(r -> out.append(String.format(Locale.ROOT, "    %-36s %12s -> %12s  %s%n", r[0], r[1], r[2], r[3])));
                out.append("  by resource type\n");
                diffRows(e.byType(), b.byType(), true).forEach(r ->
                        out.append(String.format(Locale.ROOT, "    %-56s %12s -> %12s  %s%n", r[0], r[1], r[2], r[3])));
            }
        });
        return out.toString();
    }

    /** The PR comment: total, difference, per component, assumptions in a fold. */
    public static String markdown(Estimate e, PriceTable prices, Optional<Estimate> against, String againstName) {
        StringBuilder out = new StringBuilder();
        out.append("### Cost estimate: `").append(e.stack()).append("` ").append(usd(e.totalUsd())).append(" / month");
        against.ifPresent(b -> out.append(" (").append(signed(e.totalUsd() - b.totalUsd())).append(" vs ").append(againstName).append(')'));
        out.append("\n\nOn-demand list prices as of ").append(e.pricesAsOf())
                .append(" (`resources/cost/aws-prices.json`), usage from the assumptions below. `bin/cost ").append(e.stack()).append("` prints every line item.\n\n");
        if (against.isPresent()) {
            out.append("| component | ").append(againstName).append(" | this PR | change |\n|---|---:|---:|---:|\n");
            diffRows(e.byComponent(), against.get().byComponent(), false)
                    .forEach(r -> out.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ").append(r[2]).append(" | ").append(r[3]).append(" |\n"));
            List<String[]> types = diffRows(e.byType(), against.get().byType(), true);
            if (!types.isEmpty()) {
                out.append("\n| resource type changed | ").append(againstName).append(" | this PR | change |\n|---|---:|---:|---:|\n");
                types.forEach(r -> out.append("| `").append(r[0]).append("` | ").append(r[1]).append(" | ").append(r[2]).append(" | ").append(r[3]).append(" |\n"));
            }
        } else {
            out.append("| component | monthly |\n|---|---:|\n");
            e.byComponent().forEach((k, v) -> out.append("| ").append(k).append(" | ").append(usd(v)).append(" |\n"));
        }
        out.append("\n<details><summary>Assumptions (config section <code>cost</code>)</summary>\n\n| key | value | default from |\n|---|---:|---|\n");
        Assumptions.of(e.usage()).forEach(a -> out.append("| `cost.").append(a.key()).append("` | ").append(a.value()).append(' ').append(a.unit())
                .append(" | ").append(a.defaultSource()).append(" |\n"));
        out.append("\n</details>\n");
        if (!e.unknownTypes().isEmpty()) {
            out.append("\n**Not in the price table:** ").append(String.join(", ", e.unknownTypes())).append('\n');
        }
        return out.toString();
    }

    public static String json(Estimate e, Optional<Estimate> against) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stack", e.stack());
        doc.put("currency", "USD");
        doc.put("pricesAsOf", e.pricesAsOf());
        doc.put("monthlyUsd", round(e.totalUsd()));
        doc.put("byComponent", rounded(e.byComponent()));
        doc.put("byType", rounded(e.byType()));
        doc.put("byRegion", rounded(e.byRegion()));
        doc.put("resources", e.costs().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("urn", c.urn());
            m.put("type", c.type());
            m.put("region", c.region());
            m.put("component", c.component());
            m.put("monthlyUsd", round(c.monthlyUsd()));
            m.put("lines", c.lines());
            return m;
        }).toList());
        Map<String, Object> assumptions = new LinkedHashMap<>();
        Assumptions.of(e.usage()).forEach(a -> assumptions.put(a.key(), a.value()));
        doc.put("assumptions", assumptions);
        doc.put("notPriced", e.notPriced());
        doc.put("unknownTypes", e.unknownTypes());
        against.ifPresent(b -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("monthlyUsd", round(b.totalUsd()));
            d.put("changeUsd", round(e.totalUsd() - b.totalUsd()));
            doc.put("against", d);
        });
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(doc) + "\n";
    }

    private static Map<String, Double> rounded(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, round(v)));
        return out;
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String usdUnit(double v) {
        return String.format(Locale.ROOT, "$%s", v >= 0.01 ? String.format(Locale.ROOT, "%.4f", v).replaceAll("0{1,2}$", "") : String.format(Locale.ROOT, "%.5f", v));
    }
}
