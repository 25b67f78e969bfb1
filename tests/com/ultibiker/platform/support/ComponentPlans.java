package com.ultibiker.platform.support;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.config.PulumiConfigSource;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.config.StackFile;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.observability.Observability;
import com.ultibiker.platform.observability.ObservabilityArgs;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.tagging.Tagging;
import com.ultibiker.platform.timeseries.TimeSeries;
import com.ultibiker.platform.timeseries.TimeSeriesArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans of the TimeSeries and Observability components built from a stack's configuration by a small
 * test program, with real AWS and Kubernetes providers and fixed ids standing in for what other
 * components (network, EKS, data stores) would pass. Memoized per stack like {@link StackPlans}.
 */
public final class ComponentPlans {

    public static final String NODE_SECURITY_GROUP = "sg-eks-nodes";
    /** Database subnets by AZ, listed out of order: Timestream picks the first two by AZ name. */
    public static final Map<String, String> DATABASE_SUBNETS = Map.of(
            "us-east-1c", "subnet-db-c", "us-east-1a", "subnet-db-a", "us-east-1b", "subnet-db-b");
    public static final String HEALTH_CHECK_ID = "hc-api-primary";

    private ComponentPlans() {
    }

    private static final class Dev {
        static final Plan PLAN = run(StackPlans.stackFile("dev"));
    }

    private static final class Prod {
        static final Plan PLAN = run(StackPlans.stackFile("prod"));
    }

    public static Plan dev() {
        return Dev.PLAN;
    }

    public static Plan prod() {
        return Prod.PLAN;
    }

    public static Plan run(StackFile stackFile) {
        return PlanRunner.run(stackFile, ComponentPlans::program);
    }

    public static Plan runWith(String stack, Map<String, String> overrides) {
        return run(StackPlans.withConfig(stack, overrides));
    }

    static void program(Context ctx) {
        StackConfig config = StackConfigParser.parse(ctx.projectName(), PulumiConfigSource.read(ctx));
        var tagging = Tagging.from(config);
        var protection = new StatefulProtection(config.production());
        String prefix = Naming.of(tagging).prefix();

        Map<String, AwsRegion> regions = new LinkedHashMap<>();
        for (String region : config.regionList()) {
            regions.put(region, PlatformStack.awsRegion(region, tagging));
        }
        regions.computeIfAbsent(ObservabilityArgs.HEALTH_CHECK_REGION, r -> PlatformStack.awsRegion(r, tagging));
        AwsRegion primary = regions.get(config.regions().primary());
        var k8s = new com.pulumi.kubernetes.Provider("k8s-" + primary.name(), ProviderArgs.builder()
                .kubeconfig("test-kubeconfig").build(), CustomResourceOptions.builder().build());

        var timeSeries = new TimeSeries("timeseries", new TimeSeriesArgs(primary, prefix + "-influxdb", config.timeseries(),
                new TimeSeriesArgs.Cluster(k8s, Output.of(config.eks().appNamespace().name()), TimeSeriesArgs.DEFAULT_STORAGE_CLASS,
                        NodePlacement.of(config.eks().nodePools(), config.timeseries().nodePool())),
                new TimeSeriesArgs.DatabaseSubnets(Output.of("vpc-primary"), Output.of(DATABASE_SUBNETS),
                        List.of(Output.of(NODE_SECURITY_GROUP))),
                config.logRetentionDays(), tagging, protection), ComponentResourceOptions.builder().build());

        List<ObservabilityArgs.DatabaseInstance> databases = new ArrayList<>();
        databases.add(new ObservabilityArgs.DatabaseInstance("primary", primary.name(), Output.of(prefix + "-postgres"), false));
        config.database().replicas().forEach(r -> databases.add(new ObservabilityArgs.DatabaseInstance(
                r.name(), r.region(), Output.of(prefix + "-postgres-" + r.name()), true)));
        List<ObservabilityArgs.CacheGroup> caches = new ArrayList<>();
        caches.add(new ObservabilityArgs.CacheGroup("primary", primary.name(), Output.of(prefix + "-redis"), config.cache().numNodes()));
        config.regions().secondary().ifPresent(secondary -> config.cache().standby().ifPresent(standby ->
                caches.add(new ObservabilityArgs.CacheGroup("standby", secondary, Output.of(prefix + "-redis"), standby.numNodes()))));

        var observability = new Observability("observability", new ObservabilityArgs(regions, prefix, config.observability(),
                config.logRetentionDays(),
                new ObservabilityArgs.Cluster(k8s, Output.of(PlatformStack.clusterName(config, primary.name())),
                        ObservabilityArgs.DEFAULT_STORAGE_CLASS, NodePlacement.of(config.eks().nodePools(), config.observability().nodePool()),
                        config.eks().appNamespace().name(), Optional.of(timeSeries.url())),
                databases, caches, tagging, protection), ComponentResourceOptions.builder().build());
        observability.alarmOnHealthCheck("api-primary", Output.of(HEALTH_CHECK_ID));

        ctx.export("timeseries.url", timeSeries.url());
        ctx.export("timeseries.credentialsSecretArn", timeSeries.credentialsSecretArn());
    }
}
