package com.ultibiker.platform.common;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

/**
 * One AWS region of the stack and the explicit provider every resource in it is created through.
 *
 * @param accountId the deploying account (from {@code getCallerIdentity}), for policies and ARNs
 * @param partition the AWS partition, e.g. {@code aws}
 */
public record AwsRegion(String name, Provider provider, Output<String> accountId, Output<String> partition) {

    /** Options for a child of {@code parent} in this region. */
    public CustomResourceOptions.Builder childOf(Resource parent) {
        return CustomResourceOptions.builder().parent(parent).provider(provider);
    }

    public CustomResourceOptions child(Resource parent) {
        return childOf(parent).build();
    }

    public InvokeOptions invokeOptions() {
        return InvokeOptions.builder().provider(provider).build();
    }
}
