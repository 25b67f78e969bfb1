package com.ultibiker.platform.model;

import java.util.List;
import java.util.Optional;

/**
 * How GitHub Actions reaches this stack's AWS account (section {@code ci}, see docs/ci-setup.md).
 * Read by the parser ({@code config.StackConfigParser}), which holds the defaults; used by
 * {@link com.ultibiker.platform.ci.CiAccess}.
 *
 * @param enabled           create the GitHub OIDC provider and the CI roles; default {@code false}
 * @param githubRepository  {@code owner/name} of the repository whose workflows may assume the roles;
 *                          required when enabled
 * @param githubEnvironment the GitHub environment the deploy job of this stack runs in; the deploy
 *                          role trusts only {@code repo:<owner>/<name>:environment:<githubEnvironment>};
 *                          default: the stack's {@code environment} (prod sets {@code production})
 * @param defaultBranch     the branch whose workflows (scheduled drift detection) may assume the
 *                          read-only preview role besides pull requests; default {@code main}
 * @param oidcProviderArn   an existing GitHub OIDC provider of the account (only one may exist per
 *                          account); absent: the provider is created by this stack
 * @param deployPolicyArns  managed policies of the deploy role; default AdministratorAccess
 * @param previewPolicyArns managed policies of the preview role; default ReadOnlyAccess
 */
public record CiConfig(
        boolean enabled,
        String githubRepository,
        String githubEnvironment,
        String defaultBranch,
        Optional<String> oidcProviderArn,
        List<String> deployPolicyArns,
        List<String> previewPolicyArns) {

    public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    public static final String READ_ONLY_ACCESS = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    public CiConfig {
        deployPolicyArns = List.copyOf(deployPolicyArns);
        previewPolicyArns = List.copyOf(previewPolicyArns);
    }
}
