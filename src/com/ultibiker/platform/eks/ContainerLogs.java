package com.ultibiker.platform.eks;

import com.ultibiker.platform.common.JsonDocuments;
import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pure facts of the {@code amazon-cloudwatch-observability} add-on's container logs: the log groups its Fluent
 * Bit writes to, the add-on configuration, and the least privilege of its {@code cloudwatch-agent} service
 * account.
 *
 * <p>Fluent Bit's default configuration writes to {@code /aws/containerinsights/<cluster>/application} (container
 * stdout/stderr), {@code /dataplane} (kubelet, containerd, kube-proxy, VPC CNI) and {@code /host} (the nodes'
 * dmesg, messages, secure), and creates a group that does not exist, unencrypted and without retention
 * (CloudWatch User Guide, "Install the CloudWatch agent with the Amazon CloudWatch Observability EKS add-on",
 * "Use a custom Fluent Bit configuration"; chart values of aws-observability/helm-charts 6.3.0,
 * {@code containerLogs.fluentBit.config.extraFiles}). The program creates every one of them first, encrypted
 * and with the stack's retention. One extra file, {@code system-log.conf}, moves the container logs of the
 * system namespaces out of {@code application} into {@code /system}: a {@code rewrite_tag} filter on the
 * Kubernetes namespace (Fluent Bit manual, "Rewrite Tag") after the default application filters (the chart
 * includes extra files in key order, {@code system-log.conf} after {@code application-log.conf}).
 */
public final class ContainerLogs {

    /** The EKS add-on (EKS User Guide, "AWS add-ons": amazon-cloudwatch-observability). */
    public static final String ADDON = "amazon-cloudwatch-observability";
    /** The add-on's namespace and the service account its CloudWatch agent and Fluent Bit run as. */
    public static final String NAMESPACE = "amazon-cloudwatch";
    public static final String SERVICE_ACCOUNT = "cloudwatch-agent";

    /** The log groups of one cluster, by kind: the add-on's three and the system group of {@code system-log.conf}. */
    public static final List<String> KINDS = List.of("application", "system", "dataplane", "host");

    private ContainerLogs() {
    }

    /** {@code /aws/containerinsights/<cluster>/<kind>}: the add-on's own naming, which its Fluent Bit writes to. */
    public static String groupName(String clusterName, String kind) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("no container log group kind " + kind + "; one of " + KINDS);
        }
        return "/aws/containerinsights/" + clusterName + "/" + kind;
    }

    public static List<String> groupNames(String clusterName) {
        return KINDS.stream().map(kind -> groupName(clusterName, kind)).toList();
    }

    /**
     * The add-on's configuration values: container logs only. Container Insights metrics (enhanced and
     * OpenTelemetry) and Application Signals are off (the platform's metrics are Prometheus'; both are billed per observation or request),
     * which leaves the CloudWatch agent with its minimal configuration (chart 6.3.0,
     * {@code cloudwatch-agent.build-default-config}) and Application Signals' auto-monitor off. Rendered by
     * {@link JsonDocuments} (sorted keys, compact, no trailing newline): the provider compares
     * {@code configuration_values} as text, without diff suppression, against what DescribeAddon returns, so
     * formatting that EKS does not keep (a YAML block's trailing newline: terraform-provider-aws #39391,
     * aws-controllers-k8s/community #2877) would be a diff on every {@code up}.
     */
    public static String configurationValues(List<String> systemNamespaces) {
        Map<String, Object> extraFiles = Map.of("system-log.conf", systemLogConf(systemNamespaces));
        Map<String, Object> containerLogs = new LinkedHashMap<>();
        containerLogs.put("enabled", true);
        containerLogs.put("fluentBit", Map.of("config", Map.of("extraFiles", extraFiles)));
        Map<String, Object> values = new TreeMap<>();
        values.put("applicationSignals", Map.of("enabled", false));
        values.put("containerInsights", Map.of("enabled", false));
        values.put("containerLogs", containerLogs);
        // Add-on 6.0.1 and later turn on Container Insights with OpenTelemetry metrics (CloudWatch User Guide,
        // same page); off, the chart deploys neither its node-exporter nor its kube-state-metrics (chart 6.3.0,
        // templates/linux/node-exporter-daemonset.yaml and kube-state-metrics.yaml).
        values.put("otelContainerInsights", Map.of("enabled", false));
        return JsonDocuments.compact(values);
    }

    /**
     * Re-tags the application pipeline's records of {@code systemNamespaces} (the Kubernetes filter of
     * {@code application-log.conf} has added {@code kubernetes.namespace_name}) and ships them to the system
     * group. It never creates a group: the program does, encrypted and with retention.
     */
    static String systemLogConf(List<String> systemNamespaces) {
        if (systemNamespaces.isEmpty()) {
            throw new IllegalArgumentException("at least one system namespace");
        }
        String rule = "$kubernetes['namespace_name'] ^(" + String.join("|", systemNamespaces) + ")$ system.$TAG false";
        return String.join("\n",
                "[FILTER]",
                "    Name                  rewrite_tag",
                "    Match                 application.*",
                "    Rule                  " + rule,
                "    Emitter_Name          system_namespaces",
                "    Emitter_Mem_Buf_Limit 10M",
                "",
                "[OUTPUT]",
                "    Name                  cloudwatch_logs",
                "    Match                 system.*",
                "    region                ${AWS_REGION}",
                "    log_group_name        /aws/containerinsights/${CLUSTER_NAME}/system",
                "    log_stream_prefix     ${HOST_NAME}-",
                "    auto_create_group     false",
                "    extra_user_agent      container-insights");
    }

    /**
     * The {@code cloudwatch-agent} service account's policy, instead of the broad CloudWatchAgentServerPolicy
     * (metrics, X-Ray, SSM parameters, EC2 describes and every log group of the account): Fluent Bit's calls
     * (CreateLogStream, DescribeLogStreams, PutLogEvents; aws/amazon-cloudwatch-logs-for-fluent-bit README,
     * "Permissions") on the four groups of each platform cluster, in its own region, and their streams.
     * CreateLogGroup is granted on the same four names because the add-on's default dataplane and host outputs
     * set {@code auto_create_group true}: the groups already exist, so the call can only answer
     * ResourceAlreadyExistsException, never create a group elsewhere. The agent itself needs nothing (its
     * configuration collects no metrics, traces or logs).
     */
    public static PolicyDocument agentPolicy(String partition, String accountId, Map<String, String> clustersByRegion) {
        List<Statement> statements = new ArrayList<>();
        new TreeMap<>(clustersByRegion).forEach((region, cluster) -> {
            List<String> resources = new ArrayList<>();
            for (String group : groupNames(cluster)) {
                String arn = "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:" + group;
                resources.add(arn);
                resources.add(arn + ":log-stream:*");
            }
            statements.add(Statement.allow()
                    .sid("ShipContainerLogs" + pascal(region))
                    .actions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents")
                    .resources(resources)
                    .build());
        });
        return PolicyDocument.of(statements);
    }

    private static String pascal(String region) {
        StringBuilder out = new StringBuilder();
        for (String part : region.split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
