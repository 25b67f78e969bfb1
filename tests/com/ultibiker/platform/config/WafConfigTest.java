package com.ultibiker.platform.config;

import com.ultibiker.platform.model.ManagedRuleGroup;
import com.ultibiker.platform.model.WafAction;
import com.ultibiker.platform.model.WafConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code edge.waf}: defaults, the stack files' values, and one message per bad value naming key, value and what is allowed. */
class WafConfigTest {

    private static final String P = "ultibiker-platform";

    private static Map<String, String> withWaf(String wafJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("dev").projectConfig());
        raw.put("edge", "{\"waf\":" + wafJson + "}");
        return raw;
    }

    private static ConfigProblem onlyProblem(String wafJson) {
        List<ConfigProblem> problems = assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, withWaf(wafJson))).problems();
        assertEquals(1, problems.size(), "expected one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void defaultsBlockWithEveryGroupAndSizeTheRateRuleFromTheDesignCapacity() {
        WafConfig waf = StackConfigParser.parse(P, withWaf("{}")).edge().waf();
        assertEquals(400, waf.designCapacityRps());
        assertEquals(5, waf.perIpSharePercent());
        assertEquals(300, waf.evaluationWindowSeconds());
        assertEquals(WafAction.BLOCK, waf.rateLimitAction());
        assertEquals(1000, waf.blockedRequestsAlarm());
        for (ManagedRuleGroup group : ManagedRuleGroup.values()) {
            assertEquals(WafAction.BLOCK, waf.action(group), group.awsName());
        }
    }

    @Test
    void prodCountsWithTheCoreRuleSetAndSqlInjectionOnItsFirstRollout() {
        WafConfig waf = StackConfigParser.parse(P, StackPlans.stackFile("prod").projectConfig()).edge().waf();
        assertEquals(Map.of(ManagedRuleGroup.COMMON, WafAction.COUNT, ManagedRuleGroup.SQL_INJECTION, WafAction.COUNT,
                ManagedRuleGroup.KNOWN_BAD_INPUTS, WafAction.BLOCK, ManagedRuleGroup.IP_REPUTATION, WafAction.BLOCK), waf.ruleGroupActions());
    }

    @Test
    void anEvaluationWindowWafDoesNotOfferIsRefused() {
        ConfigProblem p = onlyProblem("{\"evaluationWindowSeconds\":90}");
        assertEquals(P + ":edge.waf.evaluationWindowSeconds", p.key());
        assertEquals("90", p.found());
        assertTrue(p.allowed().contains("60, 120, 300, 600"), p.allowed());
    }

    @Test
    void aShareWhoseLimitIsBelowWafsMinimumIsRefusedWithTheArithmetic() {
        ConfigProblem p = onlyProblem("{\"designCapacityRps\":3,\"perIpSharePercent\":3,\"evaluationWindowSeconds\":60}");
        assertEquals(P + ":edge.waf.perIpSharePercent", p.key());
        assertEquals("3", p.found());
        assertTrue(p.allowed().contains("(3 x 3 / 100 x 60 = 5 requests) is between 10 and 2000000000"), p.allowed());
    }

    @Test
    void anUnknownRuleGroupIsRefusedNamingTheFourItKnows() {
        ConfigProblem p = onlyProblem("{\"ruleGroupActions\":{\"AWSManagedRulesBotControlRuleSet\":\"count\"}}");
        assertEquals(P + ":edge.waf.ruleGroupActions.AWSManagedRulesBotControlRuleSet", p.key());
        assertTrue(p.allowed().contains("AWSManagedRulesCommonRuleSet, AWSManagedRulesKnownBadInputsRuleSet, "
                + "AWSManagedRulesAmazonIpReputationList, AWSManagedRulesSQLiRuleSet"), p.allowed());
    }

    @Test
    void anActionOtherThanBlockOrCountIsRefused() {
        ConfigProblem p = onlyProblem("{\"ruleGroupActions\":{\"AWSManagedRulesSQLiRuleSet\":\"allow\"}}");
        assertEquals(P + ":edge.waf.ruleGroupActions.AWSManagedRulesSQLiRuleSet", p.key());
        assertEquals("\"allow\"", p.found());
        assertEquals("block or count", p.allowed());
        ConfigProblem rate = onlyProblem("{\"rateLimitAction\":\"captcha\"}");
        assertEquals(P + ":edge.waf.rateLimitAction", rate.key());
        assertTrue(rate.allowed().contains("block, count"), rate.allowed());
    }

    @Test
    void anUnknownKeyIsRefused() {
        ConfigProblem p = onlyProblem("{\"rateLimit\":100}");
        assertEquals(P + ":edge.waf.rateLimit", p.key());
        assertTrue(p.allowed().contains("designCapacityRps"), p.allowed());
    }
}
