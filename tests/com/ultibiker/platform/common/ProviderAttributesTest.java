package com.ultibiker.platform.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A missing provider attribute stops the program with the resource and the attribute named (issue 17.5). */
class ProviderAttributesTest {

    /** Where resources are created: every package but the model, the parser and the offline tools. */
    private static final List<String> COMPONENT_CODE = List.of("network", "eks", "data", "dns", "edge", "observability",
            "timeseries", "ci", "common", "tagging");
    /** A fallback that hides a missing value: a default, an empty string, or an exception that names nothing. */
    private static final Pattern FALLBACK = Pattern.compile("\\.orElse\\(|\\.orElseGet\\(|\\.orElseThrow\\(\\s*\\)|==\\s*null\\s*\\?|\\.get\\(\\s*\\)");

    /**
     * Inside {@code applyValue} (where provider attributes are read) no component falls back to a default or
     * unwraps without naming what is missing: it uses {@link ProviderAttributes}. Today's defects were
     * {@code ca.data().orElse("")} (EksCluster) and {@code port.orElse(6379)} (Cache).
     */
    @Test
    void noComponentReadsAProviderAttributeWithAFallback() throws IOException {
        List<String> found = new ArrayList<>();
        Path root = Path.of("src/com/ultibiker/platform");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(root)) {
            top.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        }
        for (String pkg : COMPONENT_CODE) {
            try (Stream<Path> walk = Files.walk(root.resolve(pkg))) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            }
        }
        for (Path file : files) {
            found.addAll(fallbacks(file.toString(), Files.readString(file)));
        }
        assertEquals(List.of(), found, "provider attributes read with a fallback; use ProviderAttributes.present/nonNull");
    }

    @Test
    void theScanFindsAFallbackInsideApplyValueAndNothingOutside() {
        String source = "class X {\n  Output<Integer> port = group.port().applyValue(p ->\n      p.orElse(6379));\n"
                + "  Output<String> ca = cluster.certificateAuthority().applyValue(ca -> ca.data().orElse(\"\"));\n"
                + "  Output<String> ok = x.applyValue(v -> ProviderAttributes.present(v, \"r\", \"a\"));\n"
                + "  String outside = settings.nodePool().orElse(\"system\");\n}\n";
        assertEquals(List.of("X.java:2: applyValue(p -> p.orElse(6379))",
                        "X.java:4: applyValue(ca -> ca.data().orElse(\"\"))"),
                fallbacks("X.java", source));
    }

    static List<String> fallbacks(String file, String source) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\bapplyValue\\(").matcher(source);
        while (m.find()) {
            int depth = 1;
            int i = m.end();
            while (i < source.length() && depth > 0) {
                char c = source.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }
            String argument = source.substring(m.end(), i - 1);
            if (FALLBACK.matcher(argument).find()) {
                int line = (int) source.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                found.add(file + ":" + line + ": applyValue(" + argument.replaceAll("\\s+", " ").strip() + ")");
            }
        }
        return found;
    }

    @Test
    void aPresentAttributeIsItsValue() {
        assertEquals(6379, ProviderAttributes.present(Optional.of(6379), "ElastiCache replication group cache-group", "port"));
        assertEquals("db.example", ProviderAttributes.nonNull("db.example", "Timestream for InfluxDB instance ts-influxdb", "endpoint"));
    }

    @Test
    void aMissingAttributeNamesTheResourceAndTheAttribute() {
        var absent = assertThrows(IllegalStateException.class,
                () -> ProviderAttributes.present(Optional.empty(), "ElastiCache replication group cache-us-east-1-group", "port"));
        assertEquals("ElastiCache replication group cache-us-east-1-group: the provider returned no port (it is set on every"
                + " such resource that exists; run pulumi refresh and check the resource in the console)", absent.getMessage());
        var nul = assertThrows(IllegalStateException.class,
                () -> ProviderAttributes.nonNull(null, "Timestream for InfluxDB instance timeseries-influxdb", "endpoint"));
        assertEquals("Timestream for InfluxDB instance timeseries-influxdb: the provider returned no endpoint (it is set on"
                + " every such resource that exists; run pulumi refresh and check the resource in the console)", nul.getMessage());
    }

    @Test
    void anEmptyStringIsAValueNotAMissingOne() {
        // Only absence is refused; what a present attribute holds is the provider's (and the consumer's) business.
        assertEquals("", ProviderAttributes.present(Optional.of(""), "r", "a"));
    }
}
