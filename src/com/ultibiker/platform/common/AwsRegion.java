package com.ultibiker.platform.common;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.model.Required;

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

    /** Built by name: the account id and the partition are both {@code Output<String>}. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;
        private Provider provider;
        private Output<String> accountId;
        private Output<String> partition;

        private Builder() {
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder provider(Provider value) {
            this.provider = value;
            return this;
        }

        public Builder accountId(Output<String> value) {
            this.accountId = value;
            return this;
        }

        public Builder partition(Output<String> value) {
            this.partition = value;
            return this;
        }

        public AwsRegion build() {
            return new AwsRegion(Required.of(name, "AwsRegion.name"), Required.of(provider, "AwsRegion.provider"),
                    Required.of(accountId, "AwsRegion.accountId"), Required.of(partition, "AwsRegion.partition"));
        }
    }
}
