package com.ultibiker.platform.common;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inputs of {@link SecureBucket}. Build with {@link #builder()}; {@link Builder#build()} names a required
 * field left unset and refuses combinations S3 would refuse (or that would lose data) before anything is
 * registered.
 *
 * @param name        resource name, e.g. {@code uploads-bucket}; the children are {@code <name>-<role>}
 * @param parent      the component the resources are parented to (no URN parent of its own)
 * @param region      region and provider of the bucket
 * @param role        the physical name's role: the bucket is {@code <project>-<env>-<role>-<account>}
 * @param tags        tags beside the required ones (e.g. {@code Purpose}), default none
 * @param kmsKeyArn   SSE-KMS with an S3 Bucket Key under this key of {@code region}; empty only after
 *                    {@link Builder#s3ManagedEncryption()} (SSE-S3, for writers that cannot use KMS: ALB logs)
 * @param versioned   versioning enabled (required for replication and AWS Backup)
 * @param lifecycle   lifecycle rules, in order, default none
 * @param statements  extra bucket-policy statements given the bucket ARN; the TLS-only deny is always last
 * @param backupTag   the AWS Backup selection tag when the bucket holds data ({@code BackupTag.selected}),
 *                    empty for buckets of logs and other reproducible content
 * @param replication a replica in another region, or none
 */
public record SecureBucketArgs(String name, Resource parent, AwsRegion region, Tagging tagging, StatefulProtection protection,
                               String role, Map<String, String> tags, Optional<Output<String>> kmsKeyArn, boolean versioned,
                               List<LifecycleRule> lifecycle, Function<Output<String>, Output<List<Statement>>> statements,
                               Map<String, String> backupTag, Optional<Replication> replication) {

    /**
     * The longest role a bucket name can take: S3 names are 3-63 characters (CreateBucket; provider
     * {@code validBucketName}), and {@code <prefix>-<role>-<12-digit account>} must fit.
     */
    static final int ACCOUNT_SUFFIX = 13;

    public SecureBucketArgs {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(tagging, "tagging");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(role, "role");
        tags = Map.copyOf(Objects.requireNonNullElse(tags, Map.of()));
        kmsKeyArn = Objects.requireNonNullElse(kmsKeyArn, Optional.empty());
        lifecycle = List.copyOf(Objects.requireNonNullElse(lifecycle, List.of()));
        statements = Objects.requireNonNullElse(statements, arn -> Output.of(List.of()));
        backupTag = Map.copyOf(Objects.requireNonNullElse(backupTag, Map.of()));
        replication = Objects.requireNonNullElse(replication, Optional.empty());
        BucketNames.requireValid(Naming.of(tagging).physical(role) + "-" + "0".repeat(ACCOUNT_SUFFIX - 1), name);
        if (replication.isPresent()) {
            if (!versioned) {
                throw new IllegalArgumentException("bucket " + name + ": replication needs versioning on (S3 PutBucketReplication "
                        + "refuses a source or destination without it)");
            }
            if (kmsKeyArn.isEmpty()) {
                throw new IllegalArgumentException("bucket " + name + ": replication is built for SSE-KMS buckets (set kmsKey)");
            }
            if (replication.get().region().name().equals(region.name())) {
                throw new IllegalArgumentException("bucket " + name + ": replica region " + region.name() + " is the bucket's own region");
            }
        }
        if (!backupTag.isEmpty() && !versioned) {
            throw new IllegalArgumentException("bucket " + name + ": AWS Backup backs up S3 buckets only with versioning on");
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (LifecycleRule rule : lifecycle) {
            if (ids.put(rule.id(), 1) != null) {
                throw new IllegalArgumentException("bucket " + name + ": lifecycle rule id " + rule.id() + " appears twice");
            }
            if (rule.noncurrentExpirationDays().isPresent() && !versioned) {
                throw new IllegalArgumentException("bucket " + name + ": lifecycle rule " + rule.id()
                        + " expires noncurrent versions of an unversioned bucket");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A replica of the bucket in another region, through S3 Replication (one rule, every object, objects
     * encrypted with the source key are re-encrypted with {@code keyArn}).
     *
     * @param region                 the replica's region and provider
     * @param keyArn                 a key of {@code region} (a replica must be encrypted in its own region)
     * @param replicateDeleteMarkers whether a delete in the source hides the object in the replica too (a
     *                               failover then serves what the primary served), or leaves it readable there
     *                               (an undelete copy). Deletes of a specific version are never replicated.
     */
    public record Replication(AwsRegion region, Output<String> keyArn, boolean replicateDeleteMarkers) {

        public Replication {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(keyArn, "keyArn");
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private AwsRegion region;
            private Output<String> keyArn;
            private Boolean replicateDeleteMarkers;

            private Builder() {
            }

            public Builder region(AwsRegion value) { this.region = value; return this; }
            public Builder keyArn(Output<String> value) { this.keyArn = value; return this; }
            public Builder replicateDeleteMarkers(boolean value) { this.replicateDeleteMarkers = value; return this; }

            public Replication build() {
                return new Replication(Required.of(region, "SecureBucketArgs.Replication.region"),
                        Required.of(keyArn, "SecureBucketArgs.Replication.keyArn"),
                        Required.of(replicateDeleteMarkers, "SecureBucketArgs.Replication.replicateDeleteMarkers"));
            }
        }
    }

    /**
     * One lifecycle rule over the whole bucket (filter prefix {@code ""}). Each action is optional, at least
     * one must be set.
     *
     * @param id                       rule id, unique in the bucket (1-255 characters)
     * @param expirationDays           current versions expire (become noncurrent in a versioned bucket)
     * @param noncurrentExpirationDays noncurrent versions are deleted this many days after they became noncurrent
     * @param abortMultipartDays       incomplete multipart uploads are aborted this many days after they began
     * @param transition               current versions move to a colder storage class after some days
     */
    public record LifecycleRule(String id, Optional<Integer> expirationDays, Optional<Integer> noncurrentExpirationDays,
                                Optional<Integer> abortMultipartDays, Optional<Transition> transition) {

        public LifecycleRule {
            Objects.requireNonNull(id, "id");
            expirationDays = Objects.requireNonNullElse(expirationDays, Optional.empty());
            noncurrentExpirationDays = Objects.requireNonNullElse(noncurrentExpirationDays, Optional.empty());
            abortMultipartDays = Objects.requireNonNullElse(abortMultipartDays, Optional.empty());
            transition = Objects.requireNonNullElse(transition, Optional.empty());
            if (id.isEmpty() || id.length() > 255) {
                throw new IllegalArgumentException("lifecycle rule id '" + id + "': 1-255 characters");
            }
            if (expirationDays.isEmpty() && noncurrentExpirationDays.isEmpty() && abortMultipartDays.isEmpty() && transition.isEmpty()) {
                throw new IllegalArgumentException("lifecycle rule " + id + " has no action");
            }
            for (var days : List.of(expirationDays, noncurrentExpirationDays, abortMultipartDays)) {
                if (days.isPresent() && days.get() < 1) {
                    throw new IllegalArgumentException("lifecycle rule " + id + ": days must be at least 1, got " + days.get());
                }
            }
            if (transition.isPresent() && expirationDays.isPresent() && expirationDays.get() <= transition.get().days()) {
                throw new IllegalArgumentException("lifecycle rule " + id + ": expiration (" + expirationDays.get()
                        + " days) must come after the transition (" + transition.get().days() + " days)");
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private String id;
            private Optional<Integer> expirationDays = Optional.empty();
            private Optional<Integer> noncurrentExpirationDays = Optional.empty();
            private Optional<Integer> abortMultipartDays = Optional.empty();
            private Optional<Transition> transition = Optional.empty();

            private Builder() {
            }

            public Builder id(String value) { this.id = value; return this; }
            public Builder expirationDays(int value) { this.expirationDays = Optional.of(value); return this; }
            public Builder noncurrentExpirationDays(int value) { this.noncurrentExpirationDays = Optional.of(value); return this; }
            public Builder abortMultipartDays(int value) { this.abortMultipartDays = Optional.of(value); return this; }
            public Builder transition(Transition value) { this.transition = Optional.of(value); return this; }

            public LifecycleRule build() {
                return new LifecycleRule(Required.of(id, "SecureBucketArgs.LifecycleRule.id"), expirationDays,
                        noncurrentExpirationDays, abortMultipartDays, transition);
            }
        }
    }

    /**
     * A transition of current versions to {@code storageClass} after {@code days}. S3 requires 30 days in
     * STANDARD before STANDARD_IA / ONEZONE_IA (PutBucketLifecycleConfiguration), none before GLACIER_IR,
     * GLACIER, DEEP_ARCHIVE.
     */
    public record Transition(int days, String storageClass) {

        static final List<String> STORAGE_CLASSES = List.of("STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "GLACIER_IR",
                "GLACIER", "DEEP_ARCHIVE");

        public Transition {
            Objects.requireNonNull(storageClass, "storageClass");
            if (!STORAGE_CLASSES.contains(storageClass)) {
                throw new IllegalArgumentException("transition storage class " + storageClass + ": expected one of " + STORAGE_CLASSES);
            }
            if (days < 0 || (storageClass.endsWith("_IA") && days < 30)) {
                throw new IllegalArgumentException("transition to " + storageClass + " after " + days
                        + " days: S3 needs at least " + (storageClass.endsWith("_IA") ? 30 : 0));
            }
        }
    }

    /** Builds {@link SecureBucketArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String name;
        private Resource parent;
        private AwsRegion region;
        private Tagging tagging;
        private StatefulProtection protection;
        private String role;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private Optional<Output<String>> kmsKeyArn;
        private Boolean versioned;
        private final List<LifecycleRule> lifecycle = new ArrayList<>();
        private Function<Output<String>, Output<List<Statement>>> statements;
        private Map<String, String> backupTag = Map.of();
        private Optional<Replication> replication = Optional.empty();

        private Builder() {
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder parent(Resource value) { this.parent = value; return this; }
        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }
        /** The physical name's role: {@code alb-logs-us-east-1} gives {@code ultibiker-prod-alb-logs-us-east-1-<account>}. */
        public Builder role(String value) { this.role = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags.putAll(value); return this; }
        /** SSE-KMS with an S3 Bucket Key under {@code keyArn}, a key of the bucket's region. */
        public Builder kmsKey(Output<String> keyArn) { this.kmsKeyArn = Optional.of(keyArn); return this; }
        /** SSE-S3 (AES256): only for writers that cannot write into an SSE-KMS bucket (ALB access logs). */
        public Builder s3ManagedEncryption() { this.kmsKeyArn = Optional.empty(); return this; }
        public Builder versioned(boolean value) { this.versioned = value; return this; }
        public Builder lifecycleRule(LifecycleRule value) { this.lifecycle.add(value); return this; }
        /** Statements added before the TLS-only deny, given the bucket's ARN (e.g. a log writer's PutObject). */
        public Builder statements(Function<Output<String>, Output<List<Statement>>> value) { this.statements = value; return this; }
        /** The bucket holds data the stack's AWS Backup plan must back up: pass {@code BackupTag.selected(tagging)}. */
        public Builder holdsData(Map<String, String> backupSelectionTag) { this.backupTag = Map.copyOf(backupSelectionTag); return this; }
        public Builder replication(Replication value) { this.replication = Optional.of(value); return this; }

        public SecureBucketArgs build() {
            return new SecureBucketArgs(
                    Required.of(name, "SecureBucketArgs.name"),
                    Required.of(parent, "SecureBucketArgs.parent"),
                    Required.of(region, "SecureBucketArgs.region"),
                    Required.of(tagging, "SecureBucketArgs.tagging"),
                    Required.of(protection, "SecureBucketArgs.protection"),
                    Required.of(role, "SecureBucketArgs.role"),
                    tags,
                    Required.of(kmsKeyArn, "SecureBucketArgs.kmsKey (or s3ManagedEncryption)"),
                    Required.of(versioned, "SecureBucketArgs.versioned"),
                    lifecycle,
                    statements,
                    backupTag,
                    replication);
        }
    }
}
