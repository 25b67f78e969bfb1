package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16.3: given the stack's configuration, the export CronJob copies the time-series store to the export
 * region every interval, as a role that may only write there, and an alarm in that region says when it stops.
 */
class TimeSeriesExportTest {

    private static final String CRONJOB = "kubernetes:batch/v1:CronJob";
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private static PlanResource cronJob(Plan plan) {
        return plan.require(CRONJOB, "timeseries-export-cronjob");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Plan plan, String kind, int index) {
        return (Map<String, Object>) cronJob(plan).prop("spec.jobTemplate.spec.template.spec." + kind + "." + index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object e : (List<Object>) container.get("env")) {
            Map<String, Object> m = (Map<String, Object>) e;
            env.put((String) m.get("name"), m.containsKey("value") ? m.get("value") : m.get("valueFrom"));
        }
        return env;
    }

    @Test
    void prodExportsHourlyToTheBucketInEuWest1() {
        Plan prod = StackPlans.prod();
        PlanResource job = cronJob(prod);
        assertEquals("0 * * * *", job.prop("spec.schedule"));
        assertEquals(1200L, job.prop("spec.jobTemplate.spec.activeDeadlineSeconds"), "exportTimeoutMinutes 20");
        assertEquals(60L, job.prop("spec.startingDeadlineSeconds"));
        assertEquals("ultibiker", job.prop("metadata.namespace"));
        assertEquals("influxdb-export", job.prop("spec.jobTemplate.spec.template.spec.serviceAccountName"));
        Map<String, Object> upload = env(container(prod, "containers", 0));
        assertEquals("eu-west-1", upload.get("AWS_REGION"));
        assertEquals(prod.outputs().get("timeseries.exportBucket"), upload.get("EXPORT_BUCKET"));
        assertEquals("eu-west-1", prod.outputs().get("timeseries.exportRegion"));
        assertEquals("influxdb", upload.get("EXPORT_PREFIX"));
        assertEquals("Stack=ultibiker-prod", upload.get("METRIC_DIMENSION"));
        assertEquals("us-east-1", BatchWorkloadRulesTest.clusterRegion(job), "the job runs beside the store, on the primary cluster");
    }

    /**
     * The copy must be readable from eu-west-1 with us-east-1 down: the bucket and its key are in eu-west-1, the
     * bucket encrypted with that key, versioned, protected in prod, and it exists before the first run.
     */
    @Test
    void theExportBucketIsInTheSecondaryRegionUnderItsOwnKeyThere() {
        Plan prod = StackPlans.prod();
        PlanResource bucket = prod.require("aws:s3/bucketV2:BucketV2", "timeseries-export-bucket");
        assertEquals("eu-west-1", bucket.region());
        assertEquals("ultibiker-prod-influxdb-export-123456789012", bucket.prop("bucket"));
        assertEquals(bucket.prop("bucket"), prod.outputs().get("timeseries.exportBucket"));
        assertTrue(bucket.protect(), "prod: a replaced bucket loses its exports");
        assertEquals(false, bucket.prop("forceDestroy"));
        assertEquals("eu-west-1", prod.require("aws:kms/key:Key", "timeseries-export-key").region());
        PlanResource sse = prod.require("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "timeseries-export-bucket-encryption");
        assertEquals("aws:kms", sse.prop("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertTrue(sse.dependencies().stream().anyMatch(d -> d.endsWith("::timeseries-export-key")), "under the eu-west-1 key");
        assertEquals("Enabled", prod.require("aws:s3/bucketVersioningV2:BucketVersioningV2", "timeseries-export-bucket-versioning")
                .prop("versioningConfiguration.status"));
        PlanResource lifecycle = prod.require("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "timeseries-export-bucket-lifecycle");
        assertEquals(3L, lifecycle.prop("rules.0.expiration.days"), "exportRetentionDays");
        assertEquals(3L, lifecycle.prop("rules.0.noncurrentVersionExpiration.noncurrentDays"));
        assertEquals(1L, lifecycle.prop("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation"));
        for (String name : List.of("timeseries-export-cronjob", "timeseries-export-restore-cronjob")) {
            List<String> deps = prod.require(CRONJOB, name).dependencies();
            for (String ready : List.of("::timeseries-export-bucket-policy", "::timeseries-export-bucket-encryption")) {
                assertTrue(deps.stream().anyMatch(d -> d.endsWith(ready)), name + " waits for " + ready);
            }
        }
    }

    @Test
    void aOneRegionStackExportsWithinItsRegion() {
        Map<String, Object> upload = env(container(StackPlans.dev(), "containers", 0));
        assertEquals("us-east-1", upload.get("AWS_REGION"));
        assertEquals("us-east-1", StackPlans.dev().outputs().get("timeseries.exportRegion"));
    }

    /** Timestream's admin signs in with its password (no operator token to read); the cluster engine uses its token. */
    @Test
    void theBackupSignsInWithTheStoresOwnCredentialFromItsKubernetesSecret() {
        Map<String, Object> timestream = env(container(StackPlans.prod(), "initContainers", 0));
        assertEquals("https://timeseries-influxdb.us-east-1.timestream-influxdb.amazonaws.com:8086", timestream.get("INFLUX_HOST"));
        assertEquals(Map.of("secretKeyRef", Map.of("name", "influxdb-credentials", "key", "admin-password")), timestream.get("INFLUX_PASSWORD"));
        assertTrue(String.valueOf(container(StackPlans.prod(), "initContainers", 0).get("command")).contains("--username-password"));
        PlanResource secret = StackPlans.prod().require("kubernetes:core/v1:Secret", "timeseries-credentials");
        assertEquals("influxdb-credentials", secret.prop("metadata.name"));
        assertEquals("ultibiker", secret.prop("metadata.namespace"));
        assertEquals("[secret]", secret.prop("stringData"));

        Map<String, Object> cluster = env(container(StackPlans.dev(), "initContainers", 0));
        assertEquals("http://influxdb.ultibiker.svc.cluster.local:8086", cluster.get("INFLUX_HOST"));
        assertEquals(Map.of("secretKeyRef", Map.of("name", "influxdb-credentials", "key", "admin-token")), cluster.get("INFLUX_TOKEN"));
        assertEquals(null, cluster.get("INFLUX_PASSWORD"));
    }

    @Test
    void theScratchVolumeHoldsTheWholeStoreAndGoesWithThePod() {
        PlanResource job = cronJob(StackPlans.prod());
        String claim = "spec.jobTemplate.spec.template.spec.volumes.0.ephemeral.volumeClaimTemplate.spec.";
        assertEquals("100Gi", job.prop(claim + "resources.requests.storage"), "timeseries.storageGib");
        assertEquals("gp3", job.prop(claim + "storageClassName"), "the deleting class, not gp3-retain");
    }

    @Test
    void theRoleIsAssumedOnlyByTheJobsServiceAccountOnThePrimaryCluster() {
        Plan prod = StackPlans.prod();
        String trust = (String) prod.require("aws:iam/role:Role", "timeseries-export-role").prop("assumeRolePolicy");
        assertTrue(trust.contains("\"pods.eks.amazonaws.com\"") && trust.contains("\"influxdb-export\"")
                && trust.contains("\"ultibiker-prod-us-east-1\"") && trust.contains("\"ultibiker\""), trust);
        PlanResource association = prod.require("aws:eks/podIdentityAssociation:PodIdentityAssociation", "timeseries-export-identity");
        assertEquals("us-east-1", association.region());
        assertEquals("influxdb-export", association.prop("serviceAccount"));
    }

    /** The alarm lives where the metric is published (the export region) and notifies that region's topic. */
    @Test
    void twoIntervalsWithoutAnExportRaiseTheAlarmInTheExportRegion() {
        Plan prod = StackPlans.prod();
        PlanResource alarm = prod.require(ALARM, "observability-timeseries-export-missed");
        assertEquals("eu-west-1", alarm.region());
        assertEquals(3600L, alarm.prop("period"));
        assertEquals(2L, alarm.prop("evaluationPeriods"));
        assertEquals(2L, alarm.prop("datapointsToAlarm"));
        assertEquals("breaching", alarm.prop("treatMissingData"), "no data is a missed export");
        assertEquals("LessThanThreshold", alarm.prop("comparisonOperator"));
        assertEquals(Map.of("Stack", "ultibiker-prod"), alarm.prop("dimensions"));
        assertEquals("UltiBiker/TimeSeriesExport", alarm.prop("namespace"));
        assertEquals("ExportSucceeded", alarm.prop("metricName"));
        assertEquals(List.of("arn:aws:sns:eu-west-1:123456789012:ultibiker-prod-alerts"), alarm.prop("alarmActions"),
                "the eu-west-1 alert topic");
        assertEquals(alarm.prop("alarmActions"), alarm.prop("okActions"));
    }

    /**
     * A typical change: a shorter interval changes the schedule, the deadline and the alarm period in place. No
     * resource is added or removed, and nothing else changes.
     */
    @Test
    void aNewIntervalChangesTheScheduleAndTheAlarmInPlace() {
        Plan before = StackPlans.prod();
        Plan after = StackPlans.runWith("prod", Map.of("timeseries", "{\"engine\":\"timestream\",\"instanceClass\":\"db.influx.large\","
                + "\"storageGib\":100,\"retentionDays\":365,\"multiAz\":true,\"exportIntervalMinutes\":30,\"exportTimeoutMinutes\":10,"
                + "\"exportRetentionDays\":3}"));
        assertEquals(urns(before), urns(after));
        assertEquals("*/30 * * * *", cronJob(after).prop("spec.schedule"));
        assertEquals(600L, cronJob(after).prop("spec.jobTemplate.spec.activeDeadlineSeconds"));
        assertEquals(1800L, after.require(ALARM, "observability-timeseries-export-missed").prop("period"));
        Map<String, PlanResource> old = before.resources().stream().collect(Collectors.toMap(PlanResource::urn, r -> r));
        Set<String> changed = new TreeSet<>();
        for (PlanResource r : after.resources()) {
            if (!r.props().equals(old.get(r.urn()).props())) {
                changed.add(r.name());
            }
        }
        assertEquals(Set.of("timeseries-export-cronjob", "observability-timeseries-export-missed"), changed);
        assertEquals(1800 + 60 + 600, ((Number) after.outputs().get("recovery.timeseries.rpoSeconds")).intValue());
    }

    private static Set<String> urns(Plan plan) {
        return plan.resources().stream().map(PlanResource::urn).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Failover with us-east-1 down: the restore job waits, suspended, on the eu-west-1 cluster, reads from the
     * eu-west-1 bucket as its own eu-west-1 Pod Identity, and writes into the instance the runbook names in its Secret.
     */
    @Test
    void theRestoreWaitsSuspendedOnTheStandbyClusterAndNeedsNothingInUsEast1() {
        Plan prod = StackPlans.prod();
        PlanResource restore = prod.require(CRONJOB, "timeseries-export-restore-cronjob");
        assertEquals(true, restore.prop("spec.suspend"));
        assertEquals("eu-west-1", BatchWorkloadRulesTest.clusterRegion(restore));
        assertEquals(0L, restore.prop("spec.jobTemplate.spec.backoffLimit"), "a failed restore leaves a partial bucket: no blind retry");
        assertEquals(6000L, restore.prop("spec.jobTemplate.spec.activeDeadlineSeconds"), "2 x 30 s/GiB x 100 GiB");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) restore.prop("spec.jobTemplate.spec.template.spec.initContainers.0");
        assertEquals("eu-west-1", env(download).get("AWS_REGION"));
        assertEquals(prod.outputs().get("timeseries.exportBucket"), env(download).get("EXPORT_BUCKET"));
        assertTrue(String.valueOf(download.get("command")).contains("COMPLETE"), "only a complete export is restored");
        @SuppressWarnings("unchecked")
        Map<String, Object> target = env((Map<String, Object>) restore.prop("spec.jobTemplate.spec.template.spec.containers.0"));
        assertEquals(Map.of("secretKeyRef", Map.of("name", "influxdb-restore-target", "key", "host")), target.get("INFLUX_HOST"));
        assertEquals("sensor-data", target.get("RESTORE_BUCKET"));
        assertEquals("eu-west-1", prod.require("aws:eks/podIdentityAssociation:PodIdentityAssociation", "timeseries-export-restore-identity").region());
        assertEquals(Map.of(), restore.prop("spec.jobTemplate.spec.template.spec.nodeSelector"),
                "the standby pools have no analytics pool: no pool preference");
        assertTrue(StackPlans.dev().named(CRONJOB, "timeseries-export-restore-cronjob").isEmpty(), "dev has no standby");
    }

    @Test
    void theExportsRpoIsAStackOutput() {
        assertEquals(4860, ((Number) StackPlans.prod().outputs().get("recovery.timeseries.rpoSeconds")).intValue(),
                "3600 s interval + 60 s start deadline + 1200 s timeout");
        assertNotNull(StackPlans.prod().outputs().get("timeseries.exportRoleArn"));
    }
}
