package com.ultibiker.platform.ci;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service the program hands one of its roles to must be in the deploy role's
 * {@code iam:PassedToService} list, or the create call fails from CI with AccessDenied on iam:PassRole
 * (S3 PutBucketReplication, CloudTrail CreateTrail, CodeBuild CreateProject, ... all check that the caller may
 * pass the role: "Granting a user permissions to pass a role to an AWS service", IAM User Guide
 * id_roles_use_passrole). A role of the plan names the service it is handed to in its trust policy, with two
 * exceptions: the node role trusts EC2 but is passed to EKS by CreateNodegroup, and the CI roles trust STS
 * through the GitHub OIDC provider (nobody passes them).
 */
class PassRoleCoverageTest {

    private static final Map<String, String> PASSED_TO_ANOTHER_SERVICE = Map.of("ec2.amazonaws.com", "eks.amazonaws.com");
    private static final Set<String> NOT_PASSED = Set.of("sts.amazonaws.com");

    @Test
    void theDeployRoleMayPassEveryRoleOfEveryStackToTheServiceThatTrustsIt() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            Set<String> needed = passedServices(plan);
            Set<String> allowed = passableServices(plan);
            assertFalse(needed.isEmpty(), plan.stack());
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(allowed);
            assertEquals(Set.of(), missing, plan.stack() + ": services a plan role is handed to but the deploy role may not pass roles to");
        }
    }

    /** Prod replicates the uploads bucket: S3 is handed the replication role (PutBucketReplication checks PassRole). */
    @Test
    void productionPassesTheReplicationRoleToS3() {
        Plan prod = StackPlans.prod();
        assertTrue(passedServices(prod).contains("s3.amazonaws.com"), "prod has a role trusted by S3");
        assertTrue(passableServices(prod).contains("s3.amazonaws.com"), "the deploy role may pass roles to S3");
    }

    private static Set<String> passedServices(Plan plan) {
        Set<String> services = new TreeSet<>();
        for (PlanResource role : plan.ofType("aws:iam/role:Role")) {
            for (Map<String, Object> statement : PolicyEvaluation.statements(String.valueOf(role.prop("assumeRolePolicy")))) {
                if (statement.get("Principal") instanceof Map<?, ?> principal) {
                    for (String service : PolicyEvaluation.strings(principal.get("Service"))) {
                        if (!NOT_PASSED.contains(service)) {
                            services.add(PASSED_TO_ANOTHER_SERVICE.getOrDefault(service, service));
                        }
                    }
                }
            }
        }
        return services;
    }

    private static Set<String> passableServices(Plan plan) {
        Set<String> services = new TreeSet<>();
        for (PlanResource policy : plan.where(r -> r.type().equals("aws:iam/policy:Policy") && r.name().startsWith("ci-deploy-policy"))) {
            for (Map<String, Object> statement : PolicyEvaluation.statements(String.valueOf(policy.prop("policy")))) {
                if ("Allow".equals(statement.get("Effect"))
                        && PolicyEvaluation.strings(statement.get("Action")).contains("iam:PassRole")
                        && statement.get("Condition") instanceof Map<?, ?> condition
                        && condition.get("StringEquals") instanceof Map<?, ?> equals) {
                    services.addAll(PolicyEvaluation.strings(equals.get("iam:PassedToService")));
                }
            }
        }
        return services;
    }
}
