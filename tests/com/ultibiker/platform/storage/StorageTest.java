package com.ultibiker.platform.storage;

import com.google.gson.Gson;
import com.pulumi.Context;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.config.PulumiConfigSource;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;
import com.ultibiker.platform.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The uploads bucket and the image repositories in the committed stacks' plans (issue 19.2, 19.3): names,
 * lifecycle from config, replication in prod only, the grants, and the rule that no configuration change
 * touches an input that would replace a repository or a bucket.
 */
class StorageTest {

    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String REPOSITORY = "aws:ecr/repository:Repository";
    private static final String LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";

    private static Map<?, ?> json(Object text) {
        return new Gson().fromJson(String.valueOf(text), Map.class);
    }

    @Test
    void prodUploadsAreVersionedInTheBackupPlanAndReplicatedToTheStandbyWithDeleteMarkers() {
        Plan prod = StackPlans.prod();
        PlanResource bucket = prod.require(BUCKET, "uploads-bucket");
        assertEquals("ultibiker-prod-uploads-123456789012", bucket.prop("bucket"));
        assertEquals("us-east-1", bucket.region());
        assertTrue(bucket.protect());
        assertEquals("ultibiker-prod", bucket.tags().get("Backup"));
        PlanResource replica = prod.require(BUCKET, "uploads-bucket-replica");
        assertEquals("ultibiker-prod-uploads-eu-west-1-123456789012", replica.prop("bucket"));
        assertEquals("eu-west-1", replica.region());
        assertTrue(replica.protect());
        PlanResource replication = prod.require("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "uploads-bucket-replication-config");
        assertEquals("Enabled", replication.prop("rules.0.deleteMarkerReplication.status"));
        assertTrue(replication.dependencies().stream().anyMatch(d -> d.endsWith("::uploads-eu-west-1-key")),
                "replicas are encrypted with the standby region's uploads key");
        assertEquals(Map.of("us-east-1", "ultibiker-prod-uploads-123456789012", "eu-west-1", "ultibiker-prod-uploads-eu-west-1-123456789012"),
                Map.of("us-east-1", prod.outputs().get("uploads.bucketName.us-east-1"), "eu-west-1", prod.outputs().get("uploads.bucketName.eu-west-1")));
        for (String name : List.of("uploads-key", "uploads-eu-west-1-key")) {
            assertTrue(prod.require("aws:kms/key:Key", name).protect(), name);
        }
    }

    @Test
    void oldVersionsAndIncompleteUploadsExpireAfterTheConfiguredDays() {
        PlanResource prod = StackPlans.prod().require(LIFECYCLE, "uploads-bucket-lifecycle");
        assertEquals(30.0, ((Number) prod.prop("rules.0.noncurrentVersionExpiration.noncurrentDays")).doubleValue());
        assertEquals(7.0, ((Number) prod.prop("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation")).doubleValue());
        assertEquals(null, prod.prop("rules.0.expiration"), "current objects never expire: they are user content");
        PlanResource dev = StackPlans.dev().require(LIFECYCLE, "uploads-bucket-lifecycle");
        assertEquals(7.0, ((Number) dev.prop("rules.0.noncurrentVersionExpiration.noncurrentDays")).doubleValue());
        assertEquals(3.0, ((Number) dev.prop("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation")).doubleValue());
    }

    @Test
    void devUploadsStayInTheirRegionAndCanBeTornDown() {
        Plan dev = StackPlans.dev();
        PlanResource bucket = dev.require(BUCKET, "uploads-bucket");
        assertEquals("ultibiker-dev-uploads-123456789012", bucket.prop("bucket"));
        assertFalse(bucket.protect());
        assertEquals(true, bucket.prop("forceDestroy"));
        assertTrue(dev.named(BUCKET, "uploads-bucket-replica").isEmpty());
        assertTrue(dev.ofType("aws:s3/bucketReplicationConfig:BucketReplicationConfig").isEmpty());
    }

    /** The README's example, as a program: a workload role gets the uploads grant. */
    static void grantProgram(Context ctx) {
        StackConfig config = StackConfigParser.parse(ctx.projectName(), PulumiConfigSource.read(ctx));
        var tagging = Tagging.from(config);
        var primary = PlatformStack.awsRegion("us-east-1", tagging);
        var standby = PlatformStack.awsRegion("eu-west-1", tagging);
        var uploads = new Uploads("uploads", UploadsArgs.builder()
                .region(primary)
                .replica(Optional.of(standby))
                .settings(config.uploads())
                .tagging(tagging)
                .protection(new StatefulProtection(true))
                .build(), ComponentResourceOptions.builder().build());
        new RolePolicy("api-uploads", RolePolicyArgs.builder()
                .role("api-workload-role")
                .policy(uploads.grantReadWrite())
                .build(), CustomResourceOptions.builder().provider(primary.provider()).build());
    }

    @Test
    void theGrantGivesAWorkloadExactlyTheObjectActionsOnBothBucketsAndTheKeysOnlyThroughS3() {
        Plan plan = PlanRunner.run(StackPlans.stackFile("prod"), StorageTest::grantProgram);
        String usKey = "arn:aws:kms:us-east-1:123456789012:key/";
        Map<?, ?> doc = json(plan.require("aws:iam/rolePolicy:RolePolicy", "api-uploads").prop("policy"));
        List<?> statements = (List<?>) doc.get("Statement");
        assertEquals(2, statements.size());
        Map<?, ?> objects = (Map<?, ?>) statements.get(0);
        assertEquals(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"), objects.get("Action"));
        assertEquals(List.of("arn:aws:s3:::ultibiker-prod-uploads-123456789012/*", "arn:aws:s3:::ultibiker-prod-uploads-eu-west-1-123456789012/*"),
                objects.get("Resource"));
        Map<?, ?> keys = (Map<?, ?>) statements.get(1);
        assertEquals(List.of("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"), keys.get("Action"));
        List<?> keyArns = (List<?>) keys.get("Resource");
        assertEquals(2, keyArns.size());
        assertTrue(String.valueOf(keyArns.get(0)).startsWith(usKey), keyArns.toString());
        assertTrue(String.valueOf(keyArns.get(1)).startsWith("arn:aws:kms:eu-west-1:123456789012:key/"), keyArns.toString());
        assertEquals(Map.of("StringEquals", Map.of("kms:ViaService", List.of("s3.us-east-1.amazonaws.com", "s3.eu-west-1.amazonaws.com"))),
                keys.get("Condition"));
    }

    @Test
    void everyRepositoryIsImmutableScannedAndEncryptedWithItsRegionsKey() {
        Plan prod = StackPlans.prod();
        List<PlanResource> repos = prod.ofType(REPOSITORY);
        assertEquals(List.of("ecr-eu-west-1-api", "ecr-eu-west-1-websocket", "ecr-us-east-1-api", "ecr-us-east-1-websocket"),
                repos.stream().map(PlanResource::name).sorted().toList());
        for (PlanResource repo : repos) {
            assertEquals("IMMUTABLE", repo.prop("imageTagMutability"), repo.name());
            assertEquals(true, repo.prop("imageScanningConfiguration.scanOnPush"), repo.name());
            assertEquals("KMS", repo.prop("encryptionConfigurations.0.encryptionType"), repo.name());
            String keyName = "ecr-" + repo.region() + "-key";
            String keyUrn = prod.require("aws:kms/key:Key", keyName).urn();
            assertTrue(repo.dependencies().contains(keyUrn), repo.name() + " is encrypted with " + keyName);
            assertTrue(repo.protect(), repo.name());
            assertEquals(false, repo.prop("forceDelete"));
        }
        assertEquals("ultibiker/prod/api", prod.require(REPOSITORY, "ecr-eu-west-1-api").prop("name"),
                "the standby pulls the same name from its own registry");
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/ultibiker/prod/api", prod.outputs().get("ecr.repositoryUrl.api"));
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/ultibiker/prod/websocket", prod.outputs().get("ecr.repositoryUrl.websocket"));
    }

    @Test
    void theLifecycleExpiresUntaggedImagesAndKeepsTheNewestTagged() {
        PlanResource prod = StackPlans.prod().require("aws:ecr/lifecyclePolicy:LifecyclePolicy", "ecr-us-east-1-api-lifecycle");
        assertEquals("{\"rules\":[{\"action\":{\"type\":\"expire\"},\"description\":\"Expire untagged images after 7 days\",\"rulePriority\":1,"
                        + "\"selection\":{\"countNumber\":7,\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"tagStatus\":\"untagged\"}},"
                        + "{\"action\":{\"type\":\"expire\"},\"description\":\"Keep the newest 30 images\",\"rulePriority\":2,"
                        + "\"selection\":{\"countNumber\":30,\"countType\":\"imageCountMoreThan\",\"tagStatus\":\"any\"}}]}",
                canonical(prod.prop("policy")));
        PlanResource dev = StackPlans.dev().require("aws:ecr/lifecyclePolicy:LifecyclePolicy", "ecr-us-east-1-websocket-lifecycle");
        assertTrue(String.valueOf(dev.prop("policy")).contains("\"countNumber\":3"), String.valueOf(dev.prop("policy")));
        assertTrue(String.valueOf(dev.prop("policy")).contains("\"countNumber\":10"), String.valueOf(dev.prop("policy")));
    }

    /** The same JSON with keys sorted, to compare documents whatever their key order. */
    private static String canonical(Object text) {
        return new Gson().toJson(sorted(new Gson().fromJson(String.valueOf(text), Object.class)));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()), e -> sorted(e.getValue()), (a, b) -> a, TreeMap::new));
        }
        if (value instanceof List<?> l) {
            return l.stream().map(StorageTest::sorted).toList();
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return d.longValue();
        }
        return value;
    }

    @Test
    void prodReplicatesItsRepositoriesIntoTheStandbysOnlyAfterTheyExist() {
        Plan prod = StackPlans.prod();
        PlanResource replication = prod.require("aws:ecr/replicationConfiguration:ReplicationConfiguration", "ecr-replication");
        assertEquals("us-east-1", replication.region());
        assertEquals("eu-west-1", replication.prop("replicationConfiguration.rules.0.destinations.0.region"));
        assertEquals("123456789012", replication.prop("replicationConfiguration.rules.0.destinations.0.registryId"));
        assertEquals("ultibiker/prod/", replication.prop("replicationConfiguration.rules.0.repositoryFilters.0.filter"),
                "only this stack's repositories: another stack in the account is not replicated by it");
        assertEquals("PREFIX_MATCH", replication.prop("replicationConfiguration.rules.0.repositoryFilters.0.filterType"));
        for (String repo : List.of("ecr-eu-west-1-api", "ecr-eu-west-1-websocket")) {
            assertTrue(replication.dependencies().contains(prod.require(REPOSITORY, repo).urn()),
                    "a repository replication created first would be AES256, mutable and unscanned: " + repo);
        }
        assertTrue(StackPlans.dev().ofType("aws:ecr/replicationConfiguration:ReplicationConfiguration").isEmpty());
    }

    @Test
    void ciMayPushToExactlyThePrimaryRepositoriesAndNodesPullThroughTheirManagedPolicy() {
        Plan prod = StackPlans.prod();
        Map<?, ?> doc = json(prod.require("aws:iam/policy:Policy", "ci-deploy-image-push").prop("policy"));
        List<?> statements = (List<?>) doc.get("Statement");
        assertEquals(Map.of("Sid", "RegistryToken", "Effect", "Allow", "Action", "ecr:GetAuthorizationToken", "Resource", "*"), statements.get(0));
        Map<?, ?> push = (Map<?, ?>) statements.get(1);
        assertEquals(List.of("ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart",
                "ecr:CompleteLayerUpload", "ecr:PutImage"), push.get("Action"));
        assertEquals(List.of("arn:aws:ecr:us-east-1:123456789012:repository/ultibiker/prod/api",
                "arn:aws:ecr:us-east-1:123456789012:repository/ultibiker/prod/websocket"), push.get("Resource"));
        assertEquals("ultibiker-prod-github-deploy-image-push", prod.require("aws:iam/policy:Policy", "ci-deploy-image-push").prop("name"),
                "named with the CI prefix: the boundary keeps CI from widening it");
        // Nodes pull with AmazonEC2ContainerRegistryReadOnly (also needed for the EKS add-on images in AWS's own
        // registries); pulling a KMS-encrypted repository needs no KMS permission: ECR decrypts through its grant.
        for (String region : List.of("us-east-1", "eu-west-1")) {
            assertEquals("arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly", prod.require("aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                    "eks-" + region + "-node-role-amazonec2containerregistryreadonly").prop("policyArn"));
        }
    }

    /**
     * ForceNew inputs (terraform-provider-aws: aws_ecr_repository {@code name}, {@code encryption_configuration};
     * aws_s3_bucket {@code bucket}; aws_kms_key none of ours) stay constant when the storage config changes:
     * a typical change replaces nothing stateful.
     */
    @Test
    void aConfigChangeNeverTouchesAnInputThatReplacesARepositoryOrABucket() {
        Plan before = StackPlans.prod();
        Plan after = StackPlans.runWith("prod", Map.of(
                "ecr", "{\"repositories\":[\"api\",\"websocket\",\"worker\"],\"untaggedExpiryDays\":3,\"keepTaggedImages\":50}",
                "uploads", "{\"noncurrentVersionExpirationDays\":60,\"abortIncompleteMultipartDays\":2}"));
        for (PlanResource repo : before.ofType(REPOSITORY)) {
            PlanResource changed = after.require(REPOSITORY, repo.name());
            assertEquals(repo.prop("name"), changed.prop("name"), repo.name());
            assertEquals(repo.prop("encryptionConfigurations"), changed.prop("encryptionConfigurations"), repo.name());
            assertEquals(repo.dependencies().stream().filter(d -> d.contains("kms/key")).toList(),
                    changed.dependencies().stream().filter(d -> d.contains("kms/key")).toList(), repo.name() + " keeps its key");
        }
        for (PlanResource bucket : before.ofType(BUCKET)) {
            assertEquals(bucket.prop("bucket"), after.require(BUCKET, bucket.name()).prop("bucket"), bucket.name());
        }
        assertEquals(6, after.ofType(REPOSITORY).size(), "the new service gets a repository in both regions");
        assertTrue(String.valueOf(after.require("aws:ecr/lifecyclePolicy:LifecyclePolicy", "ecr-us-east-1-api-lifecycle").prop("policy"))
                .contains("\"countNumber\":50"), "the lifecycle changes in place");
    }
}
