package com.ultibiker.platform.ci;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.CiConfig;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link CiAccess}.
 *
 * @param region                  the primary region; IAM is global, its provider is used for the account
 * @param githubRepository        {@code owner/name} whose workflows may assume the roles
 * @param githubEnvironment       the GitHub environment of this stack's deploy job (e.g. {@code production})
 * @param defaultBranch           branch whose jobs without environment may assume the preview role
 * @param existingOidcProviderArn the account's GitHub OIDC provider when it already exists; absent: created
 * @param deployRoleName          physical name of the deploy role (stable, so its ARN can be set in GitHub)
 * @param previewRoleName         physical name of the read-only preview role
 * @param deployPolicyArns        managed policies of the deploy role
 * @param previewPolicyArns       managed policies of the preview role
 * @param deploySessionSeconds    maximum session of the deploy role; default 4 h ({@link #DEFAULT_DEPLOY_SESSION_SECONDS}):
 *                                a first prod {@code pulumi up} (EKS, Multi-AZ RDS, replicas) outlasts the 1 h default
 */
public record CiAccessArgs(
        AwsRegion region,
        String githubRepository,
        String githubEnvironment,
        String defaultBranch,
        Optional<String> existingOidcProviderArn,
        String deployRoleName,
        String previewRoleName,
        List<String> deployPolicyArns,
        List<String> previewPolicyArns,
        int deploySessionSeconds,
        Tagging tagging) {

    public static final int DEFAULT_DEPLOY_SESSION_SECONDS = 4 * 3600;
    public static final int PREVIEW_SESSION_SECONDS = 3600;

    public CiAccessArgs {
        deployPolicyArns = List.copyOf(deployPolicyArns);
        previewPolicyArns = List.copyOf(previewPolicyArns);
        if (deploySessionSeconds < 3600 || deploySessionSeconds > 43200) {
            throw new IllegalArgumentException("deploySessionSeconds " + deploySessionSeconds + ": allowed 3600 to 43200 (IAM limits)");
        }
    }

    /** Args for a stack from its validated {@code ci} section; role names {@code <project>-<env>-github-deploy|preview}. */
    public static CiAccessArgs from(CiConfig ci, String project, String environment, AwsRegion region, Tagging tagging) {
        return new CiAccessArgs(region, ci.githubRepository(), ci.githubEnvironment(), ci.defaultBranch(),
                ci.oidcProviderArn(),
                Naming.physical(project, environment, "github-deploy"),
                Naming.physical(project, environment, "github-preview"),
                ci.deployPolicyArns(), ci.previewPolicyArns(), DEFAULT_DEPLOY_SESSION_SECONDS, tagging);
    }
}
