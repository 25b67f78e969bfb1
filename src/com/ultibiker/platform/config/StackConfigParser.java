package com.ultibiker.platform.config;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.ultibiker.platform.ci.CiPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.edge.WafRateLimit;
import com.ultibiker.platform.eks.AddonVersions;
import com.ultibiker.platform.eks.HelmCharts;
import com.ultibiker.platform.model.AppNamespaceSpec;
import com.ultibiker.platform.model.AuditConfig;
import com.ultibiker.platform.model.AssetsConfig;
import com.ultibiker.platform.model.BackupConfig;
import com.ultibiker.platform.model.EcrConfig;
import com.ultibiker.platform.model.UploadsConfig;
import com.ultibiker.platform.model.CacheConfig;
import com.ultibiker.platform.model.CapacityType;
import com.ultibiker.platform.model.CiConfig;
import com.ultibiker.platform.model.CiRunnersConfig;
import com.ultibiker.platform.model.RunnerConnection;
import com.ultibiker.platform.model.CostConfig;
import com.ultibiker.platform.model.DatabaseConfig;
import com.ultibiker.platform.model.DnsConfig;
import com.ultibiker.platform.model.EdgeConfig;
import com.ultibiker.platform.model.EksConfig;
import com.ultibiker.platform.model.ManagedRuleGroup;
import com.ultibiker.platform.model.NatMode;
import com.ultibiker.platform.model.NetworkConfig;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.ApplicationLogsConfig;
import com.ultibiker.platform.model.ObservabilityConfig;
import com.ultibiker.platform.model.Regions;
import com.ultibiker.platform.model.ReplicaSpec;
import com.ultibiker.platform.model.ServiceLinkedRoleMode;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.model.TagsConfig;
import com.ultibiker.platform.model.Taint;
import com.ultibiker.platform.model.TaintEffect;
import com.ultibiker.platform.model.TimeSeriesConfig;
import com.ultibiker.platform.model.TimeSeriesEngine;
import com.ultibiker.platform.model.WafAction;
import com.ultibiker.platform.model.WafConfig;
import com.ultibiker.platform.model.ZoneDelegation;
import com.ultibiker.platform.network.Ipv4Cidr;
import com.ultibiker.platform.network.SubnetLayout;
import com.ultibiker.platform.timeseries.ExportSchedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a stack's configuration, as the Pulumi CLI hands it over (top-level key to string, with
 * structured values as JSON), into a validated {@link StackConfig}. Every default lives here, next to
 * the read of its key; the README's config reference is this file in table form.
 *
 * <p>Both entry points use it: {@code pulumi up} reads the strings from Pulumi's {@code Config}, the
 * offline plan from {@code Pulumi.<stack>.yaml} through {@link StackFileLoader}.
 */
public final class StackConfigParser {

    /** Top-level keys in the project namespace; anything else is reported as unknown. */
    public static final List<String> TOP_LEVEL_KEYS = List.of(
            "environment", "production", "regions", "logRetentionDays", "tags", "network", "eks",
            "database", "cache", "timeseries", "observability", "dns", "ci", "edge", "cost", "backup", "audit",
            "uploads", "ecr", "assets");

    /** Tags the platform always sets; config may not set them through {@code tags.extra}. */
    public static final Set<String> RESERVED_TAGS = Set.of("Project", "Environment", "Owner", "CostCenter", "ManagedBy", "Name");

    private static final Gson GSON = new Gson();

    private StackConfigParser() {
    }

    /**
     * @param project the Pulumi project name, the namespace of every key
     * @param raw     top-level key (without namespace) to its string value
     * @throws ConfigException listing every problem, before anything is created
     */
    public static StackConfig parse(String project, Map<String, String> raw) {
        return parse(project, raw, Optional.empty());
    }

    /**
     * @param awsRegion the stack's {@code aws:region} (the default provider's region), when set
     * @throws ConfigException listing every problem, before anything is created
     */
    public static StackConfig parse(String project, Map<String, String> raw, Optional<String> awsRegion) {
        Problems problems = new Problems();
        ConfigSection root = new ConfigSection(project + ":", decode(project, raw, problems), problems);
        StackConfig config = read(project, root, problems);
        awsRegion.ifPresent(region -> checkAwsRegion(region, config.regions(), problems));
        root.rejectUnknownKeys();
        problems.throwIfAny();
        return config;
    }

    private static Map<String, Object> decode(String project, Map<String, String> raw, Problems problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        raw.forEach((key, text) -> {
            String trimmed = text == null ? "" : text.strip();
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                try {
                    values.put(key, GSON.fromJson(trimmed, Object.class));
                } catch (JsonParseException e) {
                    problems.parseError(project + ":" + key, abbreviate(trimmed), "valid structured config (JSON/YAML)");
                }
            } else {
                values.put(key, text);
            }
        });
        return values;
    }

    private static StackConfig read(String project, ConfigSection root, Problems problems) {
        String environment = root.requiredString("environment", "an environment name such as dev, staging or prod");
        check(problems, root, "environment", environment,
                Checks.matches(environment, Pattern.compile("[a-z][a-z0-9-]{0,15}"), "lowercase letters, digits and dashes, starting with a letter, at most 16 characters"));
        boolean production = root.bool("production", true);
        // An unreadable flag is reported once; production-only rules would only echo it.
        boolean productionRules = production && !problems.failedToParse(root.keyOf("production"));

        Regions regions = regions(root.section("regions"), problems);
        int logRetention = root.integer("logRetentionDays", 30);
        check(problems, root, "logRetentionDays", logRetention, Checks.oneOf(logRetention, Checks.LOG_RETENTION_DAYS));

        TagsConfig tags = tags(root.section("tags"), problems);
        NetworkConfig network = network(root.section("network"), regions, problems);
        EksConfig eks = eks(root.section("eks"), regions, network.availabilityZones(), productionRules, problems);
        DatabaseConfig database = database(root.section("database"), regions, productionRules, problems);
        CacheConfig cache = cache(root.section("cache"), regions, productionRules, problems);
        TimeSeriesConfig timeseries = timeseries(root.section("timeseries"), eks.nodePools(), problems);
        ObservabilityConfig observability = observability(root.section("observability"), eks.nodePools(),
                eks.appNamespace().name(), productionRules, problems);
        DnsConfig dns = dns(root.section("dns"), regions, problems);
        EdgeConfig edge = edge(root.section("edge"), problems);
        if (observability.replicaLagSeconds() >= dns.rpoTargetSeconds()) {
            problems.invalid(root.keyOf("observability") + ".replicaLagSeconds", observability.replicaLagSeconds(),
                    "less than dns.rpoTargetSeconds (" + dns.rpoTargetSeconds() + "), so the lag alarm fires before the RPO is lost");
        }
        CiConfig ci = ci(root.section("ci"), environment, !eks.endpointPublicAccess(), problems);
        CostConfig cost = cost(root.section("cost"), problems);
        BackupConfig backup = BackupSection.read(root.section("backup"), productionRules, problems);
        AuditConfig audit = AuditSection.read(root.section("audit"), productionRules, problems);
        UploadsConfig uploads = StorageSections.uploads(root.section("uploads"), regions, problems);
        EcrConfig ecr = StorageSections.ecr(root.section("ecr"), regions, problems);
        AssetsConfig assets = AssetsSection.read(root.section("assets"), regions, productionRules, problems);
        return StackConfig.builder()
                .project(project)
                .environment(environment)
                .production(production)
                .regions(regions)
                .logRetentionDays(logRetention)
                .tags(tags)
                .network(network)
                .eks(eks)
                .database(database)
                .cache(cache)
                .timeseries(timeseries)
                .observability(observability)
                .dns(dns)
                .ci(ci)
                .edge(edge)
                .cost(cost)
                .backup(backup)
                .audit(audit)
                .uploads(uploads)
                .ecr(ecr)
                .assets(assets)
                .build();
    }

    private static Regions regions(ConfigSection s, Problems problems) {
        String primary = s.requiredString("primary", "an AWS region, e.g. us-east-1");
        if (!primary.isEmpty()) {
            check(problems, s, "primary", primary, Checks.region(primary));
        }
        Optional<String> secondary = Optional.ofNullable(s.string("secondary", null));
        secondary.ifPresent(r -> {
            check(problems, s, "secondary", r, Checks.region(r));
            if (r.equals(primary)) {
                problems.invalid(s.keyOf("secondary"), r, "a region different from regions.primary (" + primary + ")");
            }
        });
        s.rejectUnknownKeys();
        return new Regions(primary, secondary);
    }

    /** The key the AWS provider reads its (default) region from. */
    public static final String AWS_REGION_KEY = "aws:region";

    /**
     * {@code aws:region} must be a region, and the stack's primary one. Every resource goes through an
     * explicit regional provider, so the value only steers the default provider (ad-hoc {@code pulumi}
     * commands, and any resource that forgot its provider): anything but the primary region is a
     * mistake, e.g. a stack file copied from another stack.
     */
    private static void checkAwsRegion(String region, Regions regions, Problems problems) {
        Optional<String> notARegion = Checks.region(region);
        if (notARegion.isPresent()) {
            problems.invalid(AWS_REGION_KEY, region, notARegion.get());
        } else if (!regions.primary().isEmpty() && !region.equals(regions.primary())) {
            problems.invalid(AWS_REGION_KEY, region, "the stack's primary region, regions.primary (" + regions.primary()
                    + "): every resource uses an explicit regional provider; aws:region only steers the default provider");
        }
    }

    private static TagsConfig tags(ConfigSection s, Problems problems) {
        String project = s.string("project", "ultibiker");
        String owner = s.requiredString("owner", "the team or person accountable, e.g. platform-team");
        String costCenter = s.requiredString("costCenter", "the cost center code to bill, e.g. CC-1234");
        Map<String, String> extra = s.stringMap("extra", Map.of());
        extra.keySet().stream().filter(RESERVED_TAGS::contains).sorted().forEach(k ->
                problems.invalid(s.keyOf("extra") + "." + k, extra.get(k),
                        "a tag name other than the platform's own " + new TreeSet<>(RESERVED_TAGS)));
        s.rejectUnknownKeys();
        return TagsConfig.builder()
                .project(project)
                .owner(owner)
                .costCenter(costCenter)
                .extra(extra)
                .build();
    }

    private static NetworkConfig network(ConfigSection s, Regions regions, Problems problems) {
        Map<String, Object> rawCidrs = s.mapping("vpcCidrs");
        List<String> azs = s.strings("availabilityZones", List.of("a", "b", "c"));
        NatMode nat = s.choice("natGateways", NatMode.class, NatMode.PER_AZ);
        boolean interfaceEndpoints = s.bool("interfaceEndpoints", true);
        s.rejectUnknownKeys();

        String cidrsKey = s.keyOf("vpcCidrs");
        Map<String, String> cidrs = new LinkedHashMap<>();
        rawCidrs.forEach((region, value) -> cidrs.put(region, String.valueOf(value)));
        for (String region : regions.all()) {
            if (!region.isEmpty() && !cidrs.containsKey(region)) {
                problems.parseError(cidrsKey + "." + region, null, "a VPC CIDR for every region of the stack (required)");
            }
        }
        cidrs.keySet().stream().filter(r -> !regions.all().contains(r)).forEach(r ->
                problems.parseError(cidrsKey + "." + r, cidrs.get(r), "only regions of this stack: " + regions.all()));
        List<Ipv4Cidr> parsed = new ArrayList<>();
        List<String> parsedRegions = new ArrayList<>();
        cidrs.forEach((region, value) -> {
            var cidr = Ipv4Cidr.parse(value);
            if (cidr.isEmpty()) {
                problems.parseError(cidrsKey + "." + region, value, Checks.cidr(value).orElseThrow());
                return;
            }
            SubnetLayout.checkVpc(cidr.get()).ifPresent(reason ->
                    problems.invalid(cidrsKey + "." + region, value, reason));
            for (int i = 0; i < parsed.size(); i++) {
                if (parsed.get(i).overlaps(cidr.get())) {
                    problems.invalid(cidrsKey + "." + region, value, "a CIDR that does not overlap the VPC of "
                            + parsedRegions.get(i) + " (" + parsed.get(i) + "), so the regions can be peered");
                }
            }
            parsed.add(cidr.get());
            parsedRegions.add(region);
        });

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < azs.size(); i++) {
            String az = azs.get(i);
            String key = s.keyOf("availabilityZones") + "[" + i + "]";
            if (!SubnetLayout.letters().contains(az)) {
                problems.invalid(key, az, "an AZ letter, one of " + SubnetLayout.letters() + " (the region is prefixed; a subnet's"
                        + " CIDR is fixed by its letter, and a VPC has room for " + SubnetLayout.maxAzs() + " private subnets)");
            } else if (!seen.add(az)) {
                problems.invalid(key, az, "each AZ once");
            }
        }
        if (azs.size() < 2 || azs.size() > SubnetLayout.maxAzs()) {
            problems.invalid(s.keyOf("availabilityZones"), azs, "2 to " + SubnetLayout.maxAzs()
                    + " AZs (EKS and RDS subnet groups need at least two)");
        }
        return NetworkConfig.builder()
                .vpcCidrs(Map.copyOf(cidrs))
                .availabilityZones(azs)
                .natGateways(nat)
                .interfaceEndpoints(interfaceEndpoints)
                .build();
    }

    private static EksConfig eks(ConfigSection s, Regions regions, List<String> networkAzs, boolean production, Problems problems) {
        String version = s.string("version", "1.35");
        check(problems, s, "version", version, Checks.kubernetesVersion(version));
        if (Checks.kubernetesVersion(version).isEmpty() && HelmCharts.clusterAutoscaler(version).isEmpty()) {
            problems.invalid(s.keyOf("version"), version, "a Kubernetes minor with a recorded cluster-autoscaler chart "
                    + "whose RBAC matches that minor: one of " + HelmCharts.supportedKubernetesVersions());
        }
        boolean publicEndpoint = s.bool("endpointPublicAccess", false);
        List<String> publicCidrs = s.strings("publicAccessCidrs", List.of());
        for (int i = 0; i < publicCidrs.size(); i++) {
            String cidr = publicCidrs.get(i);
            String key = s.keyOf("publicAccessCidrs") + "[" + i + "]";
            Optional<String> documentation = Checks.notDocumentation(cidr);
            if (documentation.isPresent()) {
                problems.invalid(key, cidr, documentation.get());
            } else {
                Checks.cidr(cidr).ifPresent(allowed -> problems.invalid(key, cidr, allowed));
            }
            if (production && cidr.equals(Checks.WORLD)) {
                problems.invalid(key, cidr, "a restricted CIDR: a production stack never opens the EKS API to the world");
            }
        }
        if (publicCidrs.contains(Checks.WORLD) && publicCidrs.size() > 1) {
            problems.invalid(s.keyOf("publicAccessCidrs"), publicCidrs,
                    "0.0.0.0/0 alone (it admits everyone, other entries only hide that) or only restricted CIDRs");
        }
        if (publicEndpoint && publicCidrs.isEmpty()) {
            problems.invalid(s.keyOf("publicAccessCidrs"), "[]",
                    "at least one CIDR when endpointPublicAccess is true (empty would mean 0.0.0.0/0)");
        }
        List<String> admins = s.strings("adminPrincipalArns", List.of());
        for (int i = 0; i < admins.size(); i++) {
            check(problems, s.keyOf("adminPrincipalArns") + "[" + i + "]", admins.get(i),
                    Checks.matches(admins.get(i), Checks.IAM_PRINCIPAL_ARN, "an IAM role or user ARN, e.g. arn:aws:iam::123456789012:role/platform-admin"));
        }
        Checks.nameCollisions(admins, Naming::principalSlug, "adminPrincipalArns").forEach((i, allowed) ->
                problems.invalid(s.keyOf("adminPrincipalArns") + "[" + i + "]", admins.get(i), allowed));
        List<String> logTypes = s.strings("logTypes", Checks.REQUIRED_EKS_LOG_TYPES);
        for (int i = 0; i < logTypes.size(); i++) {
            if (!Checks.EKS_LOG_TYPES.contains(logTypes.get(i))) {
                problems.invalid(s.keyOf("logTypes") + "[" + i + "]", logTypes.get(i), "one of " + new TreeSet<>(Checks.EKS_LOG_TYPES));
            }
        }
        if (!logTypes.containsAll(Checks.REQUIRED_EKS_LOG_TYPES)) {
            problems.invalid(s.keyOf("logTypes"), logTypes, "a list that includes " + Checks.REQUIRED_EKS_LOG_TYPES);
        }
        List<NodePoolSpec> pools = nodePools(s, "nodePools", true, networkAzs, problems);
        List<NodePoolSpec> standby = nodePools(s, "standbyNodePools", regions.isMultiRegion(), networkAzs, problems);
        if (!regions.isMultiRegion() && !standby.isEmpty()) {
            problems.invalid(s.keyOf("standbyNodePools"), "a list", "no standby pools when regions.secondary is not set");
        }
        Map<String, String> addons = addonVersions(s, version, problems);
        AppNamespaceSpec ns = appNamespace(s.section("appNamespace"), problems);
        ServiceLinkedRoleMode autoscalingRole = s.choice("autoscalingServiceLinkedRole", ServiceLinkedRoleMode.class,
                ServiceLinkedRoleMode.CREATE);
        s.rejectUnknownKeys();
        return EksConfig.builder()
                .version(version)
                .endpointPublicAccess(publicEndpoint)
                .publicAccessCidrs(publicCidrs)
                .adminPrincipalArns(admins)
                .logTypes(logTypes)
                .nodePools(pools)
                .standbyNodePools(standby)
                .addonVersions(addons)
                .appNamespace(ns)
                .autoscalingServiceLinkedRole(autoscalingRole)
                .build();
    }

    /** Managed add-ons the platform installs, each at a pinned version (eks.addonVersions). */
    public static final List<String> EKS_ADDONS = AddonVersions.ADDONS;

    /**
     * Every add-on's version: the stack's pin, else the recorded default for the Kubernetes minor. Never
     * EKS's moving default, so a no-change {@code up} never upgrades an add-on.
     */
    private static Map<String, String> addonVersions(ConfigSection s, String kubernetesVersion, Problems problems) {
        Map<String, String> pinned = s.stringMap("addonVersions", Map.of());
        String key = s.keyOf("addonVersions");
        pinned.keySet().stream().filter(a -> !EKS_ADDONS.contains(a)).forEach(a ->
                problems.invalid(key + "." + a, pinned.get(a), "add-ons " + EKS_ADDONS));
        Map<String, String> out = new LinkedHashMap<>();
        for (String addon : EKS_ADDONS) {
            Optional<String> version = Optional.ofNullable(pinned.get(addon)).or(() -> AddonVersions.defaultFor(kubernetesVersion, addon));
            if (version.isEmpty()) {
                problems.invalid(key + "." + addon, "(not set)", "a pinned version: no default is recorded for Kubernetes "
                        + kubernetesVersion + " (aws eks describe-addon-versions --kubernetes-version " + kubernetesVersion
                        + " --addon-name " + addon + ")");
                continue;
            }
            if (!AddonVersions.VERSION.matcher(version.get()).matches()) {
                problems.invalid(key + "." + addon, version.get(), "an EKS add-on version such as v1.21.1-eksbuild.3");
                continue;
            }
            if (addon.equals("kube-proxy")) {
                AddonVersions.kubeProxyMismatch(kubernetesVersion, version.get())
                        .ifPresent(allowed -> problems.invalid(key + "." + addon, version.get(), allowed));
            }
            out.put(addon, version.get());
        }
        return Map.copyOf(out);
    }

    private static List<NodePoolSpec> nodePools(ConfigSection eks, String key, boolean required, List<String> networkAzs,
                                                Problems problems) {
        List<ConfigSection> sections = eks.sections(key);
        if (sections.isEmpty()) {
            if (required) {
                problems.parseError(eks.keyOf(key), null, "a list of node pools (required), each with name, instanceTypes, minSize, maxSize");
            }
            return List.of();
        }
        List<NodePoolSpec> pools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigSection p : sections) {
            String name = p.requiredString("name", "a pool name (lowercase letters, digits, dashes)");
            check(problems, p, "name", name, Checks.matches(name, Checks.NAME, "lowercase letters, digits and dashes, at most 24 characters"));
            if (!names.add(name)) {
                problems.invalid(p.keyOf("name"), name, "a name not used by another pool in " + key);
            }
            List<String> types = p.strings("instanceTypes", List.of());
            if (types.isEmpty()) {
                problems.parseError(p.keyOf("instanceTypes"), null, "a list of EC2 instance types, e.g. [c5.large] (required)");
            }
            for (int i = 0; i < types.size(); i++) {
                check(problems, p.keyOf("instanceTypes") + "[" + i + "]", types.get(i),
                        Checks.matches(types.get(i), Checks.EC2_INSTANCE_TYPE, "an EC2 instance type such as t3.medium or c5.2xlarge"));
            }
            sameShape(p.keyOf("instanceTypes"), types).ifPresent(problem ->
                    problems.invalid(problem.key(), problem.value(), problem.allowed()));
            CapacityType capacity = p.choice("capacityType", CapacityType.class, CapacityType.ON_DEMAND);
            int min = p.requiredInteger("minSize", "a whole number >= 0");
            int max = p.requiredInteger("maxSize", "a whole number >= 1");
            int desired = p.integer("desiredSize", min);
            Checks.nodeScaling(min, max, desired).ifPresent(allowed -> {
                String offending = min > max ? "maxSize" : (desired < min || desired > max) ? "desiredSize" : (min < 0 ? "minSize" : "maxSize");
                int value = offending.equals("desiredSize") ? desired : offending.equals("minSize") ? min : max;
                problems.invalid(p.keyOf(offending), value, allowed);
            });
            List<Taint> taints = new ArrayList<>();
            for (ConfigSection t : p.sections("taints")) {
                String tkey = t.requiredString("key", "a taint key");
                String tvalue = t.string("value", "true");
                TaintEffect effect = t.choice("effect", TaintEffect.class, TaintEffect.NO_SCHEDULE);
                t.rejectUnknownKeys();
                taints.add(Taint.builder()
                        .key(tkey)
                        .value(tvalue)
                        .effect(effect)
                        .build());
            }
            Map<String, String> labels = p.stringMap("labels", Map.of());
            int maxUnavailable = ranged(p, "maxUnavailablePercent", 33, 1, 100, problems);
            int disk = ranged(p, "diskSizeGib", 50, 20, 16384, problems);
            // Subnets force a new node group (terraform-provider-aws, aws_eks_node_group subnet_ids: ForceNew):
            // a pool pinned to its AZs is not replaced when the network gains an AZ.
            List<String> azs = p.strings("availabilityZones", networkAzs);
            for (int i = 0; i < azs.size(); i++) {
                if (!networkAzs.contains(azs.get(i))) {
                    problems.invalid(p.keyOf("availabilityZones") + "[" + i + "]", azs.get(i), "one of network.availabilityZones " + networkAzs);
                }
            }
            if (azs.isEmpty() || azs.size() != new HashSet<>(azs).size()) {
                problems.invalid(p.keyOf("availabilityZones"), azs, "at least one AZ of network.availabilityZones, each once");
            }
            p.rejectUnknownKeys();
            pools.add(NodePoolSpec.builder()
                    .name(name)
                    .instanceTypes(types)
                    .capacityType(capacity)
                    .minSize(min)
                    .maxSize(max)
                    .desiredSize(desired)
                    .taints(List.copyOf(taints))
                    .labels(labels)
                    .maxUnavailablePercent(maxUnavailable)
                    .diskSizeGib(disk)
                    .availabilityZones(azs.stream().sorted().toList())
                    .build());
        }
        if (pools.stream().noneMatch(NodePoolSpec::schedulesApplicationPods)) {
            problems.invalid(eks.keyOf(key), "every pool tainted NoSchedule/NoExecute",
                    "at least one pool without a NoSchedule or NoExecute taint, so application pods can run");
        }
        return List.copyOf(pools);
    }

    /** A problem found by a pure check: the key, the value found and what is allowed. */
    record Finding(String key, Object value, String allowed) {
    }

    /**
     * A pool mixing instance types must mix one vCPU/memory shape: cluster-autoscaler sizes a node group from
     * one of its types (its AWS provider templates a node from the group's first type). The first type
     * sets the shape; the first type that differs (or whose shape is not recorded) is the finding.
     */
    static Optional<Finding> sameShape(String key, List<String> types) {
        if (types.size() < 2) {
            return Optional.empty();
        }
        for (int i = 0; i < types.size(); i++) {
            if (InstanceShapes.of(types.get(i)).isEmpty()) {
                return Optional.of(new Finding(key + "[" + i + "]", types.get(i), "in a pool of several types, a type whose vCPU "
                        + "and memory are recorded (InstanceShapes), so that all can be checked to have one shape; or a pool of one type"));
            }
        }
        var shape = InstanceShapes.of(types.get(0)).orElseThrow();
        for (int i = 1; i < types.size(); i++) {
            var other = InstanceShapes.of(types.get(i)).orElseThrow();
            if (!other.equals(shape)) {
                return Optional.of(new Finding(key + "[" + i + "]", types.get(i) + " (" + other + ")",
                        "the shape of " + types.get(0) + " (" + shape + "), every type of a pool alike: one of "
                                + InstanceShapes.withShape(shape)));
            }
        }
        return Optional.empty();
    }

    private static final Pattern CPU_QUANTITY = Pattern.compile("\\d+(\\.\\d+)?|\\d+m");
    private static final Pattern MEMORY_QUANTITY = Pattern.compile("\\d+(Ki|Mi|Gi|Ti)?");

    private static AppNamespaceSpec appNamespace(ConfigSection s, Problems problems) {
        String name = s.string("name", "ultibiker");
        check(problems, s, "name", name, Checks.matches(name, Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"), "a Kubernetes namespace name"));
        int maxPods = ranged(s, "maxPods", 100, 1, 10000, problems);
        var spec = AppNamespaceSpec.builder()
                .name(name)
                .requestsCpu(quantity(s, "requestsCpu", "8", CPU_QUANTITY, problems))
                .requestsMemory(quantity(s, "requestsMemory", "16Gi", MEMORY_QUANTITY, problems))
                .limitsCpu(quantity(s, "limitsCpu", "16", CPU_QUANTITY, problems))
                .limitsMemory(quantity(s, "limitsMemory", "32Gi", MEMORY_QUANTITY, problems))
                .maxPods(maxPods)
                .defaultRequestCpu(quantity(s, "defaultRequestCpu", "100m", CPU_QUANTITY, problems))
                .defaultRequestMemory(quantity(s, "defaultRequestMemory", "128Mi", MEMORY_QUANTITY, problems))
                .defaultLimitCpu(quantity(s, "defaultLimitCpu", "500m", CPU_QUANTITY, problems))
                .defaultLimitMemory(quantity(s, "defaultLimitMemory", "512Mi", MEMORY_QUANTITY, problems))
                .build();
        s.rejectUnknownKeys();
        return spec;
    }

    private static String quantity(ConfigSection s, String key, String defaultValue, Pattern pattern, Problems problems) {
        String value = s.string(key, defaultValue);
        check(problems, s, key, value, Checks.matches(value, pattern, pattern == CPU_QUANTITY
                ? "a CPU quantity such as 500m or 2" : "a memory quantity such as 512Mi or 4Gi"));
        return value;
    }

    /** What the primary database instance is called in alarm names; no replica may take it. */
    static final String PRIMARY_INSTANCE = "primary";

    private static DatabaseConfig database(ConfigSection s, Regions regions, boolean production, Problems problems) {
        String version = s.string("engineVersion", "16");
        check(problems, s, "engineVersion", version, Checks.postgresVersion(version));
        String instanceClass = s.requiredString("instanceClass", "an RDS instance class such as db.t4g.medium");
        checkClass(problems, s, "instanceClass", instanceClass, Checks.RDS_INSTANCE_CLASS, "an RDS instance class such as db.t4g.medium or db.r6g.xlarge");
        int allocated = s.requiredInteger("allocatedStorageGib", "a whole number from 20 to 65536");
        check(problems, s, "allocatedStorageGib", allocated, Checks.range(allocated, 20, 65536));
        int maxAllocated = s.integer("maxAllocatedStorageGib", allocated);
        if (maxAllocated < allocated || maxAllocated > 65536) {
            problems.invalid(s.keyOf("maxAllocatedStorageGib"), maxAllocated,
                    "a whole number from allocatedStorageGib (" + allocated + ") to 65536");
        }
        boolean multiAz = s.bool("multiAz", true);
        int backupRetention = ranged(s, "backupRetentionDays", 7, production ? 7 : 1, 35, problems);
        Windows windows = windows(s, "backupWindow", "03:00-04:00", "maintenanceWindow", "sun:04:00-sun:05:00", "RDS", problems);
        String backupWindow = windows.daily();
        String maintenanceWindow = windows.weekly();
        int monitoring = s.integer("monitoringIntervalSeconds", 60);
        check(problems, s, "monitoringIntervalSeconds", monitoring, Checks.oneOf(monitoring, List.of(0, 1, 5, 10, 15, 30, 60)));
        int slowStatement = ranged(s, "slowStatementMillis", 1000, 1, 600_000, problems);
        int piRetention = s.integer("performanceInsightsRetentionDays", 7);
        if (!(piRetention == 7 || piRetention == 731 || (piRetention % 31 == 0 && piRetention >= 31 && piRetention <= 713))) {
            problems.invalid(s.keyOf("performanceInsightsRetentionDays"), piRetention, "7, a multiple of 31 up to 713, or 731");
        }
        List<ReplicaSpec> replicas = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigSection r : s.sections("replicas")) {
            String name = r.requiredString("name", "a replica name");
            check(problems, r, "name", name, Checks.matches(name, Checks.NAME, "lowercase letters, digits and dashes, at most 24 characters"));
            if (!names.add(name)) {
                problems.invalid(r.keyOf("name"), name, "a name not used by another replica");
            } else if (name.equals(PRIMARY_INSTANCE)) {
                // The primary's alarms are named ...-rds-primary-...: a replica of that name would register them twice.
                problems.invalid(r.keyOf("name"), name, "a name other than '" + PRIMARY_INSTANCE + "' (the primary instance's name in alarms)");
            }
            String cls = r.string("instanceClass", instanceClass);
            checkClass(problems, r, "instanceClass", cls, Checks.RDS_INSTANCE_CLASS, "an RDS instance class such as db.r6g.large");
            String region = r.string("region", regions.primary());
            if (!regions.all().contains(region)) {
                problems.invalid(r.keyOf("region"), region, "a region of this stack: " + regions.all());
            }
            r.rejectUnknownKeys();
            replicas.add(ReplicaSpec.builder()
                    .name(name)
                    .instanceClass(cls)
                    .region(region)
                    .build());
        }
        s.rejectUnknownKeys();
        return DatabaseConfig.builder()
                .engineVersion(version)
                .instanceClass(instanceClass)
                .allocatedStorageGib(allocated)
                .maxAllocatedStorageGib(maxAllocated)
                .multiAz(multiAz)
                .backupRetentionDays(backupRetention)
                .backupWindow(backupWindow)
                .maintenanceWindow(maintenanceWindow)
                .monitoringIntervalSeconds(monitoring)
                .performanceInsightsRetentionDays(piRetention)
                .slowStatementMillis(slowStatement)
                .replicas(List.copyOf(replicas))
                .build();
    }

    /** A daily window (backups, snapshots) and the weekly maintenance window, which must not overlap. */
    private record Windows(String daily, String weekly) {
    }

    private static Windows windows(ConfigSection s, String dailyKey, String dailyDefault, String weeklyKey,
                                   String weeklyDefault, String service, Problems problems) {
        String daily = s.string(dailyKey, dailyDefault);
        check(problems, s, dailyKey, daily, Checks.matches(daily, Checks.DAILY_WINDOW, "hh:mm-hh:mm in UTC, e.g. " + dailyDefault));
        String weekly = s.string(weeklyKey, weeklyDefault);
        check(problems, s, weeklyKey, weekly, Checks.matches(weekly, Checks.WEEKLY_WINDOW, "ddd:hh:mm-ddd:hh:mm in UTC, e.g. " + weeklyDefault));
        if (Checks.DAILY_WINDOW.matcher(daily).matches() && Checks.WEEKLY_WINDOW.matcher(weekly).matches()
                && Checks.windowsOverlap(daily, weekly)) {
            problems.invalid(s.keyOf(weeklyKey), weekly, "a window that does not overlap " + dailyKey + " (" + daily + "); "
                    + service + " rejects overlapping windows");
        }
        return new Windows(daily, weekly);
    }

    private static CacheConfig cache(ConfigSection s, Regions regions, boolean production, Problems problems) {
        String version = s.string("engineVersion", "7.1");
        check(problems, s, "engineVersion", version, Checks.matches(version, Pattern.compile("7(\\.\\d)?"), "a Redis 7 version such as 7.1"));
        String nodeType = s.requiredString("nodeType", "an ElastiCache node type such as cache.t4g.small");
        checkClass(problems, s, "nodeType", nodeType, Checks.CACHE_NODE_TYPE, "an ElastiCache node type such as cache.t4g.small or cache.r7g.large");
        int nodes = ranged(s, "numNodes", 2, 1, 6, problems);
        boolean failover = s.bool("automaticFailover", true);
        boolean multiAz = s.bool("multiAz", true);
        if (failover && nodes < 2) {
            problems.invalid(s.keyOf("numNodes"), nodes, "at least 2 nodes when automaticFailover is true");
        }
        if (multiAz && !failover) {
            problems.invalid(s.keyOf("multiAz"), true, "false unless automaticFailover is true (ElastiCache requires it)");
        }
        int retention = ranged(s, "snapshotRetentionDays", 5, production ? 1 : 0, 35, problems);
        Windows windows = windows(s, "snapshotWindow", "03:00-05:00", "maintenanceWindow", "sun:05:00-sun:06:00", "ElastiCache", problems);
        String window = windows.daily();
        String maintenance = windows.weekly();
        Optional<CacheConfig.CacheStandby> standby = Optional.empty();
        if (s.has("standby")) {
            ConfigSection st = s.section("standby");
            String type = st.string("nodeType", nodeType);
            checkClass(problems, st, "nodeType", type, Checks.CACHE_NODE_TYPE, "an ElastiCache node type such as cache.r7g.large");
            int count = ranged(st, "numNodes", 2, 1, 6, problems);
            st.rejectUnknownKeys();
            if (!regions.isMultiRegion()) {
                problems.invalid(s.keyOf("standby"), "a section", "no standby cache when regions.secondary is not set");
            }
            standby = Optional.of(new CacheConfig.CacheStandby(type, count));
        }
        s.rejectUnknownKeys();
        return CacheConfig.builder()
                .engineVersion(version)
                .nodeType(nodeType)
                .numNodes(nodes)
                .automaticFailover(failover)
                .multiAz(multiAz)
                .snapshotRetentionDays(retention)
                .snapshotWindow(window)
                .maintenanceWindow(maintenance)
                .standby(standby)
                .build();
    }

    private static TimeSeriesConfig timeseries(ConfigSection s, List<NodePoolSpec> pools, Problems problems) {
        TimeSeriesEngine engine = s.choice("engine", TimeSeriesEngine.class, TimeSeriesEngine.TIMESTREAM);
        String version = s.string("version", "2.7");
        check(problems, s, "version", version, Checks.matches(version, Pattern.compile("2\\.7(\\.\\d+)?"), "InfluxDB 2.7 (2.7 or 2.7.x)"));
        String org = s.string("organization", "ultibiker");
        String bucket = s.string("bucket", "sensor-data");
        int retention = ranged(s, "retentionDays", 30, 1, 3650, problems);
        int storage = ranged(s, "storageGib", 20, engine == TimeSeriesEngine.TIMESTREAM ? 20 : 1, 16384, problems);
        String instanceClass = s.string("instanceClass", "db.influx.medium");
        checkClass(problems, s, "instanceClass", instanceClass, Checks.INFLUX_INSTANCE_CLASS, "a Timestream for InfluxDB class such as db.influx.medium or db.influx.large");
        boolean multiAz = s.bool("multiAz", true);
        Optional<String> nodePool = placementPool(s, "nodePool", "analytics", pools, problems);
        int exportInterval = s.integer("exportIntervalMinutes", 60);
        check(problems, s, "exportIntervalMinutes", exportInterval, Checks.oneOf(exportInterval, ExportSchedule.INTERVALS));
        int exportTimeout = ranged(s, "exportTimeoutMinutes", 20, 5, 1439, problems);
        if (exportTimeout >= exportInterval && ExportSchedule.INTERVALS.contains(exportInterval)) {
            // A run still going when the next is due would make the next one skipped (concurrencyPolicy Forbid).
            problems.invalid(s.keyOf("exportTimeoutMinutes"), exportTimeout,
                    "fewer minutes than timeseries.exportIntervalMinutes (" + exportInterval + "), so a run ends before the next is due");
        }
        int exportRetention = ranged(s, "exportRetentionDays", 3, 1, 365, problems);
        s.rejectUnknownKeys();
        return TimeSeriesConfig.builder()
                .engine(engine)
                .version(version)
                .organization(org)
                .bucket(bucket)
                .retentionDays(retention)
                .storageGib(storage)
                .instanceClass(instanceClass)
                .multiAz(multiAz)
                .nodePool(nodePool)
                .exportIntervalMinutes(exportInterval)
                .exportTimeoutMinutes(exportTimeout)
                .exportRetentionDays(exportRetention)
                .build();
    }

    /**
     * observability.applicationLogs: the CloudWatch Observability add-on's container logs. System namespaces are
     * Kubernetes namespace names (DNS-1123 labels: they become alternatives of a Fluent Bit rewrite_tag regex),
     * never the application namespace, whose logs must stay in the application group.
     */
    private static ApplicationLogsConfig applicationLogs(ConfigSection s, String appNamespace, Problems problems) {
        boolean enabled = s.bool("enabled", true);
        List<String> namespaces = s.strings("systemNamespaces", ApplicationLogsConfig.DEFAULT_SYSTEM_NAMESPACES);
        if (namespaces.isEmpty()) {
            problems.invalid(s.keyOf("systemNamespaces"), namespaces, "at least one namespace (kube-system at least)");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < namespaces.size(); i++) {
            String key = s.keyOf("systemNamespaces") + "[" + i + "]";
            String ns = namespaces.get(i);
            check(problems, key, ns, Checks.matches(ns, Checks.KUBERNETES_NAMESPACE,
                    "a Kubernetes namespace name: lowercase letters, digits and dashes, at most 63 characters"));
            if (ns.equals(appNamespace)) {
                problems.invalid(key, ns, "a namespace other than the application namespace (eks.appNamespace.name), whose logs go to the application group");
            }
            if (!seen.add(ns)) {
                problems.invalid(key, ns, "each namespace once");
            }
        }
        s.rejectUnknownKeys();
        return new ApplicationLogsConfig(enabled, namespaces);
    }

    private static ObservabilityConfig observability(ConfigSection s, List<NodePoolSpec> pools, String appNamespace,
                                                     boolean production, Problems problems) {
        List<String> emails = s.strings("alertEmails", List.of());
        for (int i = 0; i < emails.size(); i++) {
            check(problems, s.keyOf("alertEmails") + "[" + i + "]", emails.get(i),
                    Checks.matches(emails.get(i), Checks.EMAIL, "an email address such as oncall@example.com"));
        }
        Checks.nameCollisions(emails, Naming::emailSlug, "alertEmails").forEach((i, allowed) ->
                problems.invalid(s.keyOf("alertEmails") + "[" + i + "]", emails.get(i), allowed));
        check(problems, s, "alertEmails", emails, Checks.alertRecipients(emails, production));
        int rdsCpu = percent(s, "rdsCpuPercent", 80, problems);
        int rdsFreeStorage = ranged(s, "rdsFreeStorageGib", 10, 1, 65536, problems);
        int rdsConnections = ranged(s, "rdsMaxConnections", 400, 1, 100000, problems);
        int replicaLag = ranged(s, "replicaLagSeconds", 30, 1, 3600, problems);
        int redisCpu = percent(s, "redisCpuPercent", 75, problems);
        int redisMemory = percent(s, "redisMemoryPercent", 80, problems);
        int evictions = ranged(s, "redisEvictions", 100, 1, 10_000_000, problems);
        int grafanaStorage = ranged(s, "grafanaStorageGib", 10, 1, 1024, problems);
        int promRetention = ranged(s, "prometheusRetentionDays", 15, 1, 365, problems);
        int promStorage = ranged(s, "prometheusStorageGib", 50, 10, 16384, problems);
        if (s.has("applicationLogGroups")) {
            problems.invalid(s.keyOf("applicationLogGroups"), s.peek("applicationLogGroups").orElse(""),
                    "nothing: removed, container logs go to the clusters' /aws/containerinsights/<cluster>/application"
                            + " and /system log groups (observability.applicationLogs; README, \"Application logs\")");
        }
        ApplicationLogsConfig applicationLogs = applicationLogs(s.section("applicationLogs"), appNamespace, problems);
        Optional<String> nodePool = placementPool(s, "nodePool", "system", pools, problems);
        s.rejectUnknownKeys();
        return ObservabilityConfig.builder()
                .alertEmails(emails)
                .rdsCpuPercent(rdsCpu)
                .rdsFreeStorageGib(rdsFreeStorage)
                .rdsMaxConnections(rdsConnections)
                .replicaLagSeconds(replicaLag)
                .redisCpuPercent(redisCpu)
                .redisMemoryPercent(redisMemory)
                .redisEvictions(evictions)
                .grafanaStorageGib(grafanaStorage)
                .prometheusRetentionDays(promRetention)
                .prometheusStorageGib(promStorage)
                .applicationLogs(applicationLogs)
                .nodePool(nodePool)
                .build();
    }

    /**
     * The pool a platform workload is placed on. A configured pool must exist and carry labels to select
     * it by; the default pool is used when the stack has it (with labels), otherwise the workload goes to
     * any node that accepts it (empty).
     */
    private static Optional<String> placementPool(ConfigSection s, String key, String defaultPool, List<NodePoolSpec> pools,
                                                  Problems problems) {
        String configured = s.string(key, null);
        if (configured == null) {
            return Checks.placementPool(defaultPool, pools).isEmpty() ? Optional.of(defaultPool) : Optional.empty();
        }
        check(problems, s, key, configured, Checks.placementPool(configured, pools));
        return Optional.of(configured);
    }

    /** A whole number with a default that must lie in [min, max]. */
    private static int ranged(ConfigSection s, String key, int defaultValue, long min, long max, Problems problems) {
        int value = s.integer(key, defaultValue);
        check(problems, s, key, value, Checks.range(value, min, max));
        return value;
    }

    private static int percent(ConfigSection s, String key, int defaultValue, Problems problems) {
        return ranged(s, key, defaultValue, 1, 100, problems);
    }

    private static DnsConfig dns(ConfigSection s, Regions regions, Problems problems) {
        String domain = s.requiredString("domain", "the DNS domain served, e.g. ultibiker.example.com");
        if (!domain.isEmpty()) {
            check(problems, s, "domain", domain, Checks.matches(domain, Checks.DOMAIN, "a lowercase DNS name such as ultibiker.example.com"));
        }
        Optional<String> zoneId = Optional.ofNullable(s.string("hostedZoneId", null));
        zoneId.ifPresent(z -> check(problems, s, "hostedZoneId", z,
                Checks.matches(z, Checks.HOSTED_ZONE_ID, "a Route53 hosted zone id such as Z0123456789ABCDEFGHIJ")));
        int ttl = ranged(s, "ttlSeconds", 60, 5, 3600, problems);
        String path = s.string("healthCheckPath", "/health");
        check(problems, s, "healthCheckPath", path, Checks.matches(path, Pattern.compile("/[\\w./-]*"), "an absolute URL path such as /health"));
        int interval = s.integer("healthCheckIntervalSeconds", 30);
        check(problems, s, "healthCheckIntervalSeconds", interval, Checks.oneOf(interval, List.of(10, 30)));
        int threshold = ranged(s, "healthCheckFailureThreshold", 3, 1, 10, problems);
        int rto = ranged(s, "rtoTargetSeconds", 300, 30, 86400, problems);
        int rpo = ranged(s, "rpoTargetSeconds", 60, 1, 86400, problems);
        Map<String, String> continents = wsContinents(s, regions, problems);
        Optional<String> parentZoneId = Optional.ofNullable(s.string("parentZoneId", null));
        ZoneDelegation delegation = delegation(s, zoneId, parentZoneId, problems);
        Map<String, List<String>> subdomains = subdomainDelegations(s, domain, problems);
        s.rejectUnknownKeys();
        DnsConfig dns = DnsConfig.builder()
                .domain(domain)
                .hostedZoneId(zoneId)
                .ttlSeconds(ttl)
                .healthCheckPath(path)
                .healthCheckIntervalSeconds(interval)
                .healthCheckFailureThreshold(threshold)
                .rtoTargetSeconds(rto)
                .rpoTargetSeconds(rpo)
                .wsContinents(continents)
                .parentZoneId(parentZoneId)
                .delegation(delegation)
                .subdomainDelegations(subdomains)
                .build();
        if (dns.failoverSeconds() > rto) {
            problems.invalid(s.keyOf("ttlSeconds"), ttl, "values where healthCheckIntervalSeconds x healthCheckFailureThreshold + ttlSeconds ("
                    + interval + " x " + threshold + " + " + dns.cachedAnswerSeconds() + " = " + dns.failoverSeconds()
                    + " s; alias records to a load balancer are cached at least " + DnsConfig.LOAD_BALANCER_ALIAS_TTL_SECONDS
                    + " s) is within rtoTargetSeconds (" + rto + " s)");
        }
        return dns;
    }

    /**
     * How the zone is delegated (see {@link ZoneDelegation}). A stack that creates its zone must say so:
     * a zone nothing delegates to makes the first deploy wait 75 minutes on certificate validation and fail.
     */
    private static ZoneDelegation delegation(ConfigSection s, Optional<String> zoneId, Optional<String> parentZoneId,
                                             Problems problems) {
        parentZoneId.ifPresent(z -> check(problems, s, "parentZoneId", z,
                Checks.matches(z, Checks.HOSTED_ZONE_ID, "a Route53 hosted zone id of the parent domain, such as Z0123456789ABCDEFGHIJ")));
        ZoneDelegation defaultMode = parentZoneId.isPresent() ? ZoneDelegation.PARENT_ZONE
                : zoneId.isPresent() ? ZoneDelegation.EXTERNAL : null;
        if (!s.has("delegation") && defaultMode == null) {
            problems.parseError(s.keyOf("delegation"), null, "how the created zone is delegated (required): parentZone (with "
                    + "dns.parentZoneId, a zone of the parent domain in this account), external (the delegation is in place: at "
                    + "the registrar, or in the parent's stack under dns.subdomainDelegations), or pending (first deploy: create "
                    + "the zone and output its name servers without waiting for certificate validation)");
            return ZoneDelegation.PENDING;
        }
        ZoneDelegation mode = s.choice("delegation", ZoneDelegation.class, defaultMode);
        if (mode == null) {
            // not one of the modes: the problem is recorded, and the config is refused before anything reads this
            return ZoneDelegation.PENDING;
        }
        if (zoneId.isPresent() && parentZoneId.isPresent()) {
            problems.invalid(s.keyOf("parentZoneId"), parentZoneId.get(), "no parent zone when dns.hostedZoneId is set "
                    + "(the existing zone's delegation is its owner's)");
        } else if (mode == ZoneDelegation.PARENT_ZONE && parentZoneId.isEmpty()) {
            problems.invalid(s.keyOf("delegation"), mode.configName(), "parentZone only with dns.parentZoneId (the zone to write the NS record into)");
        } else if (mode != ZoneDelegation.PARENT_ZONE && parentZoneId.isPresent()) {
            problems.invalid(s.keyOf("delegation"), mode.configName(), "parentZone when dns.parentZoneId is set (the stack delegates "
                    + "the zone itself), or no dns.parentZoneId");
        }
        return mode;
    }

    /**
     * A DNS name of a name server as a zone's nameServers output spells it, e.g. {@code ns-1234.awsdns-12.org}:
     * lowercase, no trailing dot, so the record's values read back as written.
     */
    static final Pattern NAME_SERVER = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** NS records for child zones owned elsewhere: each child strictly below dns.domain, with its name servers. */
    private static Map<String, List<String>> subdomainDelegations(ConfigSection s, String domain, Problems problems) {
        Map<String, Object> raw = s.mapping("subdomainDelegations");
        Map<String, List<String>> out = new LinkedHashMap<>();
        String key = s.keyOf("subdomainDelegations");
        List<String> children = new ArrayList<>(raw.keySet());
        raw.forEach((child, value) -> {
            String childKey = key + "." + child;
            if (!Checks.DOMAIN.matcher(child).matches() || !child.endsWith("." + domain)) {
                problems.invalid(childKey, child, "a domain below dns.domain (" + domain + "), e.g. dev." + domain);
            }
            List<String> servers = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.forEach(v -> servers.add(String.valueOf(v)));
            } else {
                problems.parseError(childKey, value, "a list of the child zone's name servers (its nameServers output)");
            }
            if (value instanceof List<?> && (servers.isEmpty() || servers.size() > 8)) {
                problems.invalid(childKey, servers, "1 to 8 name servers (a Route53 zone has 4)");
            }
            for (int i = 0; i < servers.size(); i++) {
                check(problems, childKey + "[" + i + "]", servers.get(i), Checks.matches(servers.get(i), NAME_SERVER,
                        "a name server's DNS name such as ns-1234.awsdns-12.org (lowercase, no trailing dot)"));
            }
            out.put(child, List.copyOf(servers));
        });
        Checks.nameCollisions(children, child -> Naming.subdomainSlug(child, domain), "subdomainDelegations").forEach((i, allowed) ->
                problems.invalid(key + "." + children.get(i), children.get(i), allowed));
        return out;
    }

    /**
     * The repository as its OIDC subject claims name it: {@code owner/name} (legacy claims) or
     * {@code owner@<owner-id>/name@<repo-id>} (immutable claims, GitHub's default for repositories created,
     * renamed or transferred from 2026-07-15). Owner: letters, digits and single inner hyphens, at most 39;
     * name: letters, digits, '.', '_', '-', at most 100, not {@code .} or {@code ..}; ids: positive integers.
     */
    static final Pattern GITHUB_REPOSITORY = Pattern.compile(
            "(?=[^@/]{1,39}[@/])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(@[1-9][0-9]{0,19})?"
                    + "/(?!\\.{1,2}(?:@|$))[A-Za-z0-9._-]{1,100}(@[1-9][0-9]{0,19})?");
    /** A custom subject template's prefix: claim text without spaces or wildcards, not ending in ':'. */
    static final Pattern OIDC_SUBJECT_PREFIX = Pattern.compile("[!-~&&[^*?\\s]]{1,400}(?<!:)");
    static final Pattern AWS_ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    /** GitHub environment names that fit an OIDC subject claim without a ':' or a wildcard. */
    static final Pattern GITHUB_ENVIRONMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    static final Pattern GIT_BRANCH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    static final Pattern GITHUB_OIDC_PROVIDER_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:oidc-provider/token\\.actions\\.githubusercontent\\.com");
    static final Pattern MANAGED_POLICY_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::(aws|\\d{12}):policy/[\\w+=,.@/-]+");

    private static CiConfig ci(ConfigSection s, String environment, boolean privateClusterApi, Problems problems) {
        boolean enabled = s.bool("enabled", false);
        String repository = enabled
                ? s.requiredString("githubRepository", "the GitHub repository as owner/name, e.g. ultibiker/ultibiker-platform")
                : s.string("githubRepository", "");
        if (!repository.isEmpty()) {
            var m = GITHUB_REPOSITORY.matcher(repository);
            boolean ok = m.matches() && (m.group(1) == null) == (m.group(2) == null);
            check(problems, s, "githubRepository", repository, ok ? Optional.empty() : Optional.of(
                    "owner/name of a GitHub repository as its OIDC subject claims name it: ultibiker/ultibiker-platform, "
                            + "or with both numeric ids (immutable claims) ultibiker@123456/ultibiker-platform@789012 "
                            + "(owner: letters, digits, single inner hyphens, at most 39; name: letters, digits, '.', '_', '-', "
                            + "at most 100; no wildcards)"));
        }
        String githubEnvironment = s.string("githubEnvironment", environment);
        if (!githubEnvironment.isEmpty()) {
            check(problems, s, "githubEnvironment", githubEnvironment, Checks.matches(githubEnvironment, GITHUB_ENVIRONMENT,
                    "a GitHub environment name of letters, digits, '.', '_' and '-' (no ':' or wildcards), e.g. production"));
        }
        String branch = s.string("defaultBranch", "main");
        check(problems, s, "defaultBranch", branch, Checks.matches(branch, GIT_BRANCH,
                "a branch name such as main (no wildcards)"));
        Optional<String> providerArn = Optional.ofNullable(s.string("oidcProviderArn", null));
        providerArn.ifPresent(arn -> check(problems, s, "oidcProviderArn", arn, Checks.matches(arn, GITHUB_OIDC_PROVIDER_ARN,
                "the ARN of the account's GitHub OIDC provider, arn:aws:iam::<account>:oidc-provider/token.actions.githubusercontent.com")));
        List<String> deploy = policyArns(s, "deployPolicyArns", problems);
        List<String> preview = policyArns(s, "previewPolicyArns", problems);
        Optional<String> subjectPrefix = Optional.ofNullable(s.string("oidcSubjectPrefix", null));
        subjectPrefix.ifPresent(prefix -> check(problems, s, "oidcSubjectPrefix", prefix, subjectPrefixProblem(prefix, repository)));
        Optional<String> previewEnvironment = Optional.ofNullable(s.string("previewEnvironment", null));
        previewEnvironment.ifPresent(env -> check(problems, s, "previewEnvironment", env,
                Checks.matches(env, GITHUB_ENVIRONMENT, "a GitHub environment name of letters, digits, '.', '_' and '-', e.g. production-preview")
                        .or(() -> env.equals(githubEnvironment)
                                ? Optional.of("an environment other than ci.githubEnvironment (" + githubEnvironment
                                        + "): the deploy role trusts that one, the preview role must not")
                                : Optional.empty())));
        Optional<String> accountId = Optional.ofNullable(s.string("accountId", null));
        accountId.ifPresent(id -> check(problems, s, "accountId", id, Checks.matches(id, AWS_ACCOUNT_ID, "a 12-digit AWS account id")
                .or(() -> providerArn.filter(arn -> !arn.contains(":iam::" + id + ":")).map(arn ->
                        "the account of ci.oidcProviderArn (" + arn + ")"))));
        CiRunnersConfig runners = runners(s.section("runners"), enabled, privateClusterApi, problems);
        s.rejectUnknownKeys();
        return CiConfig.builder()
                .enabled(enabled)
                .runners(runners)
                .githubRepository(repository)
                .githubEnvironment(githubEnvironment)
                .defaultBranch(branch)
                .oidcProviderArn(providerArn)
                .deployPolicyArns(deploy)
                .previewPolicyArns(preview)
                .oidcSubjectPrefix(subjectPrefix)
                .previewEnvironment(previewEnvironment)
                .accountId(accountId)
                .build();
    }

    /**
     * {@code ci.runners}: on by default where CI is on and the cluster API is private (no GitHub-hosted runner reaches
     * it). The connection state defaults to pending, so that a first {@code up} never asks CodeBuild for a project or
     * webhook through a connection nobody has completed yet; {@code available} after the handshake (docs/ci-setup.md).
     */
    private static CiRunnersConfig runners(ConfigSection s, boolean ciEnabled, boolean privateClusterApi, Problems problems) {
        boolean enabled = s.bool("enabled", ciEnabled && privateClusterApi);
        if (enabled && !ciEnabled) {
            problems.invalid(s.keyOf("enabled"), true, "false unless ci.enabled is true (the runners' jobs assume CI's roles)");
        }
        RunnerConnection connection = s.choice("connection", RunnerConnection.class, RunnerConnection.PENDING);
        String computeType = s.string("computeType", CiRunnersConfig.DEFAULT_COMPUTE_TYPE);
        if (!CiRunnersConfig.COMPUTE_TYPES.contains(computeType)) {
            problems.invalid(s.keyOf("computeType"), computeType, "one of " + String.join(", ", CiRunnersConfig.COMPUTE_TYPES)
                    + " (CodeBuild's x86_64 Linux container types)");
        }
        String image = s.string("image", CiRunnersConfig.DEFAULT_IMAGE);
        if (!CiRunnersConfig.IMAGES.contains(image)) {
            problems.invalid(s.keyOf("image"), image, "one of " + String.join(", ", CiRunnersConfig.IMAGES)
                    + " (curated x86_64 Linux images of the CodeBuild-hosted GitHub Actions runner)");
        }
        s.rejectUnknownKeys();
        return CiRunnersConfig.builder()
                .enabled(enabled)
                .connection(connection)
                .computeType(computeType)
                .image(image)
                .build();
    }

    /**
     * A custom template's prefix must still name this one repository (by {@code repo:<githubRepository>} or
     * {@code repository_id:<id>}): a template of only the owner would admit every repository of it. The context
     * is appended by the program, so the prefix must not carry one.
     */
    static Optional<String> subjectPrefixProblem(String prefix, String repository) {
        String allowed = "the subject claims' part before the job's context for a template that ends with 'context', "
                + "e.g. repo:" + (repository.isEmpty() ? "owner/name" : repository) + " or repository_owner_id:123456:repository_id:789012 "
                + "(no spaces or wildcards, no trailing ':', no context such as :environment:, :pull_request, :ref:; "
                + "it must name the repository by repo:<githubRepository> or repository_id:<id>)";
        boolean wellFormed = OIDC_SUBJECT_PREFIX.matcher(prefix).matches();
        boolean carriesContext = prefix.matches(".*:(environment|ref|pull_request|job_workflow_ref)(:.*)?");
        boolean namesRepository = (!repository.isEmpty() && prefix.matches("(.*:)?repo:" + Pattern.quote(repository) + "(:.*)?"))
                || prefix.matches("(.*:)?repository_id:[1-9][0-9]*(:.*)?");
        return wellFormed && !carriesContext && namesRepository ? Optional.empty() : Optional.of(allowed);
    }

    /** Managed policies a CI role gets besides its generated ones (none by default; see docs/ci-permissions.md). */
    private static List<String> policyArns(ConfigSection s, String key, Problems problems) {
        List<String> arns = s.strings(key, List.of());
        for (int i = 0; i < arns.size(); i++) {
            check(problems, s.keyOf(key) + "[" + i + "]", arns.get(i), Checks.matches(arns.get(i), MANAGED_POLICY_ARN,
                    "a managed policy ARN, e.g. arn:aws:iam::aws:policy/ReadOnlyAccess"));
        }
        // IAM policy names are unique per account regardless of case, and the attachment's resource name
        // is the policy's path and name: an AWS and a customer policy of one name, or a/b and a-b, collide.
        Checks.nameCollisions(arns, arn -> MANAGED_POLICY_ARN.matcher(arn).matches()
                        ? Naming.policySlug(arn).toLowerCase(java.util.Locale.ROOT) : "malformed:" + arn, key).forEach((i, allowed) -> {
            if (MANAGED_POLICY_ARN.matcher(arns.get(i)).matches()) {
                problems.invalid(s.keyOf(key) + "[" + i + "]", arns.get(i), "each policy name once: " + allowed);
            }
        });
        if (arns.size() > CiPolicies.MANAGED_POLICIES_PER_ROLE - CiPolicies.MAX_GENERATED_PER_ROLE) {
            problems.invalid(s.keyOf(key), arns, "at most " + (CiPolicies.MANAGED_POLICIES_PER_ROLE - CiPolicies.MAX_GENERATED_PER_ROLE)
                    + " policies: IAM attaches at most " + CiPolicies.MANAGED_POLICIES_PER_ROLE + " managed policies to a role and the"
                    + " generated ones take up to " + CiPolicies.MAX_GENERATED_PER_ROLE);
        }
        return arns;
    }

    /** Geolocation of the ws records: continent to region; NA -> primary and EU -> secondary unless configured. */
    private static Map<String, String> wsContinents(ConfigSection s, Regions regions, Problems problems) {
        Map<String, String> defaults = new LinkedHashMap<>();
        if (regions.isMultiRegion()) {
            defaults.put("NA", regions.primary());
            defaults.put("EU", regions.secondary().orElseThrow());
        }
        if (!s.has("wsContinents")) {
            return defaults;
        }
        Map<String, String> configured = s.stringMap("wsContinents", defaults);
        String key = s.keyOf("wsContinents");
        if (!regions.isMultiRegion()) {
            problems.invalid(key, configured, "no geolocation routing when regions.secondary is not set (one region serves everything)");
            return Map.of();
        }
        configured.forEach((continent, region) -> {
            check(problems, key + "." + continent, continent, Checks.continent(continent));
            if (!regions.all().contains(region)) {
                problems.invalid(key + "." + continent, region, "a region of this stack: " + regions.all());
            }
        });
        return configured;
    }

    private static EdgeConfig edge(ConfigSection s, Problems problems) {
        String sslPolicy = s.string("sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
        check(problems, s, "sslPolicy", sslPolicy, Checks.matches(sslPolicy, Checks.TLS13_POLICY,
                "an ELB security policy with TLS 1.3 and nothing older than TLS 1.2, e.g. ELBSecurityPolicy-TLS13-1-2-2021-06"));
        int targetPort = ranged(s, "targetPort", 8080, 1, 65535, problems);
        int idle = ranged(s, "idleTimeoutSeconds", 120, 1, 4000, problems);
        int retention = ranged(s, "accessLogRetentionDays", 90, 1, 3650, problems);
        WafConfig waf = waf(s.section("waf"), problems);
        s.rejectUnknownKeys();
        return EdgeConfig.builder().sslPolicy(sslPolicy).targetPort(targetPort).idleTimeoutSeconds(idle)
                .accessLogRetentionDays(retention).waf(waf).build();
    }

    /** The web ACL of every load balancer; the rate limit it derives must be one WAF accepts ({@link WafRateLimit}). */
    private static WafConfig waf(ConfigSection s, Problems problems) {
        int designRps = ranged(s, "designCapacityRps", 400, 1, 1_000_000, problems);
        int share = percent(s, "perIpSharePercent", 5, problems);
        int window = s.integer("evaluationWindowSeconds", 300);
        check(problems, s, "evaluationWindowSeconds", window, Checks.oneOf(window, WafRateLimit.EVALUATION_WINDOWS));
        if (WafRateLimit.EVALUATION_WINDOWS.contains(window)) {
            long limit = WafRateLimit.requestsPerWindow(designRps, share, window);
            if (limit < WafRateLimit.MIN_LIMIT || limit > WafRateLimit.MAX_LIMIT) {
                problems.invalid(s.keyOf("perIpSharePercent"), share, "a share whose limit designCapacityRps x perIpSharePercent / 100 x "
                        + "evaluationWindowSeconds (" + designRps + " x " + share + " / 100 x " + window + " = " + limit
                        + " requests) is between " + WafRateLimit.MIN_LIMIT + " and " + WafRateLimit.MAX_LIMIT);
            }
        }
        Map<ManagedRuleGroup, WafAction> actions = new EnumMap<>(ManagedRuleGroup.class);
        s.stringMap("ruleGroupActions", Map.of()).forEach((group, action) -> {
            Optional<ManagedRuleGroup> known = ManagedRuleGroup.byAwsName(group);
            Optional<WafAction> chosen = Arrays.stream(WafAction.values()).filter(a -> a.configName().equals(action)).findFirst();
            if (known.isEmpty()) {
                problems.invalid(s.keyOf("ruleGroupActions") + "." + group, action, "a key that is one of "
                        + Arrays.stream(ManagedRuleGroup.values()).map(ManagedRuleGroup::awsName).collect(Collectors.joining(", ")));
            } else if (chosen.isEmpty()) {
                problems.invalid(s.keyOf("ruleGroupActions") + "." + group, action, "block or count");
            } else {
                actions.put(known.get(), chosen.get());
            }
        });
        WafAction rateAction = s.choice("rateLimitAction", WafAction.class, WafAction.BLOCK);
        int alarm = ranged(s, "blockedRequestsAlarm", 1000, 1, 100_000_000, problems);
        s.rejectUnknownKeys();
        return WafConfig.builder().designCapacityRps(designRps).perIpSharePercent(share).evaluationWindowSeconds(window)
                .ruleGroupActions(actions).rateLimitAction(rateAction).blockedRequestsAlarm(alarm).build();
    }

    /** Usage assumptions of {@code bin/cost}; sources of the defaults in {@link CostConfig}. */
    private static CostConfig cost(ConfigSection s, Problems problems) {
        int volume = 1_000_000;
        CostConfig cost = CostConfig.builder()
                .spotDiscountPercent(ranged(s, "spotDiscountPercent", 60, 0, 90, problems))
                .requestsPerSecond(ranged(s, "requestsPerSecond", 50, 0, 100_000, problems))
                .averageResponseKib(ranged(s, "averageResponseKib", 8, 0, 10_240, problems))
                .concurrentConnections(ranged(s, "concurrentConnections", 500, 0, volume, problems))
                .secondaryRegionTrafficPercent(ranged(s, "secondaryRegionTrafficPercent", 20, 0, 100, problems))
                .natGbPerMonthPerRegion(ranged(s, "natGbPerMonthPerRegion", 100, 0, volume, problems))
                .flowLogGbPerMonthPerVpc(ranged(s, "flowLogGbPerMonthPerVpc", 30, 0, volume, problems))
                .eksControlPlaneLogGbPerMonth(ranged(s, "eksControlPlaneLogGbPerMonth", 20, 0, volume, problems))
                .applicationLogGbPerMonth(ranged(s, "applicationLogGbPerMonth", 50, 0, volume, problems))
                .otherLogGbPerMonthPerGroup(ranged(s, "otherLogGbPerMonthPerGroup", 1, 0, volume, problems))
                .crossRegionReplicationGbPerMonth(ranged(s, "crossRegionReplicationGbPerMonth", 100, 0, volume, problems))
                .ciRunnerMinutesPerMonth(ranged(s, "ciRunnerMinutesPerMonth", 1_000, 0, volume, problems))
                .s3GbPerBucket(ranged(s, "s3GbPerBucket", 50, 0, volume, problems))
                .dnsQueriesMillionsPerMonth(ranged(s, "dnsQueriesMillionsPerMonth", 20, 0, volume, problems))
                .staticAssetsGbPerMonth(ranged(s, "staticAssetsGbPerMonth", 250, 0, volume, problems))
                .backupGbPerVault(ranged(s, "backupGbPerVault", 500, 0, volume, problems))
                .cloudTrailEventsMillionsPerMonth(ranged(s, "cloudTrailEventsMillionsPerMonth", 2, 0, volume, problems))
                .build();
        s.rejectUnknownKeys();
        return cost;
    }

    private static void checkClass(Problems problems, ConfigSection s, String key, String value, Pattern pattern, String allowed) {
        if (!value.isEmpty()) {
            check(problems, s, key, value, Checks.matches(value, pattern, allowed));
        }
    }

    private static void check(Problems problems, ConfigSection s, String key, Object value, Optional<String> allowed) {
        check(problems, s.keyOf(key), value, allowed);
    }

    private static void check(Problems problems, String fullKey, Object value, Optional<String> allowed) {
        allowed.ifPresent(a -> problems.invalid(fullKey, value, a));
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
