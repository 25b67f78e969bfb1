package com.ultibiker.platform.cost;

import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.CostConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.PROJECT;
import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static com.ultibiker.platform.support.ConfigAssertions.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The optional {@code cost} section: documented defaults, and every bad value named with key, value and range. */
class CostConfigTest {

    private static Map<String, String> dev(String costJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("dev").projectConfig());
        raw.put("cost", costJson);
        return raw;
    }

    @Test
    void withoutACostSectionTheDefaultsOfTheReadmeApply() {
        CostConfig cost = StackConfigParser.parse(PROJECT, StackPlans.stackFile("prod").projectConfig()).cost();
        assertEquals(new CostConfig(60, 50, 8, 500, 20, 100, 30, 20, 50, 1, 100, 1000, 50, 20, 250, 500, 2), cost);
    }

    @Test
    void aConfiguredAssumptionIsRead() {
        CostConfig cost = StackConfigParser.parse(PROJECT, dev("{\"requestsPerSecond\":250,\"spotDiscountPercent\":70}")).cost();
        assertEquals(250, cost.requestsPerSecond());
        assertEquals(70, cost.spotDiscountPercent());
        assertEquals(8, cost.averageResponseKib());
    }

    @ParameterizedTest(name = "cost.{0} = {1} is refused ({2})")
    @CsvSource({
        "spotDiscountPercent, 95, from 0 to 90",
        "secondaryRegionTrafficPercent, 101, from 0 to 100",
        "requestsPerSecond, -1, from 0 to 100000",
        "natGbPerMonthPerRegion, 2000000, from 0 to 1000000",
    })
    void outOfRangeValuesNameKeyValueAndRange(String key, String value, String allowed) {
        assertProblem(onlyProblem(dev("{\"" + key + "\":" + value + "}")), "cost." + key, value, allowed);
    }

    @Test
    void aNonNumberIsReported() {
        var p = onlyProblem(dev("{\"requestsPerSecond\":\"many\"}"));
        assertEquals(PROJECT + ":cost.requestsPerSecond", p.key());
        assertTrue(p.allowed().contains("whole number"), p.allowed());
    }

    @Test
    void unknownCostKeysAreReported() {
        var all = problems(dev("{\"requestPerSecond\":50}"));
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).key().endsWith("cost.requestPerSecond"), all.toString());
    }
}
