package com.ultibiker.platform.config;

import com.ultibiker.platform.model.ObservabilityConfig;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.model.TimeSeriesConfig;
import com.ultibiker.platform.model.TimeSeriesEngine;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The observability and timeseries keys: given a valid stack, when one key is changed, then the parser
 * names that key, the value found and what is allowed.
 */
class ObservabilityConfigTest {

    private static final String P = "ultibiker-platform";

    private static Map<String, String> config(String stack) {
        return new HashMap<>(StackPlans.stackFile(stack).projectConfig());
    }

    @Test
    void defaultsAreDocumentedValues() {
        ObservabilityConfig o = StackConfigParser.parse(P, config("dev")).observability();
        assertEquals(80, o.rdsCpuPercent());
        assertEquals(10, o.rdsFreeStorageGib());
        assertEquals(400, o.rdsMaxConnections());
        assertEquals(30, o.replicaLagSeconds());
        assertEquals(75, o.redisCpuPercent());
        assertEquals(80, o.redisMemoryPercent());
        assertEquals(100, o.redisEvictions());
        assertEquals(10, o.grafanaStorageGib());
        assertEquals(15, o.prometheusRetentionDays());
        assertEquals(50, o.prometheusStorageGib());
        assertEquals(true, o.applicationLogs().enabled());
        assertEquals(List.of("kube-system", "amazon-cloudwatch", "monitoring"), o.applicationLogs().systemNamespaces());
        TimeSeriesConfig t = StackConfigParser.parse(P, config("dev")).timeseries();
        assertEquals(TimeSeriesEngine.KUBERNETES, t.engine());
        assertEquals("ultibiker", t.organization());
        assertEquals("sensor-data", t.bucket());
        assertEquals(TimeSeriesEngine.TIMESTREAM, StackConfigParser.parse(P, config("prod")).timeseries().engine());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "rdsCpuPercent, 101, a whole number from 1 to 100",
            "rdsCpuPercent, 0, a whole number from 1 to 100",
            "redisCpuPercent, 150, a whole number from 1 to 100",
            "redisMemoryPercent, -1, a whole number from 1 to 100",
            "rdsFreeStorageGib, 0, a whole number from 1 to 65536",
            "rdsMaxConnections, 0, a whole number from 1 to 100000",
            "redisEvictions, 0, a whole number from 1 to 10000000",
            "grafanaStorageGib, 0, a whole number from 1 to 1024",
            "prometheusRetentionDays, 400, a whole number from 1 to 365",
            "prometheusStorageGib, 5, a whole number from 10 to 16384"})
    void numericKeysOutOfRange(String key, int value, String allowed) {
        var raw = config("dev");
        raw.put("observability", "{\"alertEmails\":[\"a@example.com\"],\"" + key + "\":" + value + "}");
        assertProblem(onlyProblem(raw), "observability." + key, String.valueOf(value), allowed);
    }

    @Test
    void replicaLagMustStayBelowTheRpo() {
        var raw = config("dev");
        raw.put("observability", "{\"replicaLagSeconds\":60}");
        assertProblem(onlyProblem(raw), "observability.replicaLagSeconds", "60", "less than dns.rpoTargetSeconds");
    }

    @Test
    void aProductionStackMustPageSomeone() {
        var raw = config("prod");
        raw.put("observability", "{\"alertEmails\":[]}");
        assertProblem(onlyProblem(raw), "observability.alertEmails", "[]", "at least one email address in a production stack");
        var dev = config("dev");
        dev.put("observability", "{\"alertEmails\":[]}");
        assertEquals(List.of(), StackConfigParser.parse(P, dev).observability().alertEmails());
    }

    @Test
    void theRemovedApplicationLogGroupsKeyNamesWhereContainerLogsGoNow() {
        var raw = config("dev");
        raw.put("observability", "{\"applicationLogGroups\":[\"api\"]}");
        assertProblem(onlyProblem(raw), "observability.applicationLogGroups", "[api]", "removed, container logs go to the clusters' /aws/containerinsights/<cluster>/application");
    }

    @Test
    void systemNamespacesAreKubernetesNamespaceNames() {
        var raw = config("dev");
        raw.put("observability", "{\"applicationLogs\":{\"systemNamespaces\":[\"kube-system\",\"Kube_System|x\"]}}");
        assertProblem(onlyProblem(raw), "observability.applicationLogs.systemNamespaces[1]", "\"Kube_System|x\"",
                "a Kubernetes namespace name: lowercase letters, digits and dashes, at most 63 characters");
    }

    @Test
    void theApplicationNamespaceIsNeverASystemNamespace() {
        var raw = config("dev");
        raw.put("observability", "{\"applicationLogs\":{\"systemNamespaces\":[\"kube-system\",\"ultibiker\"]}}");
        assertProblem(onlyProblem(raw), "observability.applicationLogs.systemNamespaces[1]", "\"ultibiker\"",
                "a namespace other than the application namespace (eks.appNamespace.name)");
    }

    @Test
    void systemNamespacesAreUniqueAndNotEmpty() {
        var raw = config("dev");
        raw.put("observability", "{\"applicationLogs\":{\"systemNamespaces\":[\"kube-system\",\"kube-system\"]}}");
        assertProblem(onlyProblem(raw), "observability.applicationLogs.systemNamespaces[1]", "\"kube-system\"", "each namespace once");
        raw.put("observability", "{\"applicationLogs\":{\"systemNamespaces\":[]}}");
        assertProblem(onlyProblem(raw), "observability.applicationLogs.systemNamespaces", "[]", "at least one namespace");
    }

    @Test
    void applicationLogsEnabledIsABoolean() {
        var raw = config("dev");
        raw.put("observability", "{\"applicationLogs\":{\"enabled\":\"sometimes\"}}");
        assertProblem(onlyProblem(raw), "observability.applicationLogs.enabled", "\"sometimes\"", "true or false");
    }

    @Test
    void unknownObservabilityKeyIsNamed() {
        var raw = config("dev");
        raw.put("observability", "{\"grafanaStorageGb\":10}");
        assertProblem(onlyProblem(raw), "observability.grafanaStorageGb", "10", "known keys");
    }

    @ParameterizedTest(name = "timeseries.{0}: {1}")
    @CsvSource({
            "engine, '\"docker\"', '\"docker\"', one of kubernetes, timestream",
            "version, '\"1.8\"', '\"1.8\"', InfluxDB 2.7",
            "retentionDays, 0, 0, a whole number from 1 to 3650",
            "storageGib, 10, 10, a whole number from 20 to 16384",
            "instanceClass, '\"db.r6g.large\"', '\"db.r6g.large\"', a Timestream for InfluxDB class",
            "exportIntervalMinutes, 45, 45, 'one of [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440]'",
            "exportTimeoutMinutes, 2, 2, a whole number from 5 to 1439",
            "exportRetentionDays, 0, 0, a whole number from 1 to 365"})
    void timeseriesKeys(String key, String json, String found, String allowed) {
        var raw = config("prod");
        raw.put("timeseries", "{\"" + key + "\":" + json + "}");
        assertProblem(onlyProblem(raw), "timeseries." + key, found, allowed);
    }

    /** A run still going when the next is due makes the next one skipped (concurrencyPolicy Forbid): refused. */
    @Test
    void anExportMustEndBeforeTheNextIsDue() {
        var raw = config("prod");
        raw.put("timeseries", "{\"exportIntervalMinutes\":15,\"exportTimeoutMinutes\":15}");
        assertProblem(onlyProblem(raw), "timeseries.exportTimeoutMinutes", "15",
                "fewer minutes than timeseries.exportIntervalMinutes (15), so a run ends before the next is due");
    }

    @Test
    void placementDefaultsToTheAnalyticsAndSystemPools() {
        StackConfig dev = StackConfigParser.parse(P, config("dev"));
        assertEquals(java.util.Optional.of("analytics"), dev.timeseries().nodePool());
        assertEquals(java.util.Optional.of("system"), dev.observability().nodePool());
    }

    @Test
    void aStackWithoutThoseLabelledPoolsPlacesAnywhere() {
        var raw = config("dev");
        raw.put("eks", "{\"version\":\"1.35\",\"endpointPublicAccess\":true,\"publicAccessCidrs\":[\"0.0.0.0/0\"],"
                + "\"nodePools\":[{\"name\":\"app\",\"instanceTypes\":[\"t3.medium\"],\"minSize\":1,\"maxSize\":2}]}");
        StackConfig config = StackConfigParser.parse(P, raw);
        assertEquals(java.util.Optional.empty(), config.timeseries().nodePool());
        assertEquals(java.util.Optional.empty(), config.observability().nodePool());
    }

    @Test
    void aConfiguredPoolMustExist() {
        var raw = config("dev");
        raw.put("observability", "{\"nodePool\":\"monitoring\"}");
        assertProblem(onlyProblem(raw), "observability.nodePool", "\"monitoring\"", "the name of a pool in eks.nodePools: [system, application, analytics]");
    }

    @Test
    void aConfiguredPoolMustHaveLabelsToSelect() {
        var raw = config("dev");
        raw.put("eks", "{\"version\":\"1.35\",\"endpointPublicAccess\":true,\"publicAccessCidrs\":[\"0.0.0.0/0\"],"
                + "\"nodePools\":[{\"name\":\"app\",\"instanceTypes\":[\"t3.medium\"],\"minSize\":1,\"maxSize\":2}]}");
        raw.put("timeseries", "{\"engine\":\"kubernetes\",\"nodePool\":\"app\"}");
        assertProblem(onlyProblem(raw), "timeseries.nodePool", "\"app\"", "a pool with labels to select it by");
    }
}
