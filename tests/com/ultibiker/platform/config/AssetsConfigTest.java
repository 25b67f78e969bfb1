package com.ultibiker.platform.config;

import com.ultibiker.platform.model.AssetsConfig;
import com.ultibiker.platform.model.PriceClass;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code assets}: defaults, the stack files' values, and one message per bad value naming key, value and what is allowed. */
class AssetsConfigTest {

    private static final String P = "ultibiker-platform";

    private static Map<String, String> with(String stack, String assetsJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        if (assetsJson == null) {
            raw.remove("assets");
        } else {
            raw.put("assets", assetsJson);
        }
        return raw;
    }

    private static ConfigProblem onlyProblem(String stack, String assetsJson) {
        List<ConfigProblem> problems = assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, with(stack, assetsJson))).problems();
        assertEquals(1, problems.size(), "expected one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void withoutTheSectionThereAreNoAssetsAndTheDefaultsAreTheCheapestClassNinetyDaysOfLogsAndAWebAcl() {
        AssetsConfig a = StackConfigParser.parse(P, with("dev", null)).assets();
        assertFalse(a.enabled());
        assertEquals(PriceClass.CLASS_100, a.priceClass());
        assertEquals("PriceClass_100", a.priceClass().configName());
        assertEquals(90, a.accessLogRetentionDays());
        assertEquals(30, a.noncurrentVersionDays());
        assertTrue(a.webAcl());
    }

    @Test
    void theStacksServeAssetsDevWithoutAWebAcl() {
        AssetsConfig dev = StackConfigParser.parse(P, StackPlans.stackFile("dev").projectConfig()).assets();
        AssetsConfig prod = StackConfigParser.parse(P, StackPlans.stackFile("prod").projectConfig()).assets();
        assertTrue(dev.enabled() && prod.enabled());
        assertFalse(dev.webAcl());
        assertTrue(prod.webAcl());
        assertEquals(PriceClass.CLASS_100, prod.priceClass());
    }

    @Test
    void everyPriceClassCloudFrontOffersIsAccepted() {
        for (String c : List.of("PriceClass_100", "PriceClass_200", "PriceClass_All")) {
            assertEquals(c, StackConfigParser.parse(P, with("prod", "{\"enabled\":true,\"priceClass\":\"" + c + "\"}")).assets().priceClass().configName());
        }
    }

    @Test
    void aPriceClassCloudFrontDoesNotOfferIsRefused() {
        ConfigProblem p = onlyProblem("prod", "{\"enabled\":true,\"priceClass\":\"PriceClass_300\"}");
        assertEquals(P + ":assets.priceClass", p.key());
        assertEquals("\"PriceClass_300\"", p.found());
        assertTrue(p.allowed().contains("PriceClass_100") && p.allowed().contains("PriceClass_All"), p.allowed());
    }

    @Test
    void retentionsOutsideOneDayToTenYearsAreRefused() {
        ConfigProblem p = onlyProblem("dev", "{\"enabled\":true,\"accessLogRetentionDays\":0}");
        assertEquals(P + ":assets.accessLogRetentionDays", p.key());
        assertEquals("0", p.found());
        ConfigProblem q = onlyProblem("dev", "{\"enabled\":true,\"noncurrentVersionDays\":3651}");
        assertEquals(P + ":assets.noncurrentVersionDays", q.key());
        assertTrue(q.allowed().contains("3650"), q.allowed());
    }

    @Test
    void aProductionStackWithoutASecondaryRegionCannotServeAssetsItCannotReplicate() {
        Map<String, String> raw = with("prod", "{\"enabled\":true}");
        raw.put("regions", "{\"primary\":\"us-east-1\"}");
        List<ConfigProblem> problems = assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, raw)).problems();
        ConfigProblem p = problems.stream().filter(x -> x.key().equals(P + ":assets.enabled")).findFirst().orElseThrow(() -> new AssertionError(problems.toString()));
        assertEquals("true", p.found());
        assertTrue(p.allowed().contains("regions.secondary"), p.allowed());
    }

    @Test
    void anUnknownKeyIsNamedWithTheKnownOnes() {
        ConfigProblem p = onlyProblem("dev", "{\"enabled\":true,\"priceclass\":\"PriceClass_100\"}");
        assertEquals(P + ":assets.priceclass", p.key());
        assertTrue(p.allowed().contains("priceClass"), p.allowed());
    }
}
