package com.ultibiker.platform.ci;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CiAccess as the dev and prod stacks register it under mocks: above all, who may assume its roles. */
class CiAccessTest {

    private static final String ROLE = "aws:iam/role:Role";
    private static final String OIDC = "aws:iam/openIdConnectProvider:OpenIdConnectProvider";
    private static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private static final String REPO = "ultibiker/ultibiker-platform";
    private static final String ISSUER = "token.actions.githubusercontent.com";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyStatement(PlanResource role) {
        Map<String, Object> policy = new Gson().fromJson((String) role.prop("assumeRolePolicy"), Map.class);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
        assertEquals(1, statements.size(), role.name() + ": one statement, nothing else may assume it");
        return statements.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringEquals(Map<String, Object> statement) {
        Map<String, Object> condition = (Map<String, Object>) statement.get("Condition");
        assertEquals(Set.of("StringEquals"), condition.keySet(), "exact matches only, no StringLike wildcards");
        return (Map<String, Object>) condition.get("StringEquals");
    }

    @Test
    void prodDeployRoleTrustsOnlyThisRepositorysProductionEnvironment() {
        Plan prod = StackPlans.prod();
        PlanResource role = prod.require(ROLE, "ci-deploy-role");
        Map<String, Object> statement = onlyStatement(role);
        assertEquals("Allow", statement.get("Effect"));
        assertEquals("sts:AssumeRoleWithWebIdentity", statement.get("Action"));
        String providerArn = (String) prod.outputs().get("ciOidcProviderArn");
        assertEquals(Map.of("Federated", providerArn), statement.get("Principal"));
        assertEquals(Map.of(ISSUER + ":aud", "sts.amazonaws.com",
                        ISSUER + ":sub", "repo:" + REPO + ":environment:production"),
                stringEquals(statement));
        assertEquals("ultibiker-prod-github-deploy", role.prop("name"));
    }

    @Test
    void devDeployRoleTrustsOnlyTheDevEnvironment() {
        PlanResource role = StackPlans.dev().require(ROLE, "ci-deploy-role");
        assertEquals("repo:" + REPO + ":environment:dev", stringEquals(onlyStatement(role)).get(ISSUER + ":sub"));
    }

    @Test
    void prodPreviewRoleTrustsOnlyItsPreviewEnvironmentNoPullRequestAndIsReadOnly() {
        Plan prod = StackPlans.prod();
        PlanResource role = prod.require(ROLE, "ci-preview-role");
        Map<String, Object> equals = stringEquals(onlyStatement(role));
        assertEquals("sts.amazonaws.com", equals.get(ISSUER + ":aud"));
        assertEquals("repo:" + REPO + ":environment:production-preview", equals.get(ISSUER + ":sub"));
        assertEquals(Set.of("arn:aws:iam::123456789012:policy/ultibiker-prod-github-preview-1"),
                attachedPolicies(prod, "ultibiker-prod-github-preview"), "its generated policy only, no ReadOnlyAccess");
    }

    @Test
    void devPreviewRoleTrustsPullRequestsAndTheDefaultBranch() {
        Map<String, Object> equals = stringEquals(onlyStatement(StackPlans.dev().require(ROLE, "ci-preview-role")));
        assertEquals(List.of("repo:" + REPO + ":pull_request", "repo:" + REPO + ":ref:refs/heads/main"),
                equals.get(ISSUER + ":sub"));
    }

    /** Repositories created, renamed or transferred from 2026-07-15 send the immutable subject (configure-aws-credentials v6.2.3 README). */
    @Test
    void anImmutableRepositoryNameGivesImmutableSubjectsToBothRoles() {
        Plan plan = StackPlans.runWith("dev", Map.of("ci", "{\"enabled\":true,\"githubRepository\":\"ultibiker@1234567/ultibiker-platform@89012345\"}"));
        assertEquals("repo:ultibiker@1234567/ultibiker-platform@89012345:environment:dev",
                stringEquals(onlyStatement(plan.require(ROLE, "ci-deploy-role"))).get(ISSUER + ":sub"));
        assertEquals(List.of("repo:ultibiker@1234567/ultibiker-platform@89012345:pull_request",
                        "repo:ultibiker@1234567/ultibiker-platform@89012345:ref:refs/heads/main"),
                stringEquals(onlyStatement(plan.require(ROLE, "ci-preview-role"))).get(ISSUER + ":sub"));
    }

    @Test
    void aCustomSubjectPrefixIsWhatBothRolesTrust() {
        Plan plan = StackPlans.runWith("dev", Map.of("ci", "{\"enabled\":true,\"githubRepository\":\"" + REPO
                + "\",\"oidcSubjectPrefix\":\"repository_owner_id:1234567:repository_id:89012345\"}"));
        assertEquals("repository_owner_id:1234567:repository_id:89012345:environment:dev",
                stringEquals(onlyStatement(plan.require(ROLE, "ci-deploy-role"))).get(ISSUER + ":sub"));
    }

    @Test
    void deployRoleGetsTheConfiguredPoliciesAndALongEnoughSession() {
        Plan prod = StackPlans.prod();
        Set<String> attached = attachedPolicies(prod, "ultibiker-prod-github-deploy");
        assertFalse(attached.isEmpty());
        attached.forEach(arn -> assertTrue(arn.matches("arn:aws:iam::123456789012:policy/ultibiker-prod-github-deploy-(\\d|image-push)"), arn));
        assertEquals(14400.0, ((Number) prod.require(ROLE, "ci-deploy-role").prop("maxSessionDuration")).doubleValue());
    }

    @Test
    void theOidcProviderIsGitHubsWithTheStsAudience() {
        PlanResource provider = StackPlans.dev().require(OIDC, "ci-oidc-provider");
        assertEquals("https://" + ISSUER, provider.prop("url"));
        assertEquals(List.of("sts.amazonaws.com"), provider.prop("clientIdLists"));
    }

    @Test
    void everythingGoesThroughThePrimaryRegionsProviderUnderTheComponent() {
        Plan prod = StackPlans.prod();
        List<PlanResource> children = prod.where(r -> r.custom()
                && prod.topComponent(r).map(c -> c.type().equals(CiAccess.TYPE)).orElse(false));
        assertEquals(Set.of(OIDC, ROLE, ATTACHMENT, "aws:iam/policy:Policy"), children.stream().map(PlanResource::type).collect(Collectors.toSet()));
        children.forEach(r -> {
            assertEquals("us-east-1", r.region(), r.urn());
            assertTrue(r.provider().endsWith("::aws-us-east-1"), r.urn());
            assertTrue(r.name().startsWith("ci-"), r.urn());
        });
    }

    @Test
    void anExistingProviderIsUsedInsteadOfCreatingASecondOne() {
        String existing = "arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com";
        Plan plan = StackPlans.runWith("dev", Map.of("ci", "{\"enabled\":true,\"githubRepository\":\"" + REPO
                + "\",\"oidcProviderArn\":\"" + existing + "\"}"));
        assertTrue(plan.named(OIDC, "ci-oidc-provider").isEmpty(), "no second GitHub provider");
        assertTrue(plan.ofType(OIDC).stream().noneMatch(p -> ("https://" + ISSUER).equals(p.prop("url"))));
        assertEquals(Map.of("Federated", existing), onlyStatement(plan.require(ROLE, "ci-deploy-role")).get("Principal"));
        assertEquals(existing, plan.outputs().get("ciOidcProviderArn"));
    }

    @Test
    void disabledCreatesNothing() {
        Plan plan = StackPlans.runWith("dev", Map.of("ci", "{\"enabled\":false}"));
        assertTrue(plan.ofType(CiAccess.TYPE).isEmpty());
        assertTrue(plan.ofType(OIDC).stream().noneMatch(p -> ("https://" + ISSUER).equals(p.prop("url"))),
                "the EKS (IRSA) providers remain, GitHub's is gone");
        assertTrue(plan.named(ROLE, "ci-deploy-role").isEmpty());
        assertFalse(plan.outputs().containsKey("ciDeployRoleArn"));
    }

    private static Set<String> attachedPolicies(Plan plan, String roleName) {
        return plan.ofType(ATTACHMENT).stream().filter(a -> roleName.equals(a.prop("role")))
                .map(a -> (String) a.prop("policyArn")).collect(Collectors.toSet());
    }
}
