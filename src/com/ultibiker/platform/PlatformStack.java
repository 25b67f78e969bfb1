package com.ultibiker.platform;

import com.pulumi.Context;
import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.config.PulumiConfigSource;
import com.ultibiker.platform.config.StackConfig;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.network.Ipv4Cidr;
import com.ultibiker.platform.network.Network;
import com.ultibiker.platform.network.NetworkArgs;
import com.ultibiker.platform.tagging.Tagging;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stack: reads and validates the configuration (nothing is registered if it is invalid), then
 * composes the components for every region of the stack. {@code pulumi up} runs it through
 * {@link App}; the offline plan and the tests run the same function against a mock engine.
 */
public final class PlatformStack {

    private PlatformStack() {
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfigParser.parse(ctx.projectName(), PulumiConfigSource.read(ctx));
        compose(ctx, config);
    }

    static void compose(Context ctx, StackConfig config) {
        var tagging = Tagging.from(config);
        var protection = new StatefulProtection(config.production());

        Map<String, AwsRegion> regions = new LinkedHashMap<>();
        for (String region : config.regionList()) {
            regions.put(region, awsRegion(region, tagging));
        }

        Map<String, Network> networks = new LinkedHashMap<>();
        for (AwsRegion region : regions.values()) {
            var network = new Network("network-" + region.name(), new NetworkArgs(
                    region,
                    Ipv4Cidr.of(config.network().cidrFor(region.name())),
                    config.network().availabilityZones(),
                    config.network().natGateways(),
                    config.network().interfaceEndpoints(),
                    config.logRetentionDays(),
                    clusterName(config, region.name()),
                    tagging,
                    protection), ComponentResourceOptions.builder().build());
            networks.put(region.name(), network);
        }

        ctx.export("environment", Output.of(config.environment()));
        ctx.export("regions", Output.of(config.regionList()));
        networks.forEach((region, network) -> {
            ctx.export("vpcId." + region, network.vpcId());
            ctx.export("privateSubnetIds." + region, network.privateSubnetIds());
            ctx.export("publicSubnetIds." + region, network.publicSubnetIds());
            ctx.export("databaseSubnetIds." + region, network.databaseSubnetIds());
        });
    }

    /** Physical EKS cluster name for a region; the network tags its subnets for it. */
    public static String clusterName(StackConfig config, String region) {
        return config.tags().project() + "-" + config.environment() + "-" + region;
    }

    private static AwsRegion awsRegion(String region, Tagging tagging) {
        var provider = new Provider("aws-" + region, ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tagging.providerDefaults()).build())
                .build(), CustomResourceOptions.builder().build());
        var invoke = com.pulumi.deployment.InvokeOptions.builder().provider(provider).build();
        Output<String> account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
                .applyValue(r -> r.accountId());
        Output<String> partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke)
                .applyValue(r -> r.partition());
        return new AwsRegion(region, provider, account, partition);
    }
}
