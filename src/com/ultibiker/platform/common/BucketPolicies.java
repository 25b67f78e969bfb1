package com.ultibiker.platform.common;

import java.util.List;

/** Statements every S3 bucket policy of the platform shares (pure). */
public final class BucketPolicies {

    private BucketPolicies() {
    }

    /** Nobody may use the bucket or its objects over plain HTTP. */
    public static Statement denyInsecureTransport(String bucketArn) {
        return Statement.deny()
                .sid("DenyInsecureTransport")
                .principal(Principal.anyone())
                .action("s3:*")
                .resources(bucketArn, bucketArn + "/*")
                .condition("Bool", "aws:SecureTransport", "false")
                .build();
    }

    /** A log-delivery grant: {@code principal} may put objects under {@code objectPattern}. */
    public static Statement.Builder allowPutObject(String sid, Principal principal, String objectPattern) {
        return Statement.allow()
                .sid(sid)
                .principal(principal)
                .action("s3:PutObject")
                .resource(objectPattern);
    }

    /** Trust of an S3 replication role: S3, acting for this account only. */
    public static String replicationTrustPolicy(String accountId) {
        return PolicyDocument.of(Statement.allow()
                .principal(Principal.service("s3.amazonaws.com"))
                .action("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build()).toCompactJson();
    }

    /**
     * What S3 Replication of an SSE-KMS bucket needs, and nothing else (S3 User Guide, "Setting up permissions"
     * and "Replicating encrypted objects"): read the configuration and list the source; read object versions,
     * their ACLs and tags for replication; write replicas, delete markers and tags into the replica; decrypt
     * with the source key and encrypt with the replica key, each only through S3 of its region and only for its
     * bucket. With S3 Bucket Keys the encryption context is the bucket ARN (objects written before the bucket
     * key use the object ARN), so both are admitted. The replica's Bucket Key is made with GenerateDataKey and
     * checked with Decrypt under the replica key ("Using an S3 Bucket Key with replication").
     */
    public static String replicationPolicy(ReplicationScope scope) {
        String source = scope.sourceBucketArn();
        String replica = scope.replicaBucketArn();
        return PolicyDocument.of(
                Statement.allow()
                        .sid("ReadReplicationConfiguration")
                        .actions("s3:GetReplicationConfiguration", "s3:ListBucket")
                        .resource(source)
                        .build(),
                Statement.allow()
                        .sid("ReadSourceVersions")
                        .actions("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging")
                        .resource(source + "/*")
                        .build(),
                Statement.allow()
                        .sid("WriteReplicas")
                        .actions("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags")
                        .resource(replica + "/*")
                        .build(),
                Statement.allow()
                        .sid("DecryptSource")
                        .action("kms:Decrypt")
                        .resource(scope.sourceKeyArn())
                        .condition("StringEquals", "kms:ViaService", "s3." + scope.sourceRegion() + ".amazonaws.com")
                        .condition("StringLike", "kms:EncryptionContext:aws:s3:arn", List.of(source, source + "/*"))
                        .build(),
                Statement.allow()
                        .sid("EncryptReplicas")
                        .actions("kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt")
                        .resource(scope.replicaKeyArn())
                        .condition("StringEquals", "kms:ViaService", "s3." + scope.replicaRegion() + ".amazonaws.com")
                        .condition("StringLike", "kms:EncryptionContext:aws:s3:arn", List.of(replica, replica + "/*"))
                        .build()).toCompactJson();
    }

    /** The two buckets and keys of one replication. */
    public record ReplicationScope(String sourceBucketArn, String sourceRegion, String sourceKeyArn,
                                   String replicaBucketArn, String replicaRegion, String replicaKeyArn) {

        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private String sourceBucketArn;
            private String sourceRegion;
            private String sourceKeyArn;
            private String replicaBucketArn;
            private String replicaRegion;
            private String replicaKeyArn;

            private Builder() {
            }

            public Builder sourceBucketArn(String value) { this.sourceBucketArn = value; return this; }
            public Builder sourceRegion(String value) { this.sourceRegion = value; return this; }
            public Builder sourceKeyArn(String value) { this.sourceKeyArn = value; return this; }
            public Builder replicaBucketArn(String value) { this.replicaBucketArn = value; return this; }
            public Builder replicaRegion(String value) { this.replicaRegion = value; return this; }
            public Builder replicaKeyArn(String value) { this.replicaKeyArn = value; return this; }

            public ReplicationScope build() {
                return new ReplicationScope(
                        com.ultibiker.platform.model.Required.of(sourceBucketArn, "ReplicationScope.sourceBucketArn"),
                        com.ultibiker.platform.model.Required.of(sourceRegion, "ReplicationScope.sourceRegion"),
                        com.ultibiker.platform.model.Required.of(sourceKeyArn, "ReplicationScope.sourceKeyArn"),
                        com.ultibiker.platform.model.Required.of(replicaBucketArn, "ReplicationScope.replicaBucketArn"),
                        com.ultibiker.platform.model.Required.of(replicaRegion, "ReplicationScope.replicaRegion"),
                        com.ultibiker.platform.model.Required.of(replicaKeyArn, "ReplicationScope.replicaKeyArn"));
            }
        }
    }

    /** The bucket policy of {@code statements}, compact. */
    public static String document(List<Statement> statements) {
        return PolicyDocument.of(statements).toCompactJson();
    }
}
