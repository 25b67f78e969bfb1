package com.ultibiker.platform.ci;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.List;

/**
 * The trust side of GitHub Actions OIDC (pure): who may assume a CI role. A role trusts the
 * account's GitHub OIDC provider for {@code sts:AssumeRoleWithWebIdentity} only when the token's
 * audience is STS and its subject is exactly one of the listed ones ({@code StringEquals}, never
 * {@code StringLike}: no wildcard can widen it to other repositories, branches or environments).
 */
public final class GitHubTrust {

    /** The issuer host of GitHub Actions tokens; also the key prefix of its claims in IAM conditions. */
    public static final String ISSUER_HOST = "token.actions.githubusercontent.com";
    public static final String ISSUER_URL = "https://" + ISSUER_HOST;
    /** The audience {@code aws-actions/configure-aws-credentials} requests. */
    public static final String AUDIENCE = "sts.amazonaws.com";

    private GitHubTrust() {
    }

    /** Subject of a job that runs in a GitHub environment (the deploy jobs). */
    public static String environmentSubject(String repository, String environment) {
        return "repo:" + repository + ":environment:" + environment;
    }

    /** Subject of a pull request's jobs (without an environment); forks get no token at all. */
    public static String pullRequestSubject(String repository) {
        return "repo:" + repository + ":pull_request";
    }

    /** Subject of a job on a branch without an environment (scheduled drift detection on main). */
    public static String branchSubject(String repository, String branch) {
        return "repo:" + repository + ":ref:refs/heads/" + branch;
    }

    /** The deploy role: only jobs of {@code repository} running in GitHub environment {@code environment}. */
    public static List<String> deploySubjects(String repository, String environment) {
        return List.of(environmentSubject(repository, environment));
    }

    /** The read-only preview role: pull requests of {@code repository} and its default branch. */
    public static List<String> previewSubjects(String repository, String defaultBranch) {
        return List.of(pullRequestSubject(repository), branchSubject(repository, defaultBranch));
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
