package com.ultibiker.platform.plan;

import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Mermaid diagram of a plan: what it must show, and the README's copy of the prod diagram kept current. */
class PlanDiagramTest {

    static final String START = "<!-- diagram:prod:start (bin/plan prod --diagram FILE; PlanDiagramTest keeps it current) -->";
    static final String END = "<!-- diagram:prod:end -->";

    static String prod() {
        return PlanDiagram.render(StackPlans.prod(), "us-east-1");
    }

    @Test
    void theReadmeEmbedsTheCurrentProdDiagram() throws IOException {
        String readme = Files.readString(StackPlans.PROJECT_DIR.resolve("README.md"));
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md needs the markers " + START + " ... " + END);
        String embedded = readme.substring(start + START.length(), end).strip();
        String expected = "```mermaid\n" + prod() + "```";
        if (Boolean.getBoolean("golden.update") && !expected.equals(embedded)) {
            Files.writeString(StackPlans.PROJECT_DIR.resolve("README.md"),
                    readme.substring(0, start + START.length()) + "\n" + expected + "\n" + readme.substring(end));
            return;
        }
        assertEquals(expected, embedded, "the README's prod diagram is stale: rewrite it with "
                + "`mvn -q -o test -Dtest=PlanDiagramTest -Dgolden.update=true` and review the diff");
    }

    @Test
    void everyTopLevelComponentIsANodeInTheRegionsItHasResourcesIn() {
        String d = prod();
        Set<String> components = StackPlans.prod().resources().stream()
                .filter(r -> r.type().startsWith("ultibiker:") && r.parent() != null && r.parent().contains("pulumi:pulumi:Stack"))
                .map(PlanResource::name).collect(Collectors.toCollection(TreeSet::new));
        for (String c : components) {
            assertTrue(d.contains("<b>" + c + "</b>"), c + " is missing from the diagram");
        }
        // the database spans both regions (cross-region replica): one node in each region's subgraph
        String euWest = d.substring(d.indexOf("subgraph region_eu_west_1"), d.indexOf("end", d.indexOf("subgraph region_eu_west_1")));
        assertTrue(euWest.contains("database__eu_west_1[(") && euWest.contains("replica"), euWest);
        assertTrue(d.contains("subgraph region_us_east_1[\"us-east-1 (primary)\"]"), d);
        assertTrue(d.contains("subgraph region_global[\"global: Route53, IAM\"]"), d);
    }

    @Test
    void dataStoresAreCylindersAndEntryPointsAreReachedFromTheClients() {
        String d = prod();
        for (String store : List.of("cache_us_east_1[(", "cache_eu_west_1[(", "database__us_east_1[(", "timeseries[(")) {
            assertTrue(d.contains(store), store);
        }
        for (String entry : List.of("entry_us_east_1", "entry_eu_west_1", "dns_zone")) {
            assertTrue(d.contains("  clients --> " + entry + "\n"), entry);
        }
    }

    /** Every dependency between resources of two different components is an arrow (and no arrow without one). */
    @Test
    void arrowsAreExactlyTheDependenciesBetweenComponents() {
        Plan plan = StackPlans.prod();
        String d = prod();
        Pattern arrow = Pattern.compile("^  (\\w+) --> (\\w+)$", Pattern.MULTILINE);
        Set<String> arrows = new TreeSet<>();
        Matcher m = arrow.matcher(d);
        while (m.find()) {
            if (!m.group(1).equals("clients")) {
                arrows.add(m.group(1).replaceAll("__.*", "") + " -> " + m.group(2).replaceAll("__.*", ""));
            }
        }
        Set<String> expected = new TreeSet<>();
        for (PlanResource r : plan.resources()) {
            var from = plan.topComponent(r);
            if (from.isEmpty() || !r.custom()) {
                continue;
            }
            List<String> deps = new java.util.ArrayList<>(r.dependencies());
            if (r.provider() != null) {
                deps.add(r.provider());
            }
            for (String dep : deps) {
                plan.byUrn(dep).flatMap(plan::topComponent).ifPresent(to -> {
                    if (!to.name().equals(from.get().name())) {
                        expected.add(PlanDiagram.sanitize(from.get().name()) + " -> " + PlanDiagram.sanitize(to.name()));
                    }
                });
            }
        }
        // an arrow inside one split component (database us-east-1 <-> eu-west-1, and the backup plans' copies to the
        // other region's vault, the export job waiting for its bucket in the other region) is a dependency too
        expected.add("database -> database");
        expected.add("timeseries_export -> timeseries_export");
        expected.add("backup -> backup");
        // ... and the replications of the uploads bucket and of the image repositories into the standby region
        expected.add("uploads -> uploads");
        expected.add("ecr -> ecr");
        // the assets replica in eu-west-1 is read by the distribution its policy names (created through us-east-1)
        expected.add("assets -> assets");
        // and the CI runners' peering: eu-west-1's accepter and return routes depend on the us-east-1 side
        expected.add("ci_runners -> ci_runners");
        assertEquals(expected, arrows);
    }

    @Test
    void theDiagramIsDeterministicAndEveryNodeIdIsMermaidSafe() {
        assertEquals(prod(), prod());
        Pattern node = Pattern.compile("^    (\\S+?)(\\[|\\(\\[)", Pattern.MULTILINE);
        Matcher m = node.matcher(prod());
        int nodes = 0;
        while (m.find()) {
            nodes++;
            assertTrue(m.group(1).matches("[A-Za-z0-9_]+"), m.group(1));
        }
        assertTrue(nodes >= 15, "nodes: " + nodes);
        assertEquals(prod().split("\n  subgraph ", -1).length - 1, prod().split("\n  end\n", -1).length - 1, "every subgraph ends");
    }
}
