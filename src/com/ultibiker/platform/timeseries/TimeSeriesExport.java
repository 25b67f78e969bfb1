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
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.SecureBucket;
import com.ultibiker.platform.common.SecureBucketArgs;
import com.ultibiker.platform.eks.IamPolicies;
import com.ultibiker.platform.model.TimeSeriesConfig;
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
    /** Kubernetes name of the restore CronJob (standby cluster) and its service account. */
    public static final String RESTORE_APP = "influxdb-restore";
    /**
     * The Secret the runbook creates on the standby cluster before a restore: {@code host} (the new instance's
     * URL) and {@code password} (its admin password).
     */
    public static final String RESTORE_TARGET_SECRET = "influxdb-restore-target";
    /** Never reached: the restore CronJob is suspended and only run by hand. */
    static final String RESTORE_SCHEDULE = "0 0 1 1 *";
    static final int FAILED_RUN_RETRIES = 2;
    static final int HISTORY_LIMIT = 3;

    private final Output<String> roleArn;
    private final Output<String> bucketName;

    public TimeSeriesExport(String name, TimeSeriesExportArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var settings = args.settings();
        ExportBucket bucket = bucket(name, args);
        this.bucketName = bucket.name();
        String exportRegion = args.exportRegion().name();

        var exporter = identity(Naming.child(name, "role"), args, args.cluster(), APP,
                "InfluxDB export job of " + args.physicalPrefix() + ": writes exports to the export bucket",
                Output.tuple(bucket.arn(), bucket.keyArn()).applyValue(t -> TimeSeriesExportPolicies.uploadPolicy(
                        t.t1, PREFIX, t.t2, exportRegion, METRIC_NAMESPACE)));
        this.roleArn = exporter.roleArn();
        // The bucket in the export region exists before the first run (dependsOn), and so do the credentials
        // the run assumes; a run before the store answers fails, is retried, and is counted missed by the alarm.
        List<Resource> before = new ArrayList<>(bucket.dependencies());
        before.addAll(exporter.resources());
        cronJob(Naming.child(name, "cronjob"), args.cluster(), APP, CronJobSpecArgs.builder()
                .schedule(ExportSchedule.cron(settings.exportIntervalMinutes()))
                .startingDeadlineSeconds(ExportSchedule.STARTING_DEADLINE_SECONDS), FAILED_RUN_RETRIES,
                ExportSchedule.activeDeadlineSeconds(settings),
                pod(APP, args.cluster(), settings.storageGib(),
                        ContainerArgs.builder()
                                .name("backup")
                                .image(INFLUX_IMAGE)
                                .command("/bin/sh", "-c", backupScript(settings.engine()))
                                .env(backupEnv(args))
                                .resources(resources("250m", "256Mi", "1", "1Gi"))
                                .build(),
                        ContainerArgs.builder()
                                .name("upload")
                                .image(AWS_CLI_IMAGE)
                                .command("/bin/sh", "-c", UPLOAD_SCRIPT)
                                .env(awsEnv(bucket.name(), exportRegion,
                                        env("METRIC_NAMESPACE", METRIC_NAMESPACE),
                                        env("METRIC_NAME", METRIC),
                                        env("METRIC_DIMENSION", METRIC_DIMENSION + "=" + args.physicalPrefix())))
                                .resources(resources("100m", "256Mi", "1", "512Mi"))
                                .build()),
                before);

        args.restoreCluster().ifPresent(standby -> {
            var restorer = identity(Naming.child(name, "restore-role"), args, standby, RESTORE_APP,
                    "InfluxDB restore job of " + args.physicalPrefix() + ": reads exports from the export bucket",
                    Output.tuple(bucket.arn(), bucket.keyArn()).applyValue(t -> TimeSeriesExportPolicies.downloadPolicy(
                            t.t1, PREFIX, t.t2, exportRegion)));
            List<Resource> restoreBefore = new ArrayList<>(bucket.dependencies());
            restoreBefore.addAll(restorer.resources());
            // Suspended: it never runs on its schedule. The runbook starts one run with
            // kubectl create job --from=cronjob/influxdb-restore, once the target instance and its Secret exist.
            cronJob(Naming.child(name, "restore-cronjob"), standby, RESTORE_APP, CronJobSpecArgs.builder()
                    .schedule(RESTORE_SCHEDULE)
                    .suspend(true)
                    .startingDeadlineSeconds(ExportSchedule.STARTING_DEADLINE_SECONDS), 0,
                    restoreDeadlineSeconds(settings),
                    pod(RESTORE_APP, standby, settings.storageGib(),
                            ContainerArgs.builder()
                                    .name("download")
                                    .image(AWS_CLI_IMAGE)
                                    .command("/bin/sh", "-c", DOWNLOAD_SCRIPT)
                                    .env(awsEnv(bucket.name(), exportRegion))
                                    .resources(resources("100m", "256Mi", "1", "512Mi"))
                                    .build(),
                            ContainerArgs.builder()
                                    .name("restore")
                                    .image(INFLUX_IMAGE)
                                    .command("/bin/sh", "-c", RESTORE_SCRIPT)
                                    .env(
                                            secretEnv("INFLUX_HOST", RESTORE_TARGET_SECRET, "host"),
                                            env("INFLUX_USERNAME", TimeSeries.ADMIN_USER),
                                            secretEnv("INFLUX_PASSWORD", RESTORE_TARGET_SECRET, "password"),
                                            env("INFLUX_ORG", settings.organization()),
                                            env("RESTORE_BUCKET", settings.bucket()),
                                            env("INFLUX_CONFIGS_PATH", "/tmp/influx-configs"))
                                    .resources(resources("250m", "256Mi", "1", "1Gi"))
                                    .build()),
                    restoreBefore);
        });

        registerOutputs(Map.of("roleArn", roleArn, "bucket", bucket.name()));
    }

    /** A role that one service account of one cluster assumes through EKS Pod Identity, with its inline policy. */
    private record Identity(Output<String> roleArn, List<Resource> resources) {
    }

    private Identity identity(String roleName, TimeSeriesExportArgs args, TimeSeriesExportArgs.Cluster cluster, String app,
                              String description, Output<String> policyDocument) {
        var primary = args.primary();
        var tagging = args.tagging();
        String namespace = cluster.namespace();
        var role = new Role(roleName, RoleArgs.builder()
                .description(description)
                .assumeRolePolicy(Output.tuple(primary.accountId(), cluster.clusterName()).applyValue(t ->
                        IamPolicies.podIdentityTrust(t.t1, List.of(t.t2), namespace, app).toJson()))
                .tags(tagging.tags(roleName))
                .build(), primary.child(this));
        var policy = new RolePolicy(roleName + "-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(policyDocument)
                .build(), primary.child(this));
        String base = roleName.substring(0, roleName.length() - "role".length());
        // No RBAC binding: the account's Kubernetes token grants nothing. Its token stays mounted (the default):
        // pods without it have been reported not to get Pod Identity credentials (PeerDB-io/peerdb-enterprise #43).
        var serviceAccount = new ServiceAccount(base + "service-account", ServiceAccountArgs.builder()
                .metadata(meta(app, namespace))
                .build(), CustomResourceOptions.builder().parent(this).provider(cluster.provider()).build());
        String associationName = base + "identity";
        // cluster, namespace and service account force replacement; the role is updated in place
        // (terraform-provider-aws internal/service/eks/pod_identity_association.go: RequiresReplace on all three).
        var association = new PodIdentityAssociation(associationName, PodIdentityAssociationArgs.builder()
                .clusterName(cluster.clusterName())
                .namespace(namespace)
                .serviceAccount(app)
                .roleArn(role.arn())
                .tags(tagging.tags(associationName))
                .build(), cluster.region().childOf(this).dependsOn(List.of(policy)).build());
        return new Identity(role.arn(), List.of(serviceAccount, association));
    }

    private void cronJob(String resourceName, TimeSeriesExportArgs.Cluster cluster, String app, CronJobSpecArgs.Builder spec,
                         int retries, int deadlineSeconds, PodSpecArgs pod, List<Resource> dependsOn) {
        new CronJob(resourceName, CronJobArgs.builder()
                .metadata(meta(app, cluster.namespace()))
                .spec(spec
                        .timeZone("Etc/UTC")
                        .concurrencyPolicy("Forbid")
                        .successfulJobsHistoryLimit(HISTORY_LIMIT)
                        .failedJobsHistoryLimit(HISTORY_LIMIT)
                        .jobTemplate(JobTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(labels(app)).build())
                                .spec(JobSpecArgs.builder()
                                        .backoffLimit(retries)
                                        .activeDeadlineSeconds(deadlineSeconds)
                                        .template(PodTemplateSpecArgs.builder()
                                                .metadata(ObjectMetaArgs.builder().labels(labels(app)).build())
                                                .spec(pod)
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).provider(cluster.provider()).dependsOn(dependsOn).build());
    }

    /** Labels of a CronJob, its Jobs and pods. */
    static Map<String, String> labels(String app) {
        return Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/component", "timeseries-copy",
                "app.kubernetes.io/managed-by", "pulumi");
    }

    /**
     * The restore's deadline: twice the runbook's budget for downloading and restoring the store, at least an hour
     * (a run killed half-way leaves a partial bucket to delete before the next try).
     */
    static int restoreDeadlineSeconds(TimeSeriesConfig settings) {
        return Math.max(3600, 2 * ExportSchedule.RESTORE_SECONDS_PER_GIB * settings.storageGib());
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

    /**
     * A pod of two steps sharing a scratch volume of the store's size: {@code first} as the init container, then
     * {@code second}; both non-root, read-only root file system, no privileges, on the cluster's placement.
     */
    private static PodSpecArgs pod(String app, TimeSeriesExportArgs.Cluster cluster, int storageGib, ContainerArgs first,
                                   ContainerArgs second) {
        var placement = cluster.placement();
        return PodSpecArgs.builder()
                .serviceAccountName(app)
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
                .initContainers(step(first))
                .containers(step(second))
                .volumes(
                        // A backup is at most the store's size: a scratch volume of that size, created with the
                        // pod and deleted with it (generic ephemeral volume), not the node's disk.
                        VolumeArgs.builder().name("scratch").ephemeral(EphemeralVolumeSourceArgs.builder()
                                .volumeClaimTemplate(PersistentVolumeClaimTemplateArgs.builder()
                                        .metadata(ObjectMetaArgs.builder().labels(labels(app)).build())
                                        .spec(PersistentVolumeClaimSpecArgs.builder()
                                                .accessModes("ReadWriteOnce")
                                                .storageClassName(cluster.storageClass())
                                                .resources(ResourceRequirementsArgs.builder()
                                                        .requests(Map.of("storage", storageGib + "Gi"))
                                                        .build())
                                                .build())
                                        .build())
                                .build()).build(),
                        VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build())
                .build();
    }

    /** The container with the shared security context and mounts ({@code /scratch}, {@code /tmp}). */
    private static ContainerArgs step(ContainerArgs container) {
        return ContainerArgs.builder(container)
                .securityContext(SecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .allowPrivilegeEscalation(false)
                        .readOnlyRootFilesystem(true)
                        .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                        .build())
                .volumeMounts(mount("scratch", SCRATCH), mount("tmp", "/tmp"))
                .build();
    }

    /**
     * {@code influx backup} of every bucket and the metadata into the scratch volume, after writing the start
     * time the upload names the export by. On the cluster engine with the operator token; on Timestream with a
     * session of the admin user (Timestream's admin user may create operator tokens, so its session may back up:
     * Timestream Developer Guide, "Creating a new operator token"; influx CLI 2.5+ {@code --username-password}).
     */
    static String backupScript(TimeSeriesEngine engine) {
        String login = engine == TimeSeriesEngine.TIMESTREAM ? LOGIN : "";
        return "set -eu\n"
                + "mkdir -p " + SCRATCH + "/data\n"
                + "date -u +%Y-%m-%dT%H%M%SZ > " + SCRATCH + "/started\n"
                + login
                + "influx backup " + SCRATCH + "/data\n";
    }

    private static final String SCRATCH = "/scratch";
    private static final String LOGIN = "influx config create --config-name copy --host-url \"$INFLUX_HOST\" --org \"$INFLUX_ORG\""
            + " --username-password \"$INFLUX_USERNAME:$INFLUX_PASSWORD\" --active >/dev/null\n";

    /** Upload, then the COMPLETE marker, then the success metric: a metric only for an export a restore can use. */
    static final String UPLOAD_SCRIPT = "set -eu\n"
            + "key=\"$EXPORT_PREFIX/$(cat " + SCRATCH + "/started)\"\n"
            + "aws s3 cp " + SCRATCH + "/data \"s3://$EXPORT_BUCKET/$key/\" --recursive --only-show-errors\n"
            + "echo \"$key\" | aws s3 cp - \"s3://$EXPORT_BUCKET/$key/COMPLETE\" --only-show-errors\n"
            + "aws cloudwatch put-metric-data --namespace \"$METRIC_NAMESPACE\" --metric-name \"$METRIC_NAME\""
            + " --dimensions \"$METRIC_DIMENSION\" --value 1 --unit Count\n";

    /** The newest export that has its COMPLETE marker (names sort by start time), downloaded without the marker. */
    static final String DOWNLOAD_SCRIPT = "set -eu\n"
            + "latest=\"\"\n"
            + "for p in $(aws s3api list-objects-v2 --bucket \"$EXPORT_BUCKET\" --prefix \"$EXPORT_PREFIX/\" --delimiter /"
            + " --query 'CommonPrefixes[].Prefix' --output text | tr '\\t' '\\n' | sort -r); do\n"
            + "  if aws s3api head-object --bucket \"$EXPORT_BUCKET\" --key \"${p}COMPLETE\" >/dev/null 2>&1; then latest=\"$p\"; break; fi\n"
            + "done\n"
            + "if [ -z \"$latest\" ]; then echo \"no complete export under s3://$EXPORT_BUCKET/$EXPORT_PREFIX/\" >&2; exit 1; fi\n"
            + "echo \"restoring s3://$EXPORT_BUCKET/$latest\"\n"
            + "aws s3 cp \"s3://$EXPORT_BUCKET/$latest\" " + SCRATCH + "/data --recursive --exclude COMPLETE --only-show-errors\n";

    /** Into the new instance as its admin user: the sensor bucket (data and metadata), not the old users and tokens. */
    static final String RESTORE_SCRIPT = "set -eu\n"
            + LOGIN
            + "influx restore " + SCRATCH + "/data --bucket \"$RESTORE_BUCKET\"\n";

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

    /** The AWS CLI's environment: the bucket, its region, and a writable home. */
    private static List<EnvVarArgs> awsEnv(Output<String> bucket, String region, EnvVarArgs... more) {
        List<EnvVarArgs> env = new ArrayList<>(List.of(
                env("EXPORT_BUCKET", bucket),
                env("EXPORT_PREFIX", PREFIX),
                env("AWS_REGION", region),
                env("HOME", "/tmp")));
        env.addAll(List.of(more));
        return env;
    }

    private static ResourceRequirementsArgs resources(String cpu, String memory, String cpuLimit, String memoryLimit) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpu, "memory", memory))
                .limits(Map.of("cpu", cpuLimit, "memory", memoryLimit))
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
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace).labels(labels(objectName)).build();
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

    /**
     * The export bucket, in the export region under its own key there (a copy must not depend on the primary
     * region's KMS). Versioned, so that the writer (which may overwrite a key it knows) cannot destroy an export:
     * replaced versions are kept as long as current ones. Exports expire after {@code exportRetentionDays};
     * failed multipart uploads are aborted after a day. Not tagged for AWS Backup and not replicated: it already
     * is the copy outside the primary region (a replica back into it would not survive the loss it guards against).
     */
    private ExportBucket bucket(String name, TimeSeriesExportArgs args) {
        var region = args.exportRegion();
        String bucketName = Naming.child(name, "bucket");
        var key = EncryptionKeys.create(Naming.child(name, "key"), "Encrypts the InfluxDB exports of " + args.physicalPrefix(),
                this, region, args.tagging(), args.protection(), scope -> List.of());
        int days = args.settings().exportRetentionDays();
        var bucket = SecureBucket.create(SecureBucketArgs.builder()
                .name(bucketName)
                .parent(this)
                .region(region)
                .tagging(args.tagging())
                .protection(args.protection())
                .role("influxdb-export")
                .kmsKey(key.arn())
                .versioned(true)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder()
                        .id("expire-exports")
                        .expirationDays(days)
                        .noncurrentExpirationDays(days)
                        .abortMultipartDays(1)
                        .build())
                .build());
        return new ExportBucket(bucket.bucketName(), bucket.arn(), key.arn(), bucket.ready());
    }
}
