package com.ultibiker.platform.cost;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.PlanJson;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/cost: exit codes, the difference from another plan, the JSON and Markdown it writes. */
class CostMainTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run cost(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = CostMain.run(args, StackPlans.PROJECT_DIR, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownStackIsAConfigError() {
        Run r = cost("staging");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("staging"), r.err());
    }

    @Test
    void aMissingFileNameIsAUsageError() {
        Run r = cost("dev", "--against");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--against needs a file name"), r.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void devAgainstProdShowsTheDifferenceAndWritesJsonAndMarkdown() throws Exception {
        Path dev = tmp.resolve("dev.json");
        Path prod = tmp.resolve("prod.json");
        Files.writeString(dev, PlanJson.render(StackPlans.dev()));
        Files.writeString(prod, PlanJson.render(StackPlans.prod()));
        Path json = tmp.resolve("cost.json");
        Path md = tmp.resolve("cost.md");
        Run r = cost("dev", "--plan", dev.toString(), "--against", prod.toString(), "--json", json.toString(), "--markdown", md.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Monthly estimate for stack dev: $"), r.out());
        assertTrue(r.out().contains("Difference from " + prod + ": $"), r.out());
        assertTrue(r.out().contains("cost.requestsPerSecond"), "assumptions are printed: " + r.out());
        Map<String, Object> doc = new Gson().fromJson(Files.readString(json), Map.class);
        double dev$ = (Double) doc.get("monthlyUsd");
        double prod$ = (Double) ((Map<String, Object>) doc.get("against")).get("monthlyUsd");
        assertTrue(prod$ > dev$, "prod costs more than dev");
        // Both totals are rounded to the cent and the change is rounded from the unrounded totals: a cent apart at most.
        assertEquals(CostReport.round(dev$ - prod$), (Double) ((Map<String, Object>) doc.get("against")).get("changeUsd"), 0.0101);
        assertTrue(Files.readString(md).startsWith("### Cost estimate: `dev` "), Files.readString(md));
        assertTrue(Files.readString(md).contains(" vs main)"), Files.readString(md));
    }
}
