package com.ultibiker.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports point one way (issue 17.4): the configuration model is below everything, the components in
 * the middle, the parser above them, the program above the parser, and the offline tools on top. A
 * component that imports the parser, or the model importing anything of the program, fails here.
 */
class LayeringTest {

    private static final Path SRC = Path.of("src/com/ultibiker/platform");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?com\\.ultibiker\\.platform\\.([a-z]\\w*)?", Pattern.MULTILINE);

    /** Lower numbers are lower layers; a package may import only packages of a lower layer, or of its own when the graph stays acyclic. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("model", 0),
            Map.entry("tagging", 1),
            Map.entry("common", 2),
            Map.entry("network", 3), Map.entry("eks", 3), Map.entry("data", 3), Map.entry("dns", 3),
            Map.entry("edge", 3), Map.entry("assets", 3), Map.entry("observability", 3), Map.entry("timeseries", 3), Map.entry("ci", 3),
            Map.entry("backup", 3), Map.entry("recovery", 3), Map.entry("audit", 3), Map.entry("storage", 3),
            Map.entry("config", 4),
            Map.entry("(root)", 5),
            Map.entry("plan", 6),
            Map.entry("cost", 7), Map.entry("drill", 7));

    static Map<String, TreeSet<String>> packageImports() {
        Map<String, TreeSet<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                Path dir = SRC.relativize(file).getParent();
                String from = dir == null ? "(root)" : dir.toString().replace('/', '.');
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    String to = m.group(1) == null ? "(root)" : m.group(1);
                    if (!to.equals(from)) {
                        graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyPackageHasALayer() {
        List<String> unplaced = new ArrayList<>();
        packageImports().forEach((from, tos) -> {
            if (!LAYER.containsKey(from)) {
                unplaced.add(from);
            }
            tos.stream().filter(t -> !LAYER.containsKey(t)).forEach(unplaced::add);
        });
        assertEquals(List.of(), unplaced, "packages with no layer in LayeringTest.LAYER: place each new package");
    }

    @Test
    void importsPointOnlyDownward() {
        List<String> upward = new ArrayList<>();
        packageImports().forEach((from, tos) -> tos.forEach(to -> {
            if (LAYER.getOrDefault(to, 99) > LAYER.getOrDefault(from, -1)) {
                upward.add(from + " -> " + to);
            }
        }));
        assertEquals(List.of(), upward, "imports from a lower layer into a higher one");
    }

    @Test
    void theModelImportsNothingOfTheProgram() {
        assertEquals(null, packageImports().get("model"));
    }

    @Test
    void packagesOfOneLayerDoNotImportEachOtherInACycle() {
        Map<String, TreeSet<String>> graph = packageImports();
        for (String start : graph.keySet()) {
            assertTrue(!reaches(graph, start, start, new TreeSet<>()), "import cycle through " + start + ": " + graph);
        }
    }

    private static boolean reaches(Map<String, TreeSet<String>> graph, String from, String target, TreeSet<String> seen) {
        for (String next : graph.getOrDefault(from, new TreeSet<>())) {
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reaches(graph, next, target, seen)) {
                return true;
            }
        }
        return false;
    }
}
