package com.ultibiker.platform.ci;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permissions boundary (issue 14 item 3) as plan-wide rules: every IAM role of every plan carries it,
 * it leaves every role the rights its own policies give, and no role that carries it can create a role
 * without it, remove it, edit it, create users or keys, or change the CI roles and provider (issue 15 item 9).
 */
class PermissionsBoundaryTest {

    private static final String BOUNDARY_NAME = "permissions-boundary-policy";

    private static List<Plan> plans() {
        List<Plan> plans = new ArrayList<>();
        CiPermissionsTest.runs().forEach(r -> plans.add(r.plan()));
        plans.add(StackPlans.runWith("dev", Map.of("ci", "{\"enabled\":false}")));
        return plans;
    }

    private static String boundaryArn(Plan plan) {
        return "arn:aws:iam::123456789012:policy/ultibiker-" + plan.stack() + "-permissions-boundary";
    }

    @Test
    void everyRoleOfEveryPlanCarriesTheStacksBoundary() {
        for (Plan plan : plans()) {
            List<PlanResource> roles = plan.ofType(CiRoles.ROLE);
            assertFalse(roles.isEmpty());
            for (PlanResource role : roles) {
                assertEquals(boundaryArn(plan), role.prop("permissionsBoundary"), plan.stack() + ": " + role.urn());
                assertTrue(role.dependencies().stream().anyMatch(d -> d.endsWith("::" + BOUNDARY_NAME)),
                        role.urn() + " waits for the boundary policy (CreateRole fails on a boundary that does not exist)");
            }
        }
    }

    @Test
    void everyRoleIsTaggedWithItsStackSoTheDeployRoleCanTellItsOwn() {
        for (Plan plan : plans()) {
            for (PlanResource role : plan.ofType(CiRoles.ROLE)) {
                assertEquals("ultibiker", role.tags().get("Project"), role.urn());
                assertEquals(plan.stack(), role.tags().get("Environment"), role.urn());
            }
        }
    }

    @Test
    void noRoleWithoutTheBoundaryAndTheBoundaryCannotBeRemovedOrEdited() {
        for (Plan plan : plans()) {
            List<String> boundary = List.of(CiRoles.boundary(plan));
            var create = PolicyEvaluation.denials(boundary, "iam:CreateRole");
            assertEquals(1, create.size(), plan.stack());
            assertEquals(Map.of("StringNotEquals", Map.of("iam:PermissionsBoundary", boundaryArn(plan))), create.get(0).get("Condition"));
            assertTrue(PolicyEvaluation.denials(boundary, "iam:PutRolePermissionsBoundary").contains(create.get(0)));
            var removal = PolicyEvaluation.denials(boundary, "iam:DeleteRolePermissionsBoundary");
            assertTrue(removal.stream().anyMatch(d -> d.get("Condition") == null && PolicyEvaluation.strings(d.get("Resource")).equals(List.of("*"))),
                    plan.stack() + ": " + removal);
            for (String edit : List.of("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy")) {
                assertTrue(PolicyEvaluation.denials(boundary, edit).stream()
                        .anyMatch(d -> PolicyEvaluation.strings(d.get("Resource")).contains(boundaryArn(plan))), edit);
            }
            for (String escape : List.of("iam:CreateUser", "iam:CreateAccessKey", "iam:AttachUserPolicy", "sts:AssumeRole")) {
                assertFalse(PolicyEvaluation.allows(boundary, escape), plan.stack() + ": " + escape);
            }
        }
    }

    @Test
    void theBoundaryLeavesEveryRoleTheRightsItsOwnPoliciesGrant() {
        for (Plan plan : plans()) {
            List<String> boundary = List.of(CiRoles.boundary(plan));
            List<String> docs = new ArrayList<>();
            plan.ofType("aws:iam/rolePolicy:RolePolicy").forEach(p -> docs.add((String) p.prop("policy")));
            plan.ofType(CiRoles.POLICY).stream().filter(p -> !p.name().equals(BOUNDARY_NAME)).forEach(p -> docs.add((String) p.prop("policy")));
            for (String doc : docs) {
                for (var st : PolicyEvaluation.statements(doc)) {
                    if (!"Allow".equals(st.get("Effect"))) {
                        continue;
                    }
                    for (String action : PolicyEvaluation.strings(st.get("Action"))) {
                        assertTrue(PolicyEvaluation.allows(boundary, action.replace("*", "X")),
                                plan.stack() + ": the boundary cuts " + action);
                    }
                }
            }
            // The AWS managed policies the workload roles get, by the services they use (their documents, IAM console).
            Map<String, List<String>> managed = Map.of(
                    "AmazonEKSClusterPolicy", List.of("autoscaling:DescribeAutoScalingGroups", "ec2:CreateNetworkInterface",
                            "elasticloadbalancing:DescribeLoadBalancers", "kms:CreateGrant", "iam:CreateServiceLinkedRole"),
                    "AmazonEKSWorkerNodePolicy", List.of("ec2:DescribeInstances", "eks:DescribeCluster", "eks-auth:AssumeRoleForPodIdentity"),
                    "AmazonEC2ContainerRegistryReadOnly", List.of("ecr:GetAuthorizationToken", "ecr:BatchGetImage"),
                    "AmazonEKS_CNI_Policy", List.of("ec2:AssignPrivateIpAddresses", "ec2:CreateTags"),
                    "AmazonRDSEnhancedMonitoringRole", List.of("logs:CreateLogStream", "logs:PutLogEvents"));
            Set<String> attached = new java.util.TreeSet<>();
            plan.ofType(CiRoles.ATTACHMENT).forEach(a -> attached.add(String.valueOf(a.prop("policyArn"))));
            managed.forEach((name, actions) -> {
                if (attached.stream().anyMatch(a -> a.endsWith("/" + name))) {
                    actions.forEach(a -> assertTrue(PolicyEvaluation.allows(boundary, a), plan.stack() + ": " + name + " needs " + a));
                }
            });
        }
    }

    @Test
    void noRoleThatCarriesTheBoundaryCanChangeTheCiRolesTheirPoliciesOrTheProvider() {
        Plan prod = StackPlans.prod();
        List<String> boundary = List.of(CiRoles.boundary(prod));
        for (String action : List.of("iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRole",
                "iam:DetachRolePolicy", "iam:DeleteRolePermissionsBoundary")) {
            assertTrue(PolicyEvaluation.denials(boundary, action).stream()
                            .anyMatch(d -> PolicyEvaluation.strings(d.get("Resource")).contains("arn:aws:iam::123456789012:role/ultibiker-prod-github-*")),
                    action + " on the CI roles (deploy, preview) is denied");
        }
        assertTrue(PolicyEvaluation.denials(boundary, "iam:CreatePolicyVersion").stream()
                .anyMatch(d -> PolicyEvaluation.strings(d.get("Resource")).contains("arn:aws:iam::123456789012:policy/ultibiker-prod-github-*")));
        assertTrue(PolicyEvaluation.denials(boundary, "iam:DeleteOpenIDConnectProvider").stream()
                .anyMatch(d -> PolicyEvaluation.strings(d.get("Resource"))
                        .contains("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")));
        for (String purpose : List.of("deploy", "preview")) {
            String name = (String) prod.require(CiRoles.ROLE, "ci-" + purpose + "-role").prop("name");
            assertTrue(name.startsWith("ultibiker-prod-github-"), name + " is covered by the denial's name pattern");
        }
    }

    @Test
    void theCiRolesAndProviderAreProtectedAndRetainedInProductionOnly() {
        Plan prod = StackPlans.prod();
        for (String name : List.of("ci-deploy-role", "ci-preview-role")) {
            PlanResource role = prod.require(CiRoles.ROLE, name);
            assertTrue(role.protect() && role.retainOnDelete(), name);
            assertFalse(StackPlans.dev().require(CiRoles.ROLE, name).protect(), "dev: " + name);
        }
        PlanResource provider = prod.require("aws:iam/openIdConnectProvider:OpenIdConnectProvider", "ci-oidc-provider");
        assertTrue(provider.protect() && provider.retainOnDelete());
        assertTrue(prod.require(CiRoles.POLICY, BOUNDARY_NAME).protect());
    }
}
