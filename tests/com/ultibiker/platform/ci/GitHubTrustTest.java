package com.ultibiker.platform.ci;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rendered trust policies, against golden files (a diff shows exactly what widened or narrowed). */
class GitHubTrustTest {

    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    private static final String REPO = "ultibiker/ultibiker-platform";

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
        String policy = GitHubTrust.trustPolicy(PROVIDER, GitHubTrust.deploySubjects(REPO, "production"));
        assertEquals(parsed(golden("deploy-trust-production.json")), parsed(policy));
    }

    @Test
    void previewTrustMatchesTheGoldenFile() throws IOException {
        String policy = GitHubTrust.trustPolicy(PROVIDER, GitHubTrust.previewSubjects(REPO, "main"));
        assertEquals(parsed(golden("preview-trust.json")), parsed(policy));
    }

    @Test
    void subjectsFollowGitHubsClaimFormat() {
        assertEquals("repo:o/r:environment:production", GitHubTrust.environmentSubject("o/r", "production"));
        assertEquals("repo:o/r:pull_request", GitHubTrust.pullRequestSubject("o/r"));
        assertEquals("repo:o/r:ref:refs/heads/main", GitHubTrust.branchSubject("o/r", "main"));
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
