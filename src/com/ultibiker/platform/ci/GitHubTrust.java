package com.ultibiker.platform.ci;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.List;
import java.util.Optional;

/**
 * The trust side of GitHub Actions OIDC (pure): who may assume a CI role. A role trusts the
 * account's GitHub OIDC provider for {@code sts:AssumeRoleWithWebIdentity} only when the token's
 * audience is STS and its subject is exactly one of the listed ones ({@code StringEquals}, never
 * {@code StringLike}: no wildcard can widen it to other repositories, branches or environments).
 *
 * <p>A subject is {@code <prefix>:<context>}. The context is what GitHub appends for the job
 * ({@code environment:<name>}, {@code pull_request}, {@code ref:refs/heads/<branch>}); the prefix is the
 * repository's part of GitHub's default template ({@code repo} then {@code context}):
 * <ul>
 *   <li>legacy, by name: {@code repo:<owner>/<name>};</li>
 *   <li>immutable, with the numeric ids GitHub appends after each name with {@code @}, the default for
 *       repositories created, renamed or transferred from 2026-07-15 (GitHub's OIDC reference,
 *       "Immutable subject claims"; aws-actions/configure-aws-credentials v6.2.3 README, "Immutable
 *       subject claims": a name-only trust policy then fails {@code AssumeRoleWithWebIdentity}):
 *       {@code repo:<owner>@<owner-id>/<name>@<repo-id>}, from {@code ci.githubRepository} written that way;</li>
 *   <li>an organisation's or repository's custom template that ends with {@code context}: the prefix as
 *       configured ({@code ci.oidcSubjectPrefix}).</li>
 * </ul>
 */
public final class GitHubTrust {

    /** The issuer host of GitHub Actions tokens; also the key prefix of its claims in IAM conditions. */
    public static final String ISSUER_HOST = "token.actions.githubusercontent.com";
    public static final String ISSUER_URL = "https://" + ISSUER_HOST;
    /** The audience {@code aws-actions/configure-aws-credentials} requests. */
    public static final String AUDIENCE = "sts.amazonaws.com";

    private GitHubTrust() {
    }

    /**
     * The part of every subject before the job's context: {@code customPrefix} when the repository's
     * subject template is customised, otherwise {@code repo:<repository>}, where {@code repository} is
     * {@code owner/name} (legacy claims) or {@code owner@<id>/name@<id>} (immutable claims).
     */
    public static String subjectPrefix(String repository, Optional<String> customPrefix) {
        return customPrefix.orElse("repo:" + repository);
    }

    /** Subject of a job that runs in a GitHub environment (the deploy jobs, previews from a preview environment). */
    public static String environmentSubject(String prefix, String environment) {
        return prefix + ":environment:" + environment;
    }

    /** Subject of a pull request's jobs (without an environment); forks get no token at all. */
    public static String pullRequestSubject(String prefix) {
        return prefix + ":pull_request";
    }

    /** Subject of a job on a branch without an environment (scheduled drift detection on main). */
    public static String branchSubject(String prefix, String branch) {
        return prefix + ":ref:refs/heads/" + branch;
    }

    /** The deploy role: only jobs running in GitHub environment {@code environment}. */
    public static List<String> deploySubjects(String prefix, String environment) {
        return List.of(environmentSubject(prefix, environment));
    }

    /**
     * The read-only preview role. With a preview environment (prod: its previews and drift checks run in
     * a GitHub environment limited to the default branch, which holds the read credentials of its state):
     * only jobs in that environment, no pull request. Without one (dev): pull requests and the default branch.
     */
    public static List<String> previewSubjects(String prefix, String defaultBranch, Optional<String> previewEnvironment) {
        return previewEnvironment
                .map(environment -> List.of(environmentSubject(prefix, environment)))
                .orElseGet(() -> List.of(pullRequestSubject(prefix), branchSubject(prefix, defaultBranch)));
    }

    /** Trust policy JSON for a role assumed through {@code providerArn} by tokens with one of {@code subjects}. */
    public static String trustPolicy(String providerArn, List<String> subjects) {
        if (subjects.isEmpty()) {
            throw new IllegalArgumentException("a GitHub trust policy needs at least one subject");
        }
        Statement.Builder statement = Statement.allow()
                .sid("GitHubActionsOidc")
                .principal(Principal.federated(providerArn))
                .action("sts:AssumeRoleWithWebIdentity")
                .condition("StringEquals", ISSUER_HOST + ":aud", AUDIENCE);
        if (subjects.size() == 1) {
            statement.condition("StringEquals", ISSUER_HOST + ":sub", subjects.get(0));
        } else {
            statement.condition("StringEquals", ISSUER_HOST + ":sub", subjects);
        }
        return PolicyDocument.of(statement.build()).toCompactJson();
    }
}
