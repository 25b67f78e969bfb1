package com.ultibiker.platform.eks;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The EKS component against what AWS answers on a later {@code up} ({@link ExistingAccount}). */
class LaterUpTest {

    private static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";

    @Test
    void nodeGroupsRollToTheTemplatesLatestVersionAsEc2NumbersIt() {
        // Templates changed since creation: EC2 answers their latest version, the node group must name it
        // (a hard-coded "1" would keep the nodes on the first template forever).
        Plan plan = ExistingAccount.builder()
                .launchTemplateAt("eks-us-east-1-system-lt", 2)
                .launchTemplateAt("eks-us-east-1-application-lt", 7)
                .launchTemplateAt("eks-us-east-1-analytics-lt", 3)
                .plan("dev", Map.of());
        assertEquals("2", plan.require(NODE_GROUP, "eks-us-east-1-system").prop("launchTemplate.version"));
        assertEquals("7", plan.require(NODE_GROUP, "eks-us-east-1-application").prop("launchTemplate.version"));
        assertEquals("3", plan.require(NODE_GROUP, "eks-us-east-1-analytics").prop("launchTemplate.version"));
        assertEquals(List.of("eks-us-east-1-analytics-lt-id", "eks-us-east-1-application-lt-id", "eks-us-east-1-system-lt-id"),
                plan.ofType(NODE_GROUP).stream().map(g -> (String) g.prop("launchTemplate.id")).sorted().toList());
    }

    /** The stack's eks section with {@code extra} JSON members added. */
    static Map<String, String> eksWith(String stack, String extra) {
        String eks = StackPlans.stackFile(stack).projectConfig().get("eks");
        return Map.of("eks", eks.substring(0, eks.lastIndexOf('}')) + "," + extra + "}");
    }

    static final String AUTOSCALING_ROLE =
            "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";

    /** IAM's GetRole answer for the Auto Scaling service-linked role of an account that has one. */
    static Map<String, Object> getRoleAnswer() {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("arn", AUTOSCALING_ROLE);
        r.put("assumeRolePolicy", "{}");
        r.put("createDate", "2024-01-01T00:00:00Z");
        r.put("description", "Default Service-Linked Role enables access to AWS Services and Resources used or managed by Auto Scaling");
        r.put("id", "AWSServiceRoleForAutoScaling");
        r.put("maxSessionDuration", 3600);
        r.put("name", "AWSServiceRoleForAutoScaling");
        r.put("path", "/aws-service-role/autoscaling.amazonaws.com/");
        r.put("permissionsBoundary", "");
        r.put("roleLastUseds", List.of());
        r.put("tags", Map.of());
        r.put("uniqueId", "AROAPLAN0000000000000");
        return r;
    }

    @Test
    void anAccountThatHasTheAutoscalingRoleReadsItInsteadOfCreatingIt() {
        Plan plan = ExistingAccount.builder()
                .answer("aws:iam/getRole:getRole", call -> {
                    assertEquals("AWSServiceRoleForAutoScaling", call.args.get("name"));
                    return getRoleAnswer();
                })
                .plan("prod", eksWith("prod", "\"autoscalingServiceLinkedRole\":\"existing\""));
        assertEquals(List.of(), plan.ofType("aws:iam/serviceLinkedRole:ServiceLinkedRole"), "a second one would be refused");
        for (String region : List.of("us-east-1", "eu-west-1")) {
            var key = plan.require("aws:kms/key:Key", "eks-" + region + "-ebs-key");
            assertEquals(true, KeyPolicyPrincipalsTest.awsPrincipals(String.valueOf(key.prop("policy"))).contains(AUTOSCALING_ROLE),
                    "the ARN IAM answered");
        }
    }
}
