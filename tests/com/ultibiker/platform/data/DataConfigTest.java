package com.ultibiker.platform.data;

import com.google.gson.Gson;
import com.ultibiker.platform.config.Checks;
import com.ultibiker.platform.config.ConfigException;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.support.ConfigAssertions;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given a repository stack, when one key of the {@code database} or {@code cache} section is set to a
 * bad value, then parsing fails with exactly one problem naming that key, the value and what is allowed.
 */
class DataConfigTest {

    private static final String P = "ultibiker-platform";
    private static final Gson GSON = new Gson();

    /** The stack's config with {@code section.path = value} (path may go through list indexes). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> with(String stack, String section, String path, Object value) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        Map<String, Object> root = raw.containsKey(section) ? GSON.fromJson(raw.get(section), LinkedHashMap.class) : new LinkedHashMap<>();
        Object current = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            current = parts[i].matches("\\d+") ? ((List<Object>) current).get(Integer.parseInt(parts[i]))
                    : ((Map<String, Object>) current).computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
        }
        if (value == null) {
            ((Map<String, Object>) current).remove(parts[parts.length - 1]);
        } else {
            ((Map<String, Object>) current).put(parts[parts.length - 1], value);
        }
        raw.put(section, GSON.toJson(root));
        return raw;
    }

    private static void assertProblem(Map<String, String> raw, String key, String found, String allowedFragment) {
        ConfigAssertions.assertProblem(onlyProblem(raw), key, found, allowedFragment);
        String message = assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, raw)).getMessage();
        assertTrue(message.contains(P + ":" + key + ": found " + found + "; allowed: "), message);
    }

    @Test
    void theRepositoryStacksParseWithTheDataDefaults() {
        StackConfig dev = StackConfigParser.parse(P, StackPlans.stackFile("dev").projectConfig());
        assertEquals(1000, dev.database().slowStatementMillis());
        assertEquals("sun:05:00-sun:06:00", dev.cache().maintenanceWindow());
        assertEquals(7, dev.database().performanceInsightsRetentionDays());
        StackConfig prod = StackConfigParser.parse(P, StackPlans.stackFile("prod").projectConfig());
        assertEquals(2, prod.database().replicas().size());
        assertEquals("eu-west-1", prod.database().replicas().get(1).region());
    }

    @Test
    void databaseInstanceClassMustBeAnRdsClass() {
        assertProblem(with("dev", "database", "instanceClass", "t4g.medium"), "database.instanceClass", "\"t4g.medium\"",
                "an RDS instance class such as db.t4g.medium");
    }

    @Test
    void replicaInstanceClassMustBeAnRdsClass() {
        assertProblem(with("prod", "database", "replicas.0.instanceClass", "db.r6g"), "database.replicas[0].instanceClass",
                "\"db.r6g\"", "an RDS instance class");
    }

    @Test
    void cacheNodeTypeMustBeAnElastiCacheType() {
        assertProblem(with("dev", "cache", "nodeType", "db.t4g.small"), "cache.nodeType", "\"db.t4g.small\"",
                "an ElastiCache node type");
    }

    @Test
    void maxAllocatedStorageMustNotBeBelowAllocated() {
        assertProblem(with("prod", "database", "maxAllocatedStorageGib", 400), "database.maxAllocatedStorageGib", "400",
                "from allocatedStorageGib (500) to 65536");
    }

    @Test
    void allocatedStorageHasAFloor() {
        // With max storage at its default (= allocated), only the allocated value is reported.
        Map<String, String> raw = with("dev", "database", "maxAllocatedStorageGib", null);
        raw = withRaw(raw, "database", "allocatedStorageGib", 10);
        assertProblem(raw, "database.allocatedStorageGib", "10", "from 20 to 65536");
    }

    private static Map<String, String> withRaw(Map<String, String> raw, String section, String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> root = GSON.fromJson(raw.get(section), LinkedHashMap.class);
        root.put(key, value);
        Map<String, String> out = new HashMap<>(raw);
        out.put(section, GSON.toJson(root));
        return out;
    }

    @Test
    void backupRetentionIsAtLeastSevenDaysInProduction() {
        assertProblem(with("prod", "database", "backupRetentionDays", 3), "database.backupRetentionDays", "3", "from 7 to 35");
    }

    @Test
    void backupRetentionStaysWithinWhatRdsAllows() {
        assertProblem(with("dev", "database", "backupRetentionDays", 36), "database.backupRetentionDays", "36", "from 1 to 35");
    }

    @Test
    void performanceInsightsRetentionIsAnAllowedPeriod() {
        assertProblem(with("dev", "database", "performanceInsightsRetentionDays", 30), "database.performanceInsightsRetentionDays",
                "30", "7, a multiple of 31 up to 713, or 731");
    }

    @Test
    void slowStatementThresholdIsPositive() {
        assertProblem(with("dev", "database", "slowStatementMillis", 0), "database.slowStatementMillis", "0", "from 1 to 600000");
    }

    @Test
    void replicaRegionMustBeARegionOfTheStack() {
        assertProblem(with("prod", "database", "replicas.1.region", "ap-south-1"), "database.replicas[1].region",
                "\"ap-south-1\"", "a region of this stack: [us-east-1, eu-west-1]");
    }

    @Test
    void snapshotRetentionStaysWithinWhatElastiCacheAllows() {
        assertProblem(with("dev", "cache", "snapshotRetentionDays", 36), "cache.snapshotRetentionDays", "36", "from 0 to 35");
    }

    @Test
    void productionCacheKeepsSnapshots() {
        assertProblem(with("prod", "cache", "snapshotRetentionDays", 0), "cache.snapshotRetentionDays", "0", "from 1 to 35");
    }

    @Test
    void automaticFailoverNeedsAtLeastTwoNodes() {
        assertProblem(with("prod", "cache", "numNodes", 1), "cache.numNodes", "1", "at least 2 nodes when automaticFailover is true");
    }

    @Test
    void multiAzNeedsAutomaticFailover() {
        assertProblem(with("prod", "cache", "automaticFailover", false), "cache.multiAz", "true",
                "false unless automaticFailover is true");
    }

    @Test
    void standbyNodeCountIsBounded() {
        assertProblem(with("prod", "cache", "standby.numNodes", 7), "cache.standby.numNodes", "7", "from 1 to 6");
    }

    @Test
    void standbyCacheNeedsASecondaryRegion() {
        Map<String, Object> standby = new LinkedHashMap<>(Map.of("nodeType", "cache.t4g.small", "numNodes", 2));
        assertProblem(with("dev", "cache", "standby", standby), "cache.standby", "\"a section\"",
                "no standby cache when regions.secondary is not set");
    }

    @Test
    void cacheMaintenanceWindowIsWeekly() {
        assertProblem(with("dev", "cache", "maintenanceWindow", "05:00-06:00"), "cache.maintenanceWindow", "\"05:00-06:00\"",
                "ddd:hh:mm-ddd:hh:mm");
    }

    @Test
    void databaseMaintenanceMustNotOverlapTheBackupWindow() {
        assertProblem(with("dev", "database", "maintenanceWindow", "wed:03:30-wed:04:30"), "database.maintenanceWindow",
                "\"wed:03:30-wed:04:30\"", "does not overlap backupWindow (03:00-04:00)");
    }

    @Test
    void cacheMaintenanceMustNotOverlapTheSnapshotWindow() {
        assertProblem(with("prod", "cache", "maintenanceWindow", "sat:23:00-sun:03:30"), "cache.maintenanceWindow",
                "\"sat:23:00-sun:03:30\"", "does not overlap snapshotWindow (03:00-05:00)");
    }

    @ParameterizedTest
    @CsvSource({
            "03:00-04:00, sun:04:00-sun:05:00, false",
            "03:00-05:00, sun:05:00-sun:06:00, false",
            "03:00-04:00, sun:03:59-sun:05:00, true",
            "03:00-04:00, mon:02:00-mon:03:01, true",
            "23:30-00:30, tue:00:00-tue:01:00, true",
            "23:30-00:30, tue:00:30-tue:01:00, false",
            "03:00-04:00, sun:23:00-mon:03:30, true",
            "03:00-04:00, sat:04:00-sun:02:59, false",
            "12:00-13:00, mon:00:00-mon:11:59, false",
    })
    void windowOverlapTable(String daily, String weekly, boolean overlaps) {
        assertEquals(overlaps, Checks.windowsOverlap(daily, weekly), daily + " vs " + weekly);
    }

    @Test
    void everyBadDataKeyIsReportedInOneRun() {
        Map<String, String> raw = withRaw(withRaw(with("prod", "database", "instanceClass", "large"),
                "database", "backupRetentionDays", 1), "cache", "numNodes", 1);
        List<String> keys = new ArrayList<>();
        assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, Map.copyOf(raw))).problems()
                .forEach(p -> keys.add(p.key()));
        assertEquals(List.of(P + ":database.instanceClass", P + ":database.backupRetentionDays", P + ":cache.numNodes"), keys);
    }
}
