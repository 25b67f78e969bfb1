package com.ultibiker.platform.ci;

import com.google.gson.Gson;
import com.ultibiker.platform.config.ConfigException;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 4: CodeBuild-hosted GitHub Actions runners inside the VPCs, as the stacks register them under mocks.
 * Verified against the CodeBuild API reference (ProjectSource type GITHUB with SourceAuth CODECONNECTIONS, VpcConfig,
 * WebhookFilter EVENT WORKFLOW_JOB_QUEUED) and terraform-provider-aws (aws_codebuild_project: name ForceNew,
 * vpc_config at most 16 subnets and 5 security groups, build_timeout 5-2160; aws_codebuild_webhook: project_name
 * ForceNew; aws_codestarconnections_connection: name and provider_type ForceNew).
 */
class CiRunnersTest {

    static final String PROJECT = "aws:codebuild/project:Project";
    static final String WEBHOOK = "aws:codebuild/webhook:Webhook";
    static final String CONNECTION = "aws:codestarconnections/connection:Connection";
    static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String EGRESS = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
    static final String ROUTE = "aws:ec2/route:Route";
    static final String PEERING = "aws:ec2/vpcPeeringConnection:VpcPeeringConnection";
    static final String ACCEPTER = "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter";

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object document) {
        return new Gson().fromJson(String.valueOf(document), Map.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> statements(Object document) {
        return (List<Map<String, Object>>) json(document).get("Statement");
    }

    static String ciSection(String stack) {
        return StackPlans.stackFile(stack).projectConfig().get("ci");
    }

    static Plan prodWithRunners(String runnersJson) {
        String ci = ciSection("prod");
        return StackPlans.runWith("prod", Map.of("ci", ci.replaceFirst("\"runners\":\\{[^}]*}", "\"runners\":" + runnersJson)));
    }

    @Test
    void prodHasOneRunnerProjectPerRegionInThatRegionsPrivateSubnetsAndOwnSecurityGroup() {
        Plan prod = StackPlans.prod();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            PlanResource project = prod.require(PROJECT, "ci-runners-" + region + "-project");
            assertEquals(region, project.region());
            assertEquals("ultibiker-prod-runner-" + region, project.prop("name"), "the runs-on label is codebuild-<this>-<run id>-<attempt>");
            assertEquals(List.of("network-" + region + "-private-" + region + "a-id", "network-" + region + "-private-" + region + "b-id",
                    "network-" + region + "-private-" + region + "c-id"), project.prop("vpcConfig.subnets"));
            assertEquals("network-" + region + "-vpc-id", project.prop("vpcConfig.vpcId"));
            assertEquals(List.of("ci-runners-" + region + "-sg-id"), project.prop("vpcConfig.securityGroupIds"));
            assertEquals("GITHUB", project.prop("source.type"));
            assertEquals("https://github.com/ultibiker/ultibiker-platform.git", project.prop("source.location"));
            assertEquals("CODECONNECTIONS", project.prop("source.auth.type"));
            assertEquals(prod.outputs().get("ciRunnerConnectionArn." + region), project.prop("source.auth.resource"),
                    "each region's project uses its own region's connection (a us-east-1 outage leaves eu-west-1's runner working)");
            assertEquals(Map.of("type", "LINUX_CONTAINER", "computeType", "BUILD_GENERAL1_MEDIUM", "image", "aws/codebuild/standard:7.0",
                    "imagePullCredentialsType", "CODEBUILD", "privilegedMode", false), project.prop("environment"));
            assertEquals(Map.of("type", "NO_ARTIFACTS"), project.prop("artifacts"));
            assertEquals(240.0, ((Number) project.prop("buildTimeout")).doubleValue(), "above the deploy jobs' 180 minutes (CodeBuild's default is 60)");
            assertEquals("/aws/codebuild/ultibiker-prod-runner-" + region, project.prop("logsConfig.cloudwatchLogs.groupName"));

            PlanResource webhook = prod.require(WEBHOOK, "ci-runners-" + region + "-webhook");
            assertEquals("ultibiker-prod-runner-" + region, webhook.prop("projectName"));
            assertEquals(List.of(Map.of("filters", List.of(Map.of("type", "EVENT", "pattern", "WORKFLOW_JOB_QUEUED")))), webhook.prop("filterGroups"));
        }
    }

    @Test
    void theRunnerSecurityGroupOnlyReachesHttpsAndTheClusterApiAdmitsItOn443() {
        Plan prod = StackPlans.prod();
        for (String region : List.of("us-east-1", "eu-west-1")) {
            List<PlanResource> egress = prod.where(r -> r.type().equals(EGRESS) && "ci-runners-" .concat(region).concat("-sg-id").equals(r.prop("securityGroupId")));
            assertEquals(1, egress.size(), region);
            assertEquals("tcp 443-443 0.0.0.0/0", rule(egress.get(0)) + " " + egress.get(0).prop("cidrIpv4"));
            PlanResource rule = prod.require(INGRESS, "ci-runners-" + region + "-cluster-api");
            assertEquals("eks-" + region + "-cluster-cluster-sg-id", rule.prop("securityGroupId"),
                    "the EKS-created cluster security group (the cluster's vpcConfig.clusterSecurityGroupId), which the API's network interfaces carry");
            assertEquals("ci-runners-" + region + "-sg-id", rule.prop("referencedSecurityGroupId"));
            assertEquals("tcp 443-443", rule(rule));
        }
    }

    @Test
    void thePrimarysRunnerReachesTheStandbysPrivateApiOverAPeeringWithRoutesBothWays() {
        Plan prod = StackPlans.prod();
        PlanResource peering = prod.require(PEERING, "ci-runners-us-east-1-to-eu-west-1");
        assertEquals("us-east-1", peering.region());
        assertEquals(List.of("network-us-east-1-vpc-id", "network-eu-west-1-vpc-id", "eu-west-1"),
                List.of(peering.prop("vpcId"), peering.prop("peerVpcId"), peering.prop("peerRegion")));
        PlanResource accepter = prod.require(ACCEPTER, "ci-runners-us-east-1-to-eu-west-1-accepter");
        assertEquals("eu-west-1", accepter.region());
        assertEquals(true, accepter.prop("autoAccept"));
        Set<String> routes = prod.ofType(ROUTE).stream().filter(r -> r.name().startsWith("ci-runners-"))
                .map(r -> r.region() + " " + r.prop("routeTableId") + " -> " + r.prop("destinationCidrBlock")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of(
                "eu-west-1 network-eu-west-1-private-eu-west-1a-rt-id -> 10.0.0.0/16",
                "eu-west-1 network-eu-west-1-private-eu-west-1b-rt-id -> 10.0.0.0/16",
                "eu-west-1 network-eu-west-1-private-eu-west-1c-rt-id -> 10.0.0.0/16",
                "us-east-1 network-us-east-1-private-us-east-1a-rt-id -> 10.1.0.0/16",
                "us-east-1 network-us-east-1-private-us-east-1b-rt-id -> 10.1.0.0/16",
                "us-east-1 network-us-east-1-private-us-east-1c-rt-id -> 10.1.0.0/16")), routes);
        PlanResource rule = prod.require(INGRESS, "ci-runners-us-east-1-to-eu-west-1-cluster-api");
        assertEquals("eks-eu-west-1-cluster-cluster-sg-id", rule.prop("securityGroupId"));
        assertEquals("tcp 443-443 10.0.0.0/16", rule(rule) + " " + rule.prop("cidrIpv4"),
                "cross-region peering carries no security group references: the primary VPC's range");
    }

    @Test
    void theRunnerRoleMayOnlyWriteItsLogsPlaceItsNetworkInterfacesAndUseItsConnectionsNoDeployRight() {
        Plan prod = StackPlans.prod();
        PlanResource role = prod.require(CiRoles.ROLE, "ci-runners-role");
        assertEquals("ultibiker-prod-github-runner", role.prop("name"), "under the CI prefix: the boundary keeps every bounded role off it");
        List<Map<String, Object>> trust = statements(role.prop("assumeRolePolicy"));
        assertEquals(1, trust.size());
        assertEquals(Map.of("Service", "codebuild.amazonaws.com"), trust.get(0).get("Principal"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012"),
                "ArnLike", Map.of("aws:SourceArn", List.of("arn:aws:codebuild:eu-west-1:123456789012:project/ultibiker-prod-runner-eu-west-1",
                        "arn:aws:codebuild:us-east-1:123456789012:project/ultibiker-prod-runner-us-east-1"))), trust.get(0).get("Condition"));

        PlanResource policy = prod.require("aws:iam/rolePolicy:RolePolicy", "ci-runners-role-runner");
        Set<String> actions = new TreeSet<>();
        statements(policy.prop("policy")).forEach(s -> actions.addAll(PolicyEvaluation.strings(s.get("Action"))));
        assertEquals(new TreeSet<>(List.of("codeconnections:GetConnection", "codeconnections:GetConnectionToken", "codeconnections:UseConnection",
                "codestar-connections:GetConnection", "codestar-connections:GetConnectionToken", "codestar-connections:UseConnection",
                "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface", "ec2:DescribeDhcpOptions",
                "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
                "logs:CreateLogStream", "logs:PutLogEvents")), actions);
        assertEquals(List.of(), CiRoles.attachedArns(prod, "ultibiker-prod-github-runner"), "no managed policy");
        assertFalse(PolicyEvaluation.allows(List.of(String.valueOf(policy.prop("policy"))), "sts:AssumeRole"),
                "the jobs get AWS rights through OIDC from GitHub, never from the runner's role");
    }

    @Test
    void networkInterfacePermissionsOnlyForTheRunnerSubnetsAndOnlyForCodeBuild() {
        PlanResource policy = StackPlans.prod().require("aws:iam/rolePolicy:RolePolicy", "ci-runners-role-runner");
        Map<String, Object> eni = statements(policy.prop("policy")).stream()
                .filter(s -> PolicyEvaluation.strings(s.get("Action")).contains("ec2:CreateNetworkInterfacePermission")).findFirst().orElseThrow();
        assertEquals(List.of("arn:aws:ec2:eu-west-1:123456789012:network-interface/*", "arn:aws:ec2:us-east-1:123456789012:network-interface/*"),
                PolicyEvaluation.strings(eni.get("Resource")).stream().sorted().toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> equals = (Map<String, Object>) ((Map<String, Object>) eni.get("Condition")).get("StringEquals");
        assertEquals("codebuild.amazonaws.com", equals.get("ec2:AuthorizedService"));
        List<String> subnets = PolicyEvaluation.strings(equals.get("ec2:Subnet")).stream().sorted().toList();
        assertEquals(6, subnets.size());
        assertTrue(subnets.contains("arn:aws:ec2:us-east-1:123456789012:subnet/network-us-east-1-private-us-east-1a-id"), subnets.toString());
        assertTrue(subnets.stream().noneMatch(s -> s.contains("public") || s.contains("database")), "private subnets only: " + subnets);
    }

    @Test
    void firstUpWithAPendingConnectionCreatesTheConnectionsAndNoProjectOrWebhookThatCodeBuildWouldRefuse() {
        Plan pending = prodWithRunners("{\"connection\":\"pending\"}");
        assertEquals(2, pending.ofType(CONNECTION).size());
        assertEquals(List.of(), pending.ofType(PROJECT));
        assertEquals(List.of(), pending.ofType(WEBHOOK));
        assertEquals("pending", pending.outputs().get("ciRunnerConnection"));
        assertTrue(pending.named(CiRoles.ROLE, "ci-runners-role").isPresent(), "network, role and peering are ready for the second up");
        Plan available = StackPlans.prod();
        assertEquals("available", available.outputs().get("ciRunnerConnection"));
        Set<String> pendingUrns = pending.resources().stream().map(PlanResource::urn).collect(Collectors.toSet());
        Set<String> added = available.resources().stream().map(PlanResource::urn).filter(u -> !pendingUrns.contains(u))
                .map(u -> u.substring(u.lastIndexOf("::") + 2)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("ci-runners-eu-west-1-project", "ci-runners-eu-west-1-webhook",
                "ci-runners-us-east-1-project", "ci-runners-us-east-1-webhook")), added, "the second up adds exactly the projects and webhooks");
    }

    @Test
    void theConnectionsAreProtectedInProductionANewOneNeedsANewHandshake() {
        for (PlanResource c : StackPlans.prod().ofType(CONNECTION)) {
            assertTrue(c.protect(), c.name());
            assertTrue(String.valueOf(c.prop("name")).length() <= 32, "CodeConnections names are at most 32 characters: " + c.prop("name"));
        }
    }

    @Test
    void runnersAreOnByDefaultOnlyWhereCiIsOnAndTheClusterApiIsPrivate() {
        assertEquals(List.of(), StackPlans.dev().ofType(CONNECTION), "dev's API is public: GitHub-hosted runners reach it");
        String eks = StackPlans.stackFile("dev").projectConfig().get("eks")
                .replace("\"endpointPublicAccess\":true", "\"endpointPublicAccess\":false").replaceFirst(",?\"publicAccessCidrs\":\\[[^]]*]", "");
        Plan privateDev = StackPlans.runWith("dev", Map.of("eks", eks));
        assertEquals(1, privateDev.ofType(CONNECTION).size(), "one region, one runner");
        assertEquals(List.of(), privateDev.ofType(PEERING), "no other region to peer");
        assertEquals(List.of(), privateDev.ofType(PROJECT), "pending by default: a first up never asks for a project through a pending connection");
    }

    private static Map<String, String> prodConfigWith(String ci) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("ci", ci);
        return raw;
    }

    @Test
    void aComputeTypeOrImageTheRunnerCannotUseIsRefusedNamingKeyValueAndWhatIsAllowed() {
        String ci = ciSection("prod").replaceFirst("\"runners\":\\{[^}]*}",
                "\"runners\":{\"connection\":\"available\",\"computeType\":\"BUILD_GENERAL1_HUGE\",\"image\":\"ubuntu:latest\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> StackConfigParser.parse("ultibiker-platform", prodConfigWith(ci)));
        assertTrue(e.getMessage().contains("ci.runners.computeType") && e.getMessage().contains("BUILD_GENERAL1_HUGE")
                && e.getMessage().contains("BUILD_GENERAL1_SMALL, BUILD_GENERAL1_MEDIUM, BUILD_GENERAL1_LARGE, BUILD_GENERAL1_XLARGE, BUILD_GENERAL1_2XLARGE"), e.getMessage());
        assertTrue(e.getMessage().contains("ci.runners.image") && e.getMessage().contains("ubuntu:latest")
                && e.getMessage().contains("aws/codebuild/standard:7.0, aws/codebuild/amazonlinux-x86_64-standard:5.0"), e.getMessage());
    }

    @Test
    void runnersWithoutCiAndAnUnknownConnectionStateAreRefused() {
        String off = ciSection("prod").replace("\"enabled\":true", "\"enabled\":false");
        ConfigException e = assertThrows(ConfigException.class, () -> StackConfigParser.parse("ultibiker-platform",
                prodConfigWith(off.replaceFirst("\"runners\":\\{", "\"runners\":{\"enabled\":true,"))));
        assertTrue(e.getMessage().contains("ci.runners.enabled"), e.getMessage());
        ConfigException bad = assertThrows(ConfigException.class, () -> StackConfigParser.parse("ultibiker-platform",
                prodConfigWith(ciSection("prod").replace("\"connection\":\"available\"", "\"connection\":\"done\""))));
        assertTrue(bad.getMessage().contains("ci.runners.connection") && bad.getMessage().contains("pending, available"), bad.getMessage());
    }

    @Test
    void aChangedComputeTypeAndAnAddedZoneReplaceNoRunnerResource() {
        Plan before = StackPlans.prod();
        Plan larger = prodWithRunners("{\"connection\":\"available\",\"computeType\":\"BUILD_GENERAL1_LARGE\"}");
        assertEquals(names(before), names(larger), "the compute type is an UpdateProject in place; no resource is added or renamed");
        assertEquals("BUILD_GENERAL1_LARGE", larger.require(PROJECT, "ci-runners-us-east-1-project").prop("environment.computeType"));
    }

    private static String rule(PlanResource r) {
        return r.prop("ipProtocol") + " " + ((Number) r.prop("fromPort")).intValue() + "-" + ((Number) r.prop("toPort")).intValue();
    }

    private static Set<String> names(Plan plan) {
        return plan.resources().stream().filter(r -> r.name().startsWith("ci-runners")).map(PlanResource::urn).collect(Collectors.toCollection(TreeSet::new));
    }
}
