package com.ultibiker.platform.edge;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every web ACL of every plan fits the 1,500 web ACL capacity units (WCUs) of the base price (WAFv2 API
 * reference, DescribeManagedRuleGroup: "The WCU limit for web ACLs is 1,500"). WCUs of the managed groups from
 * the AWS WAF Developer Guide, "AWS Managed Rules rule groups list"; a rate-based statement without scope-down
 * or custom keys costs 2 (Developer Guide, "Rate-based rule statement").
 */
class WafCapacityTest {

    private static final Map<String, Integer> MANAGED_GROUP_WCU = Map.of(
            "AWSManagedRulesCommonRuleSet", 700,
            "AWSManagedRulesKnownBadInputsRuleSet", 200,
            "AWSManagedRulesAmazonIpReputationList", 25,
            "AWSManagedRulesSQLiRuleSet", 200);
    private static final int RATE_BASED_WCU = 2;

    static int capacity(PlanResource acl) {
        int total = 0;
        for (Object r : (List<?>) acl.prop("rules")) {
            Map<?, ?> statement = (Map<?, ?>) ((Map<?, ?>) r).get("statement");
            if (statement.get("managedRuleGroupStatement") instanceof Map<?, ?> managed) {
                Integer wcu = MANAGED_GROUP_WCU.get(String.valueOf(managed.get("name")));
                if (wcu == null) {
                    throw new AssertionError("no WCU recorded for managed group " + managed.get("name") + ": add it from the WAF guide");
                }
                total += wcu;
            } else if (statement.get("rateBasedStatement") instanceof Map<?, ?> rate) {
                assertTrue(rate.get("scopeDownStatement") == null && rate.get("customKeys") == null, "a scope-down or custom key costs more");
                total += RATE_BASED_WCU;
            } else {
                throw new AssertionError("no WCU rule for statement " + statement.keySet() + ": add it from the WAF guide");
            }
        }
        return total;
    }

    @Test
    void everyWebAclFitsTheBaseCapacity() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource acl : plan.ofType(WebAclTest.WEB_ACL)) {
                // 25 (IP reputation) + 2 (rate rule) + 700 (core) + 200 (known bad inputs) + 200 (SQL injection)
                assertEquals(1127, capacity(acl), plan.stack() + " " + acl.name());
                assertTrue(capacity(acl) <= 1500, plan.stack() + " " + acl.name());
            }
        }
    }

    @Test
    void theComponentsOwnSumAgreesWithTheGuide() {
        assertEquals(1127, WebAcl.capacityUnits());
        assertTrue(WebAcl.capacityUnits() <= WebAcl.BASE_CAPACITY_UNITS);
    }
}
