package com.ultibiker.platform.ci;

import com.ultibiker.platform.common.JsonDocuments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> equals = new LinkedHashMap<>();
        equals.put(ISSUER_HOST + ":aud", AUDIENCE);
        equals.put(ISSUER_HOST + ":sub", subjects.size() == 1 ? subjects.get(0) : subjects);
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "GitHubActionsOidc");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", providerArn));
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        statement.put("Condition", Map.of("StringEquals", equals));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2012-10-17");
        policy.put("Statement", List.of(statement));
        return JsonDocuments.compact(policy);
    }
}
