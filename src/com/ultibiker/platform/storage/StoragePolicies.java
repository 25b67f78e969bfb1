package com.ultibiker.platform.storage;

import com.ultibiker.platform.common.JsonDocuments;
import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Statement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of the uploads grant, the image push grant and the ECR lifecycle policy. */
public final class StoragePolicies {

    /** What a workload needs to read and write user content: objects only, no listing, no bucket settings. */
    static final List<String> OBJECT_READ_WRITE = List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");
    /**
     * SSE-KMS under an S3 Bucket Key: S3 calls GenerateDataKey (a new bucket key, and PutObject) and Decrypt (GetObject,
     * and to check a cached bucket key) as the caller; Encrypt is what CopyObject into the bucket uses (S3 User Guide,
     * "Using SSE-KMS": the caller needs kms:GenerateDataKey and kms:Decrypt).
     */
    static final List<String> KEY_USE = List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey");
    /** Pushing an image (ECR User Guide, "Pushing an image": the minimum IAM permissions), on the repositories only. */
    public static final List<String> IMAGE_PUSH = List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
            "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage");

    private StoragePolicies() {
    }

    /** One bucket and its key in one region, as the uploads grant names them. */
    public record RegionalBucket(String region, String bucketArn, String keyArn) {
    }

    /**
     * The IAM policy document that lets a workload role read, write and delete objects of the uploads buckets
     * (primary and replica: after a failover the standby region's workloads use the replica) with their keys, the
     * keys only through S3 of their own region.
     */
    static String readWritePolicy(List<RegionalBucket> buckets) {
        return PolicyDocument.of(
                Statement.allow()
                        .sid("ReadWriteUploads")
                        .actions(OBJECT_READ_WRITE)
                        .resources(buckets.stream().map(b -> b.bucketArn() + "/*").toList())
                        .build(),
                Statement.allow()
                        .sid("UseUploadsKeysThroughS3")
                        .actions(KEY_USE)
                        .resources(buckets.stream().map(RegionalBucket::keyArn).toList())
                        .condition("StringEquals", "kms:ViaService", buckets.stream().map(b -> "s3." + b.region() + ".amazonaws.com").toList())
                        .build()).toCompactJson();
    }

    /**
     * The CI deploy role's image push: the push actions on exactly {@code repositoryArns}, and the registry
     * token, which has no resource (ecr:GetAuthorizationToken, resource "*").
     */
    public static List<Statement> imagePushStatements(List<String> repositoryArns) {
        return List.of(
                Statement.allow().sid("RegistryToken").action("ecr:GetAuthorizationToken").resource("*").build(),
                Statement.allow().sid("PushPlatformImages").actions(IMAGE_PUSH).resources(repositoryArns).build());
    }

    /**
     * The one ECR lifecycle policy of the platform (ECR User Guide, "Lifecycle policy parameters"): rule 1 expires
     * untagged images {@code untaggedDays} after they were pushed; rule 2 keeps the {@code keepTagged} newest images
     * of any tag and expires older ones. ECR applies rules by priority and an image is counted by one rule only;
     * {@code tagStatus: any} must be the rule with the highest priority number.
     */
    public static String lifecyclePolicy(int untaggedDays, int keepTagged) {
        Map<String, Object> untagged = rule(1, "Expire untagged images after " + untaggedDays + " days",
                Map.of("tagStatus", "untagged", "countType", "sinceImagePushed", "countUnit", "days", "countNumber", untaggedDays));
        Map<String, Object> tagged = rule(2, "Keep the newest " + keepTagged + " images",
                Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", keepTagged));
        return JsonDocuments.compact(Map.of("rules", List.of(untagged, tagged)));
    }

    private static Map<String, Object> rule(int priority, String description, Map<String, Object> selection) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("rulePriority", priority);
        rule.put("description", description);
        rule.put("selection", selection);
        rule.put("action", Map.of("type", "expire"));
        return rule;
    }
}
