package com.ultibiker.platform.ci;

import com.pulumi.aws.iam.OpenIdConnectProvider;
import com.pulumi.aws.iam.OpenIdConnectProviderArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.storage.ContainerRegistry;
import com.ultibiker.platform.storage.StoragePolicies;

import java.util.List;
import java.util.Map;

/**
 * What GitHub Actions needs to reach this stack's AWS account without long-lived keys: the account's
 * GitHub OIDC provider (created, or an existing one from config since an account holds only one) and
 * two roles, each with policies generated from the action table ({@link CiPolicies}, docs/ci-permissions.md):
 * <ul>
 *   <li>deploy: only jobs of this repository running in this stack's GitHub environment (which carries the
 *       approval gate for prod); what {@code pulumi up} calls, no more;</li>
 *   <li>preview: control-plane reads only when pull requests may assume it; with a preview environment that
 *       gates it, also the values of this stack's secrets, which a refresh of their versions reads.</li>
 * </ul>
 * Every role carries the stack's permissions boundary (set by the {@link PermissionsBoundary} transformation
 * the component is created with), which also denies any change to these roles, their policies and the
 * provider: CI cannot widen its own trust or lock itself out; an administrator applies changes to them.
 * In production the provider and the roles are protected and retained on delete.
 *
 * <p>Children: {@code <name>-oidc-provider}, {@code <name>-<purpose>-role}, {@code <name>-<purpose>-policy-<n>}
 * and one {@code <name>-<purpose>-role-<policy name>} attachment per policy.
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
                    .build(), kept(args));
            this.oidcProviderArn = provider.arn();
        }

        var policies = new CiPolicies(ActionTable.load(), scope(args));
        this.deployRoleArn = role(name, "deploy", args.deployRoleName(),
                "Deploys " + args.githubRepository() + " from GitHub environment " + args.githubEnvironment(),
                args.deploySubjects(),
                policies.deployDocuments(), args.deployPolicyArns(), args.deploySessionSeconds(), args);
        if (!args.imagePushRepositories().isEmpty()) {
            imagePush(name, args);
        }
        // A preview role no pull request can assume (gated by a preview environment) also refreshes content:
        // the secret versions' values; one that pull requests can assume reads none (docs/ci-permissions.md).
        this.previewRoleArn = role(name, "preview", args.previewRoleName(),
                (args.previewGated() ? "Previews and drift detection of " : "Control-plane reads for previews of ") + args.githubRepository(),
                args.previewSubjects(),
                args.previewGated() ? policies.driftDocuments() : policies.previewDocuments(), args.previewPolicyArns(),
                CiAccessArgs.PREVIEW_SESSION_SECONDS, args);

        registerOutputs(Map.of(
                "oidcProviderArn", oidcProviderArn,
                "deployRoleArn", deployRoleArn,
                "previewRoleArn", previewRoleArn));
    }

    /** The scope of the generated policies, with the partition and account stand-ins resolved at deploy time. */
    static CiPolicies.Scope scope(CiAccessArgs args) {
        return CiPolicies.Scope.builder()
                .partition(CiPolicies.PARTITION)
                .accountId(CiPolicies.ACCOUNT)
                .project(args.naming().project())
                .environment(args.naming().environment())
                .regions(args.regions())
                .boundaryArn("arn:" + CiPolicies.PARTITION + ":iam::" + CiPolicies.ACCOUNT + ":policy/" + args.boundaryPolicyName())
                .ciNamePrefix(CiAccessArgs.namePrefix(args.naming()))
                .secretPrefix(args.naming().path() + "/")
                .build();
    }

    /** Protected and retained on delete in production: a CI role or provider lost is a pipeline locked out. */
    private CustomResourceOptions kept(CiAccessArgs args) {
        return args.protection().options(args.region().childOf(this)).retainOnDelete(args.protection().production()).build();
    }

    private Output<String> role(String name, String purpose, String physicalName, String description, List<String> subjects,
                                List<String> documents, List<String> extraPolicyArns, int sessionSeconds, CiAccessArgs args) {
        String roleName = Naming.child(name, purpose + "-role");
        var role = new Role(roleName, RoleArgs.builder()
                .name(physicalName)
                .description(description)
                .assumeRolePolicy(oidcProviderArn.applyValue(arn -> GitHubTrust.trustPolicy(arn, subjects)))
                .maxSessionDuration(sessionSeconds)
                .tags(args.tagging().tags(physicalName, Map.of("GitHubRepository", args.githubRepository())))
                .build(), kept(args));
        var region = args.region();
        for (int i = 0; i < documents.size(); i++) {
            String document = documents.get(i);
            String policyResource = Naming.child(name, purpose + "-policy-" + (i + 1));
            var policy = new Policy(policyResource, PolicyArgs.builder()
                    .name(physicalName + "-" + (i + 1))
                    .description("Generated from resources/ci/aws-actions.json (" + purpose + ", part " + (i + 1) + " of "
                            + documents.size() + ")")
                    .policy(Output.tuple(region.partition(), region.accountId())
                            .applyValue(t -> CiPolicies.resolve(document, t.t1, t.t2)))
                    .tags(args.tagging().tags(policyResource))
                    .build(), region.child(this));
            new RolePolicyAttachment(Naming.child(roleName, "policy-" + (i + 1)), RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policy.arn())
                    .build(), region.child(this));
        }
        for (String policyArn : extraPolicyArns) {
            new RolePolicyAttachment(Naming.child(roleName, policyName(policyArn)), RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policyArn)
                    .build(), region.child(this));
        }
        return role.arn();
    }

    /**
     * The deploy role may push images to exactly the platform's repositories (issue 19.3): a managed policy of
     * its own, named with the CI prefix like the generated ones (so, like them, changed by an administrator).
     */
    private void imagePush(String name, CiAccessArgs args) {
        var region = args.region();
        String policyResource = Naming.child(name, "deploy-image-push");
        var policy = new Policy(policyResource, PolicyArgs.builder()
                .name(args.deployRoleName() + "-image-push")
                .description("Pushes images to the platform's ECR repositories")
                .policy(ContainerRegistry.primaryRepositoryArns(region, args.imagePushRepositories())
                        .applyValue(arns -> PolicyDocument.of(StoragePolicies.imagePushStatements(arns)).toCompactJson()))
                .tags(args.tagging().tags(policyResource))
                .build(), region.child(this));
        new RolePolicyAttachment(Naming.child(policyResource, "attachment"), RolePolicyAttachmentArgs.builder()
                // The role's name, through its ARN: the attachment waits for the role.
                .role(deployRoleArn.applyValue(arn -> args.deployRoleName()))
                .policyArn(policy.arn())
                .build(), region.child(this));
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

    /** The control-plane read role for pull-request previews and the approver's preview. */
    public Output<String> previewRoleArn() {
        return previewRoleArn;
    }

}
