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
import com.ultibiker.platform.audit.Audit;
import com.ultibiker.platform.audit.AuditArgs;
import com.ultibiker.platform.assets.Assets;
import com.ultibiker.platform.assets.AssetsArgs;
import com.ultibiker.platform.assets.CloudFrontSettings;
import com.ultibiker.platform.backup.Backups;
import com.ultibiker.platform.backup.BackupsArgs;
import com.ultibiker.platform.ci.CiAccess;
import com.ultibiker.platform.ci.CiAccessArgs;
import com.ultibiker.platform.ci.CiRunners;
import com.ultibiker.platform.ci.CiRunnersArgs;
import com.ultibiker.platform.ci.PermissionsBoundary;
import com.ultibiker.platform.ci.PermissionsBoundaryArgs;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.NodePlacement;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.config.AuditAccountSharing;
import com.ultibiker.platform.config.CiAccountSharing;
import com.ultibiker.platform.config.Placeholders;
import com.ultibiker.platform.config.PulumiConfigSource;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.data.Cache;
import com.ultibiker.platform.data.CacheArgs;
import com.ultibiker.platform.data.DataPlacement;
import com.ultibiker.platform.data.Database;
import com.ultibiker.platform.data.DatabaseArgs;
import com.ultibiker.platform.data.DatabaseSettings;
import com.ultibiker.platform.dns.DnsFailover;
import com.ultibiker.platform.dns.DnsFailoverArgs;
import com.ultibiker.platform.dns.HostedZone;
import com.ultibiker.platform.dns.HostedZoneArgs;
import com.ultibiker.platform.dns.PublicHostnames;
import com.ultibiker.platform.edge.PublicEntryPoint;
import com.ultibiker.platform.edge.PublicEntryPointArgs;
import com.ultibiker.platform.edge.WebAcl;
import com.ultibiker.platform.edge.WebAclArgs;
import com.ultibiker.platform.eks.ClusterAccess;
import com.ultibiker.platform.eks.EksCluster;
import com.ultibiker.platform.eks.EksClusterArgs;
import com.ultibiker.platform.model.CacheConfig;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.network.Ipv4Cidr;
import com.ultibiker.platform.network.Network;
import com.ultibiker.platform.network.NetworkArgs;
import com.ultibiker.platform.observability.Observability;
import com.ultibiker.platform.observability.ObservabilityArgs;
import com.ultibiker.platform.recovery.RecoveryObjectives;
import com.ultibiker.platform.storage.ContainerRegistry;
import com.ultibiker.platform.storage.ContainerRegistryArgs;
import com.ultibiker.platform.storage.Uploads;
import com.ultibiker.platform.storage.UploadsArgs;
import com.ultibiker.platform.tagging.Tagging;
import com.ultibiker.platform.timeseries.TimeSeries;
import com.ultibiker.platform.timeseries.TimeSeriesArgs;
import com.ultibiker.platform.timeseries.TimeSeriesExport;
import com.ultibiker.platform.timeseries.TimeSeriesExportArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack: reads and validates the configuration (nothing is registered if it is invalid), then
 * composes the components for every region of the stack. {@code pulumi up} runs it through
 * {@link App}; the offline plan and the tests run the same function against a mock engine.
 */
public final class PlatformStack {

    private final Context ctx;
    private final StackConfig config;
    private final Tagging tagging;
    private final StatefulProtection protection;
    /** Every region of the stack, primary first, each with its own provider. */
    private final Map<String, AwsRegion> regions = new LinkedHashMap<>();
    /** Regions outside the stack's that a global service needs (us-east-1: health-check metrics, CloudFront), one provider each. */
    private final Map<String, AwsRegion> serviceRegions = new LinkedHashMap<>();
    private final String primary;
    /** The permissions boundary every IAM role of the stack carries (its components get {@link PermissionsBoundary#componentOptions()}). */
    private final PermissionsBoundary boundary;

    private PlatformStack(Context ctx, StackConfig config) {
        this.ctx = ctx;
        this.config = config;
        this.tagging = Tagging.from(config);
        this.protection = new StatefulProtection(config.production());
        config.regionList().forEach(region -> regions.put(region, awsRegion(region, tagging)));
        this.primary = config.regions().primary();
        this.boundary = new PermissionsBoundary("permissions-boundary", PermissionsBoundaryArgs.builder()
                .region(regions.get(primary))
                .regions(deployRegions(config))
                .ciNamePrefix(config.ci().enabled() ? CiAccessArgs.namePrefix(Naming.of(tagging)) : "")
                .tagging(tagging)
                .protection(protection)
                .build(), ComponentResourceOptions.builder().build());
    }

    /**
     * The regions the deploy role works in: the stack's, and us-east-1, where Route53 publishes the health-check
     * metrics its alarms watch ({@link ObservabilityArgs#HEALTH_CHECK_REGION}).
     */
    static List<String> deployRegions(StackConfig config) {
        java.util.Set<String> out = new java.util.TreeSet<>(config.regionList());
        out.add(ObservabilityArgs.HEALTH_CHECK_REGION);
        return List.copyOf(out);
    }

    public static void stack(Context ctx) {
        StackConfig config = StackConfigParser.parse(ctx.projectName(), PulumiConfigSource.read(ctx), ctx.config("aws").get("region"));
        compose(ctx, config);
    }

    /**
     * What {@code pulumi preview}/{@code up} runs ({@link App}): {@link #stack}, but a stack still holding the
     * project's example values ({@link Placeholders}) is refused with one message before anything is registered.
     */
    public static void deploy(Context ctx) {
        var raw = PulumiConfigSource.read(ctx);
        StackConfig config = StackConfigParser.parse(ctx.projectName(), raw, ctx.config("aws").get("region"));
        Placeholders.refuse(ctx.projectName(), raw);
        CiAccountSharing.refuse(ctx.projectName(), ctx.stackName(), config.ci(),
                CiAccountSharing.siblings(java.nio.file.Path.of(""), ctx.stackName()));
        AuditAccountSharing.refuse(ctx.projectName(), ctx.stackName(), config,
                AuditAccountSharing.siblings(java.nio.file.Path.of(""), ctx.stackName()));
        compose(ctx, config);
    }

    /**
     * The architecture diagram (README "Architecture"), left to right: per region the network, the cluster,
     * the data stores on them, then observability over all of it, the public entry (zone, load balancers,
     * DNS failover) and CI. Each step creates its components and exports their outputs.
     */
    static void compose(Context ctx, StackConfig config) {
        var stack = new PlatformStack(ctx, config);
        stack.exportStack();
        Map<String, Network> networks = stack.networks();
        // CI's roles are created before the clusters, which grant them access entries (CI deploys what
        // runs inside the clusters): the one step out of the diagram's order.
        List<ClusterAccess> ciAccess = stack.ci();
        Map<String, EksCluster> clusters = stack.clusters(networks, ciAccess);
        stack.ciRunners(networks, clusters);
        Map<String, DataPlacement> placements = stack.dataPlacements(networks, clusters);
        Database database = stack.database(placements);
        Map<String, Cache> caches = stack.caches(placements);
        TimeSeries timeSeries = stack.timeSeries(networks, clusters, placements);
        Observability observability = stack.observability(clusters, database, caches, timeSeries);
        stack.timeSeriesExport(clusters, timeSeries, observability);
        stack.backups(observability);
        stack.audit(observability);
        stack.storage();
        HostedZone zone = stack.publicEntry(networks, clusters, observability);
        stack.assets(zone, observability);
    }

    /** A region of the stack, or a service region outside it, created once (one provider per region). */
    private AwsRegion region(String name) {
        AwsRegion own = regions.get(name);
        return own != null ? own : serviceRegions.computeIfAbsent(name, r -> awsRegion(r, tagging));
    }

    /**
     * Static assets, when enabled: the bucket in the primary region, its replica in the secondary, and the
     * CloudFront distribution {@code assets.<domain>} with its certificate, web ACL and log delivery in us-east-1.
     */
    private void assets(HostedZone zone, Observability observability) {
        if (!config.assets().enabled()) {
            return;
        }
        var args = AssetsArgs.builder()
                .primary(regions.get(primary))
                .edge(region(CloudFrontSettings.CERTIFICATE_REGION))
                .hostname(new PublicHostnames(config.dns().domain()).assets())
                .hostedZoneId(zone.zoneId())
                .zoneDelegation(zone.delegation())
                .awaitCertificate(config.dns().delegation().awaitsCertificates())
                .validationRecordTtl(config.dns().ttlSeconds())
                .physicalPrefix(Naming.of(tagging).prefix())
                .settings(config.assets())
                .waf(config.edge().waf())
                .alertTopicArn(observability.topicArn(CloudFrontSettings.CERTIFICATE_REGION))
                .logRetentionDays(config.logRetentionDays())
                .tagging(tagging)
                .protection(protection);
        config.regions().secondary().ifPresent(secondary -> args.secondary(regions.get(secondary)));
        var assets = new Assets("assets", args.build(), boundary.componentOptions());
        ctx.export("assets.url", Output.of("https://" + new PublicHostnames(config.dns().domain()).assets()));
        ctx.export("assets.bucketName", assets.bucketName());
        assets.replicaBucketName().ifPresent(name -> ctx.export("assets.replicaBucketName", name));
        ctx.export("assets.logBucketName", assets.logBucketName());
        assets.distributionId().ifPresent(id -> ctx.export("assets.distributionId", id));
        assets.distributionDomainName().ifPresent(domain -> ctx.export("assets.distributionDomainName", domain));
        assets.webAclArn().ifPresent(arn -> ctx.export("assets.webAclArn", arn));
    }

    private void exportStack() {
        ctx.export("environment", Output.of(config.environment()));
        ctx.export("regions", Output.of(config.regionList()));
        RecoveryObjectives.from(config).outputs().forEach((key, value) -> ctx.export(key, Output.of(value)));
    }

    /** AWS Backup in every region of the stack (vaults, plans, copies to the other region), when enabled. */
    private void backups(Observability observability) {
        if (!config.backup().enabled()) {
            return;
        }
        var args = BackupsArgs.builder()
                .physicalPrefix(Naming.of(tagging).prefix())
                .settings(config.backup())
                .tagging(tagging)
                .protection(protection);
        regions.values().forEach(region -> args.region(region, observability.topicArn(region.name())));
        var backups = new Backups("backup", args.build(), boundary.componentOptions());
        backups.vaultArns().forEach((region, arn) -> ctx.export("backup.vaultArn." + region, arn));
        ctx.export("backup.breakGlassRoleArn", backups.breakGlassRoleArn());
        ctx.export("backup.serviceRoleArn", backups.serviceRoleArn());
    }

    /**
     * The trail, GuardDuty and Security Hub, each only where {@code audit.<piece>} is {@code stack} (the organisation's
     * otherwise); alarms and findings go to the region's alert topic.
     */
    private void audit(Observability observability) {
        if (!config.audit().createsAnything()) {
            return;
        }
        var args = AuditArgs.builder()
                .physicalPrefix(Naming.of(tagging).prefix())
                .settings(config.audit())
                .logRetentionDays(config.logRetentionDays())
                .tagging(tagging)
                .protection(protection);
        regions.values().forEach(region -> args.region(region, observability.topicArn(region.name())));
        var audit = new Audit("audit", args.build(), boundary.componentOptions());
        audit.trailArn().ifPresent(arn -> ctx.export("audit.trailArn", arn));
        audit.trailBucketName().ifPresent(bucket -> ctx.export("audit.trailBucketName", bucket));
        audit.trailLogGroupName().ifPresent(group -> ctx.export("audit.trailLogGroupName", group));
        audit.detectorIds().forEach((region, id) -> ctx.export("audit.guardDutyDetectorId." + region, id));
    }

    /** The uploads bucket and the services' image repositories (issue 19.2, 19.3), replicated to the standby region. */
    private void storage() {
        Optional<AwsRegion> secondary = config.regions().secondary().map(regions::get);
        var uploads = new Uploads("uploads", UploadsArgs.builder()
                .region(regions.get(primary))
                .replica(config.uploads().replicate() ? secondary : Optional.empty())
                .settings(config.uploads())
                .tagging(tagging)
                .protection(protection)
                .build(), boundary.componentOptions());
        uploads.bucketNames().forEach((region, bucket) -> ctx.export("uploads.bucketName." + region, bucket));
        var registry = new ContainerRegistry("ecr", ContainerRegistryArgs.builder()
                .region(regions.get(primary))
                .standby(secondary)
                .settings(config.ecr())
                .tagging(tagging)
                .protection(protection)
                .build(), boundary.componentOptions());
        registry.repositoryUrls().forEach((service, url) -> ctx.export("ecr.repositoryUrl." + service, url));
    }

    /** One VPC per region, its subnets tagged for the region's cluster. */
    private Map<String, Network> networks() {
        Map<String, Network> networks = new LinkedHashMap<>();
        for (AwsRegion region : regions.values()) {
            var network = new Network("network-" + region.name(), NetworkArgs.builder()
                    .region(region)
                    .vpcCidr(Ipv4Cidr.of(config.network().cidrFor(region.name())))
                    .azSuffixes(config.network().availabilityZones())
                    .natMode(config.network().natGateways())
                    .interfaceEndpoints(config.network().interfaceEndpoints())
                    .logRetentionDays(config.logRetentionDays())
                    .clusterName(clusterName(config, region.name()))
                    .tagging(tagging)
                    .protection(protection)
                    .build(), boundary.componentOptions());
            networks.put(region.name(), network);
            ctx.export("vpcId." + region.name(), network.vpcId());
            ctx.export("privateSubnetIds." + region.name(), network.privateSubnetIds());
            ctx.export("publicSubnetIds." + region.name(), network.publicSubnetIds());
            ctx.export("databaseSubnetIds." + region.name(), network.databaseSubnetIds());
        }
        return networks;
    }

    /**
     * The GitHub OIDC provider and CI's deploy, preview and drift roles (global, through the primary's provider),
     * and the cluster access they get: deploy as cluster admin, preview read-only without Secrets, drift
     * read-only with them (a refresh reads Helm's release Secrets). docs/ci-permissions.md.
     */
    private List<ClusterAccess> ci() {
        List<ClusterAccess> automationAccess = new ArrayList<>();
        if (config.ci().enabled()) {
            var ciArgs = CiAccessArgs.from(config.ci(), regions.get(primary), tagging)
                    .regions(deployRegions(config))
                    .boundaryPolicyName(boundary.policyName())
                    .protection(protection)
                    .imagePushRepositories(ContainerRegistry.repositoryNames(Naming.of(tagging), config.ecr()))
                    .build();
            var ci = new CiAccess("ci", ciArgs, boundary.componentOptions());
            ctx.export("ciOidcProviderArn", ci.oidcProviderArn());
            ctx.export("ciDeployRoleArn", ci.deployRoleArn());
            ctx.export("ciPreviewRoleArn", ci.previewRoleArn());
            automationAccess.add(ClusterAccess.builder().role("ci-deploy").principalArn(ci.deployRoleArn())
                    .roleName(ciArgs.deployRoleName()).accessPolicy(ClusterAccess.CLUSTER_ADMIN).build());
            automationAccess.add(ClusterAccess.builder().role("ci-preview").principalArn(ci.previewRoleArn())
                    .roleName(ciArgs.previewRoleName())
                    .accessPolicy(ciArgs.previewGated() ? ClusterAccess.ADMIN_VIEW : ClusterAccess.VIEW).build());
        }
        return automationAccess;
    }

    /**
     * CI's in-VPC runners where the cluster API is private ({@code ci.runners}, docs/ci-setup.md): one per region, the
     * primary's peered to the others (the stack's {@code up} on it manages every cluster).
     */
    private void ciRunners(Map<String, Network> networks, Map<String, EksCluster> clusters) {
        var runners = config.ci().runners();
        if (!runners.enabled()) {
            return;
        }
        var args = CiRunnersArgs.builder()
                .githubRepository(config.ci().githubRepository())
                .settings(runners)
                .logRetentionDays(config.logRetentionDays())
                .tagging(tagging)
                .protection(protection);
        regions.values().forEach(region -> args.site(region, networks.get(region.name()), clusters.get(region.name())));
        var ci = new CiRunners("ci-runners", args.build(), boundary.componentOptions());
        ctx.export("ciRunnerConnection", Output.of(runners.connection().configName()));
        if (!runners.projects()) {
            ctx.log().warn("ci.runners.connection is pending: the GitHub connections are created, the runner projects and their "
                    + "webhooks are not, and jobs on codebuild-* labels wait. Complete each connection's handshake in the console "
                    + "(output ciRunnerConnectionArn.<region>), then set ci.runners.connection: available and run pulumi up "
                    + "(docs/ci-setup.md, step 3).");
        }
        ci.projectNames().forEach((region, project) -> ctx.export("ciRunnerProject." + region, Output.of(project)));
        ci.connectionArns().forEach((region, arn) -> ctx.export("ciRunnerConnectionArn." + region, arn));
    }

    /**
     * One EKS cluster per region: the primary from {@code eks.nodePools}, the warm standby in the secondary
     * region from {@code eks.standbyNodePools}. The primary creates the controllers' IAM roles (IAM is
     * global) and the standby shares them. Keyed by region; other components reach a region's cluster
     * here (e.g. {@code nodeSecurityGroupId()} for database and cache ingress).
     */
    private Map<String, EksCluster> clusters(Map<String, Network> networks, List<ClusterAccess> automationAccess) {
        var eks = config.eks();
        Map<String, String> platformClusters = new LinkedHashMap<>();
        regions.keySet().forEach(r -> platformClusters.put(r, clusterName(config, r)));
        Map<String, EksCluster> clusters = new LinkedHashMap<>();
        EksCluster primaryCluster = null;
        for (AwsRegion region : regions.values()) {
            boolean isPrimary = region.name().equals(primary);
            var network = networks.get(region.name());
            var args = EksClusterArgs.builder()
                    .region(region)
                    .clusterName(clusterName(config, region.name()))
                    .kubernetesVersion(eks.version())
                    .endpointPublicAccess(eks.endpointPublicAccess())
                    .publicAccessCidrs(eks.publicAccessCidrs())
                    .adminPrincipalArns(eks.adminPrincipalArns())
                    .automationAccess(automationAccess)
                    .logTypes(eks.logTypes())
                    .nodePools(isPrimary ? eks.nodePools() : eks.standbyNodePools())
                    .addonVersions(eks.addonVersions())
                    .appNamespace(eks.appNamespace())
                    .vpcId(network.vpcId())
                    .privateSubnetIds(network.privateSubnetIds())
                    .availabilityZones(config.network().availabilityZones())
                    .logRetentionDays(config.logRetentionDays())
                    .applicationLogs(config.observability().applicationLogs())
                    .platformClusters(platformClusters)
                    .autoscalingServiceLinkedRole(eks.autoscalingServiceLinkedRole())
                    .tagging(tagging)
                    .protection(protection);
            if (!isPrimary && primaryCluster != null) {
                args.sharedRoles(primaryCluster.controllerRoles());
            }
            var cluster = new EksCluster("eks-" + region.name(), args.build(), boundary.componentOptions());
            if (isPrimary) {
                primaryCluster = cluster;
            }
            clusters.put(region.name(), cluster);
            ctx.export("eks.clusterName." + region.name(), cluster.clusterName());
            ctx.export("eks.endpoint." + region.name(), cluster.endpoint());
            ctx.export("eks.oidcIssuer." + region.name(), cluster.oidcIssuer());
            ctx.export("eks.nodeSecurityGroupId." + region.name(), cluster.nodeSecurityGroupId());
            ctx.export("eks.kubeconfig." + region.name(), cluster.kubeconfig());
            cluster.containerLogGroups().forEach((kind, group) -> {
                if (kind.equals("application") || kind.equals("system")) {
                    ctx.export("eks." + kind + "LogGroup." + region.name(), group);
                }
            });
        }
        return clusters;
    }

    /**
     * Where each region's data stores run: its network, admitting PostgreSQL (5432) and Redis (6379) from the
     * region's EKS node security group only, which every node (and so every pod) carries.
     */
    private Map<String, DataPlacement> dataPlacements(Map<String, Network> networks, Map<String, EksCluster> clusters) {
        Map<String, DataPlacement> placements = new LinkedHashMap<>();
        regions.forEach((name, region) -> placements.put(name,
                new DataPlacement(region, networks.get(name), List.of(clusters.get(name).nodeSecurityGroupId()))));
        return placements;
    }

    /** PostgreSQL in the primary region, with its replicas (the cross-region standby among them). */
    private Database database(Map<String, DataPlacement> placements) {
        Map<String, DataPlacement> secondaries = new LinkedHashMap<>(placements);
        secondaries.remove(primary);
        var database = new Database("database", DatabaseArgs.builder()
                .identifier(Naming.of(tagging).physical("postgres"))
                .databaseName(DatabaseSettings.databaseName(config.tags().project()))
                .masterUsername("platform_admin")
                .primary(placements.get(primary))
                .secondaries(secondaries)
                .settings(config.database())
                .logRetentionDays(config.logRetentionDays())
                .tagging(tagging)
                .protection(protection)
                .build(), boundary.componentOptions());
        ctx.export("database.endpoint", database.endpoint());
        ctx.export("database.port", database.port());
        ctx.export("database.masterUserSecretArn", database.masterUserSecretArn());
        database.masterUserSecretArns().forEach((region, arn) -> ctx.export("database.masterUserSecretArn." + region, arn));
        ctx.export("database.securityGroupId", database.securityGroupId());
        database.readerEndpoints().forEach((replica, address) -> ctx.export("database.readerEndpoint." + replica, address));
        return database;
    }

    /** The primary region's cache, and the standby region's own cache ({@code cache.standby}) when configured. */
    private Map<String, Cache> caches(Map<String, DataPlacement> placements) {
        Map<String, Cache> caches = new LinkedHashMap<>();
        caches.put(primary, cache(placements.get(primary), config.cache()));
        config.regions().secondary().ifPresent(secondary -> config.cache().standbyCache().ifPresent(standby ->
                caches.put(secondary, cache(placements.get(secondary), standby))));
        return caches;
    }

    private Cache cache(DataPlacement placement, CacheConfig c) {
        String region = placement.regionName();
        String id = Naming.of(tagging).physical("redis");
        var cache = new Cache("cache-" + region, CacheArgs.builder()
                .replicationGroupId(id)
                .placement(placement)
                .engineVersion(c.engineVersion())
                .nodeType(c.nodeType())
                .numNodes(c.numNodes())
                .automaticFailover(c.automaticFailover())
                .multiAz(c.multiAz())
                .snapshotRetentionDays(c.snapshotRetentionDays())
                .snapshotWindow(c.snapshotWindow())
                .maintenanceWindow(c.maintenanceWindow())
                .logRetentionDays(config.logRetentionDays())
                .tagging(tagging)
                .protection(protection)
                .build(), ComponentResourceOptions.builder().build());
        ctx.export("cache.primaryEndpoint." + region, cache.primaryEndpoint());
        ctx.export("cache.readerEndpoint." + region, cache.readerEndpoint());
        ctx.export("cache.port." + region, cache.port());
        ctx.export("cache.userName." + region, Output.of(cache.userName()));
        ctx.export("cache.connectPolicyArn." + region, cache.connectPolicyArn());
        return cache;
    }

    /**
     * InfluxDB in the primary region: on the primary cluster (after it, so its pools, storage classes and
     * application namespace exist) or on Timestream in the primary VPC's database subnets, admitting the
     * primary cluster's nodes.
     */
    private TimeSeries timeSeries(Map<String, Network> networks, Map<String, EksCluster> clusters,
                                  Map<String, DataPlacement> placements) {
        EksCluster cluster = clusters.get(primary);
        Network network = networks.get(primary);
        var timeSeries = new TimeSeries("timeseries", TimeSeriesArgs.builder()
                .region(regions.get(primary))
                .physicalName(Naming.of(tagging).physical("influxdb"))
                .settings(config.timeseries())
                .cluster(TimeSeriesArgs.Cluster.builder()
                        .provider(cluster.kubernetesProvider())
                        .namespace(Output.of(config.eks().appNamespace().name()))
                        .storageClass(EksCluster.STORAGE_CLASS_GP3_RETAIN)
                        .placement(NodePlacement.of(config.eks().nodePools(), config.timeseries().nodePool()))
                        .build())
                .subnets(new TimeSeriesArgs.DatabaseSubnets(network.vpcId(), network.databaseSubnetIdsByAz(),
                        placements.get(primary).clientSecurityGroupIds()))
                .logRetentionDays(config.logRetentionDays())
                .tagging(tagging)
                .protection(protection)
                .build(), ComponentResourceOptions.builder().dependsOn(cluster).build());
        ctx.export("timeseries.url", timeSeries.url());
        ctx.export("timeseries.organization", timeSeries.organization());
        ctx.export("timeseries.bucket", timeSeries.bucket());
        ctx.export("timeseries.credentialsSecretArn", timeSeries.credentialsSecretArn());
        return timeSeries;
    }

    /**
     * The time-series export: a CronJob on the primary cluster copies the store to a bucket in the secondary region
     * (the primary's in a one-region stack), alarmed in that region when exports stop (docs/runbook-failover.md).
     */
    private void timeSeriesExport(Map<String, EksCluster> clusters, TimeSeries timeSeries, Observability observability) {
        String exportRegion = config.regions().secondary().orElse(primary);
        EksCluster cluster = clusters.get(primary);
        String secret = timeSeries.kubernetesSecretName().orElseThrow(() ->
                new IllegalStateException("the time-series store has no credential Secret on the primary cluster"));
        var args = TimeSeriesExportArgs.builder();
        config.regions().secondary().ifPresent(standby -> args.restoreCluster(TimeSeriesExportArgs.Cluster.builder()
                .region(regions.get(standby))
                .provider(clusters.get(standby).kubernetesProvider())
                .clusterName(clusters.get(standby).clusterName())
                .namespace(config.eks().appNamespace().name())
                .storageClass(EksCluster.STORAGE_CLASS_GP3)
                // the standby pools (eks.standbyNodePools) have no analytics pool: no pool preference
                .placement(NodePlacement.of(config.eks().standbyNodePools(), java.util.Optional.empty()))
                .build()));
        var export = new TimeSeriesExport("timeseries-export", args
                .primary(regions.get(primary))
                .exportRegion(regions.get(exportRegion))
                .cluster(TimeSeriesExportArgs.Cluster.builder()
                        .region(regions.get(primary))
                        .provider(cluster.kubernetesProvider())
                        .clusterName(cluster.clusterName())
                        .namespace(config.eks().appNamespace().name())
                        .storageClass(EksCluster.STORAGE_CLASS_GP3)
                        .placement(NodePlacement.of(config.eks().nodePools(), config.timeseries().nodePool()))
                        .build())
                .storeUrl(timeSeries.url())
                .credentialsSecret(secret)
                .settings(config.timeseries())
                .physicalPrefix(Naming.of(tagging).prefix())
                .tagging(tagging)
                .protection(protection)
                .build(), boundary.componentOptions(ComponentResourceOptions.builder().dependsOn(exportDependencies(timeSeries, clusters))));
        observability.alarm(exportRegion, TimeSeriesExport.alarmSpec(config.timeseries().exportIntervalMinutes()),
                Output.of(Naming.of(tagging).prefix()));
        ctx.export("timeseries.exportBucket", export.bucketName());
        ctx.export("timeseries.exportRegion", Output.of(exportRegion));
        ctx.export("timeseries.exportRoleArn", export.roleArn());
    }

    /** The export runs after the store and the clusters it and the restore job run on. */
    private static List<com.pulumi.resources.Resource> exportDependencies(TimeSeries timeSeries, Map<String, EksCluster> clusters) {
        List<com.pulumi.resources.Resource> out = new ArrayList<>(List.of(timeSeries));
        out.addAll(clusters.values());
        return out;
    }

    /**
     * Alert topics and log groups in every region (plus us-east-1, where Route53 health-check metrics
     * live), alarms on every database instance and cache node, and the monitoring stack on the primary
     * cluster. Other components add alarms through its API (e.g. {@code alarmOnHealthCheck}).
     */
    private Observability observability(Map<String, EksCluster> clusters, Database database, Map<String, Cache> caches,
                                        TimeSeries timeSeries) {
        Map<String, AwsRegion> alertRegions = new LinkedHashMap<>(regions);
        alertRegions.computeIfAbsent(ObservabilityArgs.HEALTH_CHECK_REGION, this::region);

        List<ObservabilityArgs.DatabaseInstance> databases = new ArrayList<>();
        databases.add(ObservabilityArgs.DatabaseInstance.builder().role("primary").region(primary)
                .identifier(Output.of(database.primaryIdentifier())).replica(false).build());
        for (var replica : config.database().replicas()) {
            databases.add(ObservabilityArgs.DatabaseInstance.builder().role(replica.name()).region(replica.region())
                    .identifier(Output.of(database.replicaIdentifiers().get(replica.name()))).replica(true).build());
        }
        List<ObservabilityArgs.CacheGroup> cacheGroups = new ArrayList<>();
        caches.forEach((region, cache) -> cacheGroups.add(ObservabilityArgs.CacheGroup.builder()
                .role(region.equals(primary) ? "primary" : "standby").region(region)
                .replicationGroupId(Output.of(cache.replicationGroupId())).nodeCount(cache.numNodes()).build()));

        EksCluster cluster = clusters.get(primary);
        var observability = new Observability("observability", ObservabilityArgs.builder()
                .regions(alertRegions)
                .physicalPrefix(Naming.of(tagging).prefix())
                .settings(config.observability())
                .logRetentionDays(config.logRetentionDays())
                .cluster(ObservabilityArgs.Cluster.builder()
                        .provider(cluster.kubernetesProvider())
                        .clusterName(cluster.clusterName())
                        .storageClass(EksCluster.STORAGE_CLASS_GP3)
                        .placement(NodePlacement.of(config.eks().nodePools(), config.observability().nodePool()))
                        .appNamespace(config.eks().appNamespace().name())
                        .influxdbUrl(timeSeries.url())
                        .build())
                .databases(databases)
                .caches(cacheGroups)
                .tagging(tagging)
                .protection(protection)
                .build(), boundary.componentOptions(ComponentResourceOptions.builder().dependsOn(cluster)));
        observability.topicArns().forEach((region, arn) -> ctx.export("observability.alertTopicArn." + region, arn));
        ctx.export("observability.grafanaAdminSecretArn", observability.grafanaAdminSecretArn());
        return observability;
    }

    /**
     * The public entry: the zone (global), one entry point per region through that region's provider, then
     * DNS failover between them, every health check alarmed. Route53 is global; the primary's provider creates it.
     */
    private HostedZone publicEntry(Map<String, Network> networks, Map<String, EksCluster> clusters, Observability observability) {
        AwsRegion primaryRegion = regions.get(primary);
        var hostnames = new PublicHostnames(config.dns().domain());
        var zone = new HostedZone("dns-zone", HostedZoneArgs.builder()
                .domain(config.dns().domain())
                .existingZoneId(config.dns().hostedZoneId())
                .parentZoneId(config.dns().parentZoneId())
                .subdomainDelegations(config.dns().subdomainDelegations())
                .controlRegion(primaryRegion)
                .tagging(tagging)
                .protection(protection)
                .build(), ComponentResourceOptions.builder().build());
        ctx.export("hostedZoneId", zone.zoneId());
        ctx.export("nameServers", zone.nameServers());
        ctx.export("dnsDelegation", Output.of(config.dns().delegation().configName()));
        ctx.export("apiUrl", Output.of("https://" + hostnames.api()));
        ctx.export("wsUrl", Output.of("wss://" + hostnames.ws()));
        boolean awaitCertificates = config.dns().delegation().awaitsCertificates();
        if (!awaitCertificates) {
            ctx.log().warn("dns.delegation is pending: certificates are not awaited and no HTTPS listener is created. Delegate "
                    + config.dns().domain() + " to the nameServers output, set dns.delegation to external and run pulumi up again.");
        }
        Map<String, PublicEntryPoint> entryPoints = new LinkedHashMap<>();
        for (AwsRegion region : regions.values()) {
            var network = networks.get(region.name());
            var entry = new PublicEntryPoint("entry-" + region.name(), PublicEntryPointArgs.builder()
                    .region(region)
                    .hostnames(hostnames.all())
                    .hostedZoneId(zone.zoneId())
                    .validationRecordTtl(config.dns().ttlSeconds())
                    .vpcId(network.vpcId())
                    .vpcCidr(network.vpcCidr())
                    .publicSubnetIds(network.publicSubnetIds())
                    .healthCheckPath(config.dns().healthCheckPath())
                    .settings(config.edge())
                    .physicalPrefix(Naming.of(tagging).prefix())
                    // The region's EKS node security group admits the load balancer on the target port
                    // (pods get VPC addresses from the CNI and carry the node security group).
                    .backendSecurityGroupId(clusters.get(region.name()).nodeSecurityGroupId())
                    .tagging(tagging)
                    .protection(protection)
                    .zoneDelegation(zone.delegation())
                    .awaitCertificate(awaitCertificates)
                    .build(), ComponentResourceOptions.builder().build());
            entryPoints.put(region.name(), entry);
            ctx.export("loadBalancerDnsName." + region.name(), entry.dnsName());
            entry.targetGroupArns().forEach((label, arn) -> ctx.export("targetGroupArn." + label + "." + region.name(), arn));
            // A web ACL on the load balancer (SPEC, "Edge"); its alarm goes to the region's alert topic.
            var waf = new WebAcl("waf-" + region.name(), WebAclArgs.builder()
                    .region(region)
                    .physicalPrefix(Naming.of(tagging).prefix())
                    .loadBalancerArn(entry.loadBalancerArn())
                    .alertTopicArn(observability.topicArn(region.name()))
                    .settings(config.edge().waf())
                    .logRetentionDays(config.logRetentionDays())
                    .tagging(tagging)
                    .protection(protection)
                    .build(), ComponentResourceOptions.builder().build());
            ctx.export("webAclArn." + region.name(), waf.arn());
        }
        var failover = DnsFailoverArgs.builder()
                .controlRegion(primaryRegion)
                .zoneId(zone.zoneId())
                .hostnames(hostnames)
                .wsContinents(config.dns().wsContinents())
                .healthCheckPath(config.dns().healthCheckPath())
                .intervalSeconds(config.dns().healthCheckIntervalSeconds())
                .failureThreshold(config.dns().healthCheckFailureThreshold())
                .tagging(tagging);
        entryPoints.values().forEach(failover::target);
        // Every health check gets an alarm (us-east-1, where Route53 publishes) to the alert topic.
        failover.alarms((name, region, healthCheckId) -> observability.alarmOnHealthCheck(name, healthCheckId));
        new DnsFailover("dns", failover.build(), ComponentResourceOptions.builder().build());
        return zone;
    }

    /** Physical EKS cluster name for a region; the network tags its subnets for it. */
    public static String clusterName(StackConfig config, String region) {
        return Naming.of(Tagging.from(config)).physical(region);
    }

    /** A region of the stack: its explicit provider (with default tags), account id and partition. */
    public static AwsRegion awsRegion(String region, Tagging tagging) {
        var provider = new Provider("aws-" + region, ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tagging.providerDefaults()).build())
                .build(), CustomResourceOptions.builder().build());
        var invoke = com.pulumi.deployment.InvokeOptions.builder().provider(provider).build();
        Output<String> account = AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), invoke)
                .applyValue(r -> r.accountId());
        Output<String> partition = AwsFunctions.getPartition(GetPartitionArgs.builder().build(), invoke)
                .applyValue(r -> r.partition());
        return AwsRegion.builder().name(region).provider(provider).accountId(account).partition(partition).build();
    }
}
