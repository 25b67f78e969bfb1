package com.ultibiker.platform.ci;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rendered trust policies, against golden files (a diff shows exactly what widened or narrowed). */
class GitHubTrustTest {

    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    private static final String PREFIX = "repo:ultibiker/ultibiker-platform";

    static String golden(String name) throws IOException {
        try (InputStream in = GitHubTrustTest.class.getResourceAsStream("/golden/ci/" + name)) {
            assertNotNull(in, "golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static Object parsed(String json) {
        return new Gson().fromJson(json, Map.class);
    }

    @Test
    void deployTrustMatchesTheGoldenFile() throws IOException {
        String policy = GitHubTrust.trustPolicy(PROVIDER, GitHubTrust.deploySubjects(PREFIX, "production"));
        assertEquals(parsed(golden("deploy-trust-production.json")), parsed(policy));
    }

    @Test
    void previewTrustMatchesTheGoldenFile() throws IOException {
        String policy = GitHubTrust.trustPolicy(PROVIDER, GitHubTrust.previewSubjects(PREFIX, "main", Optional.empty()));
        assertEquals(parsed(golden("preview-trust.json")), parsed(policy));
    }

    @Test
    void subjectsFollowGitHubsClaimFormat() {
        assertEquals("repo:o/r:environment:production", GitHubTrust.environmentSubject("repo:o/r", "production"));
        assertEquals("repo:o/r:pull_request", GitHubTrust.pullRequestSubject("repo:o/r"));
        assertEquals("repo:o/r:ref:refs/heads/main", GitHubTrust.branchSubject("repo:o/r", "main"));
    }

    /** GitHub changelog 2026-04-23 and configure-aws-credentials v6.2.3 README, "Immutable subject claims". */
    @Test
    void immutableClaimsCarryTheOwnerAndRepositoryIdsAfterEachName() {
        String prefix = GitHubTrust.subjectPrefix("octo-org@123456/octo-repo@789012", Optional.empty());
        assertEquals("repo:octo-org@123456/octo-repo@789012", prefix);
        assertEquals("repo:octo-org@123456/octo-repo@789012:environment:production", GitHubTrust.deploySubjects(prefix, "production").get(0));
        assertEquals(List.of("repo:octo-org@123456/octo-repo@789012:pull_request", "repo:octo-org@123456/octo-repo@789012:ref:refs/heads/main"),
                GitHubTrust.previewSubjects(prefix, "main", Optional.empty()));
    }

    @Test
    void aCustomTemplatesPrefixReplacesTheRepositoryPart() {
        String prefix = GitHubTrust.subjectPrefix("o/r", Optional.of("repository_owner_id:123456:repository_id:789012"));
        assertEquals("repository_owner_id:123456:repository_id:789012:environment:dev", GitHubTrust.environmentSubject(prefix, "dev"));
    }

    @Test
    void aPreviewEnvironmentReplacesPullRequestsAndTheBranch() {
        assertEquals(List.of("repo:o/r:environment:production-preview"),
                GitHubTrust.previewSubjects("repo:o/r", "main", Optional.of("production-preview")));
    }

    @Test
    void aTrustPolicyWithoutSubjectsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> GitHubTrust.trustPolicy(PROVIDER, List.of()));
    }

    @Test
    void attachmentNamesComeFromThePolicyName() {
        assertEquals("AdministratorAccess", CiAccess.policyName("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertEquals("job-function-ViewOnlyAccess", CiAccess.policyName("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"));
    }
}
