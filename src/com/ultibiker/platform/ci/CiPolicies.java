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
            "eks.amazonaws.com", "monitoring.rds.amazonaws.com", "pods.eks.amazonaws.com", "vpc-flow-logs.amazonaws.com");

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
    /** Role changes IAM authorizes with the {@code iam:PermissionsBoundary} condition key (IAM User Guide, condition keys). */
    static final List<String> BOUNDARY_CONDITIONED = List.of("iam:AttachRolePolicy", "iam:CreateRole", "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy", "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy");
    /** Role changes limited to roles tagged with this stack's Project and Environment. */
    static final List<String> OWN_ROLE_CHANGES = List.of("iam:DeleteRole", "iam:ListInstanceProfilesForRole", "iam:UntagRole",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateRole", "iam:UpdateRoleDescription");
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
        Set<String> all = table.deployActions();
        Set<String> special = new TreeSet<>(BOUNDARY_CONDITIONED);
        special.addAll(OWN_ROLE_CHANGES);
        special.add("iam:PassRole");
        special.add("iam:CreateServiceLinkedRole");
        List<String> regional = sorted(all, a -> !GLOBAL_SERVICES.contains(service(a)) && !special.contains(a));
        List<String> global = sorted(all, a -> GLOBAL_SERVICES.contains(service(a)) && !special.contains(a));
        String roles = scope.iamArn("role/*");
        List<Statement> statements = new ArrayList<>();
        statements.add(statement(Statement.allow(), "RegionalServicesInTheStacksRegions", regional, List.of("*"))
                .condition("StringEquals", "aws:RequestedRegion", scope.regions()).build());
        statements.add(statement(Statement.allow(), "GlobalServices", global, List.of("*")).build());
        statements.add(statement(Statement.allow(), "RoleRightsOnlyWithTheBoundary", sorted(all, BOUNDARY_CONDITIONED::contains), List.of(roles))
                .condition("StringEquals", "iam:PermissionsBoundary", scope.boundaryArn()).build());
        statements.add(statement(Statement.allow(), "OnlyThisStacksRoles", sorted(all, OWN_ROLE_CHANGES::contains), List.of(roles))
                .condition("StringEquals", "aws:ResourceTag/Project", scope.project())
                .condition("StringEquals", "aws:ResourceTag/Environment", scope.environment()).build());
        statements.add(statement(Statement.allow(), "PassThisStacksRolesToTheirServices", List.of("iam:PassRole"), List.of(roles))
                .condition("StringEquals", "iam:PassedToService", ROLE_TAKING_SERVICES)
                .condition("StringEquals", "iam:ResourceTag/Environment", scope.environment()).build());
        statements.add(statement(Statement.allow(), "ServiceLinkedRoles", List.of("iam:CreateServiceLinkedRole"),
                List.of(scope.iamArn("role/aws-service-role/*"))).build());
        return fit(statements);
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
