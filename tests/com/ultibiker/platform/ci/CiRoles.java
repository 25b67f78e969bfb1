package com.ultibiker.platform.ci;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;

import java.util.List;

/** The policies a plan attaches to a role, read back from its attachments and policy resources. */
final class CiRoles {

    static final String ROLE = "aws:iam/role:Role";
    static final String POLICY = "aws:iam/policy:Policy";
    static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

    private CiRoles() {
    }

    /** ARNs attached to the role named {@code roleName}. */
    static List<String> attachedArns(Plan plan, String roleName) {
        return plan.ofType(ATTACHMENT).stream().filter(a -> roleName.equals(a.prop("role")))
                .map(a -> (String) a.prop("policyArn")).sorted().toList();
    }

    /** The documents of the customer managed policies of this plan attached to {@code roleName}. */
    static List<String> documents(Plan plan, String roleName) {
        List<String> arns = attachedArns(plan, roleName);
        return plan.ofType(POLICY).stream().filter(p -> arns.contains(arnOf(p)))
                .map(p -> (String) p.prop("policy")).toList();
    }

    static String arnOf(PlanResource policy) {
        return "arn:aws:iam::123456789012:policy/" + policy.prop("name");
    }

    /** The stack's permissions boundary document. */
    static String boundary(Plan plan) {
        return (String) plan.require(POLICY, "permissions-boundary-policy").prop("policy");
    }
}
