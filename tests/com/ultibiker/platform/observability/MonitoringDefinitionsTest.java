package com.ultibiker.platform.observability;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule and dashboard files under resources/observability parse and are complete. */
class MonitoringDefinitionsTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        return MonitoringDefinitions.alertRuleGroups("ultibiker").stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    }

    @Test
    void theSourceDocumentsAlertsAreAllThere() {
        assertEquals(List.of("HighErrorRate", "HighResponseTime", "DatabaseConnectionPoolExhausted", "InfluxDBWriteErrors", "PodCrashLooping"),
                MonitoringDefinitions.alertNames("ultibiker"));
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> everyRuleHasExprForSeveritySummary() {
        return rules().stream().map(rule -> DynamicTest.dynamicTest(String.valueOf(rule.get("alert")), () -> {
            assertTrue(rule.get("expr") instanceof String e && !e.isBlank(), "expr");
            assertTrue(String.valueOf(rule.get("for")).matches("\\d+[smh]"), "for: " + rule.get("for"));
            Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
            assertTrue(List.of("critical", "warning").contains(labels.get("severity")), "severity: " + labels);
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertTrue(annotations.get("summary") instanceof String s && !s.isBlank(), "summary");
            assertNotNull(annotations.get("description"), "description");
        }));
    }

    @Test
    void theSeedsMistakesStayFixed() {
        Map<String, String> expr = new java.util.HashMap<>();
        rules().forEach(r -> expr.put((String) r.get("alert"), (String) r.get("expr")));
        assertFalse(expr.get("InfluxDBWriteErrors").contains("influxdb_write_errors_total"), "not an InfluxDB 2.x metric");
        assertEquals("""
                sum by (namespace, pod) (database_connections_active{job="ultibiker-api"})
                /
                sum by (namespace, pod) (database_connections_max{job="ultibiker-api"})
                > 0.9
                """, expr.get("DatabaseConnectionPoolExhausted"),
                "both sides of the ratio aggregated per pod, so they match the same series");
        assertTrue(expr.get("PodCrashLooping").contains("CrashLoopBackOff"), "a single restart is not a crash loop");
        assertTrue(expr.get("HighResponseTime").contains("sum by (le)"), "quantiles across pods need the buckets summed by le");
    }

    @Test
    void theApplicationNamespaceIsFilledIn() {
        String crash = (String) rules().stream().filter(r -> r.get("alert").equals("PodCrashLooping")).findFirst().orElseThrow().get("expr");
        assertTrue(crash.contains("namespace=\"ultibiker\""), crash);
        String other = String.valueOf(MonitoringDefinitions.alertRuleGroups("apps"));
        assertTrue(other.contains("namespace=\\\"apps\\\"") || other.contains("namespace=\"apps\""), other);
        assertFalse(other.contains("${"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardIsValidJsonWithModernPanelsAndADatasource() {
        Map<String, Object> dashboard = assertDoesNotThrow(() -> new Gson().fromJson(MonitoringDefinitions.apiDashboardJson(), Map.class));
        assertNotNull(dashboard.get("uid"));
        assertFalse(dashboard.containsKey("dashboard"), "the sidecar loads the dashboard model itself, not the API's import wrapper");
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertEquals(List.of("API Request Rate", "Response Time Percentiles", "Active WebSocket Connections", "Database Connection Pool"),
                panels.stream().map(p -> p.get("title")).toList());
        for (Map<String, Object> panel : panels) {
            assertTrue(List.of("timeseries", "stat").contains(panel.get("type")), "deprecated panel type " + panel.get("type"));
            assertNotNull(panel.get("datasource"), String.valueOf(panel.get("title")));
            assertFalse(panel.containsKey("yAxes"), "yAxes belongs to the removed graph panel");
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.get("targets")) {
                assertNotNull(target.get("refId"));
                assertFalse(((String) target.get("expr")).isBlank());
            }
        }
    }

    @Test
    void invalidJsonWouldBeCaught() {
        assertThrowsJson("{\"title\": ");
    }

    private static void assertThrowsJson(String text) {
        org.junit.jupiter.api.Assertions.assertThrows(JsonParseException.class, () -> new Gson().fromJson(text, Map.class));
    }
}
