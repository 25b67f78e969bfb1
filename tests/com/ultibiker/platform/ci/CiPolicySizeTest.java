package com.ultibiker.platform.ci;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IAM's limits on what the generated policies become (IAM User Guide, "IAM and AWS STS quotas"): a managed
 * policy holds at most 6,144 characters not counting whitespace, a role at most 10 managed policies.
 */
class CiPolicySizeTest {

    @Test
    void everyManagedPolicyOfEveryPlanFitsIamsSizeLimit() {
        for (var run : CiPermissionsTest.runs()) {
            for (PlanResource policy : run.plan().ofType(CiRoles.POLICY)) {
                int size = CiPolicies.iamSize((String) policy.prop("policy"));
                assertTrue(size <= 6144, run.label() + ": " + policy.name() + " is " + size + " characters");
            }
        }
    }

    @Test
    void noRoleGetsMoreManagedPoliciesThanIamAttachesAndGeneratedOnesLeaveRoomForConfiguredOnes() {
        for (var run : CiPermissionsTest.runs()) {
            Plan plan = run.plan();
            for (PlanResource role : plan.ofType(CiRoles.ROLE)) {
                List<String> attached = CiRoles.attachedArns(plan, String.valueOf(role.prop("name")));
                assertTrue(attached.size() <= 10, role.urn() + ": " + attached);
                long generated = attached.stream().filter(a -> a.contains(":policy/ultibiker-")).count();
                assertTrue(generated <= CiPolicies.MAX_GENERATED_PER_ROLE, role.urn() + ": " + generated);
            }
        }
    }

    @Test
    void aStatementTooLargeForOnePolicyIsSplitAcrossDocumentsThatEachFit() {
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            actions.add("ec2:DescribeSomething" + i);
        }
        List<String> docs = CiPolicies.fit(List.of(com.ultibiker.platform.common.Statement.allow().sid("Big").actions(actions)
                .resource("*").condition("StringEquals", "aws:RequestedRegion", List.of("us-east-1")).build()));
        assertTrue(docs.size() >= 3, "700 actions of ~25 characters need at least 3 documents: " + docs.size());
        List<String> seen = new ArrayList<>();
        for (String doc : docs) {
            assertTrue(CiPolicies.iamSize(doc) <= 6144, "size " + CiPolicies.iamSize(doc));
            for (var st : PolicyEvaluation.statements(doc)) {
                seen.addAll(PolicyEvaluation.strings(st.get("Action")));
                assertEquals(Map.of("StringEquals", Map.of("aws:RequestedRegion", List.of("us-east-1"))), st.get("Condition"),
                        "every piece keeps the condition");
            }
        }
        assertEquals(actions, seen, "nothing lost, nothing doubled, order kept");
    }

    @Test
    void whitespaceDoesNotCountAndTheStandInsAreNoShorterThanRealValues() {
        assertEquals(8, CiPolicies.iamSize("{ \"a\" :\n\t1 }  x"));
        assertTrue(CiPolicies.PARTITION.length() >= "aws-us-gov".length());
        assertTrue(CiPolicies.ACCOUNT.length() >= 12);
        assertEquals("arn:aws-cn:iam::210987654321:role/x",
                CiPolicies.resolve("arn:" + CiPolicies.PARTITION + ":iam::" + CiPolicies.ACCOUNT + ":role/x", "aws-cn", "210987654321"));
    }
}
