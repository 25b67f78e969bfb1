package com.ultibiker.platform.eks;

import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.iam.ServiceLinkedRole;
import com.pulumi.aws.iam.ServiceLinkedRoleArgs;
import com.pulumi.aws.iam.inputs.GetRoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.ServiceLinkedRoleMode;
import com.ultibiker.platform.tagging.Tagging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One IAM role per {@link Controller}, trusted by EKS Pod Identity for every cluster of the stack, with
 * the controller's policy attached. IAM is global: the first cluster creates the roles and the others
 * share them (each adds only what is regional, such as use of its own EBS key). The same goes for the
 * account's EC2 Auto Scaling service-linked role, which every cluster's EBS key policy names.
 */
public final class ControllerRoles {

    private final Map<Controller, Role> roles;
    private final Output<String> autoscalingRoleArn;
    private final List<Resource> autoscalingRole;

    private ControllerRoles(Map<Controller, Role> roles, Output<String> autoscalingRoleArn, List<Resource> autoscalingRole) {
        this.roles = Map.copyOf(roles);
        this.autoscalingRoleArn = autoscalingRoleArn;
        this.autoscalingRole = List.copyOf(autoscalingRole);
    }

    /** Created by the stack's first cluster ({@code scope}): named after it and parented to it. */
    static ControllerRoles create(ClusterScope scope, Map<String, String> platformClusters,
                                  ServiceLinkedRoleMode autoscalingRoleMode, boolean containerLogs) {
        String prefix = scope.name();
        Resource parent = scope.parent();
        AwsRegion region = scope.region();
        Tagging tagging = scope.tagging();
        Map<Controller, Role> roles = new EnumMap<>(Controller.class);
        List<String> clusterNames = platformClusters.values().stream().sorted().toList();
        for (Controller controller : Controller.values()) {
            if (controller == Controller.CLOUDWATCH_AGENT && !containerLogs) {
                continue;
            }
            String roleName = Naming.child(prefix, controller.role() + "-role");
            var role = new Role(roleName, RoleArgs.builder()
                    .description("EKS Pod Identity role of " + controller.namespace() + "/" + controller.serviceAccount()
                            + " in " + String.join(", ", clusterNames))
                    .assumeRolePolicy(region.accountId().applyValue(account ->
                            IamPolicies.podIdentityTrust(account, clusterNames, controller).toJson()))
                    .tags(tagging.tags(roleName))
                    .build(), region.child(parent));
            Output<String> document = switch (controller) {
                case CLUSTER_AUTOSCALER -> Output.tuple(region.partition(), region.accountId()).applyValue(t ->
                        IamPolicies.clusterAutoscaler(t.t1, t.t2, platformClusters).toJson());
                case LOAD_BALANCER_CONTROLLER -> region.partition().applyValue(p -> IamPolicies.loadBalancerController(p).toJson());
                case EBS_CSI_DRIVER -> region.partition().applyValue(p -> IamPolicies.ebsCsiDriver(p).toJson());
                case CLOUDWATCH_AGENT -> Output.tuple(region.partition(), region.accountId()).applyValue(t ->
                        ContainerLogs.agentPolicy(t.t1, t.t2, platformClusters).toJson());
            };
            String policyName = Naming.child(prefix, controller.role() + "-policy");
            var policy = new Policy(policyName, PolicyArgs.builder()
                    .description("Least privilege of " + controller.role() + " (its documented policy)")
                    .policy(document)
                    .tags(tagging.tags(policyName))
                    .build(), region.child(parent));
            new RolePolicyAttachment(roleName + "-policy", RolePolicyAttachmentArgs.builder()
                    .role(role.name())
                    .policyArn(policy.arn())
                    .build(), region.child(parent));
            roles.put(controller, role);
        }
        return switch (autoscalingRoleMode) {
            case CREATE -> {
                // KMS refuses a key policy naming a principal that does not exist (MalformedPolicyDocumentException),
                // and AWS creates this role only with the account's first Auto Scaling group, i.e. after the key.
                // Kept on destroy: other Auto Scaling groups of the account use it, and IAM refuses to delete it
                // while they do.
                String slrName = Naming.child(prefix, "autoscaling-service-role");
                var slr = new ServiceLinkedRole(slrName, ServiceLinkedRoleArgs.builder()
                        .awsServiceName(IamPolicies.AUTOSCALING_SERVICE)
                        .description("EC2 Auto Scaling service-linked role; the EBS keys of the EKS node groups grant it")
                        .tags(tagging.tags(slrName))
                        .build(), region.childOf(parent).retainOnDelete(true).build());
                yield new ControllerRoles(roles, Output.tuple(region.partition(), region.accountId())
                        .applyValue(t -> IamPolicies.autoscalingServiceRoleArn(t.t1, t.t2)), List.of(slr));
            }
            // Read, so that a missing role fails the preview with IAM's NoSuchEntity naming it, before any key exists.
            case EXISTING -> new ControllerRoles(roles, IamFunctions.getRole(GetRoleArgs.builder()
                    .name(IamPolicies.AUTOSCALING_SERVICE_ROLE).build(), region.invokeOptions()).applyValue(r -> r.arn()),
                    List.of());
        };
    }

    /** ARN of the account's EC2 Auto Scaling service-linked role. */
    public Output<String> autoscalingRoleArn() {
        return autoscalingRoleArn;
    }

    /** What a key naming {@link #autoscalingRoleArn()} must wait for: the role when this stack creates it. */
    public List<Resource> autoscalingRole() {
        return autoscalingRole;
    }

    /** The controllers that have a role: every one, but the CloudWatch agent only with container logs on. */
    public java.util.Set<Controller> controllers() {
        return java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(roles.keySet()));
    }

    public Role role(Controller controller) {
        return roles.get(controller);
    }

    public Output<String> roleArn(Controller controller) {
        return roles.get(controller).arn();
    }
}
