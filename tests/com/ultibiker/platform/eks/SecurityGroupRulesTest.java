package com.ultibiker.platform.eks;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Rule over every security group of every plan: a group that any standalone rule resource targets has no
 * inline {@code ingress}/{@code egress}. The provider manages inline rules as the complete set, so a
 * refresh of a group with inline rules removes the standalone ones (terraform-provider-aws,
 * website/docs/r/security_group.html.markdown: "avoid using the ingress and egress arguments of the
 * aws_security_group resource to configure in-line rules" together with aws_vpc_security_group_*_rule).
 */
class SecurityGroupRulesTest {

    static final Set<String> STANDALONE_RULES = Set.of(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            "aws:ec2/securityGroupRule:SecurityGroupRule");

    /** Groups with inline rules that a standalone rule also targets, as "group <- rule". */
    static List<String> mixedGroups(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanResource group : plan.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            boolean inline = isNonEmpty(group.prop("ingress")) || isNonEmpty(group.prop("egress"));
            if (!inline) {
                continue;
            }
            // The offline plan gives every resource the id "<name>-id" (README, "Plan JSON contract").
            String id = group.name() + "-id";
            plan.where(r -> STANDALONE_RULES.contains(r.type()) && id.equals(r.prop("securityGroupId")))
                    .forEach(rule -> out.add(plan.stack() + " " + group.name() + " <- " + rule.name()));
        }
        return out;
    }

    private static boolean isNonEmpty(Object list) {
        return list instanceof List<?> l && !l.isEmpty();
    }

    @Test
    void noGroupMixesInlineRulesWithStandaloneRuleResources() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            assertEquals(List.of(), mixedGroups(plan));
        }
    }

    @Test
    void theNodeGroupAdmitsItselfAndTheLoadBalancerThroughStandaloneRules() {
        Plan plan = StackPlans.prod();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            String sg = "eks-" + region + "-node-sg";
            List<String> targeting = plan.where(r -> STANDALONE_RULES.contains(r.type()) && (sg + "-id").equals(r.prop("securityGroupId")))
                    .stream().map(PlanResource::name).sorted().toList();
            assertEquals(List.of("eks-" + region + "-node-sg-egress-all", "eks-" + region + "-node-sg-node-to-node",
                    "entry-" + region + "-to-backend"), targeting);
            PlanResource self = plan.require("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", sg + "-node-to-node");
            assertEquals(sg + "-id", self.prop("referencedSecurityGroupId"));
            assertEquals("-1", self.prop("ipProtocol"));
            PlanResource egress = plan.require("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", sg + "-egress-all");
            assertEquals("0.0.0.0/0", egress.prop("cidrIpv4"));
            assertFalse(isNonEmpty(plan.require("aws:ec2/securityGroup:SecurityGroup", sg).prop("ingress")));
        }
    }
}
