package com.ultibiker.platform.timeseries;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.timestreaminfluxdb.DbInstance;
import com.pulumi.aws.timestreaminfluxdb.DbInstanceArgs;
import com.pulumi.aws.timestreaminfluxdb.inputs.DbInstanceLogDeliveryConfigurationArgs;
import com.pulumi.aws.timestreaminfluxdb.inputs.DbInstanceLogDeliveryConfigurationS3ConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.StatefulSet;
import com.pulumi.kubernetes.apps.v1.StatefulSetArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetPersistentVolumeClaimRetentionPolicyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.StatefulSetSpecArgs;
import com.pulumi.kubernetes.core.v1.Secret;
import com.pulumi.kubernetes.core.v1.SecretArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimArgs;
import com.pulumi.kubernetes.core.v1.inputs.PersistentVolumeClaimSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.GeneratedSecret;
import com.ultibiker.platform.common.GeneratedSecretArgs;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.SecureBucket;
import com.ultibiker.platform.common.SecureBucketArgs;
import com.ultibiker.platform.common.PasswordPolicy;
import com.ultibiker.platform.common.ProviderAttributes;
import com.ultibiker.platform.model.TimeSeriesConfig;
import com.ultibiker.platform.model.TimeSeriesEngine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * InfluxDB 2.7 for sensor data, organisation and bucket from config, on one of two engines:
 * <ul>
 *   <li>{@code kubernetes}: InfluxDB OSS as a one-replica StatefulSet on the analytics pool, its data on
 *   a retained gp3 volume, admin credentials in a Kubernetes Secret filled from generated Secrets
 *   Manager values. One replica because InfluxDB OSS 2.x does not cluster: more replicas would be
 *   unrelated databases behind one Service.</li>
 *   <li>{@code timestream}: Amazon Timestream for InfluxDB in the database subnets, not public, its own
 *   security group admitting 8086 from the cluster nodes only, logs to an encrypted bucket.</li>
 * </ul>
 * Outputs: URL, organisation, bucket, and the Secrets Manager secret holding the admin credentials.
 */
public final class TimeSeries extends ComponentResource {

    public static final String TYPE = "ultibiker:timeseries:TimeSeries";
    public static final int PORT = 8086;
    public static final String ADMIN_USER = "admin";
    /** Kubernetes name of the workload, its Services and its Secret. */
    public static final String APP = "influxdb";
    public static final String CREDENTIALS_SECRET = "influxdb-credentials";
    static final int ADMIN_PASSWORD_LENGTH = 32;
    /** Number of database subnets (and AZs) Timestream is pinned to. */
    static final int SUBNETS = 2;

    private final Output<String> url;
    private final Output<String> credentialsSecretArn;
    private final Optional<String> kubernetesSecretName;
    private final TimeSeriesConfig settings;

    public TimeSeries(String name, TimeSeriesArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.settings = args.settings();
        var region = args.region();
        var key = EncryptionKeys.create(Naming.child(name, "key"), "Encrypts the InfluxDB credentials and logs of " + name,
                this, region, args.tagging(), args.protection(), scope -> List.of(
                        KeyPolicies.ServiceGrant.service("AllowTimestreamLogDelivery", "timestream-influxdb.amazonaws.com", scope.accountId())));
        var naming = Naming.of(args.tagging());
        // Timestream for InfluxDB takes only ^[a-zA-Z0-9]+$, 8-64 characters, as the admin password (CreateDbInstance;
        // terraform-provider-aws internal/service/timestreaminfluxdb/db_instance.go); InfluxDB OSS needs at least 8.
        var password = new GeneratedSecret(Naming.child(name, "admin-password"), secretArgs(args, key,
                naming.path("influxdb", "admin-password"), "InfluxDB admin password (" + ADMIN_USER + ") of " + name,
                PasswordPolicy.alphanumeric(ADMIN_PASSWORD_LENGTH)), this);

        if (settings.engine() == TimeSeriesEngine.KUBERNETES) {
            var token = new GeneratedSecret(Naming.child(name, "admin-token"), secretArgs(args, key,
                    naming.path("influxdb", "admin-token"), "InfluxDB operator token of " + name, PasswordPolicy.withPunctuation(64)), this);
            this.url = onCluster(name, args, password, token);
            this.credentialsSecretArn = token.arn();
            this.kubernetesSecretName = Optional.of(CREDENTIALS_SECRET);
        } else {
            this.url = managed(name, args, key, password);
            this.credentialsSecretArn = password.arn();
            // The export job on the cluster signs in with the admin user (Timestream has no operator token to read).
            this.kubernetesSecretName = Optional.ofNullable(args.cluster()).map(cluster -> {
                new Secret(Naming.child(name, "credentials"), SecretArgs.builder()
                        .metadata(meta(CREDENTIALS_SECRET, cluster.namespace()))
                        .type("Opaque")
                        .stringData(password.value().applyValue(p -> Map.of("admin-user", ADMIN_USER, "admin-password", p)).asSecret())
                        .build(), CustomResourceOptions.builder().parent(this).provider(cluster.provider()).build());
                return CREDENTIALS_SECRET;
            });
        }

        registerOutputs(Map.of(
                "url", url,
                "organization", Output.of(settings.organization()),
                "bucket", Output.of(settings.bucket()),
                "credentialsSecretArn", credentialsSecretArn));
    }

    private static GeneratedSecretArgs secretArgs(TimeSeriesArgs args, Key key, String secretName, String description,
                                                  PasswordPolicy policy) {
        return GeneratedSecretArgs.builder()
                .secretName(secretName)
                .description(description)
                .policy(policy)
                .key(key)
                .region(args.region())
                .tagging(args.tagging())
                .protection(args.protection())
                .build();
    }

    /** Labels of the InfluxDB pods; the Services and the PodDisruptionBudget select them. */
    static Map<String, String> podLabels() {
        return Map.of("app.kubernetes.io/name", APP, "app.kubernetes.io/component", "timeseries",
                "app.kubernetes.io/managed-by", "pulumi");
    }

    private Output<String> onCluster(String name, TimeSeriesArgs args, GeneratedSecret password, GeneratedSecret token) {
        var cluster = args.cluster();
        var protection = args.protection();
        Output<String> namespace = cluster.namespace();
        CustomResourceOptions k8s = CustomResourceOptions.builder().parent(this).provider(cluster.provider()).build();

        var secret = new Secret(Naming.child(name, "credentials"), SecretArgs.builder()
                .metadata(meta(CREDENTIALS_SECRET, namespace))
                .type("Opaque")
                .stringData(Output.tuple(password.value(), token.value()).applyValue(t -> Map.of(
                        "admin-user", ADMIN_USER,
                        "admin-password", t.t1,
                        "admin-token", t.t2)).asSecret())
                .build(), k8s);

        new Service(Naming.child(name, "headless"), ServiceArgs.builder()
                .metadata(meta(APP + "-headless", namespace))
                .spec(ServiceSpecArgs.builder()
                        .clusterIP("None")
                        .selector(podLabels())
                        .ports(ServicePortArgs.builder().name("http").port(PORT).targetPort("http").build())
                        .build())
                .build(), k8s);
        new Service(Naming.child(name, "service"), ServiceArgs.builder()
                .metadata(meta(APP, namespace))
                .spec(ServiceSpecArgs.builder()
                        .type("ClusterIP")
                        .selector(podLabels())
                        .ports(ServicePortArgs.builder().name("http").port(PORT).targetPort("http").build())
                        .build())
                .build(), k8s);

        new StatefulSet(Naming.child(name, "statefulset"), StatefulSetArgs.builder()
                .metadata(meta(APP, namespace))
                .spec(StatefulSetSpecArgs.builder()
                        .serviceName(APP + "-headless")
                        .replicas(1)
                        .selector(LabelSelectorArgs.builder().matchLabels(podLabels()).build())
                        .persistentVolumeClaimRetentionPolicy(StatefulSetPersistentVolumeClaimRetentionPolicyArgs.builder()
                                .whenDeleted("Retain").whenScaled("Retain").build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder()
                                        .labels(podLabels())
                                        .annotations(Map.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "false"))
                                        .build())
                                .spec(podSpec(args, secret))
                                .build())
                        .volumeClaimTemplates(PersistentVolumeClaimArgs.builder()
                                .metadata(ObjectMetaArgs.builder().name("data").build())
                                .spec(PersistentVolumeClaimSpecArgs.builder()
                                        .accessModes("ReadWriteOnce")
                                        .storageClassName(cluster.storageClass())
                                        .resources(ResourceRequirementsArgs.builder()
                                                .requests(Map.of("storage", args.settings().storageGib() + "Gi"))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build(), protection.options(CustomResourceOptions.builder().parent(this).provider(cluster.provider())).build());

        // One replica: minAvailable 1 would allow no disruption at all, so every drain (a managed node group
        // update, a node replacement) would fail with PodEvictionFailure. The budget allows one pod down: a
        // drain restarts InfluxDB on another node (a minute of unavailability; writers retry). The
        // autoscaler still never scales its node away (safe-to-evict: false on the pod).
        new PodDisruptionBudget(Naming.child(name, "pdb"), PodDisruptionBudgetArgs.builder()
                .metadata(meta(APP, namespace))
                .spec(PodDisruptionBudgetSpecArgs.builder()
                        .maxUnavailable(1)
                        .unhealthyPodEvictionPolicy("AlwaysAllow")
                        .selector(LabelSelectorArgs.builder().matchLabels(podLabels()).build())
                        .build())
                .build(), k8s);

        return namespace.applyValue(ns -> "http://" + APP + "." + ns + ".svc.cluster.local:" + PORT);
    }

    private PodSpecArgs podSpec(TimeSeriesArgs args, Secret secret) {
        var settings = args.settings();
        var placement = args.cluster().placement();
        var probe = HTTPGetActionArgs.builder().path("/health").port("http").build();
        return PodSpecArgs.builder()
                .automountServiceAccountToken(false)
                .terminationGracePeriodSeconds(60)
                .nodeSelector(placement.nodeSelector())
                .tolerations(placement.kubernetesTolerations())
                .securityContext(PodSecurityContextArgs.builder()
                        .runAsNonRoot(true)
                        .runAsUser(1000)
                        .runAsGroup(1000)
                        .fsGroup(1000)
                        .fsGroupChangePolicy("OnRootMismatch")
                        .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build())
                        .build())
                .containers(ContainerArgs.builder()
                        .name(APP)
                        .image("influxdb:" + settings.version())
                        .ports(ContainerPortArgs.builder().name("http").containerPort(PORT).protocol("TCP").build())
                        .env(
                                env("DOCKER_INFLUXDB_INIT_MODE", "setup"),
                                secretEnv("DOCKER_INFLUXDB_INIT_USERNAME", secret, "admin-user"),
                                secretEnv("DOCKER_INFLUXDB_INIT_PASSWORD", secret, "admin-password"),
                                secretEnv("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN", secret, "admin-token"),
                                env("DOCKER_INFLUXDB_INIT_ORG", settings.organization()),
                                env("DOCKER_INFLUXDB_INIT_BUCKET", settings.bucket()),
                                env("DOCKER_INFLUXDB_INIT_RETENTION", settings.retentionDays() + "d"),
                                env("INFLUXD_REPORTING_DISABLED", "true"),
                                env("INFLUXD_HTTP_BIND_ADDRESS", ":" + PORT))
                        .resources(ResourceRequirementsArgs.builder()
                                .requests(Map.of("cpu", "500m", "memory", "1Gi"))
                                .limits(Map.of("cpu", "1", "memory", "2Gi"))
                                .build())
                        .startupProbe(ProbeArgs.builder().httpGet(probe).periodSeconds(10).failureThreshold(30).build())
                        .readinessProbe(ProbeArgs.builder().httpGet(probe).periodSeconds(10).timeoutSeconds(5).failureThreshold(3).build())
                        .livenessProbe(ProbeArgs.builder().httpGet(probe).periodSeconds(20).timeoutSeconds(5).failureThreshold(6).build())
                        .securityContext(SecurityContextArgs.builder()
                                .runAsNonRoot(true)
                                .allowPrivilegeEscalation(false)
                                .readOnlyRootFilesystem(true)
                                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                                .build())
                        .volumeMounts(
                                VolumeMountArgs.builder().name("data").mountPath("/var/lib/influxdb2").build(),
                                VolumeMountArgs.builder().name("config").mountPath("/etc/influxdb2").build(),
                                VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build())
                        .build())
                .volumes(
                        VolumeArgs.builder().name("config").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build(),
                        VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build())
                .build();
    }

    private static EnvVarArgs env(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    private static EnvVarArgs secretEnv(String name, Secret secret, String key) {
        return EnvVarArgs.builder().name(name).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder()
                        .name(secret.metadata().applyValue(m -> ProviderAttributes.present(m.name(), "Kubernetes Secret " + secret.pulumiResourceName(), "metadata.name")))
                        .key(key).build())
                .build()).build();
    }

    private static ObjectMetaArgs meta(String objectName, Output<String> namespace) {
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace).labels(podLabels()).build();
    }

    private Output<String> managed(String name, TimeSeriesArgs args, Key key, GeneratedSecret password) {
        var region = args.region();
        var tagging = args.tagging();
        var protection = args.protection();
        var subnets = args.subnets();
        var settings = args.settings();

        String sgName = Naming.child(name, "sg");
        var ingress = subnets.clientSecurityGroupIds().isEmpty() ? List.<SecurityGroupIngressArgs>of()
                : List.of(SecurityGroupIngressArgs.builder()
                        .description("InfluxDB API from the cluster nodes")
                        .protocol("tcp").fromPort(PORT).toPort(PORT)
                        .securityGroups(Output.all(subnets.clientSecurityGroupIds()))
                        .build());
        var sg = new SecurityGroup(sgName, SecurityGroupArgs.builder()
                .vpcId(subnets.vpcId())
                .description("Timestream for InfluxDB: 8086 from the EKS nodes only")
                .ingress(ingress)
                .tags(tagging.tags(sgName))
                .build(), region.child(this));

        var logs = SecureBucket.create(SecureBucketArgs.builder()
                .name(Naming.child(name, "logs"))
                .parent(this)
                .region(region)
                .tagging(tagging)
                .protection(protection)
                .role("influxdb-logs")
                .kmsKey(key.arn())
                .versioned(false)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder()
                        .id("expire-logs")
                        .expirationDays(args.logRetentionDays())
                        .build())
                .statements(bucketArn -> Output.tuple(bucketArn, region.accountId()).applyValue(t ->
                        TimeSeriesPolicies.logDeliveryStatements(t.t1, t.t2)))
                .build());

        var instance = new DbInstance(Naming.child(name, "influxdb"), DbInstanceArgs.builder()
                .name(args.physicalName())
                .dbInstanceType(settings.instanceClass())
                .dbStorageType("InfluxIOIncludedT1")
                .allocatedStorage(settings.storageGib())
                .deploymentType(settings.multiAz() ? "WITH_MULTIAZ_STANDBY" : "SINGLE_AZ")
                .publiclyAccessible(false)
                .networkType("IPV4")
                .port(PORT)
                .vpcSubnetIds(subnets.subnetIds().applyValue(TimeSeries::pinnedSubnets))
                .vpcSecurityGroupIds(sg.id().applyValue(List::of))
                .username(ADMIN_USER)
                .password(password.value())
                .organization(settings.organization())
                .bucket(settings.bucket())
                .logDeliveryConfiguration(DbInstanceLogDeliveryConfigurationArgs.builder()
                        .s3Configuration(DbInstanceLogDeliveryConfigurationS3ConfigurationArgs.builder()
                                .bucketName(logs.bucketName())
                                .enabled(true)
                                .build())
                        .build())
                .tags(tagging.tags(Naming.child(name, "influxdb")))
                // password forces replacement (RequiresReplace in the provider): a rotated secret must not
                // replace the database. The new value is applied through InfluxDB's API (README, rotation).
                .build(), protection.options(region.childOf(this).dependsOn(List.of(logs.policy(), logs.encryption())))
                        .ignoreChanges(List.of("password")).build());
        String instanceName = Naming.child(name, "influxdb");
        return instance.endpoint().applyValue(endpoint ->
                "https://" + ProviderAttributes.nonNull(endpoint, "Timestream for InfluxDB instance " + instanceName, "endpoint") + ":" + PORT);
    }

    /**
     * The subnets Timestream runs in: the first {@link #SUBNETS} by availability zone name. vpcSubnetIds
     * takes 1-3 subnets and forces replacement (CreateDbInstance; provider: SizeBetween(1, 3),
     * RequiresReplace), so the set must not move when the network gains an AZ: adding AZ {@code d} to
     * {@code a, b, c} keeps {@code a, b}. Two, in different AZs, because a Multi-AZ standby needs them.
     *
     * @param subnetIdsByAz database subnet id by availability zone name
     */
    static List<String> pinnedSubnets(Map<String, String> subnetIdsByAz) {
        if (subnetIdsByAz.size() < SUBNETS) {
            throw new IllegalArgumentException("Timestream needs database subnets in " + SUBNETS
                    + " availability zones; found " + subnetIdsByAz.keySet());
        }
        return new java.util.TreeMap<>(subnetIdsByAz).values().stream().limit(SUBNETS).toList();
    }

    public Output<String> url() {
        return url;
    }

    public Output<String> organization() {
        return Output.of(settings.organization());
    }

    public Output<String> bucket() {
        return Output.of(settings.bucket());
    }

    /** Secrets Manager secret with the admin credential (the operator token on the cluster, the password on Timestream). */
    public Output<String> credentialsSecretArn() {
        return credentialsSecretArn;
    }

    /**
     * The Kubernetes Secret in the cluster's namespace holding {@code admin-user} and {@code admin-password}, and on
     * the cluster engine {@code admin-token} (the operator token); empty for Timestream without a cluster.
     */
    public Optional<String> kubernetesSecretName() {
        return kubernetesSecretName;
    }

    public TimeSeriesEngine engine() {
        return settings.engine();
    }
}
