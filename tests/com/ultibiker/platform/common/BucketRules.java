package com.ultibiker.platform.common;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules every S3 bucket of a plan must meet (issue 19), as a checker over a whole plan so that the next
 * bucket, however it is built, is held to them: a valid name; a public access block with all four flags;
 * ACLs off; default encryption; a bucket policy that denies every request without TLS on the bucket and its
 * objects; on a versioned bucket, lifecycle rules that wait for the versioning; and every replication
 * configuration waiting for the versioning of its source and of its destination (S3 PutBucketReplication:
 * "versioning must be enabled" on both; terraform-provider-aws aws_s3_bucket_replication_configuration docs:
 * depends_on both aws_s3_bucket_versioning resources), and replicating SSE-KMS objects with a replica key.
 */
final class BucketRules {

    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String PUBLIC_ACCESS = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    static final String OWNERSHIP = "aws:s3/bucketOwnershipControls:BucketOwnershipControls";
    static final String ENCRYPTION = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    static final String POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final String VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
    static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";
    static final String REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";

    private BucketRules() {
    }

    /** Every rule broken in {@code plan}, one line each naming the bucket. */
    static List<String> violations(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanResource bucket : plan.ofType(BUCKET)) {
            String who = plan.stack() + " " + bucket.name();
            String physical = String.valueOf(bucket.prop("bucket"));
            String problem = BucketNames.problem(physical);
            if (problem != null) {
                out.add(who + ": name " + physical + " " + problem);
            }
            Optional<PlanResource> block = scoped(plan, PUBLIC_ACCESS, bucket);
            if (block.isEmpty()) {
                out.add(who + ": no public access block");
            } else {
                for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
                    if (!Boolean.TRUE.equals(block.get().prop(flag))) {
                        out.add(who + ": public access block " + flag + " is not true");
                    }
                }
            }
            if (!scoped(plan, OWNERSHIP, bucket).map(o -> "BucketOwnerEnforced".equals(o.prop("rule.objectOwnership"))).orElse(false)) {
                out.add(who + ": ownership controls are not BucketOwnerEnforced");
            }
            Optional<PlanResource> sse = scoped(plan, ENCRYPTION, bucket);
            Object algorithm = sse.map(s -> s.prop("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm")).orElse(null);
            if (!"aws:kms".equals(algorithm) && !"AES256".equals(algorithm)) {
                out.add(who + ": no default encryption (sseAlgorithm " + algorithm + ")");
            } else if ("aws:kms".equals(algorithm) && sse.get().prop("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId") == null) {
                out.add(who + ": SSE-KMS without a customer-managed key");
            }
            Optional<PlanResource> policy = scoped(plan, POLICY, bucket);
            if (policy.isEmpty() || !deniesPlainHttp(String.valueOf(policy.get().prop("policy")), "arn:aws:s3:::" + physical)) {
                out.add(who + ": bucket policy does not deny aws:SecureTransport false on the bucket and its objects");
            }
            Optional<PlanResource> versioning = scoped(plan, VERSIONING, bucket);
            Optional<PlanResource> lifecycle = scoped(plan, LIFECYCLE, bucket);
            if (versioning.isPresent() && lifecycle.isPresent() && !lifecycle.get().dependencies().contains(versioning.get().urn())) {
                out.add(who + ": lifecycle rules do not wait for the versioning");
            }
        }
        for (PlanResource replication : plan.ofType(REPLICATION)) {
            String who = plan.stack() + " " + replication.name();
            Optional<PlanResource> source = plan.ofType(BUCKET).stream()
                    .filter(b -> (b.name() + "-id").equals(replication.prop("bucket"))).findFirst();
            Object destinationArn = replication.prop("rules.0.destination.bucket");
            Optional<PlanResource> destination = plan.ofType(BUCKET).stream()
                    .filter(b -> ("arn:aws:s3:::" + b.prop("bucket")).equals(destinationArn)).findFirst();
            for (var side : List.of(Map.entry("source", source), Map.entry("destination", destination))) {
                if (side.getValue().isEmpty()) {
                    out.add(who + ": " + side.getKey() + " bucket is not in the plan");
                    continue;
                }
                Optional<PlanResource> versioning = scoped(plan, VERSIONING, side.getValue().get());
                if (versioning.isEmpty() || !"Enabled".equals(versioning.get().prop("versioningConfiguration.status"))) {
                    out.add(who + ": " + side.getKey() + " bucket is not versioned");
                } else if (!replication.dependencies().contains(versioning.get().urn())) {
                    out.add(who + ": does not wait for the versioning of its " + side.getKey() + " bucket");
                }
            }
            if (!"Enabled".equals(replication.prop("rules.0.sourceSelectionCriteria.sseKmsEncryptedObjects.status"))
                    || replication.prop("rules.0.destination.encryptionConfiguration.replicaKmsKeyId") == null) {
                out.add(who + ": SSE-KMS objects are not replicated with a replica key");
            }
            if (replication.prop("rules.0.deleteMarkerReplication.status") == null) {
                out.add(who + ": delete-marker replication is not stated (S3 requires it with a filter)");
            }
        }
        return out;
    }

    /** The one resource of {@code type} whose {@code bucket} input is {@code bucket}'s id. */
    static Optional<PlanResource> scoped(Plan plan, String type, PlanResource bucket) {
        return plan.ofType(type).stream()
                .filter(r -> Objects.equals(bucket.name() + "-id", r.prop("bucket")) && Objects.equals(bucket.region(), r.region()))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    static boolean deniesPlainHttp(String policyJson, String bucketArn) {
        Map<String, Object> doc = new Gson().fromJson(policyJson, Map.class);
        if (doc == null || !(doc.get("Statement") instanceof List<?> statements)) {
            return false;
        }
        for (Object o : statements) {
            Map<String, Object> s = (Map<String, Object>) o;
            Object resources = s.get("Resource");
            List<?> list = resources instanceof List<?> l ? l : List.of(String.valueOf(resources));
            if ("Deny".equals(s.get("Effect")) && "*".equals(s.get("Principal")) && "s3:*".equals(s.get("Action"))
                    && list.contains(bucketArn) && list.contains(bucketArn + "/*")
                    && s.get("Condition") instanceof Map<?, ?> c && c.get("Bool") instanceof Map<?, ?> b
                    && "false".equals(String.valueOf(b.get("aws:SecureTransport")))) {
                return true;
            }
        }
        return false;
    }
}
