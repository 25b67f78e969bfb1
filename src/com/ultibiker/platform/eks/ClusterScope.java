package com.ultibiker.platform.eks;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where every child of one {@link EksCluster} goes, whichever part of the cluster creates it
 * ({@link ControlPlane}, {@link ClusterAccessEntries}, {@link ClusterAddons}, {@link NodePools},
 * {@link ClusterBaseline}): parented to the component itself (the parts are plain classes, not
 * components, so no URN gains a parent type), named {@code <component>-<role>}, AWS resources through
 * the region's provider.
 */
final class ClusterScope {

    private final EksCluster component;
    private final String name;
    private final AwsRegion region;
    private final Tagging tagging;
    private final StatefulProtection protection;

    private ClusterScope(EksCluster component, String name, EksClusterArgs args) {
        this.component = component;
        this.name = name;
        this.region = args.region();
        this.tagging = args.tagging();
        this.protection = args.protection();
    }

    static ClusterScope of(EksCluster component, String name, EksClusterArgs args) {
        return new ClusterScope(component, name, args);
    }

    /** The component's resource name, e.g. {@code eks-us-east-1}. */
    String name() {
        return name;
    }

    /** A child's resource name: {@code <component>-<role>}. */
    String child(String role) {
        return Naming.child(name, role);
    }

    Resource parent() {
        return component;
    }

    AwsRegion region() {
        return region;
    }

    Tagging tagging() {
        return tagging;
    }

    StatefulProtection protection() {
        return protection;
    }

    /** Options of an AWS child: parent and the region's provider. */
    CustomResourceOptions aws() {
        return region.child(component);
    }

    /** {@link #aws()} to add to (dependsOn, protect, ignoreChanges). */
    CustomResourceOptions.Builder awsBuilder() {
        return region.childOf(component);
    }

    /** Options of a Kubernetes child created through {@code provider}. */
    CustomResourceOptions kubernetes(Provider provider, List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(component).provider(provider).dependsOn(dependsOn).build();
    }

    /** One attachment per AWS managed policy, named {@code <role name>-<policy, lower case>}. */
    List<Resource> attachManaged(Role role, String roleName, List<String> policies) {
        List<Resource> attachments = new ArrayList<>();
        for (String policy : policies) {
            attachments.add(new RolePolicyAttachment(roleName + "-" + policy.toLowerCase(Locale.ROOT).replace('_', '-'),
                    RolePolicyAttachmentArgs.builder()
                            .role(role.name())
                            .policyArn(region.partition().applyValue(p -> IamPolicies.managedPolicyArn(p, policy)))
                            .build(), aws()));
        }
        return attachments;
    }

    static List<Resource> concat(List<? extends Resource> a, List<? extends Resource> b) {
        List<Resource> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
