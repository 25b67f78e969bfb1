package com.ultibiker.platform.ci;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.Webhook;
import com.pulumi.aws.codebuild.WebhookArgs;
import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigCloudwatchLogsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceAuthArgs;
import com.pulumi.aws.codebuild.inputs.ProjectVpcConfigArgs;
import com.pulumi.aws.codebuild.inputs.WebhookFilterGroupArgs;
import com.pulumi.aws.codebuild.inputs.WebhookFilterGroupFilterArgs;
import com.pulumi.aws.codestarconnections.Connection;
import com.pulumi.aws.codestarconnections.ConnectionArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcPeeringConnection;
import com.pulumi.aws.ec2.VpcPeeringConnectionAccepter;
import com.pulumi.aws.ec2.VpcPeeringConnectionAccepterArgs;
import com.pulumi.aws.ec2.VpcPeeringConnectionArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CodeBuild-hosted GitHub Actions runners inside the stack's VPCs (issue 14 item 4), so that jobs reach a private
 * Kubernetes API. Per site (region whose cluster API is private):
 * <ul>
 *   <li>a CodeConnections connection to GitHub ({@code <name>-<region>-connection}); AWS creates it PENDING and only
 *       the console handshake makes it available (docs/ci-setup.md), so with {@code ci.runners.connection: pending} the
 *       component stops here and creates no project or webhook, which CodeBuild would refuse through a pending
 *       connection;</li>
 *   <li>a security group with HTTPS egress only, and an ingress rule on the cluster's security group admitting it on 443;</li>
 *   <li>an encrypted log group for the builds, and the CodeBuild project ({@code <project>-<env>-runner-<region>}: the
 *       label {@code codebuild-<project name>-${{ github.run_id }}-${{ github.run_attempt }}}, CodeBuild User Guide,
 *       "Label overrides supported with the CodeBuild-hosted GitHub Actions runner") in the private subnets, with its
 *       webhook filtered on {@code WORKFLOW_JOB_QUEUED} (API WebhookFilter: EVENT pattern);</li>
 * </ul>
 * one service role for all sites ({@link RunnerPolicies}: logs, the VPC network interfaces, the connections; no deploy
 * right: the jobs assume the deploy and preview roles through OIDC as on GitHub-hosted runners), and, in a stack with
 * a second region, a VPC peering from the primary VPC to each other site's VPC with routes both ways and an ingress
 * rule on that cluster's security group for the primary VPC's range: the stack's {@code preview}/{@code up} runs on the
 * primary's runner and manages both clusters. EKS resolves a private-only endpoint to its private addresses through
 * public DNS (EKS User Guide, "Cluster API server endpoint"), so the peered runner reaches it by name.
 *
 * <p>Provider facts relied on (terraform-provider-aws): aws_codebuild_project {@code name} is ForceNew (the region is in
 * the name, nothing else that changes is), {@code vpc_config} holds at most 16 subnets and 5 security groups,
 * {@code build_timeout} 5-2160, and CreateProject is retried while CodeBuild reports "not authorized to perform"
 * (the service role's EC2 rights, checked at creation: the project waits for the role policy);
 * aws_codebuild_webhook {@code project_name} is ForceNew, filter groups update in place;
 * aws_codestarconnections_connection {@code name} and {@code provider_type} are ForceNew.
 */
public final class CiRunners extends ComponentResource {

    public static final String TYPE = "ultibiker:ci:CiRunners";

    private final Map<String, Output<String>> connectionArns = new LinkedHashMap<>();
    private final Map<String, String> projectNames = new LinkedHashMap<>();

    public CiRunners(String name, CiRunnersArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var tagging = args.tagging();
        var naming = args.naming();
        var primary = args.sites().get(0).region();

        List<Output<RunnerPolicies.Site>> policySites = new ArrayList<>();
        Map<String, Connection> connections = new LinkedHashMap<>();
        Map<String, SecurityGroup> groups = new LinkedHashMap<>();
        Map<String, LogGroup> logGroups = new LinkedHashMap<>();
        for (CiRunnersArgs.Site site : args.sites()) {
            var region = site.region();
            String regionName = region.name();
            String projectName = CiRunnersArgs.projectName(naming, regionName);
            projectNames.put(regionName, projectName);

            String connectionName = Naming.child(name, regionName + "-connection");
            var connection = new Connection(connectionName, ConnectionArgs.builder()
                    .name(naming.physical(regionName))
                    .providerType("GitHub")
                    .tags(tagging.tags(connectionName))
                    .build(), args.protection().options(region.childOf(this)).build());
            connections.put(regionName, connection);
            connectionArns.put(regionName, connection.arn());

            String sgName = Naming.child(name, regionName + "-sg");
            // Rules are standalone resources (see NodePools): the provider revokes the default egress on create.
            var sg = new SecurityGroup(sgName, SecurityGroupArgs.builder()
                    .vpcId(site.network().vpcId())
                    .description("CodeBuild-hosted GitHub Actions runners of " + naming.prefix() + "; the cluster API admits this group")
                    .tags(tagging.tags(sgName, Map.of("Purpose", "ci-runners")))
                    .build(), region.child(this));
            groups.put(regionName, sg);
            String egressName = Naming.child(sgName, "egress-https");
            new SecurityGroupEgressRule(egressName, SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(sg.id())
                    .description("HTTPS: GitHub, registries, the Pulumi backend, AWS APIs and the cluster API")
                    .ipProtocol("tcp").fromPort(443).toPort(443)
                    .cidrIpv4("0.0.0.0/0")
                    .tags(tagging.tags(egressName))
                    .build(), region.child(this));
            String ingressName = Naming.child(name, regionName + "-cluster-api");
            new SecurityGroupIngressRule(ingressName, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(site.cluster().clusterSecurityGroupId())
                    .description("Kubernetes API from the CI runners of " + regionName)
                    .ipProtocol("tcp").fromPort(443).toPort(443)
                    .referencedSecurityGroupId(sg.id())
                    .tags(tagging.tags(ingressName))
                    .build(), region.child(this));

            String keyName = Naming.child(name, regionName + "-logs-key");
            var key = EncryptionKeys.create(keyName, "Encrypts the CI runners' build logs in " + regionName, this, region, tagging,
                    args.protection(), scope -> List.of(KeyPolicies.ServiceGrant.cloudWatchLogs(scope.partition(), scope.region(), scope.accountId())));
            String logGroupName = Naming.child(name, regionName + "-logs");
            var logGroup = new LogGroup(logGroupName, LogGroupArgs.builder()
                    .name(RunnerPolicies.logGroupName(projectName))
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(key.arn())
                    .tags(tagging.tags(logGroupName))
                    .build(), region.child(this));
            logGroups.put(regionName, logGroup);

            policySites.add(Output.tuple(site.network().privateSubnetIds(), connection.arn())
                    .applyValue(t -> RunnerPolicies.Site.builder().region(regionName).projectName(projectName)
                            .subnetIds(t.t1).connectionArn(t.t2).build()));
        }

        String roleName = Naming.child(name, "role");
        String rolePhysical = naming.physical("github-runner");
        Map<String, String> projects = Map.copyOf(projectNames);
        var role = new Role(roleName, RoleArgs.builder()
                .name(rolePhysical)
                .description("CodeBuild-hosted GitHub Actions runners of " + naming.prefix() + " (logs, network interfaces, GitHub connection)")
                .assumeRolePolicy(Output.tuple(primary.partition(), primary.accountId()).applyValue(t -> RunnerPolicies.trustPolicy(t.t1, t.t2,
                        projects.entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(e -> RunnerPolicies.projectArn(t.t1, e.getKey(), t.t2, e.getValue())).toList())))
                .tags(tagging.tags(rolePhysical))
                .build(), primary.child(this));
        var rolePolicy = new RolePolicy(Naming.child(roleName, "runner"), RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(primary.partition(), primary.accountId(), Output.all(policySites)).applyValue(t ->
                        RunnerPolicies.servicePolicy(t.t1, t.t2, t.t3)))
                .build(), primary.child(this));

        if (args.settings().projects()) {
            for (CiRunnersArgs.Site site : args.sites()) {
                project(name, site, args, role, rolePolicy, connections.get(site.region().name()), groups.get(site.region().name()),
                        logGroups.get(site.region().name()));
            }
        }
        for (CiRunnersArgs.Site other : args.sites().subList(1, args.sites().size())) {
            peering(name, args.sites().get(0), other, args);
        }

        registerOutputs(Map.of("connectionArns", Output.all(List.copyOf(connectionArns.values()))));
    }

    private void project(String name, CiRunnersArgs.Site site, CiRunnersArgs args, Role role, RolePolicy rolePolicy,
                         Connection connection, SecurityGroup sg, LogGroup logGroup) {
        var region = site.region();
        String regionName = region.name();
        String projectName = projectNames.get(regionName);
        String projectResource = Naming.child(name, regionName + "-project");
        var project = new Project(projectResource, ProjectArgs.builder()
                .name(projectName)
                .description("GitHub Actions runner in the private subnets of " + regionName + " for " + args.githubRepository())
                .serviceRole(role.arn())
                // A runner project: GitHub's workflow_job event starts the build, which runs the job's steps; no buildspec.
                .source(ProjectSourceArgs.builder()
                        .type("GITHUB")
                        .location("https://github.com/" + CiRunnersArgs.repositoryPath(args.githubRepository()) + ".git")
                        .auth(ProjectSourceAuthArgs.builder().type("CODECONNECTIONS").resource(connection.arn()).build())
                        .build())
                .artifacts(ProjectArtifactsArgs.builder().type("NO_ARTIFACTS").build())
                .environment(ProjectEnvironmentArgs.builder()
                        .type("LINUX_CONTAINER")
                        .computeType(args.settings().computeType())
                        .image(args.settings().image())
                        .imagePullCredentialsType("CODEBUILD")
                        .privilegedMode(false)
                        .build())
                .vpcConfig(ProjectVpcConfigArgs.builder()
                        .vpcId(site.network().vpcId())
                        .subnets(site.network().privateSubnetIds())
                        .securityGroupIds(sg.id().applyValue(List::of))
                        .build())
                .logsConfig(ProjectLogsConfigArgs.builder()
                        .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                                .status("ENABLED")
                                .groupName(logGroup.name())
                                .build())
                        .build())
                .buildTimeout(CiRunnersArgs.BUILD_TIMEOUT_MINUTES)
                .concurrentBuildLimit(CiRunnersArgs.CONCURRENT_BUILDS)
                .tags(args.tagging().tags(projectName))
                .build(), CustomResourceOptions.builder().parent(this).provider(region.provider())
                .dependsOn(rolePolicy, logGroup).build());
        String webhookName = Naming.child(name, regionName + "-webhook");
        new Webhook(webhookName, WebhookArgs.builder()
                .projectName(project.name())
                .buildType("BUILD")
                .filterGroups(WebhookFilterGroupArgs.builder()
                        .filters(WebhookFilterGroupFilterArgs.builder().type("EVENT").pattern("WORKFLOW_JOB_QUEUED").build())
                        .build())
                .build(), region.child(this));
    }

    /** The primary's runner reaches {@code other}'s private API: peering, routes both ways, 443 from the primary VPC. */
    private void peering(String name, CiRunnersArgs.Site primary, CiRunnersArgs.Site other, CiRunnersArgs args) {
        var tagging = args.tagging();
        String otherRegion = other.region().name();
        String peeringName = Naming.child(name, primary.region().name() + "-to-" + otherRegion);
        var peering = new VpcPeeringConnection(peeringName, VpcPeeringConnectionArgs.builder()
                .vpcId(primary.network().vpcId())
                .peerVpcId(other.network().vpcId())
                .peerRegion(otherRegion)
                .tags(tagging.tags(peeringName))
                .build(), primary.region().child(this));
        String accepterName = Naming.child(peeringName, "accepter");
        var accepter = new VpcPeeringConnectionAccepter(accepterName, VpcPeeringConnectionAccepterArgs.builder()
                .vpcPeeringConnectionId(peering.id())
                .autoAccept(true)
                .tags(tagging.tags(accepterName))
                .build(), other.region().child(this));
        routes(peeringName + "-to", primary, other.network().vpcCidr(), accepter);
        routes(peeringName + "-back", other, primary.network().vpcCidr(), accepter);
        String ruleName = Naming.child(peeringName, "cluster-api");
        new SecurityGroupIngressRule(ruleName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(other.cluster().clusterSecurityGroupId())
                .description("Kubernetes API from the " + primary.region().name() + " VPC over the peering (CI runners there)")
                .ipProtocol("tcp").fromPort(443).toPort(443)
                .cidrIpv4(primary.network().vpcCidr())
                .tags(tagging.tags(ruleName))
                .build(), other.region().child(this));
    }

    private void routes(String prefix, CiRunnersArgs.Site site, Output<String> destination, VpcPeeringConnectionAccepter accepter) {
        for (var table : site.network().privateRouteTableIdsByName().entrySet()) {
            new Route(prefix + "-" + table.getKey(), RouteArgs.builder()
                    .routeTableId(table.getValue())
                    .destinationCidrBlock(destination)
                    .vpcPeeringConnectionId(accepter.vpcPeeringConnectionId())
                    .build(), site.region().child(this));
        }
    }

    /** The CodeBuild project name per region ({@code codebuild-<name>-...} is its runs-on label). */
    public Map<String, String> projectNames() {
        return Map.copyOf(projectNames);
    }

    /** The connection ARN per region: each needs its one-time handshake in the console (docs/ci-setup.md). */
    public Map<String, Output<String>> connectionArns() {
        return Map.copyOf(connectionArns);
    }
}
