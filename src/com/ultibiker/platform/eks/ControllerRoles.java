package com.ultibiker.platform.eks;

import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.tagging.Tagging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One IAM role per {@link Controller}, trusted by EKS Pod Identity for every cluster of the stack, with
 * the controller's policy attached. IAM is global: the first cluster creates the roles and the others
 * share them (each adds only what is regional, such as use of its own EBS key).
 */
public final class ControllerRoles {

    private final Map<Controller, Role> roles;

    private ControllerRoles(Map<Controller, Role> roles) {
        this.roles = Map.copyOf(roles);
    }

    static ControllerRoles create(String prefix, Resource parent, AwsRegion region, Tagging tagging,
                                  Map<String, String> platformClusters) {
        Map<Controller, Role> roles = new EnumMap<>(Controller.class);
        List<String> clusterNames = platformClusters.values().stream().sorted().toList();
        for (Controller controller : Controller.values()) {
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
        return new ControllerRoles(roles);
    }

    public Role role(Controller controller) {
        return roles.get(controller);
    }

    public Output<String> roleArn(Controller controller) {
        return roles.get(controller).arn();
    }
}
