package com.ultibiker.platform.ci;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import com.ultibiker.platform.common.Naming;

import java.util.Map;
import java.util.Optional;

/**
 * The stack's permissions boundary ({@code <project>-<env>-permissions-boundary}): a managed policy every
 * IAM role the program creates carries, so that no role, the CI deploy role included, can exceed the
 * platform's services, create a role without it, remove or edit it, create users or keys, or change the
 * CI roles ({@link CiPolicies#boundaryDocument()}). {@link #componentOptions()} gives the top-level
 * components a transformation that sets it on each {@code aws:iam/role:Role} they register, so a new
 * role cannot forget it (plan-wide rule: PermissionsBoundaryTest).
 *
 * <p>Children: {@code <name>-policy}.
 */
public final class PermissionsBoundary extends ComponentResource {

    public static final String TYPE = "ultibiker:ci:PermissionsBoundary";

    private final Output<String> arn;
    private final String policyName;

    public PermissionsBoundary(String name, PermissionsBoundaryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var naming = Naming.of(args.tagging());
        this.policyName = physicalName(naming);
        var region = args.region();
        CiPolicies policies = new CiPolicies(ActionTable.load(), scope(args, naming, policyName));
        String document = policies.boundaryDocument();
        String resourceName = Naming.child(name, "policy");
        var policy = new Policy(resourceName, PolicyArgs.builder()
                .name(policyName)
                .description("Permissions boundary of every IAM role of " + naming.prefix())
                .policy(Output.tuple(region.partition(), region.accountId())
                        .applyValue(t -> CiPolicies.resolve(document, t.t1, t.t2)))
                .tags(args.tagging().tags(resourceName))
                .build(), args.protection().options(region.childOf(this)).build());
        this.arn = policy.arn();
        registerOutputs(Map.of("arn", arn));
    }

    /** {@code <project>-<env>-permissions-boundary}. */
    public static String physicalName(Naming naming) {
        return naming.physical("permissions-boundary");
    }

    /** The scope the stack's CI policies and this boundary are generated for, with the partition and account stand-ins. */
    static CiPolicies.Scope scope(PermissionsBoundaryArgs args, Naming naming, String policyName) {
        return CiPolicies.Scope.builder()
                .partition(CiPolicies.PARTITION)
                .accountId(CiPolicies.ACCOUNT)
                .project(naming.project())
                .environment(naming.environment())
                .regions(args.regions())
                .boundaryArn("arn:" + CiPolicies.PARTITION + ":iam::" + CiPolicies.ACCOUNT + ":policy/" + policyName)
                .ciNamePrefix(args.ciNamePrefix())
                .secretPrefix(naming.path() + "/")
                .build();
    }

    /** ARN of the boundary policy. */
    public Output<String> arn() {
        return arn;
    }

    /** Physical name of the boundary policy. */
    public String policyName() {
        return policyName;
    }

    /** Options for a top-level component: every IAM role registered below it carries this boundary. */
    public ComponentResourceOptions componentOptions() {
        return componentOptions(ComponentResourceOptions.builder());
    }

    /** {@code builder} with the transformation that sets this boundary on every role below the component. */
    public ComponentResourceOptions componentOptions(ComponentResourceOptions.Builder builder) {
        return builder.resourceTransformations(transformation()).build();
    }

    private ResourceTransformation transformation() {
        return args -> args.args() instanceof RoleArgs role
                ? Optional.of(new ResourceTransformation.Result(
                        new RoleArgs.Builder(role).permissionsBoundary(arn).build(), args.options()))
                : Optional.empty();
    }
}
