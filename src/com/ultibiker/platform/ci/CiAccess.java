package com.ultibiker.platform.ci;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.common.Naming;

import java.util.List;
import java.util.Map;

/**
 * What GitHub Actions needs to reach this stack's AWS account without long-lived keys: the
 * account's GitHub OIDC provider (created, or an existing one from config since an account holds
 * only one), a deploy role that only jobs of this repository running in this stack's GitHub
 * environment can assume (the environment carries the approval gate for prod), and a read-only
 * preview role for pull-request previews and scheduled drift detection.
 *
 * <p>Children: {@code <name>-oidc-provider}, {@code <name>-deploy-role}, {@code <name>-preview-role}
 * and one {@code <name>-<purpose>-role-<policy name>} attachment per managed policy.
 */
public final class CiAccess extends ComponentResource {

    public static final String TYPE = "ultibiker:ci:CiAccess";

    private final Output<String> oidcProviderArn;
    private final Output<String> deployRoleArn;
    private final Output<String> previewRoleArn;

    public CiAccess(String name, CiAccessArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var region = args.region();
        var tagging = args.tagging();

        if (args.existingOidcProviderArn().isPresent()) {
            this.oidcProviderArn = Output.of(args.existingOidcProviderArn().get());
        } else {
            String providerName = Naming.child(name, "oidc-provider");
            var provider = new OpenIdConnectProvider(providerName, OpenIdConnectProviderArgs.builder()
                    .url(GitHubTrust.ISSUER_URL)
                    .clientIdLists(GitHubTrust.AUDIENCE)
                    // No thumbprints: IAM validates GitHub's certificate against its own trusted CAs.
                    .tags(tagging.tags(providerName))
                    .build(), region.child(this));
            this.oidcProviderArn = provider.arn();
        }

        this.deployRoleArn = role(name, "deploy", args.deployRoleName(),
                "Deploys " + args.githubRepository() + " from GitHub environment " + args.githubEnvironment(),
                args.deploySubjects(),
                args.deployPolicyArns(), args.deploySessionSeconds(), args);
        this.previewRoleArn = role(name, "preview", args.previewRoleName(),
                "Read-only previews and drift detection of " + args.githubRepository(),
                args.previewSubjects(),
                args.previewPolicyArns(), CiAccessArgs.PREVIEW_SESSION_SECONDS, args);

        registerOutputs(Map.of(
                "oidcProviderArn", oidcProviderArn,
                "deployRoleArn", deployRoleArn,
                "previewRoleArn", previewRoleArn));
    }

    private Output<String> role(String name, String purpose, String physicalName, String description,
                                List<String> subjects, List<String> policyArns, int sessionSeconds, CiAccessArgs args) {
        String roleName = Naming.child(name, purpose + "-role");
        var role = new Role(roleName, RoleArgs.builder()
                .name(physicalName)
                .description(description)
                .assumeRolePolicy(oidcProviderArn.applyValue(arn -> GitHubTrust.trustPolicy(arn, subjects)))
                .maxSessionDuration(sessionSeconds)
                .tags(args.tagging().tags(physicalName, Map.of("GitHubRepository", args.githubRepository())))
                .build(), args.region().child(this));
        for (String policyArn : policyArns) {
            new RolePolicyAttachment(Naming.child(roleName, policyName(policyArn)), RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policyArn)
                    .build(), args.region().child(this));
        }
        return role.arn();
    }

    /** The attachment's name part: the policy's path and name, e.g. {@code AdministratorAccess}; stable when others are added. */
    static String policyName(String policyArn) {
        return Naming.policySlug(policyArn);
    }

    /** ARN of the account's GitHub OIDC provider (created here or the configured one). */
    public Output<String> oidcProviderArn() {
        return oidcProviderArn;
    }

    /** The role the deploy workflow assumes in this stack's GitHub environment. */
    public Output<String> deployRoleArn() {
        return deployRoleArn;
    }

    /** The read-only role for pull-request previews and drift detection. */
    public Output<String> previewRoleArn() {
        return previewRoleArn;
    }
}
