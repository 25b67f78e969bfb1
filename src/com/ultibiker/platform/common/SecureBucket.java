package com.ultibiker.platform.common;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way the program makes an S3 bucket (not a component: its resources are children of the caller's
 * component, named {@code <name>-<role>}):
 * <ul>
 *   <li>the bucket {@code <project>-<env>-<role>-<account>} ({@link Naming}, checked by {@link BucketNames}),
 *   protected in production and force-emptied only outside it ({@link StatefulProtection});</li>
 *   <li>{@code -public-access}: all four public access block flags; {@code -ownership}: BucketOwnerEnforced
 *   (ACLs off);</li>
 *   <li>{@code -encryption}: SSE-KMS with an S3 Bucket Key under the given key, or SSE-S3 where the writer
 *   cannot use KMS ({@link SecureBucketArgs.Builder#s3ManagedEncryption()});</li>
 *   <li>{@code -versioning} when versioned; {@code -lifecycle} when rules are given;</li>
 *   <li>{@code -policy}: the caller's statements, then {@link BucketPolicies#denyInsecureTransport} (TLS only),
 *   after the public access block;</li>
 *   <li>the {@code Backup} tag when the bucket holds data;</li>
 *   <li>with a replication: a replica bucket {@code <name>-replica} ({@code <role>-<replica region>}) built the
 *   same way in the replica's region with its key, a role {@code <name>-replication} that may do exactly what
 *   replication needs ({@link BucketPolicies#replicationPolicy}), and {@code <name>-replication-config}, which
 *   waits for the versioning of both buckets (PutBucketReplication refuses an unversioned source or
 *   destination; terraform-provider-aws documents {@code depends_on} the versioning resources).</li>
 * </ul>
 * ForceNew in terraform-provider-aws (a change replaces the resource): the bucket's {@code bucket} (its
 * name) and {@code object_lock_enabled}, and the {@code bucket} of every bucket-scoped resource; everything
 * else here (encryption, lifecycle, policy, versioning status, replication rules) updates in place.
 */
public final class SecureBucket {

    private final BucketV2 bucket;
    private final BucketPolicy policy;
    private final BucketServerSideEncryptionConfigurationV2 encryption;
    private final BucketOwnershipControls ownership;
    private final Optional<BucketVersioningV2> versioning;
    private final Optional<SecureBucket> replica;

    private SecureBucket(SecureBucketArgs args) {
        var region = args.region();
        var protection = args.protection();
        var parent = args.parent();
        String name = args.name();
        Map<String, String> tags = new LinkedHashMap<>(args.tags());
        tags.putAll(args.backupTag());
        String role = Naming.of(args.tagging()).physical(args.role());
        this.bucket = new BucketV2(name, BucketV2Args.builder()
                .bucket(region.accountId().applyValue(account -> BucketNames.requireValid(role + "-" + account, name)))
                .forceDestroy(protection.forceDestroy())
                .tags(args.tagging().tags(name, tags))
                .build(), protection.options(region.childOf(parent)).build());
        var publicAccess = new BucketPublicAccessBlock(name + "-public-access", BucketPublicAccessBlockArgs.builder()
                .bucket(bucket.id())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build(), region.child(parent));
        this.ownership = new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                .bucket(bucket.id())
                .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                .build(), region.child(parent));
        this.versioning = args.versioned()
                ? Optional.of(new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                        .bucket(bucket.id())
                        .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder().status("Enabled").build())
                        .build(), region.child(parent)))
                : Optional.empty();
        var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        var rule = BucketServerSideEncryptionConfigurationV2RuleArgs.builder();
        if (args.kmsKeyArn().isPresent()) {
            byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(args.kmsKeyArn().get());
            rule.bucketKeyEnabled(true);
        } else {
            byDefault.sseAlgorithm("AES256");
        }
        this.encryption = new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(rule.applyServerSideEncryptionByDefault(byDefault.build()).build())
                        .build(), region.child(parent));
        if (!args.lifecycle().isEmpty()) {
            // On a versioned bucket the rules act on versions: the provider documents depends_on the versioning
            // (aws_s3_bucket_lifecycle_configuration, "must depend on aws_s3_bucket_versioning").
            var options = region.childOf(parent);
            versioning.ifPresent(options::dependsOn);
            new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                    .bucket(bucket.id())
                    .rules(args.lifecycle().stream().map(SecureBucket::lifecycleRule).toList())
                    .build(), options.build());
        }
        // S3 refuses concurrent configuration changes of one bucket (OperationAborted), and a policy checked
        // against an absent block could be judged public: the policy waits for the block.
        this.policy = new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                .bucket(bucket.id())
                .policy(bucket.arn().apply(arn -> args.statements().apply(Output.of(arn)).applyValue(extra -> {
                    List<Statement> all = new ArrayList<>(extra);
                    all.add(BucketPolicies.denyInsecureTransport(arn));
                    return BucketPolicies.document(all);
                })))
                .build(), region.childOf(parent).dependsOn(publicAccess).build());
        this.replica = args.replication().map(replication -> replicate(args, replication));
    }

    /** Registers the bucket (and its replica, role and replication) described by {@code args}. */
    public static SecureBucket create(SecureBucketArgs args) {
        return new SecureBucket(args);
    }

    private SecureBucket replicate(SecureBucketArgs args, SecureBucketArgs.Replication replication) {
        var region = args.region();
        var target = replication.region();
        String name = args.name();
        var replicaArgs = SecureBucketArgs.builder()
                .name(name + "-replica")
                .parent(args.parent())
                .region(target)
                .tagging(args.tagging())
                .protection(args.protection())
                .role(args.role() + "-" + target.name())
                .tags(args.tags())
                // The replica is read in a failover like the source: the same statements, given its own ARN.
                .statements(args.statements())
                .kmsKey(replication.keyArn())
                .versioned(true);
        args.lifecycle().forEach(replicaArgs::lifecycleRule);
        var copy = new SecureBucket(replicaArgs.build());

        String roleName = name + "-replication";
        var role = new Role(roleName, RoleArgs.builder()
                .description("Lets S3 replicate " + name + " to " + target.name())
                .assumeRolePolicy(region.accountId().applyValue(BucketPolicies::replicationTrustPolicy))
                .tags(args.tagging().tags(roleName))
                .build(), region.child(args.parent()));
        var rolePolicy = new RolePolicy(roleName + "-policy", RolePolicyArgs.builder()
                .role(role.id())
                .policy(Output.tuple(bucket.arn(), args.kmsKeyArn().orElseThrow(), copy.bucket.arn(), replication.keyArn())
                        .applyValue(t -> BucketPolicies.replicationPolicy(BucketPolicies.ReplicationScope.builder()
                                .sourceBucketArn(t.t1).sourceRegion(region.name()).sourceKeyArn(t.t2)
                                .replicaBucketArn(t.t3).replicaRegion(target.name()).replicaKeyArn(t.t4)
                                .build())))
                .build(), region.child(args.parent()));
        String deleteMarkers = replication.replicateDeleteMarkers() ? "Enabled" : "Disabled";
        new BucketReplicationConfig(name + "-replication-config", BucketReplicationConfigArgs.builder()
                .bucket(bucket.id())
                .role(role.arn())
                .rules(BucketReplicationConfigRuleArgs.builder()
                        .id("replicate-to-" + target.name())
                        .status("Enabled")
                        .priority(1)
                        .filter(BucketReplicationConfigRuleFilterArgs.builder().prefix("").build())
                        .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                                .status(deleteMarkers).build())
                        .sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                                .sseKmsEncryptedObjects(BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs.builder()
                                        .status("Enabled").build())
                                .build())
                        .destination(BucketReplicationConfigRuleDestinationArgs.builder()
                                .bucket(copy.bucket.arn())
                                .storageClass("STANDARD")
                                .encryptionConfiguration(BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                                        .replicaKmsKeyId(replication.keyArn()).build())
                                .build())
                        .build())
                .build(), region.childOf(args.parent())
                .dependsOn(List.of(versioning.orElseThrow(), copy.versioning.orElseThrow(), rolePolicy))
                .build());
        return copy;
    }

    private static BucketLifecycleConfigurationV2RuleArgs lifecycleRule(SecureBucketArgs.LifecycleRule rule) {
        var out = BucketLifecycleConfigurationV2RuleArgs.builder()
                .id(rule.id())
                .status("Enabled")
                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build());
        rule.expirationDays().ifPresent(days ->
                out.expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder().days(days).build()));
        rule.noncurrentExpirationDays().ifPresent(days ->
                out.noncurrentVersionExpiration(BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(days).build()));
        rule.abortMultipartDays().ifPresent(days ->
                out.abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                        .daysAfterInitiation(days).build()));
        rule.transition().ifPresent(t ->
                out.transitions(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                        .days(t.days()).storageClass(t.storageClass()).build()));
        return out.build();
    }

    /** The bucket's physical name. */
    public Output<String> bucketName() {
        return bucket.bucket();
    }

    public Output<String> arn() {
        return bucket.arn();
    }

    /** {@code <bucket>.s3.<region>.amazonaws.com}, the endpoint a CloudFront S3 origin names. */
    public Output<String> regionalDomainName() {
        return bucket.bucketRegionalDomainName();
    }

    /** The bucket's id (its name), for bucket-scoped resources and inputs such as a log destination. */
    public Output<String> id() {
        return bucket.id();
    }

    /** The replica, when the bucket is replicated. */
    public Optional<SecureBucket> replica() {
        return replica;
    }

    /** The policy resource: a log writer that checks its permission on creation waits for it. */
    public BucketPolicy policy() {
        return policy;
    }

    public BucketServerSideEncryptionConfigurationV2 encryption() {
        return encryption;
    }

    /**
     * What a writer into the bucket waits for: its policy, ACLs off and default encryption (ALB checks its
     * write permission when access logs are switched on).
     */
    public List<Resource> ready() {
        return List.of(policy, ownership, encryption);
    }
}
