package com.ultibiker.platform.timeseries;

import com.pulumi.aws.eks.PodIdentityAssociation;
import com.pulumi.aws.eks.PodIdentityAssociationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.batch.v1.CronJob;
import com.pulumi.kubernetes.batch.v1.CronJobArgs;
import com.pulumi.kubernetes.batch.v1.inputs.CronJobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobSpecArgs;
import com.pulumi.kubernetes.batch.v1.inputs.JobTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EphemeralVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimTemplateArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.eks.IamPolicies;
import com.ultibiker.platform.model.TimeSeriesEngine;
import com.ultibiker.platform.observability.AlarmSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A copy of the time-series store in the export region (the secondary region), for both engines: a CronJob on
 * the store's cluster runs {@code influx backup} against the store every {@code timeseries.exportIntervalMinutes}
 * and uploads the backup to the export bucket as its EKS Pod Identity role, which may only write under
 * {@link #PREFIX}. Neither Timestream for InfluxDB nor AWS Backup gives a copy in another region: Timestream for
 * InfluxDB has read replicas in its own region only and AWS Backup does not support it (AWS Backup Developer
 * Guide, "Amazon Timestream backups": "AWS Backup does not support Amazon Timestream for InfluxDB"; Timestream
 * Developer Guide, "Working with Multi-AZ read replica clusters": replicas "within the same AWS Region").
 *
 * <p>Each run writes {@code <PREFIX>/<UTC start time>/} and, last, its {@code COMPLETE} marker: a restore takes
 * the newest prefix that has one. After the marker the job publishes {@link #METRIC} = 1; the alarm
 * ({@link #alarmSpec}) fires when {@link ExportSchedule#MISSED_INTERVALS_TO_ALARM} intervals pass without one,
 * missing data counting as a miss (a dead cluster, a broken credential and a failing job all look the same).
 *
 * <p>Children: {@code <name>-role} (+ {@code -policy}), {@code <name>-service-account}, {@code <name>-identity},
 * {@code <name>-cronjob}.
 */
public final class TimeSeriesExport extends ComponentResource {

    public static final String TYPE = "ultibiker:timeseries:TimeSeriesExport";
    /** Kubernetes name of the CronJob and its service account. */
    public static final String APP = "influxdb-export";
    /** Key prefix of the exports in the bucket; the job may write nowhere else. */
    public static final String PREFIX = "influxdb";
    public static final String METRIC_NAMESPACE = "UltiBiker/TimeSeriesExport";
    public static final String METRIC = "ExportSucceeded";
    public static final String METRIC_DIMENSION = "Stack";
    /**
     * The influx CLI (2.7.x) of InfluxData's official image at an exact InfluxDB release (2.7.12, InfluxDB OSS v2
     * release notes). A release tag, not a digest: no digest of it could be verified from here, and Docker
     * Official Images re-push a tag when its base image is patched. The rule ({@code ExportPlanRulesTest}) refuses
     * floating tags ({@code latest}, {@code 2.7}).
     */
    public static final String INFLUX_IMAGE = "influxdb:2.7.12";
    /**
     * AWS CLI 2.27.26, pinned by tag and digest as published (renovate update in leplusorg/docker-aws-cli #694).
     * EKS Pod Identity needs AWS CLI 2.15.0 or later (EKS User Guide, "Use pod identity with the AWS SDK").
     */
    public static final String AWS_CLI_IMAGE =
            "amazon/aws-cli:2.27.26@sha256:883c40732eac4a6fb15822f8023d6da591e188507d65e28af5471dfcf1d6b607";
    static final int FAILED_RUN_RETRIES = 2;
    static final int HISTORY_LIMIT = 3;

    private final Output<String> roleArn;
    private final Output<String> bucketName;

    public TimeSeriesExport(String name, TimeSeriesExportArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var settings = args.settings();
        ExportBucket bucket = bucket(name, args);
        this.bucketName = bucket.name();
        var cluster = args.cluster();
        var primary = args.primary();
        var tagging = args.tagging();
        String namespace = cluster.namespace();

        String roleName = Naming.child(name, "role");
        var role = new Role(roleName, RoleArgs.builder()
                .description("InfluxDB export job of " + args.physicalPrefix() + ": writes exports to the export bucket")
                .assumeRolePolicy(Output.tuple(primary.accountId(), cluster.clusterName()).applyValue(t ->
                        IamPolicies.podIdentityTrust(t.t1, List.of(t.t2), namespace, APP).toJson()))
                .tags(tagging.tags(roleName))
                .build(), primary.child(this));
        var policy = new RolePolicy(roleName + "-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(bucket.arn(), bucket.keyArn()).applyValue(t -> TimeSeriesExportPolicies.uploadPolicy(
                        t.t1, PREFIX, t.t2, args.exportRegion().name(), METRIC_NAMESPACE)))
                .build(), primary.child(this));
        this.roleArn = role.arn();

        CustomResourceOptions k8s = CustomResourceOptions.builder().parent(this).provider(cluster.provider()).build();
        // No RBAC binding: the account's Kubernetes token grants nothing. Its token stays mounted (the default):
        // pods without it have been reported not to get Pod Identity credentials (PeerDB-io/peerdb-enterprise #43).
        var serviceAccount = new ServiceAccount(Naming.child(name, "service-account"), ServiceAccountArgs.builder()
                .metadata(meta(APP, namespace))
                .build(), k8s);
        String associationName = Naming.child(name, "identity");
        // cluster, namespace and service account force replacement; the role is updated in place
        // (terraform-provider-aws internal/service/eks/pod_identity_association.go: RequiresReplace on all three).
        var association = new PodIdentityAssociation(associationName, PodIdentityAssociationArgs.builder()
                .clusterName(cluster.clusterName())
                .namespace(namespace)
                .serviceAccount(APP)
                .roleArn(role.arn())
                .tags(tagging.tags(associationName))
                .build(), primary.childOf(this).dependsOn(List.of(policy)).build());

        // The bucket in the export region exists before the first run (dependsOn), and so do the credentials
        // the run assumes; a run before the store answers fails, is retried, and is counted missed by the alarm.
        List<Resource> before = new ArrayList<>(bucket.dependencies());
        before.add(association);
        before.add(serviceAccount);
        new CronJob(Naming.child(name, "cronjob"), CronJobArgs.builder()
                .metadata(meta(APP, namespace))
                .spec(CronJobSpecArgs.builder()
                        .schedule(ExportSchedule.cron(settings.exportIntervalMinutes()))
                        .timeZone("Etc/UTC")
                        .concurrencyPolicy("Forbid")
                        .startingDeadlineSeconds(ExportSchedule.STARTING_DEADLINE_SECONDS)
                        .successfulJobsHistoryLimit(HISTORY_LIMIT)
                        .failedJobsHistoryLimit(HISTORY_LIMIT)
                        .jobTemplate(JobTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels()).build())
                                .spec(JobSpecArgs.builder()
                                        .backoffLimit(FAILED_RUN_RETRIES)
                                        .activeDeadlineSeconds(ExportSchedule.activeDeadlineSeconds(settings))
                                        .template(PodTemplateSpecArgs.builder()
                                                .metadata(ObjectMetaArgs.builder().labels(labels()).build())
                                                .spec(podSpec(args, bucket.name()))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(cluster.provider()).dependsOn(before).build());

        registerOutputs(Map.of("roleArn", roleArn, "bucket", bucket.name()));
    }

    /** Labels of the CronJob, its Jobs and pods. */
    static Map<String, String> labels() {
        return Map.of("app.kubernetes.io/name", APP, "app.kubernetes.io/component", "timeseries-export",
                "app.kubernetes.io/managed-by", "pulumi");
    }

    /**
     * The alarm: no successful export in {@link ExportSchedule#MISSED_INTERVALS_TO_ALARM} intervals. Its metric is
     * published in the export region, so the alarm is there, to that region's alert topic.
     */
    public static AlarmSpec alarmSpec(int intervalMinutes) {
        return AlarmSpec.builder()
                .role("timeseries-export-missed")
                .description("No InfluxDB export reached the export bucket in " + ExportSchedule.MISSED_INTERVALS_TO_ALARM
                        + " x " + intervalMinutes + " min: the copy outside the primary region is getting old (docs/runbook-failover.md)")
                .namespace(METRIC_NAMESPACE)
                .metric(METRIC)
                .dimension(METRIC_DIMENSION)
                .statistic("Sum")
                .comparison("LessThanThreshold")
                .threshold(1)
                .periodSeconds(ExportSchedule.alarmPeriodSeconds(intervalMinutes))
                .evaluationPeriods(ExportSchedule.MISSED_INTERVALS_TO_ALARM)
                .datapointsToAlarm(ExportSchedule.MISSED_INTERVALS_TO_ALARM)
                .treatMissingData("breaching")
                .build();
    }

    private static PodSpecArgs podSpec(TimeSeriesExportArgs args, Output<String> bucketName) {
        var settings = args.settings();
        var placement = args.cluster().placement();
        return PodSpecArgs.builder()
                .serviceAccountName(APP)
                .restartPolicy("Never")
                .nodeSelector(placement.nodeSelector())
                .tolerations(placement.kubernetesTolerations())
                .securityContext(PodSecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(1000)
                        .runAsGroup(1000)
                        .fsGroup(1000)
                        .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                        .build())
                .initContainers(ContainerArgs.builder()
                        .name("backup")
                        .image(INFLUX_IMAGE)
                        .command("/bin/sh", "-c", backupScript(settings.engine()))
                        .env(backupEnv(args))
                        .resources(resources("250m", "256Mi", "1", "1Gi"))
                        .securityContext(containerSecurity())
                        .volumeMounts(mount("export", "/export"), mount("tmp", "/tmp"))
                        .build())
                .containers(ContainerArgs.builder()
                        .name("upload")
                        .image(AWS_CLI_IMAGE)
                        .command("/bin/sh", "-c", UPLOAD_SCRIPT)
                        .env(
                                env("EXPORT_BUCKET", bucketName),
                                env("EXPORT_PREFIX", PREFIX),
                                env("AWS_REGION", args.exportRegion().name()),
                                env("METRIC_NAMESPACE", METRIC_NAMESPACE),
                                env("METRIC_NAME", METRIC),
                                env("METRIC_DIMENSION", METRIC_DIMENSION + "=" + args.physicalPrefix()),
                                env("HOME", "/tmp"))
                        .resources(resources("100m", "256Mi", "1", "512Mi"))
                        .securityContext(containerSecurity())
                        .volumeMounts(mount("export", "/export"), mount("tmp", "/tmp"))
                        .build())
                .volumes(
                        // A backup is at most the store's size: a scratch volume of that size, created with the
                        // pod and deleted with it (generic ephemeral volume), not the node's disk.
                        VolumeArgs.builder().name("export").ephemeral(EphemeralVolumeSourceArgs.builder()
                                .volumeClaimTemplate(PersistentVolumeClaimTemplateArgs.builder()
                                        .metadata(ObjectMetaArgs.builder().labels(labels()).build())
                                        .spec(PersistentVolumeClaimSpecArgs.builder()
                                                .accessModes("ReadWriteOnce")
                                                .storageClassName(args.cluster().storageClass())
                                                .resources(ResourceRequirementsArgs.builder()
                                                        .requests(Map.of("storage", settings.storageGib() + "Gi"))
                                                        .build())
                                                .build())
                                        .build())
                                .build()).build(),
                        VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build())
                .build();
    }

    /**
     * {@code influx backup} of every bucket and the metadata into {@code /export/data}, after writing the start
     * time the upload names the export by. On the cluster engine with the operator token; on Timestream with a
     * session of the admin user (Timestream's admin user may create operator tokens, so its session may back up:
     * Timestream Developer Guide, "Creating a new operator token"; influx CLI 2.5+ {@code --username-password}).
     */
    static String backupScript(TimeSeriesEngine engine) {
        String login = engine == TimeSeriesEngine.TIMESTREAM
                ? "influx config create --config-name export --host-url \"$INFLUX_HOST\" --org \"$INFLUX_ORG\""
                        + " --username-password \"$INFLUX_USERNAME:$INFLUX_PASSWORD\" --active >/dev/null\n"
                : "";
        return "set -eu\n"
                + "mkdir -p /export/data\n"
                + "date -u +%Y-%m-%dT%H%M%SZ > /export/started\n"
                + login
                + "influx backup /export/data\n";
    }

    /** Upload, then the COMPLETE marker, then the success metric: a metric only for an export a restore can use. */
    static final String UPLOAD_SCRIPT = "set -eu\n"
            + "key=\"$EXPORT_PREFIX/$(cat /export/started)\"\n"
            + "aws s3 cp /export/data \"s3://$EXPORT_BUCKET/$key/\" --recursive --only-show-errors\n"
            + "echo \"$key\" | aws s3 cp - \"s3://$EXPORT_BUCKET/$key/COMPLETE\" --only-show-errors\n"
            + "aws cloudwatch put-metric-data --namespace \"$METRIC_NAMESPACE\" --metric-name \"$METRIC_NAME\""
            + " --dimensions \"$METRIC_DIMENSION\" --value 1 --unit Count\n";

    private static List<EnvVarArgs> backupEnv(TimeSeriesExportArgs args) {
        String secret = args.credentialsSecret();
        List<EnvVarArgs> env = new ArrayList<>();
        env.add(env("INFLUX_HOST", args.storeUrl()));
        env.add(env("INFLUX_ORG", args.settings().organization()));
        env.add(env("INFLUX_CONFIGS_PATH", "/tmp/influx-configs"));
        if (args.settings().engine() == TimeSeriesEngine.TIMESTREAM) {
            env.add(secretEnv("INFLUX_USERNAME", secret, "admin-user"));
            env.add(secretEnv("INFLUX_PASSWORD", secret, "admin-password"));
        } else {
            env.add(secretEnv("INFLUX_TOKEN", secret, "admin-token"));
        }
        return env;
    }

    private static ResourceRequirementsArgs resources(String cpu, String memory, String cpuLimit, String memoryLimit) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpu, "memory", memory))
                .limits(Map.of("cpu", cpuLimit, "memory", memoryLimit))
                .build();
    }

    private static SecurityContextArgs containerSecurity() {
        return SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .allowPrivilegeEscalation(false)
                .readOnlyRootFilesystem(true)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .build();
    }

    private static VolumeMountArgs mount(String volume, String path) {
        return VolumeMountArgs.builder().name(volume).mountPath(path).build();
    }

    private static EnvVarArgs env(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    private static EnvVarArgs env(String name, Output<String> value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    private static EnvVarArgs secretEnv(String name, String secret, String key) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder().name(secret).key(key).build())
                .build()).build();
    }

    private static ObjectMetaArgs meta(String objectName, String namespace) {
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace).labels(labels()).build();
    }

    /** ARN of the job's IAM role. */
    public Output<String> roleArn() {
        return roleArn;
    }

    /**
     * The bucket the exports go to.
     *
     * @param dependencies resources the first run needs to exist (the bucket and its configuration)
     */
    record ExportBucket(Output<String> name, Output<String> arn, Output<String> keyArn, List<Resource> dependencies) {
        public ExportBucket {
            dependencies = List.copyOf(dependencies);
        }
    }

    /** Name of the export bucket (in the export region). */
    public Output<String> bucketName() {
        return bucketName;
    }

    // PENDING s19store's bucket block (common): until it lands, the coordinates of the bucket it will create.
    private ExportBucket bucket(String name, TimeSeriesExportArgs args) {
        var region = args.exportRegion();
        Output<String> bucket = region.accountId().applyValue(a -> args.physicalPrefix() + "-influxdb-export-" + a);
        return new ExportBucket(bucket, bucket.applyValue(b -> "arn:aws:s3:::" + b),
                region.accountId().applyValue(a -> "arn:aws:kms:" + region.name() + ":" + a + ":key/pending"), List.of());
    }
}
