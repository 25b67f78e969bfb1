package com.ultibiker.platform.observability;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.ComponentPlans;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given the dev and prod configuration, Observability routes every alarm to an encrypted topic per region. */
class ObservabilityTest {

    private static final String TOPIC = "aws:sns/topic:Topic";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private static final String RELEASE = "kubernetes:helm.sh/v3:Release";

    private static List<PlanResource> alarms(Plan plan) {
        return plan.ofType(ALARM);
    }

    private static PlanResource alarm(Plan plan, String role) {
        return plan.require(ALARM, "observability-" + role);
    }

    private static PlanResource release(Plan plan) {
        return plan.require(RELEASE, "observability-kube-prometheus-stack");
    }

    @Test
    void oneEncryptedTopicPerRegionWithAnAlarm() {
        Plan prod = ComponentPlans.prod();
        assertEquals(List.of("eu-west-1", "us-east-1"), prod.ofType(TOPIC).stream().map(PlanResource::region).sorted().toList());
        assertEquals(1, ComponentPlans.dev().ofType(TOPIC).size());
        for (PlanResource topic : prod.ofType(TOPIC)) {
            PlanResource key = prod.require("aws:kms/key:Key", "observability-" + topic.region() + "-key");
            assertEquals("arn:aws:kms:" + topic.region() + ":123456789012:key/" + key.name() + "-id", topic.prop("kmsMasterKeyId"), topic.name());
            assertEquals("ultibiker-prod-alerts", topic.prop("name"));
            assertEquals(true, key.prop("enableKeyRotation"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTopicKeyLetsCloudWatchPublish() {
        PlanResource key = ComponentPlans.dev().require("aws:kms/key:Key", "observability-us-east-1-key");
        Map<String, Object> policy = new Gson().fromJson((String) key.prop("policy"), Map.class);
        List<Map<String, Object>> statements = (List<Map<String, Object>>) policy.get("Statement");
        Map<String, Object> cloudwatch = statements.stream()
                .filter(s -> Map.of("Service", "cloudwatch.amazonaws.com").equals(s.get("Principal"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement for cloudwatch.amazonaws.com in " + policy));
        assertEquals("Allow", cloudwatch.get("Effect"));
        assertTrue(((List<String>) cloudwatch.get("Action")).containsAll(List.of("kms:Decrypt", "kms:GenerateDataKey*")), cloudwatch.toString());
        String topicPolicy = (String) ComponentPlans.dev().require("aws:sns/topicPolicy:TopicPolicy", "observability-us-east-1-alerts-policy").prop("policy");
        assertTrue(topicPolicy.contains("\"Service\":\"cloudwatch.amazonaws.com\"") && topicPolicy.contains("sns:Publish"), topicPolicy);
        assertTrue(topicPolicy.contains("arn:aws:cloudwatch:us-east-1:123456789012:alarm:*"), topicPolicy);
    }

    @Test
    void eachAlertEmailIsSubscribedToEachTopic() {
        Plan prod = ComponentPlans.prod();
        List<PlanResource> subscriptions = prod.ofType("aws:sns/topicSubscription:TopicSubscription");
        assertEquals(prod.ofType(TOPIC).size(), subscriptions.size());
        for (PlanResource s : subscriptions) {
            assertEquals("email", s.prop("protocol"));
            assertEquals("platform-oncall@ultibiker.example.com", s.prop("endpoint"));
            assertEquals("arn:aws:sns:" + s.region() + ":123456789012:ultibiker-prod-alerts", s.prop("topic"), "the topic's ARN (its name, not the resource name)");
        }
        assertEquals("observability-us-east-1-email-platform-oncall-at-ultibiker-example-com",
                subscriptions.stream().filter(s -> "us-east-1".equals(s.region())).findFirst().orElseThrow().name());
    }

    @TestFactory
    Stream<DynamicTest> everyAlarmNotifiesItsRegionsTopicOnAlarmAndOk() {
        return Stream.of(ComponentPlans.dev(), ComponentPlans.prod()).flatMap(plan -> alarms(plan).stream()
                .map(a -> DynamicTest.dynamicTest(plan.stack() + " " + a.name(), () -> {
                    List<String> topic = List.of("arn:aws:sns:" + a.region() + ":123456789012:ultibiker-" + plan.stack() + "-alerts");
                    assertEquals(topic, a.prop("alarmActions"), a.name());
                    assertEquals(topic, a.prop("okActions"), a.name());
                    assertEquals(true, a.prop("actionsEnabled"));
                    assertNotNull(a.prop("alarmDescription"));
                })));
    }

    @Test
    void devAlarmsOnThePrimaryDatabaseAndItsCacheNodeWithDefaultThresholds() {
        Plan dev = ComponentPlans.dev();
        assertEquals(80L, alarm(dev, "rds-primary-cpu").prop("threshold"));
        assertEquals("CPUUtilization", alarm(dev, "rds-primary-cpu").prop("metricName"));
        assertEquals(Map.of("DBInstanceIdentifier", "ultibiker-dev-postgres"), alarm(dev, "rds-primary-cpu").prop("dimensions"));
        assertEquals(10L * 1024 * 1024 * 1024, alarm(dev, "rds-primary-free-storage").prop("threshold"));
        assertEquals("LessThanThreshold", alarm(dev, "rds-primary-free-storage").prop("comparisonOperator"));
        assertEquals(400L, alarm(dev, "rds-primary-connections").prop("threshold"));
        assertTrue(dev.named(ALARM, "observability-rds-primary-replica-lag").isEmpty(), "the primary has no replica lag");
        assertEquals(75L, alarm(dev, "redis-primary-001-cpu").prop("threshold"));
        assertEquals("EngineCPUUtilization", alarm(dev, "redis-primary-001-engine-cpu").prop("metricName"));
        assertEquals(80L, alarm(dev, "redis-primary-001-memory").prop("threshold"));
        assertEquals("DatabaseMemoryUsagePercentage", alarm(dev, "redis-primary-001-memory").prop("metricName"));
        assertEquals(100L, alarm(dev, "redis-primary-001-evictions").prop("threshold"));
        assertEquals(Map.of("CacheClusterId", "ultibiker-dev-redis-001"), alarm(dev, "redis-primary-001-evictions").prop("dimensions"));
    }

    @Test
    void thresholdsComeFromConfig() {
        Plan plan = ComponentPlans.runWith("dev", Map.of("observability", "{\"alertEmails\":[\"a@example.com\"],"
                + "\"rdsCpuPercent\":65,\"rdsFreeStorageGib\":5,\"rdsMaxConnections\":150,\"redisCpuPercent\":60,"
                + "\"redisMemoryPercent\":70,\"redisEvictions\":7}"));
        assertEquals(65L, alarm(plan, "rds-primary-cpu").prop("threshold"));
        assertEquals(5L * 1024 * 1024 * 1024, alarm(plan, "rds-primary-free-storage").prop("threshold"));
        assertEquals(150L, alarm(plan, "rds-primary-connections").prop("threshold"));
        assertEquals(60L, alarm(plan, "redis-primary-001-cpu").prop("threshold"));
        assertEquals(60L, alarm(plan, "redis-primary-001-engine-cpu").prop("threshold"));
        assertEquals(70L, alarm(plan, "redis-primary-001-memory").prop("threshold"));
        assertEquals(7L, alarm(plan, "redis-primary-001-evictions").prop("threshold"));
        assertEquals("a@example.com", plan.ofType("aws:sns/topicSubscription:TopicSubscription").get(0).prop("endpoint"));
    }

    @Test
    void everyReplicaHasALagAlarmInItsOwnRegion() {
        Plan prod = ComponentPlans.prod();
        assertEquals("us-east-1", alarm(prod, "rds-analytics-replica-lag").region());
        assertEquals("eu-west-1", alarm(prod, "rds-standby-replica-lag").region());
        assertEquals(30L, alarm(prod, "rds-standby-replica-lag").prop("threshold"));
        assertEquals(Map.of("DBInstanceIdentifier", "ultibiker-prod-postgres-standby"), alarm(prod, "rds-standby-replica-lag").prop("dimensions"));
        assertEquals("breaching", alarm(prod, "rds-standby-replica-lag").prop("treatMissingData"));
        assertEquals(2, prod.where(r -> r.type().equals(ALARM) && r.name().endsWith("-replica-lag")).size());
    }

    @Test
    void everyCacheNodeIsWatched() {
        Plan prod = ComponentPlans.prod();
        Map<String, Long> perRegion = prod.where(r -> r.type().equals(ALARM) && r.name().contains("-redis-"))
                .stream().collect(Collectors.groupingBy(PlanResource::region, Collectors.counting()));
        assertEquals(Map.of("us-east-1", 3L * 4, "eu-west-1", 2L * 4), perRegion);
        assertEquals(Map.of("CacheClusterId", "ultibiker-prod-redis-003"), alarm(prod, "redis-primary-003-memory").prop("dimensions"));
    }

    @Test
    void healthChecksAlarmInUsEast1ThroughTheApi() {
        PlanResource a = alarm(ComponentPlans.prod(), "route53-api-primary-health");
        assertEquals("us-east-1", a.region());
        assertEquals("AWS/Route53", a.prop("namespace"));
        assertEquals("HealthCheckStatus", a.prop("metricName"));
        assertEquals(Map.of("HealthCheckId", ComponentPlans.HEALTH_CHECK_ID), a.prop("dimensions"));
        assertEquals("LessThanThreshold", a.prop("comparisonOperator"));
        assertEquals(1L, a.prop("threshold"));
    }

    /** Container logs are the clusters' (eks/ContainerLogs): Observability keeps no second set of groups. */
    @Test
    void observabilityCreatesNoLogGroupOfItsOwn() {
        for (Plan plan : List.of(ComponentPlans.dev(), ComponentPlans.prod())) {
            assertEquals(List.of(), plan.where(r -> r.type().equals("aws:cloudwatch/logGroup:LogGroup")
                    && r.name().startsWith("observability")), plan.stack());
        }
    }

    @Test
    void kubePrometheusStackIsPinnedAndPlacedOnTheSystemPool() {
        PlanResource release = release(ComponentPlans.dev());
        assertEquals("kube-prometheus-stack", release.prop("chart"));
        assertEquals(PrometheusStack.VERSION, release.prop("version"));
        assertTrue(PrometheusStack.VERSION.matches("\\d+\\.\\d+\\.\\d+"));
        assertEquals("monitoring", release.prop("namespace"));
        Object toleration = List.of(Map.of("key", "CriticalAddonsOnly", "operator", "Equal", "value", "true", "effect", "NoSchedule"));
        for (String path : List.of("grafana", "prometheus.prometheusSpec", "alertmanager.alertmanagerSpec", "prometheusOperator", "kube-state-metrics")) {
            assertEquals(Map.of("role", "system"), release.prop("values." + path + ".nodeSelector"), path);
            assertEquals(toleration, release.prop("values." + path + ".tolerations"), path);
        }
    }

    @Test
    void grafanaAndPrometheusPersistOnGp3() {
        PlanResource release = release(ComponentPlans.dev());
        assertEquals(true, release.prop("values.grafana.persistence.enabled"));
        assertEquals("gp3", release.prop("values.grafana.persistence.storageClassName"));
        assertEquals("10Gi", release.prop("values.grafana.persistence.size"));
        assertEquals("gp3", release.prop("values.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName"));
        assertEquals("50Gi", release.prop("values.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.resources.requests.storage"));
        assertEquals("15d", release.prop("values.prometheus.prometheusSpec.retention"));
    }

    @Test
    void grafanaAdminPasswordComesFromASecretNeverPlainText() {
        Plan dev = ComponentPlans.dev();
        PlanResource release = release(dev);
        assertEquals(Observability.GRAFANA_ADMIN_SECRET, release.prop("values.grafana.admin.existingSecret"));
        assertEquals(null, release.prop("values.grafana.adminPassword"));
        PlanResource secret = dev.require("kubernetes:core/v1:Secret", "observability-grafana-admin");
        assertEquals("[secret]", secret.prop("stringData"));
        assertEquals("monitoring", secret.prop("metadata.namespace"));
        PlanResource version = dev.require("aws:secretsmanager/secretVersion:SecretVersion", "observability-grafana-admin-password-version");
        assertEquals(List.of("secretString"), version.ignoreChanges());
        assertFalse(String.valueOf(release.props()).contains("plan-generated"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertRuleIsInstalled() {
        Object groups = release(ComponentPlans.dev()).prop("values.additionalPrometheusRulesMap.ultibiker.groups");
        List<String> alerts = ((List<Map<String, Object>>) groups).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream())
                .map(r -> (String) r.get("alert")).toList();
        assertEquals(List.of("HighErrorRate", "HighResponseTime", "DatabaseConnectionPoolExhausted", "InfluxDBWriteErrors", "PodCrashLooping"), alerts);
        assertFalse(String.valueOf(groups).contains("${"), "unresolved placeholder in " + groups);
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertmanagerPublishesToThePrimaryTopicThroughPodIdentity() {
        Plan dev = ComponentPlans.dev();
        PlanResource release = release(dev);
        List<Map<String, Object>> receivers = (List<Map<String, Object>>) release.prop("values.alertmanager.config.receivers");
        Map<String, Object> sns = receivers.stream().filter(r -> "sns".equals(r.get("name"))).findFirst().orElseThrow();
        Map<String, Object> config = ((List<Map<String, Object>>) sns.get("sns_configs")).get(0);
        assertEquals("arn:aws:sns:us-east-1:123456789012:ultibiker-dev-alerts", config.get("topic_arn"));
        assertEquals("sns", release.prop("values.alertmanager.config.route.receiver"));
        PlanResource association = dev.require("aws:eks/podIdentityAssociation:PodIdentityAssociation", "observability-alertmanager-identity");
        assertEquals("monitoring", association.prop("namespace"));
        assertEquals(PrometheusStack.ALERTMANAGER_SERVICE_ACCOUNT, association.prop("serviceAccount"));
        assertEquals(PrometheusStack.ALERTMANAGER_SERVICE_ACCOUNT, release.prop("values.alertmanager.serviceAccount.name"));
        assertEquals("ultibiker-dev-us-east-1", association.prop("clusterName"));
        String policy = (String) dev.require("aws:iam/rolePolicy:RolePolicy", "observability-alertmanager-role-publish").prop("policy");
        assertTrue(policy.contains("sns:Publish") && policy.contains("\"Resource\":\"arn:aws:sns:us-east-1:123456789012:ultibiker-dev-alerts\""), policy);
    }

    @Test
    @SuppressWarnings("unchecked")
    void influxDbIsScrapedWhereTheTimeSeriesStoreRuns() {
        for (Plan plan : List.of(ComponentPlans.dev(), ComponentPlans.prod())) {
            List<Map<String, Object>> jobs = (List<Map<String, Object>>) release(plan).prop("values.prometheus.prometheusSpec.additionalScrapeConfigs");
            Map<String, Object> influx = jobs.stream().filter(j -> "influxdb".equals(j.get("job_name"))).findFirst().orElseThrow();
            String target = ((List<String>) ((List<Map<String, Object>>) influx.get("static_configs")).get(0).get("targets")).get(0);
            assertEquals(plan.stack().equals("dev") ? "influxdb.ultibiker.svc.cluster.local:8086"
                    : "timeseries-influxdb.us-east-1.timestream-influxdb.amazonaws.com:8086", target);
            assertEquals(plan.stack().equals("dev") ? "http" : "https", influx.get("scheme"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiDashboardIsALabelledConfigMap() {
        PlanResource map = ComponentPlans.dev().require("kubernetes:core/v1:ConfigMap", "observability-api-dashboard");
        assertEquals(Map.of("grafana_dashboard", "1"), map.prop("metadata.labels"));
        assertEquals("monitoring", map.prop("metadata.namespace"));
        String json = (String) ((Map<String, Object>) map.prop("data")).get("ultibiker-api.json");
        Map<String, Object> dashboard = new Gson().fromJson(json, Map.class);
        assertEquals("UltiBiker API Overview", dashboard.get("title"));
        assertEquals(4, ((List<?>) dashboard.get("panels")).size());
    }
}
