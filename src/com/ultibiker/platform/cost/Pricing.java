package com.ultibiker.platform.cost;

import com.ultibiker.platform.model.CostConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pricing function of every AWS type that has a price of its own: pure functions from a planned
 * resource, the price table, the usage assumptions and the plan's facts to monthly line items.
 * Types that cost nothing by themselves are listed, with the reason, in the price table's {@code notPriced}.
 */
public final class Pricing {

    /** Seconds in the 730-hour month AWS's calculators use. */
    static final double SECONDS_PER_MONTH = 730.0 * 3600;
    static final double KIB_PER_GB = 1024.0 * 1024;
    /** EC2 detailed monitoring publishes seven metrics per instance at one-minute resolution. */
    static final int DETAILED_MONITORING_METRICS = 7;

    /** How one type is priced. */
    @FunctionalInterface
    public interface Pricer {
        List<LineItem> price(PlannedResource r, Context c);
    }

    /** Everything a pricer may read besides the resource. */
    public record Context(PriceTable prices, CostConfig usage, PlanFacts plan) {
        double usd(String key, String region) {
            return prices.usd(key, region);
        }

        double hours() {
            return prices.hoursPerMonth();
        }

        double share(String region) {
            return plan.trafficShare(region, usage.secondaryRegionTrafficPercent());
        }

        /** Client egress of the whole stack per month, in GB. */
        double clientEgressGb() {
            return usage.requestsPerSecond() * SECONDS_PER_MONTH * usage.averageResponseKib() / KIB_PER_GB;
        }

        LineItem line(String what, String key, String region, double quantity, String unit) {
            return new LineItem(what, key, quantity, unit, usd(key, region));
        }
    }

    private static final Map<String, Pricer> BY_TYPE = Map.ofEntries(
            Map.entry("aws:eks/cluster:Cluster", Pricing::eksCluster),
            Map.entry("aws:eks/nodeGroup:NodeGroup", Pricing::nodeGroup),
            Map.entry("aws:ec2/natGateway:NatGateway", Pricing::natGateway),
            Map.entry("aws:ec2/eip:Eip", Pricing::elasticIp),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", Pricing::vpcEndpoint),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", Pricing::loadBalancer),
            Map.entry("aws:rds/instance:Instance", Pricing::rdsInstance),
            Map.entry("aws:elasticache/replicationGroup:ReplicationGroup", Pricing::replicationGroup),
            Map.entry("aws:timestreaminfluxdb/dbInstance:DbInstance", Pricing::influxDbInstance),
            Map.entry("aws:kms/key:Key", Pricing::kmsKey),
            Map.entry("aws:route53/zone:Zone", Pricing::hostedZone),
            Map.entry("aws:route53/healthCheck:HealthCheck", Pricing::healthCheck),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", Pricing::metricAlarm),
            Map.entry("aws:cloudwatch/compositeAlarm:CompositeAlarm", Pricing::compositeAlarm),
            Map.entry("aws:kms/replicaKey:ReplicaKey", Pricing::kmsKey),
            Map.entry("aws:ebs/volume:Volume", Pricing::ebsVolume),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", Pricing::logGroup),
            Map.entry("aws:s3/bucketV2:BucketV2", Pricing::bucket),
            Map.entry("aws:s3/bucket:Bucket", Pricing::bucket),
            Map.entry("aws:secretsmanager/secret:Secret", Pricing::secret),
            Map.entry("aws:wafv2/webAcl:WebAcl", Pricing::webAcl),
            Map.entry("aws:cloudfront/distribution:Distribution", Pricing::distribution),
            Map.entry("aws:backup/vault:Vault", Pricing::backupVault),
            Map.entry("aws:guardduty/detector:Detector", Pricing::guardDuty),
            Map.entry("aws:cloudtrail/trail:Trail", Pricing::cloudTrail),
            Map.entry("aws:ecr/repository:Repository", Pricing::ecrRepository),
            Map.entry("aws:codebuild/project:Project", Pricing::codeBuildProject));

    private Pricing() {
    }

    public static Set<String> pricedTypes() {
        return BY_TYPE.keySet();
    }

    /** The line items of {@code r}; empty for a type without a pricer (see {@link #pricedTypes()}). */
    public static List<LineItem> price(PlannedResource r, Context c) {
        Pricer pricer = BY_TYPE.get(r.type());
        return pricer == null ? List.of() : pricer.price(r, c);
    }

    static List<LineItem> eksCluster(PlannedResource r, Context c) {
        boolean extended = "EXTENDED".equals(String.valueOf(r.map("upgradePolicy").get("supportType")));
        String key = extended ? "eks.cluster.extended" : "eks.cluster";
        return List.of(c.line(extended ? "control plane, extended support" : "control plane, standard support", key, r.region(), c.hours(), "hours"));
    }

    static List<LineItem> nodeGroup(PlannedResource r, Context c) {
        List<LineItem> lines = new ArrayList<>();
        double nodes = number(r.map("scalingConfig").get("desiredSize"), 0);
        String type = r.list("instanceTypes").isEmpty() ? r.string("instanceType", "unknown") : String.valueOf(r.list("instanceTypes").get(0));
        String key = "ec2." + type;
        double onDemand = c.usd(key, r.region());
        if ("SPOT".equals(r.string("capacityType", "ON_DEMAND"))) {
            double discount = c.usage().spotDiscountPercent() / 100.0;
            lines.add(new LineItem(type + " Spot (assumed " + c.usage().spotDiscountPercent() + "% below on-demand) × " + fmt(nodes) + " nodes (desired)",
                    key, nodes * c.hours(), "instance-hours", onDemand * (1 - discount)));
        } else {
            lines.add(new LineItem(type + " on-demand × " + fmt(nodes) + " nodes (desired)", key, nodes * c.hours(), "instance-hours", onDemand));
        }
        String templateId = String.valueOf(r.map("launchTemplate").get("id"));
        c.plan().dependencyOfType(r, "aws:ec2/launchTemplate:LaunchTemplate").or(() -> c.plan().byPlaceholderId(templateId)).ifPresent(template -> {
            for (Object mapping : template.list("blockDeviceMappings")) {
                Object ebs = mapping instanceof Map<?, ?> m ? m.get("ebs") : null;
                if (ebs instanceof Map<?, ?> volume) {
                    double gb = number(volume.get("volumeSize"), 0);
                    lines.add(c.line("root volume " + fmt(gb) + " GB gp3 × " + fmt(nodes) + " nodes", "ebs.gp3", r.region(), gb * nodes, "GB-months"));
                }
            }
            if (Boolean.TRUE.equals(template.map("monitoring").get("enabled")) || "true".equals(template.map("monitoring").get("enabled"))) {
                lines.add(c.line("detailed monitoring, " + DETAILED_MONITORING_METRICS + " metrics × " + fmt(nodes) + " nodes",
                        "ec2.detailedMonitoringMetric", r.region(), DETAILED_MONITORING_METRICS * nodes, "metric-months"));
            }
        });
        return lines;
    }

    static List<LineItem> natGateway(PlannedResource r, Context c) {
        double gateways = c.plan().count(r.type(), r.region());
        double gb = c.usage().natGbPerMonthPerRegion() / gateways;
        return List.of(
                c.line("NAT gateway", "vpc.natGateway", r.region(), c.hours(), "hours"),
                c.line("data processed (cost.natGbPerMonthPerRegion over " + fmt(gateways) + " gateways)", "vpc.natGateway.data", r.region(), gb, "GB"));
    }

    static List<LineItem> elasticIp(PlannedResource r, Context c) {
        return List.of(c.line("public IPv4 address", "vpc.publicIpv4", r.region(), c.hours(), "hours"));
    }

    static List<LineItem> vpcEndpoint(PlannedResource r, Context c) {
        if (!"Interface".equals(r.string("vpcEndpointType", "Gateway"))) {
            return List.of(new LineItem("gateway endpoint (no charge)", "none", 0, "-", 0));
        }
        double azs = r.list("subnetIds").size();
        return List.of(c.line("interface endpoint in " + fmt(azs) + " AZs", "vpc.interfaceEndpoint", r.region(), azs * c.hours(), "AZ-hours"));
    }

    static List<LineItem> loadBalancer(PlannedResource r, Context c) {
        List<LineItem> lines = new ArrayList<>();
        double balancers = c.plan().count(r.type(), r.region());
        double share = c.share(r.region()) / balancers;
        double egressGb = c.clientEgressGb() * share;
        double processedLcu = egressGb / c.hours();
        double connectionLcu = c.usage().concurrentConnections() * share / 3000.0;
        double lcu = Math.max(processedLcu, connectionLcu);
        lines.add(c.line("Application Load Balancer", "elb.alb", r.region(), c.hours(), "hours"));
        lines.add(c.line("LCUs: max(" + fmt2(processedLcu) + " GB/h processed, " + fmt2(connectionLcu) + " × 3,000 connections) at "
                + pct(share) + " of traffic", "elb.alb.lcu", r.region(), lcu * c.hours(), "LCU-hours"));
        lines.add(c.line("data out to the internet (" + pct(share) + " of cost.requestsPerSecond × cost.averageResponseKib)",
                "dataTransfer.internetOut", r.region(), egressGb, "GB"));
        if (!r.bool("internal")) {
            double azs = r.list("subnets").size();
            lines.add(c.line("public IPv4 address per AZ × " + fmt(azs), "vpc.publicIpv4", r.region(), azs * c.hours(), "hours"));
        }
        return lines;
    }

    static List<LineItem> rdsInstance(PlannedResource r, Context c) {
        List<LineItem> lines = new ArrayList<>();
        String source = r.string("replicateSourceDb", null);
        // A replica inherits engine and storage from its source.
        PlannedResource storageOwner = source == null ? r : c.plan().rdsInstance(source).orElse(r);
        String engine = r.string("engine", storageOwner.string("engine", "postgres"));
        boolean multiAz = r.bool("multiAz");
        double copies = multiAz ? 2 : 1;
        String cls = r.string("instanceClass", "unknown");
        lines.add(c.line(cls + (multiAz ? " Multi-AZ (primary + standby)" : " Single-AZ"), "rds." + engine + "." + cls, r.region(), copies * c.hours(), "instance-hours"));
        double gb = r.props().containsKey("allocatedStorage") ? r.number("allocatedStorage", 0) : storageOwner.number("allocatedStorage", 0);
        String storage = r.string("storageType", storageOwner.string("storageType", "gp3"));
        lines.add(c.line(fmt(gb) + " GB " + storage + (multiAz ? " × 2 (standby)" : ""), "rds." + storage, r.region(), gb * copies, "GB-months"));
        if (r.bool("performanceInsightsEnabled")) {
            double days = r.number("performanceInsightsRetentionPeriod", 7);
            lines.add(new LineItem(days <= 7 ? "Performance Insights, 7 days retention (no charge)"
                    : "Performance Insights, " + fmt(days) + " days retention (charged per vCPU; not modelled)", "none", 0, "-", 0));
        }
        if (source != null && source.startsWith("arn:aws:rds:") && !source.startsWith("arn:aws:rds:" + r.region() + ":")) {
            lines.add(c.line("cross-region replication traffic (cost.crossRegionReplicationGbPerMonth)", "dataTransfer.interRegion", r.region(),
                    c.usage().crossRegionReplicationGbPerMonth(), "GB"));
        }
        return lines;
    }

    static List<LineItem> replicationGroup(PlannedResource r, Context c) {
        double nodes = r.props().containsKey("numCacheClusters") ? r.number("numCacheClusters", 1)
                : r.number("numNodeGroups", 1) * (r.number("replicasPerNodeGroup", 0) + 1);
        String type = r.string("nodeType", "unknown");
        return List.of(c.line(type + " × " + fmt(nodes) + " nodes", "elasticache." + type, r.region(), nodes * c.hours(), "node-hours"));
    }

    static List<LineItem> influxDbInstance(PlannedResource r, Context c) {
        boolean multiAz = "WITH_MULTIAZ_STANDBY".equals(r.string("deploymentType", "SINGLE_AZ"));
        double copies = multiAz ? 2 : 1;
        String type = r.string("dbInstanceType", "unknown");
        String storage = r.string("dbStorageType", "InfluxIOIncludedT1");
        double gb = r.number("allocatedStorage", 0);
        return List.of(
                c.line(type + (multiAz ? " Multi-AZ (primary + standby)" : " Single-AZ"), "timestream.influxdb." + type, r.region(), copies * c.hours(), "instance-hours"),
                c.line(fmt(gb) + " GB " + storage + (multiAz ? " × 2 (standby)" : ""), "timestream.influxdb.storage." + storage, r.region(), gb * copies, "GB-months"));
    }

    static List<LineItem> kmsKey(PlannedResource r, Context c) {
        return List.of(c.line("customer-managed key (each yearly rotation adds $1/month, from year two)", "kms.key", r.region(), 1, "key-months"));
    }

    static List<LineItem> hostedZone(PlannedResource r, Context c) {
        return List.of(
                c.line("hosted zone", "route53.hostedZone", r.region(), 1, "zone-months"),
                c.line("standard queries (cost.dnsQueriesMillionsPerMonth; alias queries to load balancers are free)", "route53.queries.standard", r.region(),
                        c.usage().dnsQueriesMillionsPerMonth(), "million queries"));
    }

    static List<LineItem> healthCheck(PlannedResource r, Context c) {
        String fqdn = r.string("fqdn", "");
        boolean awsEndpoint = fqdn.endsWith(".amazonaws.com");
        String type = r.string("type", "HTTP");
        List<String> features = new ArrayList<>();
        if (type.startsWith("HTTPS")) {
            features.add("HTTPS");
        }
        if (type.endsWith("STR_MATCH")) {
            features.add("string matching");
        }
        if (r.number("requestInterval", 30) < 30) {
            features.add("fast interval");
        }
        if (r.bool("measureLatency")) {
            features.add("latency measurement");
        }
        String base = awsEndpoint ? "route53.healthCheck.aws" : "route53.healthCheck.other";
        List<LineItem> lines = new ArrayList<>();
        lines.add(c.line("health check of " + (awsEndpoint ? "an AWS endpoint" : "a non-AWS endpoint"), base, r.region(), 1, "check-months"));
        if (!features.isEmpty()) {
            lines.add(c.line("optional features: " + String.join(", ", features), base + ".feature", r.region(), features.size(), "feature-months"));
        }
        return lines;
    }

    static List<LineItem> metricAlarm(PlannedResource r, Context c) {
        boolean highResolution = r.number("period", 60) < 60;
        return List.of(highResolution
                ? c.line("high-resolution alarm", "cloudwatch.alarm.highResolution", r.region(), 1, "alarm-months")
                : c.line("standard-resolution alarm", "cloudwatch.alarm.standard", r.region(), 1, "alarm-months"));
    }

    static List<LineItem> compositeAlarm(PlannedResource r, Context c) {
        return List.of(c.line("composite alarm", "cloudwatch.alarm.composite", r.region(), 1, "alarm-months"));
    }

    static List<LineItem> ebsVolume(PlannedResource r, Context c) {
        String type = r.string("type", "gp3");
        double gb = r.number("size", 0);
        return List.of(c.line(fmt(gb) + " GB " + type + " volume", "ebs." + type, r.region(), gb, "GB-months"));
    }

    /** What kind of log a group holds decides which assumption sizes it. */
    enum LogKind { FLOW, EKS_CONTROL_PLANE, APPLICATION, WAF, OTHER }

    /** Size of one WAF log record (JSON with the request's headers), an assumption of this estimate. */
    static final double WAF_LOG_KIB_PER_REQUEST = 1.5;

    /** The traffic log group of the CLOUDFRONT web ACL ({@code aws-waf-logs-<prefix>-cloudfront}, edge/WebAcl). */
    static boolean isCloudFrontWafLog(String name) {
        return name.startsWith("aws-waf-logs-") && name.endsWith("-" + com.ultibiker.platform.edge.WebAcl.CLOUDFRONT_LABEL);
    }

    static LogKind logKind(String name) {
        if (name.startsWith("aws-waf-logs-")) {
            return LogKind.WAF;
        }
        if (name.startsWith("/vpc/") || name.contains("flow-log")) {
            return LogKind.FLOW;
        }
        if (name.startsWith("/aws/eks/")) {
            return LogKind.EKS_CONTROL_PLANE;
        }
        // The CloudWatch Observability add-on's application group holds the containers' logs; its system,
        // dataplane and host groups are sized like the other AWS-written groups.
        if (name.startsWith("/aws/containerinsights/") && name.endsWith("/application")) {
            return LogKind.APPLICATION;
        }
        return name.startsWith("/aws/") ? LogKind.OTHER : LogKind.APPLICATION;
    }

    static List<LineItem> logGroup(PlannedResource r, Context c) {
        String name = r.string("name", r.name());
        LogKind kind = logKind(name);
        CostConfig u = c.usage();
        double gb = switch (kind) {
            case FLOW -> u.flowLogGbPerMonthPerVpc();
            case EKS_CONTROL_PLANE -> u.eksControlPlaneLogGbPerMonth();
            case OTHER -> u.otherLogGbPerMonthPerGroup();
            case WAF -> (isCloudFrontWafLog(name) ? assetRequestsPerMonth(u)
                    : u.requestsPerSecond() * SECONDS_PER_MONTH * c.share(r.region())) * WAF_LOG_KIB_PER_REQUEST / KIB_PER_GB;
            case APPLICATION -> u.applicationLogGbPerMonth() * c.share(r.region())
                    / c.plan().count(r.type(), r.region(), g -> logKind(g.string("name", g.name())) == LogKind.APPLICATION);
        };
        String assumption = switch (kind) {
            case FLOW -> "cost.flowLogGbPerMonthPerVpc";
            case EKS_CONTROL_PLANE -> "cost.eksControlPlaneLogGbPerMonth";
            case OTHER -> "cost.otherLogGbPerMonthPerGroup";
            case WAF -> "one " + fmt(WAF_LOG_KIB_PER_REQUEST) + " KiB record per request, " + (isCloudFrontWafLog(name)
                    ? ASSET_REQUESTS.substring(0, ASSET_REQUESTS.length() - 1) : pct(c.share(r.region())) + " of cost.requestsPerSecond");
            case APPLICATION -> "cost.applicationLogGbPerMonth at " + pct(c.share(r.region())) + " of traffic";
        };
        double retentionMonths = r.number("retentionInDays", 365) / 30.0;
        return List.of(
                c.line("ingestion (" + assumption + ")", "cloudwatch.logs.ingestion", r.region(), gb, "GB"),
                c.line("storage at " + fmt(r.number("retentionInDays", 365)) + " days retention (uncompressed, an upper bound)",
                        "cloudwatch.logs.storage", r.region(), gb * retentionMonths, "GB-months"));
    }

    static List<LineItem> bucket(PlannedResource r, Context c) {
        return List.of(c.line("S3 Standard storage (cost.s3GbPerBucket)", "s3.standard", r.region(), c.usage().s3GbPerBucket(), "GB-months"));
    }

    static List<LineItem> secret(PlannedResource r, Context c) {
        double copies = 1 + r.list("replicas").size();
        return List.of(c.line("secret" + (copies > 1 ? " + " + fmt(copies - 1) + " replica(s)" : ""), "secretsmanager.secret", r.region(), copies, "secret-months"));
    }

    static List<LineItem> webAcl(PlannedResource r, Context c) {
        double rules = r.list("rules").size();
        boolean cloudFront = "CLOUDFRONT".equals(r.string("scope", "REGIONAL"));
        // A CLOUDFRONT web ACL inspects the distribution's requests (the static assets), not the API's.
        double millions = cloudFront ? assetRequestsPerMonth(c.usage()) / 1e6
                : c.usage().requestsPerSecond() * SECONDS_PER_MONTH * c.share(r.region()) / 1e6;
        String requests = cloudFront ? "requests (" + ASSET_REQUESTS : "requests (" + pct(c.share(r.region())) + " of cost.requestsPerSecond)";
        return List.of(
                c.line("web ACL", "waf.webAcl", r.region(), 1, "ACL-months"),
                c.line(fmt(rules) + " rules", "waf.rule", r.region(), rules, "rule-months"),
                c.line(requests, "waf.requests", r.region(), millions, "million requests"));
    }

    /** Average size of one static asset (map tiles and imagery), an assumption of this estimate: it turns GB into requests. */
    static final double ASSET_OBJECT_KIB = 100;
    static final String ASSET_REQUESTS = "cost.staticAssetsGbPerMonth in " + fmt(ASSET_OBJECT_KIB) + " KiB objects)";

    /** Requests a month to the assets distribution (and its web ACL): the delivered volume over the object size. */
    static double assetRequestsPerMonth(CostConfig u) {
        return u.staticAssetsGbPerMonth() * KIB_PER_GB / ASSET_OBJECT_KIB;
    }

    static List<LineItem> distribution(PlannedResource r, Context c) {
        return List.of(c.line("data out to viewers (cost.staticAssetsGbPerMonth)", "cloudfront.dataOut", r.region(), c.usage().staticAssetsGbPerMonth(), "GB"));
    }

    static List<LineItem> backupVault(PlannedResource r, Context c) {
        return List.of(c.line("warm backup storage (cost.backupGbPerVault)", "backup.warmStorage", r.region(), c.usage().backupGbPerVault(), "GB-months"));
    }

    static List<LineItem> guardDuty(PlannedResource r, Context c) {
        return List.of(
                c.line("CloudTrail management events analysed (cost.cloudTrailEventsMillionsPerMonth)", "guardduty.cloudTrailEvents", r.region(),
                        c.usage().cloudTrailEventsMillionsPerMonth(), "million events"),
                c.line("VPC flow and DNS logs analysed (cost.flowLogGbPerMonthPerVpc)", "guardduty.flowAndDnsLogs", r.region(),
                        c.usage().flowLogGbPerMonthPerVpc(), "GB"));
    }

    static List<LineItem> cloudTrail(PlannedResource r, Context c) {
        return List.of(new LineItem("trail: first copy of management events (no charge; data events not modelled)", "none", 0, "-", 0));
    }

    /** Build minutes of a CI runner project at its compute type's per-minute price (price key codebuild.<compute type>). */
    static List<LineItem> codeBuildProject(PlannedResource r, Context c) {
        String computeType = String.valueOf(r.map("environment").getOrDefault("computeType", "BUILD_GENERAL1_SMALL"));
        return List.of(c.line("build minutes, " + computeType + " (cost.ciRunnerMinutesPerMonth)", "codebuild." + computeType, r.region(),
                c.usage().ciRunnerMinutesPerMonth(), "minutes"));
    }

    static List<LineItem> ecrRepository(PlannedResource r, Context c) {
        return List.of(c.line("image storage (cost.s3GbPerBucket)", "ecr.storage", r.region(), c.usage().s3GbPerBucket(), "GB-months"));
    }

    private static double number(Object v, double fallback) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && s.matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(s);
        }
        return fallback;
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fmt2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
