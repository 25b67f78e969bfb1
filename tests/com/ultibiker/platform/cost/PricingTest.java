package com.ultibiker.platform.cost;

import com.ultibiker.platform.model.CostConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every pricing function against a fixed test price table (not the committed one, so a price update
 * does not move these figures): given a resource as the plan JSON holds it, the monthly dollars.
 */
class PricingTest {

    static final CostConfig USAGE = new CostConfig(60, 50, 8, 500, 20, 100, 30, 20, 50, 1, 100, 1000, 50, 20, 250, 500, 2);

    static PriceTable table() {
        List<Price> prices = new ArrayList<>();
        Map<String, double[]> regional = Map.ofEntries(
                Map.entry("ec2.c5.large", new double[] {0.085, 0.096}),
                Map.entry("ec2.c5.xlarge", new double[] {0.17, 0.192}),
                Map.entry("ebs.gp3", new double[] {0.08, 0.088}),
                Map.entry("vpc.natGateway", new double[] {0.045, 0.048}),
                Map.entry("vpc.natGateway.data", new double[] {0.045, 0.048}),
                Map.entry("vpc.interfaceEndpoint", new double[] {0.01, 0.011}),
                Map.entry("elb.alb", new double[] {0.0225, 0.0252}),
                Map.entry("elb.alb.lcu", new double[] {0.008, 0.008}),
                Map.entry("rds.postgres.db.r6g.xlarge", new double[] {0.449, 0.494}),
                Map.entry("rds.postgres.db.r6g.large", new double[] {0.225, 0.247}),
                Map.entry("rds.gp3", new double[] {0.115, 0.127}),
                Map.entry("elasticache.cache.r7g.large", new double[] {0.219, 0.243}),
                Map.entry("timestream.influxdb.db.influx.large", new double[] {0.25, 0.275}),
                Map.entry("timestream.influxdb.storage.InfluxIOIncludedT1", new double[] {0.20, 0.22}),
                Map.entry("cloudwatch.logs.ingestion", new double[] {0.50, 0.57}),
                Map.entry("s3.standard", new double[] {0.023, 0.023}));
        regional.forEach((k, v) -> prices.add(new Price(k, "u", Map.of("us-east-1", v[0], "eu-west-1", v[1]), "https://example.test", "aws-page", "test")));
        Map<String, Double> flat = Map.ofEntries(
                Map.entry("eks.cluster", 0.10), Map.entry("eks.cluster.extended", 0.60), Map.entry("ec2.detailedMonitoringMetric", 0.30),
                Map.entry("vpc.publicIpv4", 0.005), Map.entry("dataTransfer.internetOut", 0.09), Map.entry("dataTransfer.interRegion", 0.02),
                Map.entry("kms.key", 1.00), Map.entry("route53.hostedZone", 0.50), Map.entry("route53.queries.standard", 0.40),
                Map.entry("route53.healthCheck.aws", 0.50), Map.entry("route53.healthCheck.aws.feature", 1.00),
                Map.entry("route53.healthCheck.other", 0.75), Map.entry("route53.healthCheck.other.feature", 2.00),
                Map.entry("cloudwatch.alarm.standard", 0.10), Map.entry("cloudwatch.alarm.highResolution", 0.30),
                Map.entry("cloudwatch.alarm.composite", 0.50),
                Map.entry("cloudwatch.logs.storage", 0.03), Map.entry("secretsmanager.secret", 0.40),
                Map.entry("waf.webAcl", 5.00), Map.entry("waf.rule", 1.00), Map.entry("waf.requests", 0.60),
                Map.entry("cloudfront.dataOut", 0.085), Map.entry("backup.warmStorage", 0.095),
                Map.entry("guardduty.cloudTrailEvents", 4.00), Map.entry("guardduty.flowAndDnsLogs", 1.00), Map.entry("ecr.storage", 0.10),
                Map.entry("codebuild.BUILD_GENERAL1_MEDIUM", 0.01), Map.entry("codebuild.BUILD_GENERAL1_LARGE", 0.02));
        flat.forEach((k, v) -> prices.add(new Price(k, "u", Map.of("*", v), "https://example.test", "aws-page", "test")));
        return new PriceTable("2026-12-01", "USD", 730, prices, Map.of());
    }

    static PlannedResource res(String type, String name, String region, Map<String, Object> props) {
        return new PlannedResource("urn:" + name, type, name, region, null, List.of(), props);
    }

    /** Two regions, us-east-1 primary: three NAT gateways and one load balancer per region. */
    static List<PlannedResource> context() {
        List<PlannedResource> all = new ArrayList<>();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            for (String az : List.of("a", "b", "c")) {
                all.add(res("aws:ec2/natGateway:NatGateway", "nat-" + region + az, region, Map.of()));
            }
            all.add(res("aws:lb/loadBalancer:LoadBalancer", "alb-" + region, region, Map.of("subnets", List.of("a", "b", "c"))));
            all.add(res("aws:cloudwatch/logGroup:LogGroup", "app-api-" + region, region, Map.of("name", "/ultibiker/prod/api", "retentionInDays", 90.0)));
            all.add(res("aws:cloudwatch/logGroup:LogGroup", "app-ws-" + region, region, Map.of("name", "/ultibiker/prod/ws", "retentionInDays", 90.0)));
        }
        all.add(res("aws:ec2/launchTemplate:LaunchTemplate", "pool-lt", "us-east-1", Map.of(
                "blockDeviceMappings", List.of(Map.of("ebs", Map.of("volumeSize", 50.0, "volumeType", "gp3"))),
                "monitoring", Map.of("enabled", true))));
        all.add(res("aws:rds/instance:Instance", "db", "us-east-1", Map.of("identifier", "app-postgres", "engine", "postgres",
                "instanceClass", "db.r6g.xlarge", "allocatedStorage", 500.0, "multiAz", true, "storageType", "gp3")));
        return all;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("EKS control plane, standard support: 730 h × $0.10",
                        res("aws:eks/cluster:Cluster", "eks", "us-east-1", Map.of("upgradePolicy", Map.of("supportType", "STANDARD"))), 73.00),
                Arguments.of("EKS control plane, extended support: 730 h × $0.60",
                        res("aws:eks/cluster:Cluster", "eks", "us-east-1", Map.of("upgradePolicy", Map.of("supportType", "EXTENDED"))), 438.00),
                Arguments.of("on-demand pool, 2 × c5.large at desired size, no template found: 2 × 730 × $0.085",
                        res("aws:eks/nodeGroup:NodeGroup", "system", "us-east-1", Map.of("instanceTypes", List.of("c5.large"),
                                "scalingConfig", Map.of("desiredSize", 2.0, "minSize", 2.0, "maxSize", 4.0), "launchTemplate", Map.of("id", "none"))), 124.10),
                Arguments.of("Spot pool, 3 × c5.xlarge at 60% off, 50 GB gp3 roots, detailed monitoring: 148.92 + 12.00 + 6.30",
                        res("aws:eks/nodeGroup:NodeGroup", "app", "us-east-1", Map.of("instanceTypes", List.of("c5.xlarge", "c5a.xlarge"),
                                "capacityType", "SPOT", "scalingConfig", Map.of("desiredSize", 3.0), "launchTemplate", Map.of("id", "pool-lt-id"))), 167.22),
                Arguments.of("NAT gateway, one of 3 in the region sharing 100 GB: 32.85 + 1.50",
                        res("aws:ec2/natGateway:NatGateway", "nat-us-east-1a", "us-east-1", Map.of()), 34.35),
                Arguments.of("NAT gateway in eu-west-1: 35.04 + 1.60",
                        res("aws:ec2/natGateway:NatGateway", "nat-eu-west-1a", "eu-west-1", Map.of()), 36.64),
                Arguments.of("Elastic IP: 730 h × $0.005",
                        res("aws:ec2/eip:Eip", "eip", "us-east-1", Map.of("domain", "vpc")), 3.65),
                Arguments.of("interface endpoint in 3 AZs: 3 × 730 × $0.01",
                        res("aws:ec2/vpcEndpoint:VpcEndpoint", "sts", "us-east-1", Map.of("vpcEndpointType", "Interface", "subnetIds", List.of("a", "b", "c"))), 21.90),
                Arguments.of("gateway endpoint: free",
                        res("aws:ec2/vpcEndpoint:VpcEndpoint", "s3", "us-east-1", Map.of("vpcEndpointType", "Gateway")), 0.00),
                Arguments.of("primary ALB at 80% of 50 req/s × 8 KiB: 16.43 + 802 LCU-h 6.42 + 802 GB out 72.18 + 3 IPv4 10.95",
                        res("aws:lb/loadBalancer:LoadBalancer", "alb-us-east-1", "us-east-1", Map.of("subnets", List.of("a", "b", "c"))), 105.97),
                Arguments.of("RDS Multi-AZ db.r6g.xlarge, 500 GB gp3: 655.54 + 115.00",
                        res("aws:rds/instance:Instance", "db", "us-east-1", Map.of("identifier", "app-postgres", "engine", "postgres",
                                "instanceClass", "db.r6g.xlarge", "allocatedStorage", 500.0, "multiAz", true, "storageType", "gp3")), 770.54),
                Arguments.of("same-region replica inherits 500 GB from its source: 164.25 + 57.50",
                        res("aws:rds/instance:Instance", "replica", "us-east-1", Map.of("identifier", "app-postgres-analytics",
                                "replicateSourceDb", "app-postgres", "instanceClass", "db.r6g.large", "multiAz", false)), 221.75),
                Arguments.of("cross-region replica in eu-west-1: 360.62 + 63.50 + 100 GB × $0.02",
                        res("aws:rds/instance:Instance", "standby", "eu-west-1", Map.of("identifier", "app-postgres-standby",
                                "replicateSourceDb", "arn:aws:rds:us-east-1:123456789012:db:app-postgres", "instanceClass", "db.r6g.xlarge")), 426.12),
                Arguments.of("Redis, 3 × cache.r7g.large: 2190 × $0.219",
                        res("aws:elasticache/replicationGroup:ReplicationGroup", "redis", "us-east-1", Map.of("nodeType", "cache.r7g.large", "numCacheClusters", 3.0)), 479.61),
                Arguments.of("Redis cluster mode, 2 shards × (1 + 1 replica) in eu-west-1: 2920 × $0.243",
                        res("aws:elasticache/replicationGroup:ReplicationGroup", "redis", "eu-west-1", Map.of("nodeType", "cache.r7g.large",
                                "numNodeGroups", 2.0, "replicasPerNodeGroup", 1.0)), 709.56),
                Arguments.of("Timestream for InfluxDB Multi-AZ, 100 GB: 365.00 + 40.00",
                        res("aws:timestreaminfluxdb/dbInstance:DbInstance", "influx", "us-east-1", Map.of("dbInstanceType", "db.influx.large",
                                "deploymentType", "WITH_MULTIAZ_STANDBY", "allocatedStorage", 100.0, "dbStorageType", "InfluxIOIncludedT1")), 405.00),
                Arguments.of("composite alarm: $0.50",
                        res("aws:cloudwatch/compositeAlarm:CompositeAlarm", "c", "us-east-1", Map.of("alarmRule", "ALARM(a) OR ALARM(b)")), 0.50),
                Arguments.of("multi-Region replica key: $1",
                        res("aws:kms/replicaKey:ReplicaKey", "rk", "eu-west-1", Map.of()), 1.00),
                Arguments.of("100 GB gp3 volume in eu-west-1: 100 × $0.088",
                        res("aws:ebs/volume:Volume", "vol", "eu-west-1", Map.of("type", "gp3", "size", 100.0)), 8.80),
                Arguments.of("KMS key: $1",
                        res("aws:kms/key:Key", "key", "eu-west-1", Map.of("enableKeyRotation", true)), 1.00),
                Arguments.of("hosted zone + 20 M queries: 0.50 + 8.00",
                        res("aws:route53/zone:Zone", "zone", "us-east-1", Map.of("name", "example.com")), 8.50),
                Arguments.of("HTTPS health check of an ALB with latency measurement: 0.50 + 2 × 1.00",
                        res("aws:route53/healthCheck:HealthCheck", "hc", "us-east-1", Map.of("type", "HTTPS", "fqdn", "x.eu-west-1.elb.amazonaws.com",
                                "measureLatency", true, "requestInterval", 30.0)), 2.50),
                Arguments.of("HTTP health check of a non-AWS endpoint, fast interval: 0.75 + 2.00",
                        res("aws:route53/healthCheck:HealthCheck", "hc", "us-east-1", Map.of("type", "HTTP", "fqdn", "status.example.com",
                                "requestInterval", 10.0)), 2.75),
                Arguments.of("standard alarm: $0.10",
                        res("aws:cloudwatch/metricAlarm:MetricAlarm", "a", "us-east-1", Map.of("period", 300.0)), 0.10),
                Arguments.of("high-resolution alarm: $0.30",
                        res("aws:cloudwatch/metricAlarm:MetricAlarm", "a", "us-east-1", Map.of("period", 10.0)), 0.30),
                Arguments.of("flow logs, 30 GB at 90 days: 15.00 + 90 GB-months × 0.03",
                        res("aws:cloudwatch/logGroup:LogGroup", "flow", "us-east-1", Map.of("name", "/vpc/network/flow-logs", "retentionInDays", 90.0)), 17.70),
                Arguments.of("application log group, one of 2 in eu-west-1 at 20% of 50 GB: 5 GB × 0.57 + 15 GB-months × 0.03",
                        res("aws:cloudwatch/logGroup:LogGroup", "app-api-eu-west-1", "eu-west-1", Map.of("name", "/ultibiker/prod/api", "retentionInDays", 90.0)), 3.30),
                Arguments.of("WAF traffic logs, one 1.5 KiB record per request at 80% of 50 req/s (150.38 GB) at 90 days: 75.19 + 451.13 GB-months × 0.03",
                        res("aws:cloudwatch/logGroup:LogGroup", "waf-logs", "us-east-1", Map.of("name", "aws-waf-logs-ultibiker-prod-us-east-1",
                                "retentionInDays", 90.0)), 88.72),
                Arguments.of("EKS control-plane logs, 20 GB at 30 days: 10.00 + 0.60",
                        res("aws:cloudwatch/logGroup:LogGroup", "eks-logs", "us-east-1", Map.of("name", "/aws/eks/c/cluster", "retentionInDays", 30.0)), 10.60),
                Arguments.of("S3 bucket, 50 GB Standard: $1.15",
                        res("aws:s3/bucketV2:BucketV2", "b", "us-east-1", Map.of()), 1.15),
                Arguments.of("secret with one replica: 2 × $0.40",
                        res("aws:secretsmanager/secret:Secret", "s", "us-east-1", Map.of("replicas", List.of(Map.of("region", "eu-west-1")))), 0.80),
                Arguments.of("regional web ACL, 3 rules, 80% of 50 req/s (105.12 M requests): 5 + 3 + 63.072",
                        res("aws:wafv2/webAcl:WebAcl", "waf", "us-east-1", Map.of("scope", "REGIONAL", "rules", List.of(1, 2, 3))), 71.07),
                Arguments.of("CLOUDFRONT web ACL, 5 rules, the assets' requests (250 GB in 100 KiB objects, 2.62 M): 5 + 5 + 1.57",
                        res("aws:wafv2/webAcl:WebAcl", "assets-waf", "us-east-1", Map.of("scope", "CLOUDFRONT", "rules", List.of(1, 2, 3, 4, 5))), 11.57),
                Arguments.of("CLOUDFRONT web ACL logs, a 1.5 KiB record per asset request (3.75 GB) at 90 days: 1.875 + 11.25 GB-months × 0.03",
                        res("aws:cloudwatch/logGroup:LogGroup", "assets-waf-logs", "us-east-1", Map.of("name", "aws-waf-logs-ultibiker-prod-cloudfront",
                                "retentionInDays", 90.0)), 2.21),
                Arguments.of("CloudFront, 250 GB to viewers: 250 × $0.085",
                        res("aws:cloudfront/distribution:Distribution", "cdn", "us-east-1", Map.of()), 21.25),
                Arguments.of("backup vault, 500 GB warm: 500 × $0.095",
                        res("aws:backup/vault:Vault", "vault", "us-east-1", Map.of()), 47.50),
                Arguments.of("GuardDuty detector: 2 M events × $4 + 30 GB × $1",
                        res("aws:guardduty/detector:Detector", "gd", "us-east-1", Map.of()), 38.00),
                Arguments.of("CloudTrail trail, management events only: free",
                        res("aws:cloudtrail/trail:Trail", "trail", "us-east-1", Map.of()), 0.00),
                Arguments.of("ECR repository, 50 GB: 50 × $0.10",
                        res("aws:ecr/repository:Repository", "repo", "us-east-1", Map.of()), 5.00),
                Arguments.of("CI runner project, BUILD_GENERAL1_MEDIUM: 1,000 build minutes × $0.01",
                        res("aws:codebuild/project:Project", "runner", "us-east-1", Map.of("environment", Map.of("computeType", "BUILD_GENERAL1_MEDIUM"))), 10.00),
                Arguments.of("CI runner project, BUILD_GENERAL1_LARGE: 1,000 build minutes × $0.02 (the price follows the compute type)",
                        res("aws:codebuild/project:Project", "runner", "eu-west-1", Map.of("environment", Map.of("computeType", "BUILD_GENERAL1_LARGE"))), 20.00));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void monthlyDollars(String description, PlannedResource resource, double expectedUsd) {
        // The resource takes the place of the context resource of the same name (it is one of the region's gateways, balancers, ...).
        List<PlannedResource> plan = new ArrayList<>(context().stream().filter(r -> !r.name().equals(resource.name())).toList());
        plan.add(resource);
        Pricing.Context c = new Pricing.Context(table(), USAGE, PlanFacts.of(plan, "us-east-1"));
        double monthly = Pricing.price(resource, c).stream().mapToDouble(LineItem::monthlyUsd).sum();
        assertEquals(expectedUsd, CostReport.round(monthly), 0.001, description);
    }
}
