package com.ultibiker.platform.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.rds.outputs.InstanceMasterUserSecret;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.config.DatabaseConfig;
import com.ultibiker.platform.config.ReplicaSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RDS PostgreSQL: a primary in the primary region's database subnets and the read replicas of the
 * config, same-region ones beside it and cross-region ones in their region's VPC, each region with
 * its own customer-managed KMS key, subnet group, parameter group and security group.
 *
 * <p>Every instance: gp3 storage encrypted with the region's key, TLS forced by the parameter group,
 * IAM database authentication, PostgreSQL and upgrade logs exported to encrypted log groups,
 * enhanced monitoring, Performance Insights encrypted with the key, auto minor version upgrades. The
 * master password is created and rotated by RDS in Secrets Manager (encrypted with the key); it is
 * never an input of this program. Protection (Pulumi {@code protect}, deletion protection, final
 * snapshot of the primary) comes from {@link com.ultibiker.platform.common.StatefulProtection}.
 */
public final class Database extends ComponentResource {

    public static final String TYPE = "ultibiker:data:Database";

    private final String primaryIdentifier;
    private final Output<String> endpoint;
    private final Output<Integer> port;
    private final Output<String> masterUserSecretArn;
    private final Map<String, Output<String>> readerEndpoints = new LinkedHashMap<>();
    private final Map<String, String> replicaIdentifiers = new LinkedHashMap<>();
    private final Map<String, Output<String>> securityGroupIds = new LinkedHashMap<>();
    private final List<Output<DataPolicies.RdsInstanceRef>> instanceRefs = new ArrayList<>();

    /** What every instance of one region shares. */
    private record Regional(DataPlacement placement, Key key, SecurityGroup securityGroup, SubnetGroup subnetGroup,
                            ParameterGroup parameterGroup) {
    }

    public Database(String name, DatabaseArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        DatabaseConfig settings = args.settings();
        this.primaryIdentifier = args.identifier();

        Map<String, Regional> regions = new LinkedHashMap<>();
        String primaryRegion = args.primary().regionName();
        regions.put(primaryRegion, regional(name, args.primary(), true, args));
        for (ReplicaSpec replica : settings.replicas()) {
            regions.computeIfAbsent(replica.region(), r -> regional(name, args.placement(r), false, args));
        }
        regions.forEach((region, r) -> securityGroupIds.put(region, r.securityGroup().id()));

        Optional<Role> monitoringRole = settings.monitoringIntervalSeconds() > 0
                ? Optional.of(monitoringRole(name, args)) : Optional.empty();

        Regional home = regions.get(primaryRegion);
        String primaryName = Naming.child(name, "primary");
        List<Resource> primaryLogs = logGroups(primaryName, args.identifier(), home, args);
        var primaryArgs = InstanceArgs.builder()
                .identifier(args.identifier())
                .engine(DatabaseSettings.ENGINE)
                .engineVersion(settings.engineVersion())
                .instanceClass(settings.instanceClass())
                .allocatedStorage(settings.allocatedStorageGib())
                .maxAllocatedStorage(settings.maxAllocatedStorageGib())
                .dbName(args.databaseName())
                .username(args.masterUsername())
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(home.key().arn())
                .dbSubnetGroupName(home.subnetGroup().name())
                .multiAz(settings.multiAz())
                .backupRetentionPeriod(settings.backupRetentionDays())
                .backupWindow(settings.backupWindow())
                .deleteAutomatedBackups(!args.protection().production())
                .skipFinalSnapshot(args.protection().skipFinalSnapshot());
        args.protection().finalSnapshot(args.identifier()).ifPresent(primaryArgs::finalSnapshotIdentifier);
        common(primaryArgs, home, settings, monitoringRole, args, primaryName);
        var primary = new Instance(primaryName, primaryArgs.build(),
                args.protection().options(home.placement().region().childOf(this)).dependsOn(primaryLogs).build());

        instanceRefs.add(ref(home.placement(), primary));

        for (ReplicaSpec replica : settings.replicas()) {
            Regional r = regions.get(replica.region());
            boolean crossRegion = !replica.region().equals(primaryRegion);
            String replicaName = Naming.child(name, "replica-" + replica.name());
            String identifier = DatabaseSettings.replicaIdentifier(args.identifier(), replica.name());
            List<Resource> logs = logGroups(replicaName, identifier, r, args);
            var replicaArgs = InstanceArgs.builder()
                    .identifier(identifier)
                    // A replica in another region names its source by ARN, one in the same region by identifier.
                    .replicateSourceDb(crossRegion ? primary.arn() : primary.identifier())
                    .instanceClass(replica.instanceClass())
                    .maxAllocatedStorage(settings.maxAllocatedStorageGib())
                    .multiAz(false)
                    // A cross-region replica is the disaster-recovery copy: keep backups so a promoted one has them.
                    .backupRetentionPeriod(crossRegion ? settings.backupRetentionDays() : 0)
                    // RDS takes no final snapshot of a read replica.
                    .skipFinalSnapshot(true);
            if (crossRegion) {
                replicaArgs.dbSubnetGroupName(r.subnetGroup().name()).backupWindow(settings.backupWindow());
            }
            common(replicaArgs, r, settings, monitoringRole, args, replicaName);
            var instance = new Instance(replicaName, replicaArgs.build(),
                    args.protection().options(r.placement().region().childOf(this)).dependsOn(logs).build());
            readerEndpoints.put(replica.name(), instance.address());
            instanceRefs.add(ref(r.placement(), instance));
            replicaIdentifiers.put(replica.name(), identifier);
        }

        this.endpoint = primary.address();
        this.port = primary.port();
        this.masterUserSecretArn = primary.masterUserSecrets().applyValue(Database::firstSecretArn);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("endpoint", endpoint);
        outputs.put("port", port);
        outputs.put("masterUserSecretArn", masterUserSecretArn);
        outputs.put("securityGroupId", securityGroupId());
        readerEndpoints.forEach((replica, address) -> outputs.put("readerEndpoint." + replica, address));
        registerOutputs(outputs);
    }

    /** Settings shared by the primary and every replica. */
    private static void common(InstanceArgs.Builder b, Regional r, DatabaseConfig settings, Optional<Role> monitoringRole,
                               DatabaseArgs args, String resourceName) {
        b.port(DatabaseSettings.PORT)
                .storageType(DatabaseSettings.STORAGE_TYPE)
                .storageEncrypted(true)
                .kmsKeyId(r.key().arn())
                .parameterGroupName(r.parameterGroup().name())
                .vpcSecurityGroupIds(r.securityGroup().id().applyValue(List::of))
                .publiclyAccessible(false)
                .iamDatabaseAuthenticationEnabled(true)
                .caCertIdentifier(DatabaseSettings.CA_CERTIFICATE)
                .enabledCloudwatchLogsExports(DatabaseSettings.LOG_EXPORTS)
                .maintenanceWindow(settings.maintenanceWindow())
                .autoMinorVersionUpgrade(true)
                .allowMajorVersionUpgrade(false)
                .applyImmediately(false)
                .copyTagsToSnapshot(true)
                .deletionProtection(args.protection().deletionProtection())
                .performanceInsightsEnabled(true)
                .performanceInsightsKmsKeyId(r.key().arn())
                .performanceInsightsRetentionPeriod(settings.performanceInsightsRetentionDays())
                .monitoringInterval(settings.monitoringIntervalSeconds())
                .tags(args.tagging().tags(resourceName));
        monitoringRole.ifPresent(role -> b.monitoringRoleArn(role.arn()));
    }

    private Regional regional(String name, DataPlacement placement, boolean primary, DatabaseArgs args) {
        var tagging = args.tagging();
        var region = placement.region();
        String prefix = primary ? name : Naming.child(name, region.name());
        Key key = EncryptionKeys.create(Naming.child(prefix, "key"),
                "Encrypts PostgreSQL storage, Performance Insights, the master user secret and logs of " + name
                        + " in " + region.name(),
                this, region, tagging, args.protection(),
                scope -> List.of(KeyPolicies.ServiceGrant.cloudWatchLogs(scope.partition(), scope.region(), scope.accountId())));
        SecurityGroup sg = DataSecurityGroups.create(Naming.child(prefix, "sg"), "PostgreSQL", DatabaseSettings.PORT,
                placement, this, tagging);
        String subnetsName = Naming.child(prefix, "subnets");
        var subnets = new SubnetGroup(subnetsName, SubnetGroupArgs.builder()
                .description("Isolated database subnets of " + placement.network().pulumiResourceName())
                .subnetIds(placement.network().databaseSubnetIds())
                .tags(tagging.tags(subnetsName))
                .build(), region.child(this));
        String paramsName = Naming.child(prefix, "params");
        List<ParameterGroupParameterArgs> parameters = new ArrayList<>();
        DatabaseSettings.parameters(args.settings().slowStatementMillis()).forEach((k, v) ->
                parameters.add(ParameterGroupParameterArgs.builder().name(k).value(v).applyMethod("immediate").build()));
        var params = new ParameterGroup(paramsName, ParameterGroupArgs.builder()
                .family(DatabaseSettings.parameterGroupFamily(args.settings().engineVersion()))
                .description("PostgreSQL: TLS required, slow statements and lock waits logged")
                .parameters(parameters)
                .tags(tagging.tags(paramsName))
                .build(), region.child(this));
        return new Regional(placement, key, sg, subnets, params);
    }

    /** One log group per export, created before the instance so RDS writes into it (retention, key). */
    private List<Resource> logGroups(String resourceName, String identifier, Regional r, DatabaseArgs args) {
        List<Resource> groups = new ArrayList<>();
        for (String export : DatabaseSettings.LOG_EXPORTS) {
            String groupName = Naming.child(resourceName, export + "-logs");
            groups.add(new LogGroup(groupName, LogGroupArgs.builder()
                    .name(DatabaseSettings.logGroupName(identifier, export))
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(r.key().arn())
                    .tags(args.tagging().tags(groupName))
                    .build(), r.placement().region().child(this)));
        }
        return groups;
    }

    private Role monitoringRole(String name, DatabaseArgs args) {
        var region = args.primary().region();
        String roleName = Naming.child(name, "monitoring-role");
        var role = new Role(roleName, RoleArgs.builder()
                .description("Lets RDS enhanced monitoring of " + name + " publish OS metrics")
                .assumeRolePolicy(region.accountId().applyValue(DataPolicies::monitoringTrustPolicy))
                .tags(args.tagging().tags(roleName))
                .build(), region.child(this));
        new RolePolicyAttachment(Naming.child(roleName, "policy"), RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(region.partition().applyValue(DataPolicies::monitoringPolicyArn))
                .build(), region.child(this));
        return role;
    }

    private static Output<DataPolicies.RdsInstanceRef> ref(DataPlacement placement, Instance instance) {
        var region = placement.region();
        return Output.tuple(region.partition(), region.accountId(), instance.resourceId()).applyValue(t ->
                new DataPolicies.RdsInstanceRef(t.t1, region.name(), t.t2, t.t3));
    }

    /**
     * An IAM policy document that lets a workload role connect with IAM database authentication as
     * {@code dbUser} (a PostgreSQL role granted {@code rds_iam}) to the primary and every replica.
     * A grant, not a resource: the caller attaches it to the role it builds.
     */
    public Output<String> connectPolicy(String dbUser) {
        return Output.all(instanceRefs).applyValue(refs -> DataPolicies.rdsConnectPolicy(refs, dbUser));
    }

    private static String firstSecretArn(List<InstanceMasterUserSecret> secrets) {
        return secrets.stream().findFirst().flatMap(InstanceMasterUserSecret::secretArn).orElse("");
    }

    /** Address of the primary (writer). */
    public Output<String> endpoint() {
        return endpoint;
    }

    /** Address of each read replica, by replica name. */
    public Map<String, Output<String>> readerEndpoints() {
        return Collections.unmodifiableMap(readerEndpoints);
    }

    public Output<Integer> port() {
        return port;
    }

    /** ARN of the Secrets Manager secret in which RDS keeps (and rotates) the master user's credentials. */
    public Output<String> masterUserSecretArn() {
        return masterUserSecretArn;
    }

    /** The security group of the primary region's instances. */
    public Output<String> securityGroupId() {
        return securityGroupIds.values().iterator().next();
    }

    /** The security group of each region that has an instance, by region. */
    public Map<String, Output<String>> securityGroupIds() {
        return Collections.unmodifiableMap(securityGroupIds);
    }

    /** Physical identifier of the primary (for alarms and dashboards). */
    public String primaryIdentifier() {
        return primaryIdentifier;
    }

    /** Physical identifier of each replica, by replica name (for replica-lag alarms). */
    public Map<String, String> replicaIdentifiers() {
        return Collections.unmodifiableMap(replicaIdentifiers);
    }
}
