package com.ultibiker.platform.observability;

import com.google.gson.GsonBuilder;
import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.model.Taint;
import com.ultibiker.platform.model.TaintEffect;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rendered kube-prometheus-stack values are a committed golden file, so a review shows every change
 * to what the chart receives. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class PrometheusStackGoldenTest {

    private static final Path GOLDEN = Path.of(System.getProperty("plan.projectDir", "."),
            "tests/resources/golden/kube-prometheus-stack-values.json");

    static PrometheusStack sample() {
        return new PrometheusStack(
                new NodePlacement(Map.of("role", "system"), List.of(new Taint("CriticalAddonsOnly", "true", TaintEffect.NO_SCHEDULE))),
                "gp3", 10, 50, 15, Observability.GRAFANA_ADMIN_SECRET, "ultibiker",
                Optional.of("http://influxdb.ultibiker.svc.cluster.local:8086"),
                "arn:aws:sns:us-east-1:123456789012:ultibiker-dev-alerts", "us-east-1", "dev");
    }

    static String render(Map<String, Object> values) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(sorted(values)) + "\n";
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(PrometheusStackGoldenTest::sorted).toList();
        }
        return value;
    }

    @Test
    void valuesMatchTheGoldenFile() throws Exception {
        String actual = render(sample().values());
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual);
        }
        assertEquals(Files.readString(GOLDEN), actual, "rendered values differ from " + GOLDEN + " (regenerate with -Dgolden.update=true and review)");
    }
}
