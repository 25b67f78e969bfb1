package com.ultibiker.platform.config;

import com.ultibiker.platform.model.Taint;
import com.ultibiker.platform.model.TaintEffect;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed reads of one config section and the pure checks, value by value: what is accepted, what
 * is reported (key, value found, what is allowed) and which default stands in.
 */
class ConfigReadingLiteralTest {

    private final Problems problems = new Problems();

    private ConfigSection section(Object... kv) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            values.put((String) kv[i], kv[i + 1]);
        }
        return new ConfigSection("p:eks", values, problems);
    }

    private List<String> reported() {
        return problems.all().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void keysArePathsUnderTheSection() {
        assertEquals("p:eks", section().path());
        assertEquals("p:eks.version", section().keyOf("version"));
        assertEquals("p:version", new ConfigSection("p:", Map.of(), problems).keyOf("version"));
        assertTrue(section("a", 1).has("a"));
        assertFalse(section("a", null).has("a"));
        assertEquals(Optional.of(1), section("a", 1).peek("a"));
        assertEquals(Optional.empty(), section().peek("a"));
    }

    @Test
    void stringsAreStrippedScalarsAreTheirTextOthersAreReported() {
        assertEquals("x", section("s", "  x ").string("s", "d"));
        assertEquals("30", section("s", 30.0).string("s", "d"));
        assertEquals("true", section("s", true).string("s", "d"));
        assertEquals("d", section().string("s", "d"));
        assertEquals("d", section("s", List.of("x")).string("s", "d"));
        assertEquals(List.of("p:eks.s: found [x]; allowed: a string"), reported());
    }

    @Test
    void requiredStringsMustBePresentAndNotEmpty() {
        assertEquals("", section().requiredString("r", "a name"));
        assertEquals("", section("r", " ").requiredString("r", "a name"));
        assertEquals("n", section("r", "n").requiredString("r", "a name"));
        assertEquals(List.of("p:eks.r: found <missing>; allowed: a name (required)",
                "p:eks.r: found \" \"; allowed: a name (required, not empty)"), reported());
    }

    @Test
    void wholeNumbersFromNumbersAndDigitsOnly() {
        assertEquals(30, section("i", 30.0).integer("i", 7));
        assertEquals(-4, section("i", " -4 ").integer("i", 7));
        assertEquals(7, section().integer("i", 7));
        assertEquals(7, section("i", 1.5).integer("i", 7));
        assertEquals(7, section("i", 3.0e9).integer("i", 7));
        assertEquals(2147483647, section("i", 2147483647.0).integer("i", 7));
        assertEquals(7, section("i", "1234567890").integer("i", 7), "more than nine digits is not read");
        assertEquals(0, section().requiredInteger("j", "a size"));
        assertEquals(5, section("j", 5).requiredInteger("j", "a size"));
        assertEquals(List.of("p:eks.i: found 1.5; allowed: a whole number",
                "p:eks.i: found 3000000000; allowed: a whole number",
                "p:eks.i: found \"1234567890\"; allowed: a whole number",
                "p:eks.j: found <missing>; allowed: a size (required)"), reported());
    }

    @Test
    void booleansFromBooleansAndTheirWords() {
        assertTrue(section("b", true).bool("b", false));
        assertFalse(section("b", "FALSE").bool("b", true));
        assertTrue(section("b", "True").bool("b", false));
        assertTrue(section().bool("b", true));
        assertFalse(section("b", "yes").bool("b", false));
        assertEquals(List.of("p:eks.b: found \"yes\"; allowed: true or false"), reported());
    }

    @Test
    void choicesByConfigName() {
        assertEquals(TaintEffect.NO_EXECUTE, section("c", "NoExecute").choice("c", TaintEffect.class, TaintEffect.NO_SCHEDULE));
        assertEquals(TaintEffect.NO_SCHEDULE, section().choice("c", TaintEffect.class, TaintEffect.NO_SCHEDULE));
        assertEquals(TaintEffect.NO_SCHEDULE, section("c", "NO_EXECUTE").choice("c", TaintEffect.class, TaintEffect.NO_SCHEDULE));
        assertEquals(null, section().choice("d", TaintEffect.class, null));
        assertEquals(List.of("p:eks.c: found \"NO_EXECUTE\"; allowed: one of NoSchedule, NoExecute, PreferNoSchedule",
                "p:eks.d: found <missing>; allowed: one of NoSchedule, NoExecute, PreferNoSchedule (required)"), reported());
    }

    @Test
    void listsOfStringsReportEachBadItem() {
        assertEquals(List.of("a", "b"), section("l", List.of(" a", "b ")).strings("l", List.of()));
        assertEquals(List.of("z"), section().strings("l", List.of("z")));
        assertEquals(List.of("z"), section("l", "a").strings("l", List.of("z")));
        assertEquals(List.of("a"), section("l", List.of("a", 3.0)).strings("l", List.of()));
        assertEquals(List.of("p:eks.l: found \"a\"; allowed: a list of strings", "p:eks.l[1]: found 3; allowed: a string"), reported());
    }

    @Test
    void stringMapsTakeScalarsAndReportTheRest() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("a", "x");
        raw.put("n", 2.0);
        raw.put("t", false);
        raw.put("bad", List.of(1));
        assertEquals(Map.of("a", "x", "n", "2", "t", "false"), section("m", raw).stringMap("m", Map.of()));
        assertEquals(Map.of("d", "e"), section().stringMap("m", Map.of("d", "e")));
        assertEquals(Map.of("d", "e"), section("m", "x").stringMap("m", Map.of("d", "e")));
        assertEquals(List.of("p:eks.m.bad: found [1]; allowed: a string",
                "p:eks.m: found \"x\"; allowed: a mapping of names to strings"), reported());
    }

    @Test
    void nestedSectionsListsOfSectionsAndMappings() {
        var nested = section("n", Map.of("k", "v")).section("n");
        assertEquals("p:eks.n", nested.path());
        assertEquals("v", nested.string("k", ""));
        assertEquals("p:eks.x", section().section("x").path());
        assertEquals("d", section("x", "oops").section("x").string("k", "d"));
        var pools = section("pools", List.of(Map.of("name", "a"), "b")).sections("pools");
        assertEquals(1, pools.size());
        assertEquals("p:eks.pools[0]", pools.get(0).path());
        assertEquals(List.of(), section().sections("pools"));
        assertEquals(List.of(), section("pools", "x").sections("pools"));
        assertEquals(Map.of("us-east-1", "10.0.0.0/16"), section("cidrs", Map.of("us-east-1", "10.0.0.0/16")).mapping("cidrs"));
        assertEquals(Map.of(), section().mapping("cidrs"));
        assertEquals(Map.of(), section("cidrs", 1.0).mapping("cidrs"));
        assertEquals(List.of("p:eks.x: found \"oops\"; allowed: a mapping (section x)",
                "p:eks.pools[1]: found \"b\"; allowed: a mapping",
                "p:eks.pools: found \"x\"; allowed: a list of mappings",
                "p:eks.cidrs: found 1; allowed: a mapping"), reported());
    }

    @Test
    void unknownKeysAreReportedWithTheKnownOnes() {
        var s = section("version", "1.35", "verison", "1.34", "nodePools", List.of());
        s.string("version", "");
        s.sections("nodePools");
        s.rejectUnknownKeys();
        assertEquals(List.of("p:eks.verison: found \"1.34\"; allowed: no such key here; known keys: nodePools, version"), reported());
        var t = section("extra", Map.of("a", 1));
        t.string("x", "");
        t.rejectUnknownKeys();
        assertEquals("p:eks.extra: found \"a section\"; allowed: no such key here; known keys: x", reported().get(1));
    }

    @Test
    void semanticProblemsOfASectionThatFailedToParseAreDropped() {
        problems.parseError("p:eks.nodePools[0].minSize", "x", "a whole number");
        problems.invalid("p:eks.nodePools[0].maxSize", 0, "maxSize >= 1");
        problems.invalid("p:eks.version", "1.2", "1.32 or newer");
        assertTrue(problems.failedToParse("p:eks.nodePools[0].minSize"));
        assertFalse(problems.failedToParse("p:eks.nodePools[0]"));
        assertEquals(List.of("p:eks.nodePools[0].minSize: found \"x\"; allowed: a whole number",
                "p:eks.version: found \"1.2\"; allowed: 1.32 or newer"), reported());
        assertEquals("p:eks.nodePools[0]", Problems.parentOf("p:eks.nodePools[0].minSize"));
        assertEquals("p:eks", Problems.parentOf("p:eks.nodePools"));
        assertEquals("p:", Problems.parentOf("p:logRetentionDays"));
        assertEquals("p:eks.nodePools", Problems.parentOf("p:eks.nodePools[3]"));
        assertEquals("<missing>", Problems.render(null));
        assertEquals("30", Problems.render(30.0));
        assertEquals("1.5", Problems.render(1.5));
        assertEquals("\"a\"", Problems.render("a"));
    }

    @Test
    void rangesAndMinimumsIncludeTheirBounds() {
        assertEquals(Optional.empty(), Checks.range(1, 1, 35));
        assertEquals(Optional.empty(), Checks.range(35, 1, 35));
        assertEquals(Optional.of("a whole number from 1 to 35"), Checks.range(0, 1, 35));
        assertEquals(Optional.of("a whole number from 1 to 35"), Checks.range(36, 1, 35));
        assertEquals(Optional.empty(), Checks.atLeast(20, 20));
        assertEquals(Optional.of("a whole number >= 20"), Checks.atLeast(19, 20));
    }

    @Test
    void versionsHaveAFloor() {
        assertEquals(Optional.empty(), Checks.kubernetesVersion("1.32"));
        assertEquals(Optional.of("a Kubernetes minor version 1.32 or newer, e.g. 1.35"), Checks.kubernetesVersion("1.31"));
        assertEquals(Optional.empty(), Checks.postgresVersion("14"));
        assertEquals(Optional.empty(), Checks.postgresVersion("16.4"));
        assertEquals(Optional.of("a supported PostgreSQL version, major 14 or newer (e.g. 16 or 16.4)"), Checks.postgresVersion("13"));
        assertEquals(Optional.of("a supported PostgreSQL version, major 14 or newer (e.g. 16 or 16.4)"), Checks.postgresVersion("16.x"));
    }

    @Test
    void nodeScalingBoundsAreInclusive() {
        assertEquals(Optional.empty(), Checks.nodeScaling(0, 1, 0));
        assertEquals(Optional.empty(), Checks.nodeScaling(2, 2, 2));
        assertEquals(Optional.of("minSize >= 0 and maxSize >= 1"), Checks.nodeScaling(-1, 3, 1));
        assertEquals(Optional.of("minSize >= 0 and maxSize >= 1"), Checks.nodeScaling(0, 0, 0));
        assertEquals(Optional.of("minSize <= maxSize (minSize is 3, maxSize 2)"), Checks.nodeScaling(3, 2, 2));
        assertEquals(Optional.of("desiredSize within [minSize, maxSize] = [1, 3]"), Checks.nodeScaling(1, 3, 0));
        assertEquals(Optional.of("desiredSize within [minSize, maxSize] = [1, 3]"), Checks.nodeScaling(1, 3, 4));
    }

    @Test
    void windowsThatOnlyTouchDoNotOverlap() {
        assertFalse(Checks.windowsOverlap("03:00-04:00", "sun:04:00-sun:05:00"), "back to back");
        assertFalse(Checks.windowsOverlap("04:00-05:00", "mon:03:00-mon:04:00"), "ends when the daily one starts");
        assertTrue(Checks.windowsOverlap("03:00-04:01", "sun:04:00-sun:05:00"));
        assertTrue(Checks.windowsOverlap("23:30-00:30", "mon:00:00-mon:00:10"), "daily window past midnight");
        assertTrue(Checks.windowsOverlap("03:00-04:00", "sun:23:00-mon:03:30"), "weekly window past Sunday");
        assertFalse(Checks.windowsOverlap("03:00-04:00", "sun:23:00-mon:02:59"));
        assertTrue(Checks.windowsOverlap("01:00-02:00", "sat:00:00-sun:00:00"));
    }

    @Test
    void continentsAreRoute53Codes() {
        assertEquals(Optional.empty(), Checks.continent("EU"));
        assertTrue(Checks.continent("EUROPE").orElseThrow().startsWith("a Route53 continent code, one of "));
    }

    @Test
    void taintsReadAsKubernetesWritesThem() {
        assertEquals("CriticalAddonsOnly=true:NoSchedule", new Taint("CriticalAddonsOnly", "true", TaintEffect.NO_SCHEDULE).toString());
        assertEquals("NO_SCHEDULE", TaintEffect.NO_SCHEDULE.eksName());
        assertEquals("PREFER_NO_SCHEDULE", TaintEffect.PREFER_NO_SCHEDULE.eksName());
    }
}
