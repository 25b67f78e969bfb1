package com.ultibiker.platform.observability;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.GeneratedSecret;
import com.ultibiker.platform.common.GeneratedSecretArgs;
import com.ultibiker.platform.common.PasswordPolicy;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.ProviderAttributes;
import com.ultibiker.platform.eks.IamPolicies;
import com.ultibiker.platform.tagging.Tagging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where alerts go and what raises them.
 * <ul>
 *   <li>Per region: an SNS alert topic encrypted with a customer-managed key whose policy lets CloudWatch
 *   publish, and email subscriptions from config. CloudWatch alarms can only notify a topic of their own
 *   region, hence one topic per region. (Container logs go to each cluster's own log groups: eks/ContainerLogs.)</li>
 *   <li>CloudWatch alarms (alarm and OK actions to the topic) on the RDS instances, the ElastiCache nodes,
 *   and, through {@link #alarmOnHealthCheck}, Route53 health checks.</li>
 *   <li>On the primary cluster: kube-prometheus-stack (pinned) on the system pool with Grafana (admin
 *   password generated into Secrets Manager), the platform's alert rules and the API dashboard;
 *   Alertmanager publishes to the primary region's topic through EKS Pod Identity.</li>
 * </ul>
 */
public final class Observability extends ComponentResource {

    public static final String TYPE = "ultibiker:observability:Observability";
    public static final String GRAFANA_ADMIN_SECRET = "grafana-admin";
    public static final String DASHBOARD_LABEL = "grafana_dashboard";

    private final String name;
    private final ObservabilityArgs args;
    private final Map<String, Output<String>> topicArns = new LinkedHashMap<>();
    private final Output<String> grafanaAdminSecretArn;

    public Observability(String name, ObservabilityArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.name = name;
        this.args = args;
        var tagging = args.tagging();
        var primary = args.primary();

        Key primaryKey = null;
        for (AwsRegion region : args.regions().values()) {
            Key key = alertHub(region, tagging);
            if (region == primary) {
                primaryKey = key;
            }
        }

        for (var db : args.databases()) {
            for (AlarmSpec spec : Alarms.rdsInstance(db.role(), db.replica(), args.settings())) {
                alarm(db.region(), spec, db.identifier());
            }
        }
        for (var cache : args.caches()) {
            for (int i = 0; i < cache.nodeCount(); i++) {
                int index = i;
                Output<String> node = cache.replicationGroupId().applyValue(id -> Alarms.cacheClusterId(id, index));
                for (AlarmSpec spec : Alarms.redisNode(cache.role() + "-" + String.format("%03d", i + 1), args.settings())) {
                    alarm(cache.region(), spec, node);
                }
            }
        }

        String secretName = Naming.of(tagging).path("grafana", "admin-password");
        var grafanaPassword = new GeneratedSecret(Naming.child(name, "grafana-admin-password"), GeneratedSecretArgs.builder()
                .secretName(secretName)
                .description("Grafana admin password of " + name)
                .policy(PasswordPolicy.withPunctuation(32))
                .key(primaryKey)
                .region(primary)
                .tagging(tagging)
                .protection(args.protection())
                .build(), this);
        this.grafanaAdminSecretArn = grafanaPassword.arn();
        monitoringStack(primary, primaryKey, grafanaPassword);

        registerOutputs(Map.of(
                "alertTopicArns", Output.all(List.copyOf(topicArns.values())),
                "grafanaAdminSecretArn", grafanaAdminSecretArn));
    }

    /** KMS key, alert topic (with the CloudWatch publish policy), email subscriptions, log groups. */
    private Key alertHub(AwsRegion region, Tagging tagging) {
        String prefix = Naming.child(name, region.name());
        var key = EncryptionKeys.create(Naming.child(prefix, "key"), "Encrypts alerts and secrets of " + prefix,
                this, region, tagging, args.protection(), scope -> List.of(
                        KeyPolicies.ServiceGrant.service("AllowCloudWatchAlarmsToPublish", "cloudwatch.amazonaws.com", scope.accountId()),
                        // EventBridge rules (AWS Backup's failed jobs) publish to the topic (EventBridge User Guide,
                        // "Authorizing EventBridge to use a customer managed key": aws:SourceAccount).
                        KeyPolicies.ServiceGrant.service("AllowEventBridgeRulesToPublish", "events.amazonaws.com", scope.accountId())));
        String topicName = Naming.child(prefix, "alerts");
        var topic = new Topic(topicName, TopicArgs.builder()
                .name(args.physicalPrefix() + "-alerts")
                .displayName("UltiBiker " + Naming.of(tagging).environment() + " alerts")
                .kmsMasterKeyId(key.arn())
                .tags(tagging.tags(topicName))
                .build(), region.child(this));
        new TopicPolicy(topicName + "-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(Output.tuple(topic.arn(), region.accountId(), region.partition()).applyValue(t ->
                        ObservabilityPolicies.alertTopicPolicy(t.t1, t.t2, t.t3, region.name())))
                .build(), region.child(this));
        for (String email : args.settings().alertEmails()) {
            new TopicSubscription(Naming.child(prefix, "email-" + slug(email)), TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(email)
                    .build(), region.child(this));
        }
        topicArns.put(region.name(), topic.arn());

        return key;
    }

    /** An email address as a stable resource-name fragment (reordering the list replaces nothing). */
    static String slug(String email) {
        return Naming.emailSlug(email);
    }

    /**
     * Adds a CloudWatch alarm on {@code spec}'s metric of the resource {@code dimensionValue} in {@code region},
     * notifying the region's alert topic when it fires and when it recovers.
     */
    public MetricAlarm alarm(String region, AlarmSpec spec, Output<String> dimensionValue) {
        AwsRegion awsRegion = args.regions().get(region);
        if (awsRegion == null) {
            throw new IllegalArgumentException("no alert topic in " + region + " for alarm " + spec.role() + "; regions: " + args.regions().keySet());
        }
        Output<List<String>> actions = topicArns.get(region).applyValue(List::of);
        String alarmName = Naming.child(name, spec.role());
        return new MetricAlarm(alarmName, MetricAlarmArgs.builder()
                .name(args.physicalPrefix() + "-" + spec.role())
                .alarmDescription(spec.description())
                .namespace(spec.namespace())
                .metricName(spec.metric())
                .dimensions(dimensionValue.applyValue(v -> Map.of(spec.dimension(), v)))
                .statistic(spec.statistic())
                .comparisonOperator(spec.comparison())
                .threshold(spec.threshold())
                .period(spec.periodSeconds())
                .evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.datapointsToAlarm())
                .treatMissingData(spec.treatMissingData())
                .actionsEnabled(true)
                .alarmActions(actions)
                .okActions(actions)
                .tags(args.tagging().tags(alarmName))
                .build(), awsRegion.child(this));
    }

    /**
     * Alarms when the Route53 health check {@code healthCheckId} reports its endpoint unhealthy. Route53
     * publishes these metrics in us-east-1 only, so the alarm and its topic are there whatever the
     * stack's regions.
     *
     * @param checkName short, unique name of the check, e.g. {@code api-primary}
     */
    public MetricAlarm alarmOnHealthCheck(String checkName, Output<String> healthCheckId) {
        return alarm(ObservabilityArgs.HEALTH_CHECK_REGION, Alarms.healthCheck(checkName), healthCheckId);
    }

    private void monitoringStack(AwsRegion primary, Key key, GeneratedSecret grafanaPassword) {
        var cluster = args.cluster();
        var tagging = args.tagging();
        CustomResourceOptions k8s = CustomResourceOptions.builder().parent(this).provider(cluster.provider()).build();

        var namespace = new Namespace(Naming.child(name, "namespace"), NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(PrometheusStack.NAMESPACE)
                        .labels(Map.of("app.kubernetes.io/part-of", "observability",
                                "pod-security.kubernetes.io/enforce", "privileged"))
                        .build())
                .build(), k8s);
        Output<String> ns = namespace.metadata().applyValue(m ->
                ProviderAttributes.present(m.name(), "Kubernetes Namespace " + namespace.pulumiResourceName(), "metadata.name"));

        var adminSecret = new Secret(Naming.child(name, "grafana-admin"), SecretArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(GRAFANA_ADMIN_SECRET).namespace(ns).build())
                .type("Opaque")
                .stringData(grafanaPassword.value().applyValue(p -> Map.of("admin-user", "admin", "admin-password", p)).asSecret())
                .build(), k8s);

        var dashboard = new ConfigMap(Naming.child(name, "api-dashboard"), ConfigMapArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("ultibiker-api-dashboard").namespace(ns)
                        .labels(Map.of(DASHBOARD_LABEL, "1"))
                        .build())
                .data(Map.of("ultibiker-api.json", MonitoringDefinitions.apiDashboardJson()))
                .build(), k8s);

        // Alertmanager publishes to the primary topic as itself, through EKS Pod Identity.
        String roleName = Naming.child(name, "alertmanager-role");
        var role = new Role(roleName, RoleArgs.builder()
                .description("Alertmanager of " + name + ": publishes alerts to the SNS alert topic")
                .assumeRolePolicy(Output.tuple(primary.accountId(), cluster.clusterName()).applyValue(t ->
                        IamPolicies.podIdentityTrust(t.t1, List.of(t.t2), PrometheusStack.NAMESPACE,
                                PrometheusStack.ALERTMANAGER_SERVICE_ACCOUNT).toJson()))
                .tags(tagging.tags(roleName))
                .build(), primary.child(this));
        Output<String> topicArn = topicArns.get(primary.name());
        new RolePolicy(roleName + "-publish", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(topicArn, key.arn()).applyValue(t -> ObservabilityPolicies.publishPolicy(t.t1, t.t2)))
                .build(), primary.child(this));
        String associationName = Naming.child(name, "alertmanager-identity");
        var association = new PodIdentityAssociation(associationName, PodIdentityAssociationArgs.builder()
                .clusterName(cluster.clusterName())
                .namespace(PrometheusStack.NAMESPACE)
                .serviceAccount(PrometheusStack.ALERTMANAGER_SERVICE_ACCOUNT)
                .roleArn(role.arn())
                .tags(tagging.tags(associationName))
                .build(), primary.child(this));

        Output<Optional<String>> influx = cluster.influxdbUrl().map(o -> o.applyValue(Optional::of))
                .orElse(Output.of(Optional.empty()));
        Output<Map<String, Object>> values = Output.tuple(topicArn, influx).applyValue(t -> PrometheusStack.builder()
                .placement(cluster.placement())
                .storageClass(cluster.storageClass())
                .grafanaStorageGib(args.settings().grafanaStorageGib())
                .prometheusStorageGib(args.settings().prometheusStorageGib())
                .prometheusRetentionDays(args.settings().prometheusRetentionDays())
                .grafanaAdminSecret(GRAFANA_ADMIN_SECRET)
                .appNamespace(cluster.appNamespace())
                .influxdbUrl(t.t2)
                .alertTopicArn(t.t1)
                .alertRegion(primary.name())
                .environment(Naming.of(tagging).environment())
                .build().values());

        new Release(Naming.child(name, "kube-prometheus-stack"), ReleaseArgs.builder()
                .name(PrometheusStack.RELEASE)
                .chart(PrometheusStack.CHART)
                .version(PrometheusStack.VERSION)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(PrometheusStack.REPOSITORY).build())
                .namespace(ns)
                .createNamespace(false)
                .values(values)
                .timeout(900)
                .cleanupOnFail(true)
                .maxHistory(10)
                .build(), CustomResourceOptions.builder().parent(this).provider(cluster.provider())
                .dependsOn(List.of(adminSecret, dashboard, association)).build());
    }

    /** The alert topic of each region. */
    public Map<String, Output<String>> topicArns() {
        return Map.copyOf(topicArns);
    }

    public Output<String> topicArn(String region) {
        return Optional.ofNullable(topicArns.get(region)).orElseThrow(() ->
                new IllegalArgumentException("no alert topic in " + region + "; regions: " + topicArns.keySet()));
    }

    public Output<String> grafanaAdminSecretArn() {
        return grafanaAdminSecretArn;
    }
}
