package com.ultibiker.platform.observability;

import com.ultibiker.platform.model.ObservabilityConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The alarm tables, pure. */
class AlarmsTest {

    private static final ObservabilityConfig C = new ObservabilityConfig(List.of("a@example.com"), 81, 12, 345, 20, 71, 82, 99,
            10, 15, 50, com.ultibiker.platform.model.ApplicationLogsConfig.DEFAULT, java.util.Optional.of("system"));

    @Test
    void primariesHaveThreeAlarmsAndReplicasFour() {
        assertEquals(List.of("rds-main-cpu", "rds-main-free-storage", "rds-main-connections"),
                Alarms.rdsInstance("main", false, C).stream().map(AlarmSpec::role).toList());
        assertEquals(List.of("rds-r-cpu", "rds-r-free-storage", "rds-r-connections", "rds-r-replica-lag"),
                Alarms.rdsInstance("r", true, C).stream().map(AlarmSpec::role).toList());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "rds-x-cpu, 81",
            "rds-x-free-storage, 12884901888",
            "rds-x-connections, 345",
            "rds-x-replica-lag, 20"})
    void rdsThresholdsFollowConfig(String role, double threshold) {
        assertEquals(threshold, Alarms.rdsInstance("x", true, C).stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow().threshold());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "redis-n-cpu, CPUUtilization, 71",
            "redis-n-engine-cpu, EngineCPUUtilization, 71",
            "redis-n-memory, DatabaseMemoryUsagePercentage, 82",
            "redis-n-evictions, Evictions, 99"})
    void redisThresholdsFollowConfig(String role, String metric, double threshold) {
        AlarmSpec spec = Alarms.redisNode("n", C).stream().filter(a -> a.role().equals(role)).findFirst().orElseThrow();
        assertEquals(metric, spec.metric());
        assertEquals(threshold, spec.threshold());
        assertEquals("CacheClusterId", spec.dimension());
    }

    @ParameterizedTest
    @CsvSource({"my-group, 0, my-group-001", "my-group, 2, my-group-003", "g, 9, g-010"})
    void cacheNodesAreNamedAfterTheirGroup(String group, int index, String expected) {
        assertEquals(expected, Alarms.cacheClusterId(group, index));
    }

    @Test
    void healthCheckAlarmWatchesStatusBelowOne() {
        AlarmSpec spec = Alarms.healthCheck("api-primary");
        assertEquals("route53-api-primary-health", spec.role());
        assertEquals("AWS/Route53", spec.namespace());
        assertEquals("LessThanThreshold", spec.comparison());
        assertEquals(1.0, spec.threshold());
    }

    @Test
    void datapointsCannotExceedEvaluationPeriods() {
        assertThrows(IllegalArgumentException.class, () -> new AlarmSpec("x", "d", "n", "m", "D", "Average", "GreaterThanThreshold",
                1, 60, 1, 2, "missing"));
    }

    @Test
    void emailSlugsAreStableNameFragments() {
        assertEquals("on-call-at-example-com", Observability.slug("On.Call@Example.com"));
    }
}
