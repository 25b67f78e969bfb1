package com.ultibiker.platform.config;

import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * dev and prod in one account must not both create GuardDuty's detector or Security Hub's subscription in a shared
 * region (one per account and region): refused, naming both stacks, the account and the regions.
 */
class AuditAccountSharingTest {

    private static final String P = "ultibiker-platform";
    private static final String CI_IN_111 = "{\"enabled\":true,\"githubRepository\":\"o/r\",\"accountId\":\"111122223333\"}";

    private static StackConfig config(String stack, String ciJson, String auditJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        raw.put("ci", ciJson);
        if (auditJson != null) {
            raw.put("audit", auditJson);
        }
        return StackConfigParser.parse(P, raw);
    }

    @Test
    void twoStacksCreatingGuardDutyInOneAccountAndRegionAreRefusedNamingBoth() {
        StackConfig dev = config("dev", CI_IN_111, null);
        StackConfig prod = config("prod", CI_IN_111.replace("}", ",\"githubEnvironment\":\"production\"}"), null);
        List<ConfigProblem> problems = AuditAccountSharing.problems(P, "dev", dev, Map.of("prod", prod));
        assertEquals(List.of(new ConfigProblem(P + ":audit.guardDuty",
                "stack (stacks dev and prod both create it in account 111122223333, regions [us-east-1])",
                "organization in one of them: one GuardDuty detector per account and region, so the second stack's first up would fail")),
                problems);
        ConfigException e = assertThrows(ConfigException.class, () -> AuditAccountSharing.refuse(P, "prod", prod, Map.of("dev", dev)));
        assertTrue(e.getMessage().contains("stacks prod and dev"), e.getMessage());
    }

    @Test
    void securityHubIsCheckedTheSameWay() {
        StackConfig dev = config("dev", CI_IN_111, "{\"guardDuty\":\"organization\",\"securityHub\":\"stack\"}");
        StackConfig prod = config("prod", CI_IN_111, "{\"securityHub\":\"stack\"}");
        assertEquals(List.of(P + ":audit.securityHub"),
                AuditAccountSharing.problems(P, "dev", dev, Map.of("prod", prod)).stream().map(ConfigProblem::key).toList());
    }

    @Test
    void oneOwnerPerAccountOrSeparateAccountsOrDisjointRegionsPass() {
        StackConfig prod = config("prod", CI_IN_111, null);
        StackConfig devLeavesIt = config("dev", CI_IN_111, "{\"guardDuty\":\"organization\"}");
        assertEquals(List.of(), AuditAccountSharing.problems(P, "dev", devLeavesIt, Map.of("prod", prod)));
        StackConfig devElsewhere = config("dev", CI_IN_111.replace("111122223333", "444455556666"), null);
        assertEquals(List.of(), AuditAccountSharing.problems(P, "dev", devElsewhere, Map.of("prod", prod)));
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("dev").projectConfig());
        raw.put("ci", CI_IN_111);
        raw.put("regions", "{\"primary\":\"us-west-2\"}");
        raw.put("network", raw.get("network").replace("us-east-1", "us-west-2"));
        raw.remove("aws:region");
        StackConfig devInOregon = StackConfigParser.parse(P, raw);
        assertEquals(List.of(), AuditAccountSharing.problems(P, "dev", devInOregon, Map.of("prod", prod)), "no shared region");
    }

    @Test
    void withoutAKnownAccountNothingIsCompared() {
        StackConfig dev = StackConfigParser.parse(P, StackPlans.stackFile("dev").projectConfig());
        StackConfig prod = StackConfigParser.parse(P, StackPlans.stackFile("prod").projectConfig());
        assertEquals(List.of(), AuditAccountSharing.problems(P, "dev", dev, Map.of("prod", prod)));
    }
}
