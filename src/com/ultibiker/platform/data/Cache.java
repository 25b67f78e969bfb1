package com.ultibiker.platform.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.elasticache.ParameterGroup;
import com.pulumi.aws.elasticache.ParameterGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.elasticache.User;
import com.pulumi.aws.elasticache.UserArgs;
import com.pulumi.aws.elasticache.UserGroup;
import com.pulumi.aws.elasticache.UserGroupArgs;
import com.pulumi.aws.elasticache.inputs.ParameterGroupParameterArgs;
import com.pulumi.aws.elasticache.inputs.ReplicationGroupLogDeliveryConfigurationArgs;
import com.pulumi.aws.elasticache.inputs.UserAuthenticationModeArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.ProviderAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ElastiCache Redis 7 replication group in the private subnets of one region: encrypted at rest with
 * a customer-managed KMS key and in transit (TLS required), slow and engine logs delivered to
 * encrypted CloudWatch log groups, daily snapshots, a security group admitting 6379 only from the
 * client security groups.
 *
 * <p>Authentication is RBAC with IAM: the user group holds a switched-off {@code default} user and one
 * application user that authenticates with an IAM (SigV4) token. No password or auth token exists,
 * so none can leak through code, config or state. Workloads get access by attaching
 * {@link #connectPolicyArn()} to their role and connecting as {@link #userName()}.
 */
public final class Cache extends ComponentResource {

    public static final String TYPE = "ultibiker:data:Cache";

    private final String replicationGroupId;
    private final int numNodes;
    private final String userName;
    private final Output<String> primaryEndpoint;
    private final Output<String> readerEndpoint;
    private final Output<Integer> port;
    private final Output<String> securityGroupId;
    private final Output<String> userGroupId;
    private final Output<String> connectPolicyArn;

    public Cache(String name, CacheArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var placement = args.placement();
        var region = placement.region();
        var tagging = args.tagging();
        this.replicationGroupId = args.replicationGroupId();
        this.numNodes = args.numNodes();

        String keyName = Naming.child(name, "key");
        var key = EncryptionKeys.create(keyName, "Encrypts Redis data, snapshots and logs of " + name, this, region,
                tagging, args.protection(),
                scope -> List.of(KeyPolicies.ServiceGrant.cloudWatchLogs(scope.partition(), scope.region(), scope.accountId())));

        var sg = DataSecurityGroups.create(Naming.child(name, "sg"), "Redis", CacheSettings.PORT, placement, this, tagging);

        String subnetsName = Naming.child(name, "subnets");
        var subnets = new SubnetGroup(subnetsName, SubnetGroupArgs.builder()
                .description("Private subnets of " + placement.network().pulumiResourceName())
                .subnetIds(placement.network().privateSubnetIds())
                .tags(tagging.tags(subnetsName))
                .build(), region.child(this));

        String paramsName = Naming.child(name, "params");
        List<ParameterGroupParameterArgs> parameters = new ArrayList<>();
        CacheSettings.parameters().forEach((k, v) -> parameters.add(ParameterGroupParameterArgs.builder().name(k).value(v).build()));
        var params = new ParameterGroup(paramsName, ParameterGroupArgs.builder()
                .family(CacheSettings.parameterGroupFamily(args.engineVersion()))
                .description("Redis of " + name + ": slow log threshold and length")
                .parameters(parameters)
                .tags(tagging.tags(paramsName))
                .build(), region.child(this));

        List<Resource> logGroups = new ArrayList<>();
        List<ReplicationGroupLogDeliveryConfigurationArgs> delivery = new ArrayList<>();
        for (String logType : CacheSettings.LOG_TYPES) {
            String groupName = Naming.child(name, logType + "s");
            var group = new LogGroup(groupName, LogGroupArgs.builder()
                    .name(CacheSettings.logGroupName(args.replicationGroupId(), logType))
                    .retentionInDays(args.logRetentionDays())
                    .kmsKeyId(key.arn())
                    .tags(tagging.tags(groupName))
                    .build(), region.child(this));
            logGroups.add(group);
            delivery.add(ReplicationGroupLogDeliveryConfigurationArgs.builder()
                    .destinationType("cloudwatch-logs")
                    .destination(group.name())
                    .logFormat("json")
                    .logType(logType)
                    .build());
        }

        // RBAC: a user group must contain a user named "default"; ours is switched off.
        String defaultUserName = Naming.child(name, "default-user");
        var defaultUser = new User(defaultUserName, UserArgs.builder()
                .userId(CacheSettings.defaultUserId(args.replicationGroupId()))
                .userName("default")
                .engine(CacheSettings.ENGINE)
                .accessString(CacheSettings.DISABLED_DEFAULT_ACCESS_STRING)
                .authenticationMode(UserAuthenticationModeArgs.builder().type("no-password-required").build())
                .tags(tagging.tags(defaultUserName))
                .build(), region.childOf(this).ignoreChanges(CacheSettings.REWRITTEN_BY_ELASTICACHE).build());
        this.userName = CacheSettings.appUserId(args.replicationGroupId());
        String appUserName = Naming.child(name, "app-user");
        var appUser = new User(appUserName, UserArgs.builder()
                .userId(userName)
                .userName(userName)
                .engine(CacheSettings.ENGINE)
                .accessString(CacheSettings.APP_ACCESS_STRING)
                .authenticationMode(UserAuthenticationModeArgs.builder().type("iam").build())
                .tags(tagging.tags(appUserName))
                .build(), region.childOf(this).ignoreChanges(CacheSettings.REWRITTEN_BY_ELASTICACHE).build());
        String userGroupName = Naming.child(name, "users");
        var userGroup = new UserGroup(userGroupName, UserGroupArgs.builder()
                .userGroupId(CacheSettings.userGroupId(args.replicationGroupId()))
                .engine(CacheSettings.ENGINE)
                .userIds(Output.all(defaultUser.userId(), appUser.userId()))
                .tags(tagging.tags(userGroupName))
                .build(), region.child(this));

        String groupName = Naming.child(name, "redis");
        var rgArgs = ReplicationGroupArgs.builder()
                .replicationGroupId(args.replicationGroupId())
                .description("Redis of " + name)
                .engine(CacheSettings.ENGINE)
                .engineVersion(args.engineVersion())
                .nodeType(args.nodeType())
                .numCacheClusters(args.numNodes())
                .automaticFailoverEnabled(args.automaticFailover())
                .multiAzEnabled(args.multiAz())
                .port(CacheSettings.PORT)
                .parameterGroupName(params.name())
                .subnetGroupName(subnets.name())
                .securityGroupIds(sg.id().applyValue(List::of))
                .atRestEncryptionEnabled(true)
                .kmsKeyId(key.arn())
                .transitEncryptionEnabled(true)
                .transitEncryptionMode("required")
                .userGroupIds(userGroup.userGroupId().applyValue(List::of))
                .snapshotRetentionLimit(args.snapshotRetentionDays())
                .snapshotWindow(args.snapshotWindow())
                .maintenanceWindow(args.maintenanceWindow())
                .autoMinorVersionUpgrade(true)
                // Immediately, as the database: a pending modification would show in every preview until the
                // maintenance window. Node type and count changes are online for a replication group.
                .applyImmediately(true)
                .logDeliveryConfigurations(delivery)
                .tags(tagging.tags(groupName));
        args.protection().finalSnapshot(args.replicationGroupId()).ifPresent(rgArgs::finalSnapshotIdentifier);
        var group = new ReplicationGroup(groupName, rgArgs.build(),
                args.protection().options(region.childOf(this)).dependsOn(logGroups).build());

        String policyName = Naming.child(name, "connect-policy");
        var connect = new Policy(policyName, PolicyArgs.builder()
                .description("Connect to " + args.replicationGroupId() + " as " + userName + " (IAM authentication)")
                .policy(Output.tuple(group.arn(), appUser.arn()).applyValue(t -> DataPolicies.cacheConnectPolicy(t.t1, t.t2)))
                .tags(tagging.tags(policyName))
                .build(), region.child(this));

        this.primaryEndpoint = group.primaryEndpointAddress();
        this.readerEndpoint = group.readerEndpointAddress();
        this.port = group.port().applyValue(p -> ProviderAttributes.present(p, "ElastiCache replication group " + groupName, "port"));
        this.securityGroupId = sg.id();
        this.userGroupId = userGroup.userGroupId();
        this.connectPolicyArn = connect.arn();
        registerOutputs(Map.of(
                "primaryEndpoint", primaryEndpoint,
                "readerEndpoint", readerEndpoint,
                "port", port,
                "securityGroupId", securityGroupId,
                "userName", Output.of(userName),
                "userGroupId", userGroupId,
                "connectPolicyArn", connectPolicyArn));
    }

    /** Nodes of the replication group (primary plus replicas); their ids are {@code <id>-001 ...}. */
    public int numNodes() {
        return numNodes;
    }

    public String replicationGroupId() {
        return replicationGroupId;
    }

    /** Address of the primary node (writes). */
    public Output<String> primaryEndpoint() {
        return primaryEndpoint;
    }

    /** Address that spreads reads over the replicas. */
    public Output<String> readerEndpoint() {
        return readerEndpoint;
    }

    public Output<Integer> port() {
        return port;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** The ElastiCache user to connect as (IAM authentication: user name = user id). */
    public String userName() {
        return userName;
    }

    public Output<String> userGroupId() {
        return userGroupId;
    }

    /** Managed policy granting {@code elasticache:Connect} as {@link #userName()}; attach to workload roles. */
    public Output<String> connectPolicyArn() {
        return connectPolicyArn;
    }
}
