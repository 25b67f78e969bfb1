package com.ultibiker.platform.storage;

import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.backup.BackupTag;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.SecureBucket;
import com.ultibiker.platform.common.SecureBucketArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bucket of user content (issue 19.2): {@code <project>-<env>-uploads-<account>}, versioned, SSE-KMS under
 * its own key, public access blocked, TLS only, in the stack's AWS Backup plan; old versions and unfinished
 * multipart uploads expire after the configured days; in a stack with a standby region it is replicated to
 * {@code <project>-<env>-uploads-<region>-<account>} under a key of that region, delete markers included (after a
 * failover the replica serves what the primary served; an overwritten or deleted object stays recoverable for
 * {@code noncurrentVersionExpirationDays} as a noncurrent version on both sides, and a delete of one version is
 * never replicated). Replication is one way: writes into the replica during a failover are not copied back.
 * Workloads get {@link #grantReadWrite()}.
 */
public final class Uploads extends ComponentResource {

    public static final String TYPE = "ultibiker:storage:Uploads";

    private final Map<String, Output<String>> bucketNames = new LinkedHashMap<>();
    private final List<Output<StoragePolicies.RegionalBucket>> grants = new ArrayList<>();

    public Uploads(String name, UploadsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var region = args.region();
        var tagging = args.tagging();
        var settings = args.settings();
        Key key = EncryptionKeys.create(Naming.child(name, "key"), "Encrypts the user uploads of " + name, this, region,
                tagging, args.protection(), scope -> List.of());
        var bucket = SecureBucketArgs.builder()
                .name(Naming.child(name, "bucket"))
                .parent(this)
                .region(region)
                .tagging(tagging)
                .protection(args.protection())
                .role("uploads")
                .tags(Map.of("Purpose", "user-uploads"))
                .kmsKey(key.arn())
                .versioned(true)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder()
                        .id("expire-old-versions-and-incomplete-uploads")
                        .noncurrentExpirationDays(settings.noncurrentVersionExpirationDays())
                        .abortMultipartDays(settings.abortIncompleteMultipartDays())
                        .build())
                .holdsData(BackupTag.selected(tagging));
        Optional<Key> replicaKey = args.replica().map(replica -> EncryptionKeys.create(Naming.child(name, replica.name() + "-key"),
                "Encrypts the replica of the user uploads of " + name, this, replica, tagging, args.protection(), scope -> List.of()));
        args.replica().ifPresent(replica -> bucket.replication(SecureBucketArgs.Replication.builder()
                .region(replica)
                .keyArn(replicaKey.orElseThrow().arn())
                .replicateDeleteMarkers(true)
                .build()));
        var created = SecureBucket.create(bucket.build());
        bucketNames.put(region.name(), created.bucketName());
        grants.add(Output.tuple(created.arn(), key.arn()).applyValue(t -> new StoragePolicies.RegionalBucket(region.name(), t.t1, t.t2)));
        created.replica().ifPresent(copy -> {
            String replicaRegion = args.replica().orElseThrow().name();
            bucketNames.put(replicaRegion, copy.bucketName());
            grants.add(Output.tuple(copy.arn(), replicaKey.orElseThrow().arn())
                    .applyValue(t -> new StoragePolicies.RegionalBucket(replicaRegion, t.t1, t.t2)));
        });
        registerOutputs(Map.of("bucketNames", Output.all(new ArrayList<>(bucketNames.values()))));
    }

    /** The bucket's name per region: the primary, and the replica when replicated. */
    public Map<String, Output<String>> bucketNames() {
        return Map.copyOf(bucketNames);
    }

    /**
     * A grant, not a resource (like {@code Database.connectPolicy}): the IAM policy document that lets a workload
     * role get, put and delete objects in the uploads buckets of every region and abort its multipart uploads, and
     * use their keys only through S3. The caller attaches it to the role it builds (README, "Uploads").
     */
    public Output<String> grantReadWrite() {
        return Output.all(grants).applyValue(StoragePolicies::readWritePolicy);
    }
}
