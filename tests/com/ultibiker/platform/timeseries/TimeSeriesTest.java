package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.ComponentPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Given the dev and prod stack configuration, the TimeSeries component registers InfluxDB on the configured engine. */
class TimeSeriesTest {

    private static final String STS = "kubernetes:apps/v1:StatefulSet";
    private static final String DB = "aws:timestreaminfluxdb/dbInstance:DbInstance";

    private static PlanResource statefulSet(Plan plan) {
        return plan.require(STS, "timeseries-statefulset");
    }

    private static Map<?, ?> container(Plan plan) {
        return (Map<?, ?>) statefulSet(plan).prop("spec.template.spec.containers.0");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Plan plan) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        for (Object e : (List<Object>) container(plan).get("env")) {
            Map<String, Object> m = (Map<String, Object>) e;
            env.put((String) m.get("name"), m.containsKey("value") ? m.get("value") : m.get("valueFrom"));
        }
        return env;
    }

    @Test
    void devRunsInfluxDbOnTheClusterAndProdOnTimestream() {
        assertEquals(1, ComponentPlans.dev().ofType(STS).size());
        assertTrue(ComponentPlans.dev().ofType(DB).isEmpty());
        assertEquals(1, ComponentPlans.prod().ofType(DB).size());
        assertTrue(ComponentPlans.prod().ofType(STS).isEmpty());
    }

    @Test
    void oneReplicaBecauseInfluxDbOssDoesNotCluster() {
        assertEquals(1L, statefulSet(ComponentPlans.dev()).prop("spec.replicas"));
    }

    @Test
    void runsOnTheAnalyticsPool() {
        PlanResource sts = statefulSet(ComponentPlans.dev());
        assertEquals(Map.of("role", "analytics"), sts.prop("spec.template.spec.nodeSelector"));
        assertEquals(List.of(Map.of("key", "workload", "operator", "Equal", "value", "analytics", "effect", "NoSchedule")),
                sts.prop("spec.template.spec.tolerations"));
    }

    @Test
    void dataLivesOnARetainedGp3VolumeSizedFromConfig() {
        PlanResource sts = statefulSet(ComponentPlans.dev());
        assertEquals("gp3-retain", sts.prop("spec.volumeClaimTemplates.0.spec.storageClassName"));
        assertEquals("20Gi", sts.prop("spec.volumeClaimTemplates.0.spec.resources.requests.storage"));
        assertEquals("Retain", sts.prop("spec.persistentVolumeClaimRetentionPolicy.whenDeleted"));
        assertEquals("data", sts.prop("spec.template.spec.containers.0.volumeMounts.0.name"));
        assertEquals("/var/lib/influxdb2", sts.prop("spec.template.spec.containers.0.volumeMounts.0.mountPath"));
    }

    @Test
    void prodOnTheClusterGets100GiAndIsProtected() {
        Plan plan = ComponentPlans.runWith("prod", Map.of("timeseries", "{\"engine\":\"kubernetes\",\"storageGib\":100}"));
        assertEquals("100Gi", statefulSet(plan).prop("spec.volumeClaimTemplates.0.spec.resources.requests.storage"));
        assertTrue(statefulSet(plan).protect());
        assertFalse(statefulSet(ComponentPlans.dev()).protect());
    }

    @Test
    void requestsAndLimitsFollowTheSpec() {
        Map<?, ?> resources = (Map<?, ?>) container(ComponentPlans.dev()).get("resources");
        assertEquals(Map.of("cpu", "500m", "memory", "1Gi"), resources.get("requests"));
        assertEquals(Map.of("cpu", "1", "memory", "2Gi"), resources.get("limits"));
    }

    @Test
    void readinessAndLivenessProbeHealth() {
        PlanResource sts = statefulSet(ComponentPlans.dev());
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertEquals("/health", sts.prop("spec.template.spec.containers.0." + probe + ".httpGet.path"), probe);
            assertEquals("http", sts.prop("spec.template.spec.containers.0." + probe + ".httpGet.port"), probe);
        }
        assertEquals(8086L, sts.prop("spec.template.spec.containers.0.ports.0.containerPort"));
    }

    @Test
    void runsAsNonRootWithoutPrivileges() {
        PlanResource sts = statefulSet(ComponentPlans.dev());
        assertEquals(true, sts.prop("spec.template.spec.securityContext.runAsNonRoot"));
        assertEquals(1000L, sts.prop("spec.template.spec.securityContext.runAsUser"));
        assertEquals(1000L, sts.prop("spec.template.spec.securityContext.fsGroup"));
        assertEquals(false, sts.prop("spec.template.spec.containers.0.securityContext.allowPrivilegeEscalation"));
        assertEquals(true, sts.prop("spec.template.spec.containers.0.securityContext.readOnlyRootFilesystem"));
        assertEquals(List.of("ALL"), sts.prop("spec.template.spec.containers.0.securityContext.capabilities.drop"));
    }

    @Test
    void organisationBucketAndRetentionComeFromConfig() {
        Map<String, Object> env = env(ComponentPlans.dev());
        assertEquals("ultibiker", env.get("DOCKER_INFLUXDB_INIT_ORG"));
        assertEquals("sensor-data", env.get("DOCKER_INFLUXDB_INIT_BUCKET"));
        assertEquals("30d", env.get("DOCKER_INFLUXDB_INIT_RETENTION"));
        assertEquals("influxdb:2.7", container(ComponentPlans.dev()).get("image"));
    }

    @Test
    void credentialsComeFromTheKubernetesSecretNeverPlainText() {
        Plan dev = ComponentPlans.dev();
        Map<String, Object> env = env(dev);
        for (String var : List.of("DOCKER_INFLUXDB_INIT_PASSWORD", "DOCKER_INFLUXDB_INIT_ADMIN_TOKEN")) {
            assertTrue(env.get(var) instanceof Map<?, ?> m && m.containsKey("secretKeyRef"), var + " = " + env.get(var));
        }
        PlanResource secret = dev.require("kubernetes:core/v1:Secret", "timeseries-credentials");
        assertEquals(TimeSeries.CREDENTIALS_SECRET, secret.prop("metadata.name"));
        assertEquals("[secret]", secret.prop("stringData"));
        assertFalse(String.valueOf(statefulSet(dev).props()).contains("plan-generated"), "a generated value leaked into the StatefulSet");
    }

    @Test
    void generatedValuesAreWrittenOnceToEncryptedSecretsManagerSecrets() {
        for (String role : List.of("admin-password", "admin-token")) {
            PlanResource version = ComponentPlans.dev().require("aws:secretsmanager/secretVersion:SecretVersion", "timeseries-" + role + "-version");
            assertEquals("[secret]", version.prop("secretString"));
            assertEquals(List.of("secretString"), version.ignoreChanges(), "a fresh draw on every run would rotate the credential");
            PlanResource secret = ComponentPlans.dev().require("aws:secretsmanager/secret:Secret", "timeseries-" + role);
            assertEquals("ultibiker/dev/influxdb/" + role, secret.prop("name"));
            assertTrue(String.valueOf(secret.prop("kmsKeyId")).startsWith("arn:aws:kms:"), role);
        }
    }

    @Test
    void aServiceAndADisruptionBudgetSelectThePods() {
        Plan dev = ComponentPlans.dev();
        Object podLabels = statefulSet(dev).prop("spec.template.metadata.labels");
        PlanResource service = dev.require("kubernetes:core/v1:Service", "timeseries-service");
        assertEquals("influxdb", service.prop("metadata.name"));
        assertEquals("ultibiker", service.prop("metadata.namespace"));
        assertEquals(podLabels, service.prop("spec.selector"));
        assertEquals(8086L, service.prop("spec.ports.0.port"));
        assertEquals("None", dev.require("kubernetes:core/v1:Service", "timeseries-headless").prop("spec.clusterIP"));
        assertEquals("influxdb-headless", statefulSet(dev).prop("spec.serviceName"));
        PlanResource pdb = dev.require("kubernetes:policy/v1:PodDisruptionBudget", "timeseries-pdb");
        assertEquals(podLabels, pdb.prop("spec.selector.matchLabels"));
        assertEquals(1L, pdb.prop("spec.maxUnavailable"), "one replica: the budget must let a drain evict it");
        assertNull(pdb.prop("spec.minAvailable"));
    }

    @Test
    void kubernetesResourcesGoThroughTheClusterProvider() {
        Plan dev = ComponentPlans.dev();
        dev.where(r -> r.type().startsWith("kubernetes:")).forEach(r ->
                assertTrue(r.provider() != null && r.provider().endsWith("::k8s-us-east-1"), r.urn() + " via " + r.provider()));
    }

    @Test
    void urlPointsAtTheServiceOrTheManagedEndpoint() {
        assertEquals("http://influxdb.ultibiker.svc.cluster.local:8086", ComponentPlans.dev().outputs().get("timeseries.url"));
        assertEquals("https://timeseries-influxdb.us-east-1.timestream-influxdb.amazonaws.com:8086",
                ComponentPlans.prod().outputs().get("timeseries.url"));
    }

    @Test
    void timestreamIsMultiAzPrivateInTheDatabaseSubnetsAndProtected() {
        PlanResource db = ComponentPlans.prod().require(DB, "timeseries-influxdb");
        assertEquals("WITH_MULTIAZ_STANDBY", db.prop("deploymentType"));
        assertEquals(false, db.prop("publiclyAccessible"));
        assertEquals(List.of("subnet-db-a", "subnet-db-b"), db.prop("vpcSubnetIds"), "the first two AZs by name");
        assertEquals(List.of("timeseries-sg-id"), db.prop("vpcSecurityGroupIds"));
        assertEquals("db.influx.large", db.prop("dbInstanceType"));
        assertEquals(100L, db.prop("allocatedStorage"));
        assertEquals("[secret]", db.prop("password"));
        assertEquals("ultibiker", db.prop("organization"));
        assertEquals("sensor-data", db.prop("bucket"));
        assertTrue(db.protect());
        assertEquals("us-east-1", db.region());
    }

    @Test
    void singleAzWhenConfigured() {
        Plan plan = ComponentPlans.runWith("prod", Map.of("timeseries", "{\"engine\":\"timestream\",\"multiAz\":false,\"storageGib\":50}"));
        assertEquals("SINGLE_AZ", plan.require(DB, "timeseries-influxdb").prop("deploymentType"));
        assertEquals(50L, plan.require(DB, "timeseries-influxdb").prop("allocatedStorage"));
    }

    @Test
    void timestreamSecurityGroupAdmits8086FromTheNodesOnly() {
        PlanResource sg = ComponentPlans.prod().require("aws:ec2/securityGroup:SecurityGroup", "timeseries-sg");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) sg.prop("ingress");
        assertEquals(1, ingress.size());
        Map<String, Object> rule = ingress.get(0);
        assertEquals(8086L, rule.get("fromPort"));
        assertEquals(8086L, rule.get("toPort"));
        assertEquals("tcp", rule.get("protocol"));
        assertEquals(List.of(ComponentPlans.NODE_SECURITY_GROUP), rule.get("securityGroups"));
        assertNull(rule.get("cidrBlocks"));
        assertNull(sg.prop("egress"));
    }

    @Test
    void timestreamLogsGoToAnEncryptedPrivateBucket() {
        Plan prod = ComponentPlans.prod();
        PlanResource bucket = prod.require("aws:s3/bucketV2:BucketV2", "timeseries-logs");
        PlanResource db = prod.require(DB, "timeseries-influxdb");
        assertEquals(bucket.prop("bucket"), db.prop("logDeliveryConfiguration.s3Configuration.bucketName"));
        assertEquals(true, db.prop("logDeliveryConfiguration.s3Configuration.enabled"));
        assertEquals(false, bucket.prop("forceDestroy"), "prod: deleting the stack never empties the log bucket");
        assertTrue(bucket.protect());
        assertEquals(true, ComponentPlans.runWith("dev", Map.of("timeseries", "{\"engine\":\"timestream\"}"))
                .require("aws:s3/bucketV2:BucketV2", "timeseries-logs").prop("forceDestroy"), "dev: disposable");
        PlanResource sse = prod.require("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "timeseries-logs-encryption");
        assertEquals("aws:kms", sse.prop("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals(prod.require("aws:kms/key:Key", "timeseries-key").name() + "-id",
                String.valueOf(sse.prop("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId")).replaceAll(".*key/", ""));
        PlanResource block = prod.require("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "timeseries-logs-public-access");
        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertEquals(true, block.prop(flag), flag);
        }
        assertTrue(bucket.protect());
        assertEquals(90L, prod.require("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "timeseries-logs-lifecycle")
                .prop("rules.0.expiration.days"));
        String policy = (String) prod.require("aws:s3/bucketPolicy:BucketPolicy", "timeseries-logs-policy").prop("policy");
        assertTrue(policy.contains("timestream-influxdb.amazonaws.com") && policy.contains("aws:SecureTransport"), policy);
    }

    @Test
    void timestreamIsPinnedToTheFirstTwoAzsByNameWhateverTheOrderOrCount() {
        assertEquals(List.of("s-a", "s-b"), TimeSeries.pinnedSubnets(Map.of("us-east-1c", "s-c", "us-east-1a", "s-a", "us-east-1b", "s-b")));
        assertEquals(List.of("s-a", "s-b"), TimeSeries.pinnedSubnets(Map.of("us-east-1d", "s-d", "us-east-1b", "s-b", "us-east-1a", "s-a",
                "us-east-1c", "s-c")));
        var e = assertThrows(IllegalArgumentException.class, () -> TimeSeries.pinnedSubnets(Map.of("us-east-1a", "s-a")));
        assertEquals("Timestream needs database subnets in 2 availability zones; found [us-east-1a]", e.getMessage());
    }
}
