package com.ultibiker.platform.ci;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.CiConfig;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inputs of {@link CiAccess}. Build with {@link #builder()}.
 *
 * @param region                  the primary region; IAM is global, its provider is used for the account
 * @param githubRepository        the repository whose workflows may assume the roles ({@code owner/name} or
 *                                {@code owner@<id>/name@<id>}); names the roles' description and tag
 * @param githubEnvironment       the GitHub environment of this stack's deploy job (e.g. {@code production})
 * @param deploySubjects          the OIDC subjects the deploy role trusts ({@link GitHubTrust#deploySubjects})
 * @param previewSubjects         the OIDC subjects the preview role trusts ({@link GitHubTrust#previewSubjects})
 * @param existingOidcProviderArn the account's GitHub OIDC provider when it already exists; absent: created
 * @param deployRoleName          physical name of the deploy role (stable, so its ARN can be set in GitHub)
 * @param previewRoleName         physical name of the read-only preview role
 * @param deployPolicyArns        managed policies the deploy role gets besides its generated ones (opt-in AdministratorAccess)
 * @param previewPolicyArns       managed policies the preview role gets besides its generated ones
 * @param regions                 every region the stack creates resources in (the deploy role's regional scope)
 * @param boundaryPolicyName      the stack's permissions boundary ({@link PermissionsBoundary#physicalName})
 * @param protection              protects (and retains) the provider and the roles in production
 * @param imagePushRepositories   ECR repositories of the CI region the deploy role may push to (issue 19.3); default none
 * @param deploySessionSeconds    maximum session of the deploy role; default 4 h ({@link #DEFAULT_DEPLOY_SESSION_SECONDS}):
 *                                a first prod {@code pulumi up} (EKS, Multi-AZ RDS, replicas) outlasts the 1 h default
 */
public record CiAccessArgs(
        AwsRegion region,
        String githubRepository,
        String githubEnvironment,
        List<String> deploySubjects,
        List<String> previewSubjects,
        Optional<String> existingOidcProviderArn,
        String deployRoleName,
        String previewRoleName,
        List<String> deployPolicyArns,
        List<String> previewPolicyArns,
        int deploySessionSeconds,
        List<String> regions,
        String boundaryPolicyName,
        Tagging tagging,
        StatefulProtection protection,
        List<String> imagePushRepositories) {

    public static final int DEFAULT_DEPLOY_SESSION_SECONDS = 4 * 3600;
    public static final int PREVIEW_SESSION_SECONDS = 3600;

    public CiAccessArgs {
        deploySubjects = List.copyOf(deploySubjects);
        previewSubjects = List.copyOf(previewSubjects);
        deployPolicyArns = List.copyOf(deployPolicyArns);
        previewPolicyArns = List.copyOf(previewPolicyArns);
        regions = List.copyOf(regions);
        imagePushRepositories = List.copyOf(Objects.requireNonNullElse(imagePushRepositories, List.of()));
        if (deploySessionSeconds < 3600 || deploySessionSeconds > 43200) {
            throw new IllegalArgumentException("deploySessionSeconds " + deploySessionSeconds + ": allowed 3600 to 43200 (IAM limits)");
        }
    }

    /** {@code <project>-<env>-github-}: every CI role and policy is named with it (the boundary protects them by it). */
    public static String namePrefix(Naming naming) {
        return naming.physical("github-");
    }

    /** The stack's names (from its tagging). */
    public Naming naming() {
        return Naming.of(tagging);
    }

    /** Whether no pull request can assume the preview role (a preview environment gates it): then it may read content. */
    public boolean previewGated() {
        return previewSubjects.stream().noneMatch(s -> s.endsWith(":pull_request"));
    }

    /** A builder for a stack from its validated {@code ci} section; role names {@code <project>-<env>-github-deploy|preview}. */
    public static Builder from(CiConfig ci, AwsRegion region, Tagging tagging) {
        var naming = Naming.of(tagging);
        String prefix = GitHubTrust.subjectPrefix(ci.githubRepository(), ci.oidcSubjectPrefix());
        return builder()
                .region(region)
                .githubRepository(ci.githubRepository())
                .githubEnvironment(ci.githubEnvironment())
                .deploySubjects(GitHubTrust.deploySubjects(prefix, ci.githubEnvironment()))
                .previewSubjects(GitHubTrust.previewSubjects(prefix, ci.defaultBranch(), ci.previewEnvironment()))
                .existingOidcProviderArn(ci.oidcProviderArn())
                .deployRoleName(naming.physical("github-deploy"))
                .previewRoleName(naming.physical("github-preview"))
                .deployPolicyArns(ci.deployPolicyArns())
                .previewPolicyArns(ci.previewPolicyArns())
                .tagging(tagging);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CiAccessArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AwsRegion region;
        private String githubRepository;
        private String githubEnvironment;
        private List<String> deploySubjects;
        private List<String> previewSubjects;
        private Optional<String> existingOidcProviderArn = Optional.empty();
        private String deployRoleName;
        private String previewRoleName;
        private List<String> deployPolicyArns;
        private List<String> previewPolicyArns;
        private Integer deploySessionSeconds = DEFAULT_DEPLOY_SESSION_SECONDS;
        private Tagging tagging;
        private List<String> regions;
        private String boundaryPolicyName;
        private StatefulProtection protection;
        private List<String> imagePushRepositories = List.of();

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder githubRepository(String value) { this.githubRepository = value; return this; }
        public Builder githubEnvironment(String value) { this.githubEnvironment = value; return this; }
        public Builder deploySubjects(List<String> value) { this.deploySubjects = value; return this; }
        public Builder previewSubjects(List<String> value) { this.previewSubjects = value; return this; }
        public Builder existingOidcProviderArn(Optional<String> value) { this.existingOidcProviderArn = value; return this; }
        public Builder existingOidcProviderArn(String value) { this.existingOidcProviderArn = Optional.of(value); return this; }
        public Builder deployRoleName(String value) { this.deployRoleName = value; return this; }
        public Builder previewRoleName(String value) { this.previewRoleName = value; return this; }
        public Builder deployPolicyArns(List<String> value) { this.deployPolicyArns = value; return this; }
        public Builder previewPolicyArns(List<String> value) { this.previewPolicyArns = value; return this; }
        public Builder deploySessionSeconds(int value) { this.deploySessionSeconds = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder regions(List<String> value) { this.regions = value; return this; }
        public Builder boundaryPolicyName(String value) { this.boundaryPolicyName = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }
        /** ECR repositories (names, in the CI region) the deploy role may push images to; default none. */
        public Builder imagePushRepositories(List<String> value) { this.imagePushRepositories = value; return this; }

        public CiAccessArgs build() {
            return new CiAccessArgs(
                    Required.of(region, "CiAccessArgs.region"),
                    Required.of(githubRepository, "CiAccessArgs.githubRepository"),
                    Required.of(githubEnvironment, "CiAccessArgs.githubEnvironment"),
                    Required.of(deploySubjects, "CiAccessArgs.deploySubjects"),
                    Required.of(previewSubjects, "CiAccessArgs.previewSubjects"),
                    existingOidcProviderArn,
                    Required.of(deployRoleName, "CiAccessArgs.deployRoleName"),
                    Required.of(previewRoleName, "CiAccessArgs.previewRoleName"),
                    Required.of(deployPolicyArns, "CiAccessArgs.deployPolicyArns"),
                    Required.of(previewPolicyArns, "CiAccessArgs.previewPolicyArns"),
                    Required.of(deploySessionSeconds, "CiAccessArgs.deploySessionSeconds"),
                    Required.of(regions, "CiAccessArgs.regions"),
                    Required.of(boundaryPolicyName, "CiAccessArgs.boundaryPolicyName"),
                    Required.of(tagging, "CiAccessArgs.tagging"),
                    Required.of(protection, "CiAccessArgs.protection"),
                    imagePushRepositories);
        }
    }
}
