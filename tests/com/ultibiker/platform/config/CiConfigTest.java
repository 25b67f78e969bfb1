package com.ultibiker.platform.config;

import com.ultibiker.platform.model.CiConfig;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.support.ConfigAssertions;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ci} section: defaults, and one test per rule naming the key, the value and what is allowed. */
class CiConfigTest {

    private static final String P = "ultibiker-platform";

    private static Map<String, String> devWithCi(String ciJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("dev").projectConfig());
        if (ciJson == null) {
            raw.remove("ci");
        } else {
            raw.put("ci", ciJson);
        }
        return raw;
    }

    private static CiConfig parse(String ciJson) {
        return StackConfigParser.parse(P, devWithCi(ciJson)).ci();
    }

    private static ConfigProblem onlyProblem(String ciJson) {
        return ConfigAssertions.onlyProblem(devWithCi(ciJson));
    }

    private static void assertProblem(String ciJson, String key, String found, String allowedFragment) {
        ConfigAssertions.assertProblem(onlyProblem(ciJson), key, found, allowedFragment);
    }

    @Test
    void theRepositoryStacksEnableCiForTheirGitHubEnvironments() {
        StackConfig dev = StackConfigParser.parse(P, devWithCi(StackPlans.stackFile("dev").projectConfig().get("ci")));
        StackConfig prod = StackConfigParser.parse(P, new HashMap<>(StackPlans.stackFile("prod").projectConfig()));
        assertTrue(dev.ci().enabled());
        assertEquals("dev", dev.ci().githubEnvironment());
        assertEquals("production", prod.ci().githubEnvironment());
        assertEquals("ultibiker/ultibiker-platform", prod.ci().githubRepository());
    }

    @Test
    void absentSectionMeansDisabled() {
        CiConfig ci = parse(null);
        assertFalse(ci.enabled());
        assertEquals("", ci.githubRepository());
    }

    @Test
    void defaults() {
        CiConfig ci = parse("{\"enabled\":true,\"githubRepository\":\"o/r\"}");
        assertEquals("dev", ci.githubEnvironment(), "defaults to the stack's environment");
        assertEquals("main", ci.defaultBranch());
        assertEquals(Optional.empty(), ci.oidcProviderArn());
        assertEquals(List.of(), ci.deployPolicyArns(), "no AdministratorAccess unless asked for: the policies are generated");
        assertEquals(List.of(), ci.previewPolicyArns(), "no ReadOnlyAccess: the generated reads hold no content reads");
    }

    @Test
    void enabledMustBeABoolean() {
        assertProblem("{\"enabled\":\"yes\",\"githubRepository\":\"o/r\"}", "ci.enabled", "\"yes\"", "true or false");
    }

    @Test
    void repositoryIsRequiredWhenEnabled() {
        assertProblem("{\"enabled\":true}", "ci.githubRepository", ConfigProblem.MISSING, "owner/name");
    }

    @Test
    void repositoryMustBeOwnerSlashName() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"ultibiker-platform\"}",
                "ci.githubRepository", "\"ultibiker-platform\"", "owner/name");
    }

    @Test
    void repositoryMayNotBeAWildcard() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"ultibiker/*\"}",
                "ci.githubRepository", "\"ultibiker/*\"", "no wildcards");
    }

    @Test
    void environmentMayNotContainAColon() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"githubEnvironment\":\"prod:*\"}",
                "ci.githubEnvironment", "\"prod:*\"", "no ':' or wildcards");
    }

    @Test
    void defaultBranchMustBeABranchName() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"defaultBranch\":\"refs/heads/*\"}",
                "ci.defaultBranch", "\"refs/heads/*\"", "a branch name");
    }

    @Test
    void existingProviderMustBeGitHubsProviderArn() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"oidcProviderArn\":\"arn:aws:iam::123456789012:oidc-provider/accounts.google.com\"}",
                "ci.oidcProviderArn", "\"arn:aws:iam::123456789012:oidc-provider/accounts.google.com\"",
                "oidc-provider/token.actions.githubusercontent.com");
    }

    @Test
    void policyArnsMustBeManagedPolicyArns() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"deployPolicyArns\":[\"AdministratorAccess\"]}",
                "ci.deployPolicyArns[0]", "\"AdministratorAccess\"", "a managed policy ARN");
    }

    @Test
    void extraPoliciesLeaveRoomForTheGeneratedOnesWithinIamsQuotaOfTen() {
        StringBuilder arns = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            arns.append(i > 1 ? "," : "").append("\"arn:aws:iam::210987654321:policy/extra-").append(i).append('"');
        }
        var problem = onlyProblem(
                "{\"enabled\":true,\"githubRepository\":\"o/r\",\"deployPolicyArns\":[" + arns + "]}");
        assertEquals("ultibiker-platform:ci.deployPolicyArns", problem.key());
        assertTrue(problem.allowed().contains("at most 5 policies"), problem.allowed());
    }

    @Test
    void aPolicyIsAttachedOnce() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"deployPolicyArns\":[\""
                        + CiConfig.ADMINISTRATOR_ACCESS + "\",\"" + CiConfig.ADMINISTRATOR_ACCESS + "\"]}",
                "ci.deployPolicyArns[1]", "\"" + CiConfig.ADMINISTRATOR_ACCESS + "\"", "each policy name once");
    }

    @Test
    void unknownKeysAreNamedWithTheKnownOnes() {
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"githubRepo\":\"o/r\"}",
                "ci.githubRepo", "\"o/r\"", "githubRepository");
    }

    /** GitHub's rules: owner letters, digits and single inner hyphens (at most 39), name [A-Za-z0-9._-] (at most 100). */
    @Test
    void repositoryAcceptsWhatGitHubAllows() {
        for (String repo : List.of("o/r", "octo-org/octo.repo_2", "a1-b2-c3/.github", "x/" + "n".repeat(100), "o".repeat(39) + "/r",
                "octo-org@123456/octo-repo@789012")) {
            assertEquals(repo, parse("{\"enabled\":true,\"githubRepository\":\"" + repo + "\"}").githubRepository(), repo);
        }
    }

    @Test
    void repositoryRefusesWhatGitHubRefuses() {
        for (String repo : List.of("-o/r", "o-/r", "o--p/r", "o".repeat(40) + "/r", "o/" + "n".repeat(101), "o/.", "o/..",
                "o/r@", "o@/r", "o@0/r@1", "o@12/r", "o/r@34", "o r/x", "o/r/s")) {
            assertProblem("{\"enabled\":true,\"githubRepository\":\"" + repo + "\"}", "ci.githubRepository", "\"" + repo + "\"",
                    "both numeric ids (immutable claims)");
        }
    }

    @Test
    void aCustomSubjectPrefixMustNameTheRepositoryAndCarryNoContext() {
        assertEquals(Optional.of("repository_owner_id:123456:repository_id:789012"),
                parse("{\"enabled\":true,\"githubRepository\":\"o/r\",\"oidcSubjectPrefix\":\"repository_owner_id:123456:repository_id:789012\"}")
                        .oidcSubjectPrefix());
        assertEquals(Optional.of("repo:o/r:actor_id:5"),
                parse("{\"enabled\":true,\"githubRepository\":\"o/r\",\"oidcSubjectPrefix\":\"repo:o/r:actor_id:5\"}").oidcSubjectPrefix());
        for (String prefix : List.of("repository_owner:o", "repo:o/other", "repo:o/r:environment:production", "repo:o/r:", "repo:o/*",
                "repo:o/r:pull_request", "repo:o/r :x")) {
            assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"oidcSubjectPrefix\":\"" + prefix + "\"}",
                    "ci.oidcSubjectPrefix", "\"" + prefix + "\"", "it must name the repository");
        }
    }

    @Test
    void thePreviewEnvironmentIsNotTheDeployEnvironment() {
        assertEquals(Optional.of("production-preview"),
                StackConfigParser.parse(P, new HashMap<>(StackPlans.stackFile("prod").projectConfig())).ci().previewEnvironment());
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"previewEnvironment\":\"dev\"}",
                "ci.previewEnvironment", "\"dev\"", "other than ci.githubEnvironment (dev)");
    }

    @Test
    void theAccountIdIsTwelveDigitsAndTheProvidersAccount() {
        assertEquals(Optional.of("111122223333"),
                parse("{\"enabled\":true,\"githubRepository\":\"o/r\",\"accountId\":\"111122223333\"}").accountId());
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"accountId\":\"1111\"}", "ci.accountId", "\"1111\"", "12-digit");
        assertProblem("{\"enabled\":true,\"githubRepository\":\"o/r\",\"accountId\":\"111122223333\",\"oidcProviderArn\":"
                        + "\"arn:aws:iam::444455556666:oidc-provider/token.actions.githubusercontent.com\"}",
                "ci.accountId", "\"111122223333\"", "the account of ci.oidcProviderArn");
    }
}
