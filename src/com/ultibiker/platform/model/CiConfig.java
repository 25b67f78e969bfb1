package com.ultibiker.platform.model;

import java.util.List;
import java.util.Optional;

/**
 * How GitHub Actions reaches this stack's AWS account (section {@code ci}, see docs/ci-setup.md).
 * Read by the parser ({@code config.StackConfigParser}), which holds the defaults; used by
 * {@link com.ultibiker.platform.ci.CiAccess}.
 *
 * @param enabled           create the GitHub OIDC provider and the CI roles; default {@code false}
 * @param githubRepository  the repository whose workflows may assume the roles, as its subject claims name it:
 *                          {@code owner/name} (legacy claims) or {@code owner@<owner-id>/name@<repo-id>}
 *                          (immutable claims); required when enabled
 * @param githubEnvironment the GitHub environment the deploy job of this stack runs in; the deploy
 *                          role trusts only {@code repo:<owner>/<name>:environment:<githubEnvironment>};
 *                          default: the stack's {@code environment} (prod sets {@code production})
 * @param defaultBranch     the branch whose workflows (scheduled drift detection) may assume the
 *                          read-only preview role besides pull requests; default {@code main}
 * @param oidcProviderArn   an existing GitHub OIDC provider of the account (only one may exist per
 *                          account); absent: the provider is created by this stack
 * @param deployPolicyArns  managed policies the deploy role gets besides its generated ones; default none.
 *                          AdministratorAccess is an explicit opt-in here (still capped by the permissions boundary)
 * @param previewPolicyArns managed policies the preview role get besides their generated ones; default none
 * @param oidcSubjectPrefix the subject claims' part before the job's context when the repository's OIDC
 *                          subject template is customised (it must end with {@code context}); absent:
 *                          {@code repo:<githubRepository>}
 * @param previewEnvironment the GitHub environment (limited to the default branch) whose jobs alone may assume
 *                          the preview role; absent: pull requests and the default branch may
 * @param accountId         the AWS account of this stack's CI roles, so that two stacks' CI in one account is
 *                          caught (config.CiAccountSharing); absent: the account of
 *                          {@code oidcProviderArn} if set, else unknown
 * @param runners           CodeBuild-hosted runners inside the VPCs (section {@code ci.runners}); default: on when
 *                          CI is on and the cluster API is private
 */
public record CiConfig(
        boolean enabled,
        String githubRepository,
        String githubEnvironment,
        String defaultBranch,
        Optional<String> oidcProviderArn,
        List<String> deployPolicyArns,
        List<String> previewPolicyArns,
        Optional<String> oidcSubjectPrefix,
        Optional<String> previewEnvironment,
        Optional<String> accountId,
        CiRunnersConfig runners) {

    public static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";

    public CiConfig {
        deployPolicyArns = List.copyOf(deployPolicyArns);
        previewPolicyArns = List.copyOf(previewPolicyArns);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CiConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private Boolean enabled;
        private String githubRepository;
        private String githubEnvironment;
        private String defaultBranch;
        private Optional<String> oidcProviderArn = Optional.empty();
        private List<String> deployPolicyArns;
        private List<String> previewPolicyArns;
        private Optional<String> oidcSubjectPrefix = Optional.empty();
        private Optional<String> previewEnvironment = Optional.empty();
        private Optional<String> accountId = Optional.empty();
        private CiRunnersConfig runners = CiRunnersConfig.off();

        private Builder() {
        }

        public Builder enabled(boolean value) { this.enabled = value; return this; }
        public Builder githubRepository(String value) { this.githubRepository = value; return this; }
        public Builder githubEnvironment(String value) { this.githubEnvironment = value; return this; }
        public Builder defaultBranch(String value) { this.defaultBranch = value; return this; }
        public Builder oidcProviderArn(Optional<String> value) { this.oidcProviderArn = value; return this; }
        public Builder oidcProviderArn(String value) { this.oidcProviderArn = Optional.of(value); return this; }
        public Builder deployPolicyArns(List<String> value) { this.deployPolicyArns = value; return this; }
        public Builder previewPolicyArns(List<String> value) { this.previewPolicyArns = value; return this; }
        public Builder oidcSubjectPrefix(Optional<String> value) { this.oidcSubjectPrefix = value; return this; }
        public Builder previewEnvironment(Optional<String> value) { this.previewEnvironment = value; return this; }
        public Builder accountId(Optional<String> value) { this.accountId = value; return this; }
        public Builder runners(CiRunnersConfig value) { this.runners = value; return this; }

        public CiConfig build() {
            return new CiConfig(
                    Required.of(enabled, "CiConfig.enabled"),
                    Required.of(githubRepository, "CiConfig.githubRepository"),
                    Required.of(githubEnvironment, "CiConfig.githubEnvironment"),
                    Required.of(defaultBranch, "CiConfig.defaultBranch"),
                    oidcProviderArn,
                    Required.of(deployPolicyArns, "CiConfig.deployPolicyArns"),
                    Required.of(previewPolicyArns, "CiConfig.previewPolicyArns"),
                    oidcSubjectPrefix,
                    previewEnvironment,
                    accountId,
                    Required.of(runners, "CiConfig.runners"));
        }
    }
}
