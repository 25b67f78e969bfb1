package com.ultibiker.platform.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ultibiker.platform.support.StackPlans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reviewer's part of {@code bin/plan}'s summary (issue 18.5): sizes, protected resources, what the
 * internet reaches, and the roles others assume with what they may do. Literal lines for dev and prod;
 * hand-built resources for what the committed stacks do not contain (a rule each, so the next resource
 * that opens a port or trusts a new principal shows up).
 */
class PlanReviewTest {

    @Test
    void devSizesPerComponentAndRegion() {
        assertEquals(List.of(
                "ultibiker:audit:Audit audit in us-east-1",
                "  log group /aws/cloudtrail/ultibiker-dev: kept 30 days",
                "ultibiker:data:Cache cache-us-east-1 in us-east-1",
                "  ElastiCache ultibiker-dev-redis: cache.t4g.small x 1, single-AZ",
                "  log group /aws/elasticache/ultibiker-dev-redis/engine-log: kept 30 days",
                "  log group /aws/elasticache/ultibiker-dev-redis/slow-log: kept 30 days",
                "ultibiker:data:Database database in us-east-1",
                "  RDS ultibiker-dev-postgres: db.t4g.medium postgres 16, storage 20 GiB up to 50 GiB gp3, single-AZ",
                "  log group /aws/rds/instance/ultibiker-dev-postgres/postgresql: kept 30 days",
                "  log group /aws/rds/instance/ultibiker-dev-postgres/upgrade: kept 30 days",
                "ultibiker:edge:PublicEntryPoint entry-us-east-1 in us-east-1",
                "  application load balancer entry-us-east-1-alb",
                "ultibiker:edge:WebAcl waf-us-east-1 in us-east-1",
                "  log group aws-waf-logs-ultibiker-dev-us-east-1: kept 30 days",
                "ultibiker:eks:EksCluster eks-us-east-1 in us-east-1",
                "  EKS cluster ultibiker-dev-us-east-1: Kubernetes 1.35",
                "  log group /aws/containerinsights/ultibiker-dev-us-east-1/application: kept 30 days",
                "  log group /aws/containerinsights/ultibiker-dev-us-east-1/dataplane: kept 30 days",
                "  log group /aws/containerinsights/ultibiker-dev-us-east-1/host: kept 30 days",
                "  log group /aws/containerinsights/ultibiker-dev-us-east-1/system: kept 30 days",
                "  log group /aws/eks/ultibiker-dev-us-east-1/cluster: kept 30 days",
                "  node group eks-us-east-1-analytics: t3.large 1-2 nodes (desired 1), ON_DEMAND, root 50 GiB gp3",
                "  node group eks-us-east-1-application: t3.medium 1-3 nodes (desired 1), ON_DEMAND, root 50 GiB gp3",
                "  node group eks-us-east-1-system: t3.medium 1-2 nodes (desired 1), ON_DEMAND, root 50 GiB gp3",
                "ultibiker:network:Network network-us-east-1 in us-east-1",
                "  NAT gateway network-us-east-1-nat-us-east-1a",
                "  log group /vpc/ultibiker-dev-us-east-1/flow-logs: kept 30 days",
                "ultibiker:timeseries:TimeSeries timeseries",
                "  StatefulSet ultibiker/influxdb: 1 replica(s), volume data 20Gi gp3-retain"), PlanReview.sizes(StackPlans.dev()));
    }

    @Test
    void prodSizesNameTheDataStoresReplicasAndSpotPools() {
        List<String> sizes = PlanReview.sizes(StackPlans.prod());
        for (String line : List.of(
                "  RDS ultibiker-prod-postgres: db.r6g.xlarge postgres 16, storage 500 GiB up to 2000 GiB gp3, Multi-AZ",
                "  RDS ultibiker-prod-postgres-standby: db.r6g.xlarge read replica of ultibiker-prod-postgres (us-east-1),"
                        + " storage from its source up to 2000 GiB gp3, Multi-AZ",
                "  ElastiCache ultibiker-prod-redis: cache.r7g.large x 3, Multi-AZ",
                "  ElastiCache ultibiker-prod-redis: cache.r7g.large x 2, Multi-AZ",
                "  Timestream for InfluxDB ultibiker-prod-influxdb: db.influx.large, 100 GiB InfluxIOIncludedT1, WITH_MULTIAZ_STANDBY",
                "  node group eks-us-east-1-application: c5.xlarge/c5a.xlarge/c6i.xlarge 3-20 nodes (desired 3), SPOT, root 50 GiB gp3",
                "  node group eks-eu-west-1-application: c5.xlarge/c5a.xlarge/c6i.xlarge 1-20 nodes (desired 1), SPOT, root 50 GiB gp3",
                "  NAT gateway network-eu-west-1-nat-eu-west-1c")) {
            assertTrue(sizes.contains(line), line + " in\n" + String.join("\n", sizes));
        }
        assertEquals(6, sizes.stream().filter(l -> l.startsWith("  NAT gateway ")).count(), "one NAT gateway per AZ, two regions");
    }

    @Test
    void protectedResourcesAreListedEveryOne() {
        assertEquals(List.of(), PlanReview.protectedResources(StackPlans.dev()), "dev protects nothing");
        List<String> prod = PlanReview.protectedResources(StackPlans.prod());
        assertEquals(64, prod.size(), String.join("\n", prod));
        for (String line : List.of("aws:cloudtrail/trail:Trail audit-trail", "aws:s3/bucketV2:BucketV2 audit-trail-bucket",
                "aws:kms/key:Key audit-trail-key", "aws:rds/instance:Instance database-primary", "aws:rds/instance:Instance database-replica-standby",
                "aws:backup/vault:Vault backup-eu-west-1-vault", "aws:backup/vaultLockConfiguration:VaultLockConfiguration backup-us-east-1-vault-lock",
                "aws:route53/zone:Zone dns-zone-zone", "aws:timestreaminfluxdb/dbInstance:DbInstance timeseries-influxdb",
                "aws:eks/cluster:Cluster eks-eu-west-1-cluster", "aws:kms/key:Key timeseries-key", "aws:iam/role:Role ci-deploy-role",
                "aws:iam/openIdConnectProvider:OpenIdConnectProvider ci-oidc-provider",
                "aws:s3/bucketV2:BucketV2 entry-us-east-1-logs", "aws:s3/bucketV2:BucketV2 uploads-bucket-replica",
                "aws:ecr/repository:Repository ecr-eu-west-1-api", "aws:kms/key:Key uploads-eu-west-1-key", "aws:s3/bucketV2:BucketV2 timeseries-export-bucket",
                "aws:kms/key:Key timeseries-export-key", "aws:s3/bucketV2:BucketV2 assets-bucket",
                "aws:s3/bucketV2:BucketV2 assets-bucket-replica", "aws:kms/key:Key assets-replica-key", "aws:kms/key:Key waf-eu-west-1-logs-key", "aws:elasticache/replicationGroup:ReplicationGroup cache-eu-west-1-redis",
                "aws:codestarconnections/connection:Connection ci-runners-eu-west-1-connection")) {
            assertTrue(prod.contains(line), line);
        }
    }

    @Test
    void devInternetExposure() {
        assertEquals(List.of(
                "CloudFront distribution assets-cdn: assets.dev.ultibiker.example.com, viewer TLS TLSv1.2_2021, NO web ACL",
                "EKS API ultibiker-dev-us-east-1: public endpoint from 0.0.0.0/0",
                "load balancer entry-us-east-1-alb: internet-facing, dualstack, web ACL ultibiker-dev-us-east-1",
                "security group entry-us-east-1-sg: tcp 443 from 0.0.0.0/0, ::/0",
                "security group entry-us-east-1-sg: tcp 80 from 0.0.0.0/0, ::/0"), PlanReview.internetReachable(StackPlans.dev()));
    }

    @Test
    void prodInternetExposure() {
        assertEquals(List.of(
                "CloudFront distribution assets-cdn: assets.ultibiker.example.com, viewer TLS TLSv1.2_2021, web ACL ultibiker-prod-cloudfront",
                "load balancer entry-eu-west-1-alb: internet-facing, dualstack, web ACL ultibiker-prod-eu-west-1",
                "load balancer entry-us-east-1-alb: internet-facing, dualstack, web ACL ultibiker-prod-us-east-1",
                "security group entry-eu-west-1-sg: tcp 443 from 0.0.0.0/0, ::/0",
                "security group entry-eu-west-1-sg: tcp 80 from 0.0.0.0/0, ::/0",
                "security group entry-us-east-1-sg: tcp 443 from 0.0.0.0/0, ::/0",
                "security group entry-us-east-1-sg: tcp 80 from 0.0.0.0/0, ::/0"), PlanReview.internetReachable(StackPlans.prod()));
    }

    @Test
    void aPrivateEksApiIsNotListed() {
        String eks = StackPlans.stackFile("dev").projectConfig().get("eks");
        assertTrue(eks.contains("\"endpointPublicAccess\":true"), eks);
        Plan plan = StackPlans.runWith("dev", Map.of("eks", eks.replace("\"endpointPublicAccess\":true", "\"endpointPublicAccess\":false")));
        assertTrue(PlanReview.internetReachable(plan).stream().noneMatch(l -> l.startsWith("EKS API")),
                String.join("\n", PlanReview.internetReachable(plan)));
    }

    @Test
    void everyWayOfOpeningAPortIsListedAndPrivateOnesAreNot() {
        List<PlanResource> resources = new ArrayList<>();
        resources.add(resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh-v4",
                Map.of("ipProtocol", "tcp", "fromPort", 22, "toPort", 22, "cidrIpv4", "0.0.0.0/0")));
        resources.add(resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh-v6",
                Map.of("ipProtocol", "-1", "cidrIpv6", "::/0")));
        resources.add(resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "office",
                Map.of("ipProtocol", "tcp", "fromPort", 22, "toPort", 22, "cidrIpv4", "198.51.100.0/24")));
        resources.add(resource("aws:ec2/securityGroupRule:SecurityGroupRule", "legacy",
                Map.of("type", "ingress", "protocol", "tcp", "fromPort", 5000, "toPort", 5010, "cidrBlocks", List.of("10.0.0.0/8", "0.0.0.0/0"))));
        resources.add(resource("aws:ec2/securityGroupRule:SecurityGroupRule", "egress-any",
                Map.of("type", "egress", "protocol", "-1", "cidrBlocks", List.of("0.0.0.0/0"))));
        resources.add(resource("aws:rds/instance:Instance", "public-db", Map.of("publiclyAccessible", true)));
        resources.add(resource("aws:lb/loadBalancer:LoadBalancer", "internal-alb", Map.of("internal", true)));
        resources.add(resource("aws:lb/loadBalancer:LoadBalancer", "bare-alb", Map.of("internal", false, "ipAddressType", "ipv4")));
        resources.add(resource("kubernetes:core/v1:Service", "svc",
                Map.of("metadata", Map.of("namespace", "app", "name", "web"), "spec", Map.of("type", "LoadBalancer"))));
        assertEquals(List.of(
                "Kubernetes Service app/web: LoadBalancer",
                "aws:rds/instance:Instance public-db: publicly accessible",
                "load balancer bare-alb: internet-facing, ipv4, NO web ACL",
                "security group rule legacy: tcp 5000-5010 from 0.0.0.0/0",
                "security group rule ssh-v4: tcp 22 from 0.0.0.0/0",
                "security group rule ssh-v6: all traffic from ::/0"), PlanReview.internetReachable(plan(resources)));
    }

    @Test
    void devRolesOthersAssumeWithWhatTheyMayDo() {
        List<String> roles = PlanReview.assumableRoles(StackPlans.dev());
        assertEquals(15, roles.stream().filter(l -> l.startsWith("role ")).count(), String.join("\n", roles));
        assertBlock(roles, List.of(
                "role audit-trail-delivery-role (ultibiker-dev-cloudtrail-delivery)",
                "  assumed by service cloudtrail.amazonaws.com if aws:SourceAccount StringEquals 123456789012",
                "  may: inline audit-trail-delivery-role-logs: logs (2): CreateLogStream PutLogEvents"));
        assertBlock(roles, List.of(
                "role backup-break-glass-role (ultibiker-dev-backup-break-glass)",
                "  assumed by aws arn:aws:iam::123456789012:root if aws:MultiFactorAuthPresent Bool true",
                "  may: inline backup-break-glass-role-restore: backup (7, 7 on any resource): DescribeBackupVault DescribeRecoveryPoint"
                        + " DescribeRestoreJob GetRecoveryPointRestoreMetadata ListRecoveryPointsByBackupVault ListRestoreJobs +1 more;"
                        + " iam (1): PassRole"));
        int deploy = roles.indexOf("role ci-deploy-role (ultibiker-dev-github-deploy)");
        assertTrue(deploy >= 0, String.join("\n", roles));
        assertEquals("  assumed by federated arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com if"
                + " token.actions.githubusercontent.com:aud StringEquals sts.amazonaws.com,"
                + " token.actions.githubusercontent.com:sub StringEquals repo:ultibiker/ultibiker-platform:environment:dev", roles.get(deploy + 1));
        assertEquals("  may: policy ci-deploy-image-push: ecr (6, 1 on any resource): BatchCheckLayerAvailability CompleteLayerUpload"
                + " GetAuthorizationToken InitiateLayerUpload PutImage UploadLayerPart", roles.get(deploy + 2));
        assertTrue(roles.get(deploy + 3).startsWith("  may: policy ci-deploy-policy-1: "), roles.get(deploy + 3));
        assertTrue(roles.stream().noneMatch(l -> l.contains("AdministratorAccess")), "no role is administrator by default");
        assertBlock(roles, List.of(
                "role eks-us-east-1-cluster-autoscaler-role",
                "  assumed by service pods.eks.amazonaws.com if aws:RequestTag/eks-cluster-name StringEquals ultibiker-dev-us-east-1,"
                        + " aws:RequestTag/kubernetes-namespace StringEquals kube-system, aws:RequestTag/kubernetes-service-account"
                        + " StringEquals cluster-autoscaler, aws:SourceAccount StringEquals 123456789012",
                "  via pod identity ultibiker-dev-us-east-1 kube-system/cluster-autoscaler",
                "  may: policy eks-us-east-1-cluster-autoscaler-policy: autoscaling (7, 5 on any resource): DescribeAutoScalingGroups"
                        + " DescribeAutoScalingInstances DescribeLaunchConfigurations DescribeScalingActivities DescribeTags"
                        + " SetDesiredCapacity +1 more; ec2 (4, 4 on any resource): DescribeImages DescribeInstanceTypes"
                        + " DescribeLaunchTemplateVersions GetInstanceTypesFromInstanceRequirements; eks (1): DescribeNodegroup"));
        assertBlock(roles, List.of(
                "role eks-us-east-1-cloudwatch-agent-role",
                "  assumed by service pods.eks.amazonaws.com if aws:RequestTag/eks-cluster-name StringEquals ultibiker-dev-us-east-1,"
                        + " aws:RequestTag/kubernetes-namespace StringEquals amazon-cloudwatch, aws:RequestTag/kubernetes-service-account"
                        + " StringEquals cloudwatch-agent, aws:SourceAccount StringEquals 123456789012",
                "  via pod identity ultibiker-dev-us-east-1 amazon-cloudwatch/cloudwatch-agent",
                "  may: policy eks-us-east-1-cloudwatch-agent-policy: logs (4): CreateLogGroup CreateLogStream DescribeLogStreams PutLogEvents"));
        assertBlock(roles, List.of(
                "role eks-us-east-1-node-role",
                "  assumed by service ec2.amazonaws.com (no condition)",
                "  may: managed policy arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
                "  may: managed policy arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
                "  may: managed policy arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"));
        assertBlock(roles, List.of(
                "role observability-alertmanager-role",
                "  assumed by service pods.eks.amazonaws.com if aws:RequestTag/eks-cluster-name StringEquals ultibiker-dev-us-east-1, "
                        + "aws:RequestTag/kubernetes-namespace StringEquals monitoring, aws:RequestTag/kubernetes-service-account StringEquals alertmanager, "
                        + "aws:SourceAccount StringEquals 123456789012",
                "  via pod identity ultibiker-dev-us-east-1 monitoring/alertmanager",
                "  may: inline observability-alertmanager-role-publish: kms (2): Decrypt GenerateDataKey*; sns (1): Publish"));
        assertBlock(roles, List.of(
                "role timeseries-export-role",
                "  assumed by service pods.eks.amazonaws.com if aws:RequestTag/eks-cluster-name StringEquals ultibiker-dev-us-east-1, "
                        + "aws:RequestTag/kubernetes-namespace StringEquals ultibiker, aws:RequestTag/kubernetes-service-account StringEquals influxdb-export, "
                        + "aws:SourceAccount StringEquals 123456789012",
                "  via pod identity ultibiker-dev-us-east-1 ultibiker/influxdb-export",
                "  may: inline timeseries-export-role-policy: cloudwatch (1, 1 on any resource): PutMetricData; kms (2): Decrypt GenerateDataKey;"
                        + " s3 (2): AbortMultipartUpload PutObject"));
    }

    @Test
    void prodListsTheRolesOfBothRegions() {
        List<String> roles = PlanReview.assumableRoles(StackPlans.prod());
        assertEquals(22, roles.stream().filter(l -> l.startsWith("role ")).count(), String.join("\n", roles));
        assertTrue(roles.contains("  assumed by federated arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com if"
                + " token.actions.githubusercontent.com:aud StringEquals sts.amazonaws.com,"
                + " token.actions.githubusercontent.com:sub StringEquals repo:ultibiker/ultibiker-platform:environment:production"),
                String.join("\n", roles));
    }

    @Test
    void anIrsaRoleAndAnotherAccountAreListedWithTheirGrants() {
        String trust = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::1:oidc-provider/oidc.eks.x/id/ABC\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"oidc.eks.x/id/ABC:sub\":"
                + "\"system:serviceaccount:app:api\"}}},{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::2:root\"]},"
                + "\"Action\":\"sts:AssumeRole\"},{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}";
        PlanResource role = resource("aws:iam/role:Role", "api-role", Map.of("assumeRolePolicy", trust, "name", "api"));
        PlanResource inline = resource("aws:iam/rolePolicy:RolePolicy", "api-read", Map.of("policy",
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"s3:GetObject\"],\"Resource\":\"*\"}}"),
                List.of(role.urn()));
        PlanResource unrelated = resource("aws:iam/role:Role", "no-trust", Map.of("assumeRolePolicy", "[unknown]"));
        assertEquals(List.of(
                "role api-role (api)",
                "  assumed by federated arn:aws:iam::1:oidc-provider/oidc.eks.x/id/ABC if oidc.eks.x/id/ABC:sub StringEquals"
                        + " system:serviceaccount:app:api",
                "  assumed by aws arn:aws:iam::2:root (no condition)",
                "  may: inline api-read: s3 (2, 2 on any resource): GetObject ListBucket"),
                PlanReview.assumableRoles(plan(List.of(role, inline, unrelated))));
    }

    @Test
    void theSummaryPrintsTheReviewSectionsWithTheirCounts() {
        String dev = PlanSummary.render(StackPlans.dev());
        assertTrue(dev.contains("\nFor review: protected resources (0):\n  (none)\n"), dev);
        assertTrue(dev.contains("\nFor review: reachable from the internet (5):\n  CloudFront distribution assets-cdn: "), dev);
        assertTrue(dev.contains("\nFor review: IAM roles other principals assume, and what they may do:\n  role audit-trail-delivery-role"), dev);
        String prod = PlanSummary.render(StackPlans.prod());
        assertTrue(prod.contains("\nFor review: protected resources (64):\n  aws:backup/vault:Vault backup-eu-west-1-vault\n"), prod);
        assertTrue(prod.contains("\nFor review: reachable from the internet (7):\n"), prod);
    }

    @Test
    void theReadmeCountsAreThePlansCounts() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(StackPlans.PROJECT_DIR.resolve("README.md"));
        int from = readme.indexOf("\n## What a stack creates\n");
        assertTrue(from >= 0, "README.md needs the section ## What a stack creates");
        String creates = readme.substring(from, readme.indexOf("\n## ", from + 1));
        Plan dev = StackPlans.dev();
        Plan prod = StackPlans.prod();
        for (String claim : List.of(
                "dev **" + total(dev) + " resources**",
                "prod **" + total(prod) + "**",
                "prod protects **" + PlanReview.protectedResources(prod).size() + "**",
                "internet exposure is " + PlanReview.internetReachable(dev).size() + " entries",
                "prod's " + PlanReview.internetReachable(prod).size() + " (")) {
            assertTrue(creates.contains(claim), "README, What a stack creates, should say: " + claim + "\n" + creates);
        }
        String review = readme.substring(readme.indexOf("**For review**"));
        for (String claim : List.of(
                "(dev " + PlanReview.protectedResources(dev).size() + ", prod " + PlanReview.protectedResources(prod).size() + ")",
                "(dev " + PlanReview.internetReachable(dev).size() + " entries, prod " + PlanReview.internetReachable(prod).size() + ")",
                "(dev " + roles(dev) + " roles, prod " + roles(prod) + ")")) {
            assertTrue(review.contains(claim), "README, For review, should say: " + claim);
        }
    }

    /** What the summary's "Total" counts: custom resources other than providers. */
    private static long total(Plan plan) {
        return plan.resources().stream().filter(r -> r.custom() && !r.type().startsWith("pulumi:providers:")).count();
    }

    private static long roles(Plan plan) {
        return PlanReview.assumableRoles(plan).stream().filter(l -> l.startsWith("role ")).count();
    }

    private static void assertBlock(List<String> lines, List<String> block) {
        int at = lines.indexOf(block.get(0));
        assertTrue(at >= 0, block.get(0) + " in\n" + String.join("\n", lines));
        assertEquals(block, lines.subList(at, Math.min(lines.size(), at + block.size())));
        int next = at + block.size();
        assertTrue(next == lines.size() || lines.get(next).startsWith("role "), () -> "no more lines for " + block.get(0) + ": " + lines.get(next));
    }

    private static PlanResource resource(String type, String name, Map<String, Object> props) {
        return resource(type, name, props, List.of());
    }

    private static PlanResource resource(String type, String name, Map<String, Object> props, List<String> dependencies) {
        return new PlanResource("urn:pulumi:t::p::" + type + "::" + name, type, name, "us-east-1", null, dependencies, false,
                List.of(), false, true, null, List.of(), props);
    }

    private static Plan plan(List<PlanResource> resources) {
        return new Plan("p", "t", Map.of(), resources, List.of());
    }
}
