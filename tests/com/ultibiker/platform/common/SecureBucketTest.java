package com.ultibiker.platform.common;

import com.google.gson.Gson;
import com.pulumi.Context;
import com.pulumi.resources.ComponentResource;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.PulumiConfigSource;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;
import com.ultibiker.platform.tagging.Tagging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link SecureBucket} under the mocks (a small program on prod's config: one replicated data bucket
 * us-east-1 to eu-west-1), its argument checks, and the bucket rules of {@link BucketRules} over every
 * bucket of every committed stack's plan.
 */
class SecureBucketTest {

    private static final class Replicated {
        static final Plan PLAN = PlanRunner.run(StackPlans.stackFile("prod"), SecureBucketTest::replicatedProgram);
    }

    private static Tagging tagging(Context ctx) {
        StackConfig config = StackConfigParser.parse(ctx.projectName(), PulumiConfigSource.read(ctx));
        return Tagging.from(config);
    }

    static void replicatedProgram(Context ctx) {
        var tagging = tagging(ctx);
        var protection = new StatefulProtection(true);
        var primary = PlatformStack.awsRegion("us-east-1", tagging);
        var secondary = PlatformStack.awsRegion("eu-west-1", tagging);
        var holder = new ComponentResource("test:storage:Holder", "holder", null);
        var key = EncryptionKeys.create("holder-key", "test key", holder, primary, tagging, protection, scope -> List.of());
        var replicaKey = EncryptionKeys.create("holder-replica-key", "test replica key", holder, secondary, tagging, protection,
                scope -> List.of());
        SecureBucket.create(SecureBucketArgs.builder()
                .name("holder-data")
                .parent(holder)
                .region(primary)
                .tagging(tagging)
                .protection(protection)
                .role("data")
                .kmsKey(key.arn())
                .versioned(true)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder().id("old-versions").noncurrentExpirationDays(30)
                        .abortMultipartDays(7).build())
                .holdsData(Map.of("Backup", "ultibiker-prod"))
                .replication(SecureBucketArgs.Replication.builder().region(secondary).keyArn(replicaKey.arn())
                        .replicateDeleteMarkers(true).build())
                .build());
    }

    private static Plan replicated() {
        return Replicated.PLAN;
    }

    @Test
    void everyBucketOfEveryStackAndOfTheReplicatedProgramMeetsTheBucketRules() {
        List<String> problems = new ArrayList<>();
        problems.addAll(BucketRules.violations(StackPlans.dev()));
        problems.addAll(BucketRules.violations(StackPlans.prod()));
        problems.addAll(BucketRules.violations(replicated()));
        assertEquals(List.of(), problems);
        assertTrue(StackPlans.prod().ofType(BucketRules.BUCKET).size() >= 3, "the rule looked at the plan's buckets");
        assertEquals(2, replicated().ofType(BucketRules.BUCKET).size());
        assertEquals(1, replicated().ofType(BucketRules.REPLICATION).size());
    }

    /** Planted defects: each rule fails on a plan that breaks it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock | holder-data-public-access | no public access block",
            "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2 | holder-data-replica-encryption | no default encryption",
            "aws:s3/bucketPolicy:BucketPolicy | holder-data-policy | does not deny aws:SecureTransport",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls | holder-data-ownership | not BucketOwnerEnforced",
            "aws:s3/bucketVersioningV2:BucketVersioningV2 | holder-data-replica-versioning | destination bucket is not versioned"})
    void aPlanWithoutAPieceOfABucketFails(String type, String name, String expected) {
        Plan plan = replicated();
        Plan broken = new Plan(plan.project(), plan.stack(), plan.outputs(),
                plan.resources().stream().filter(r -> !(r.type().equals(type) && r.name().equals(name))).toList(), plan.notes());
        List<String> problems = BucketRules.violations(broken);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), problems.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"holder-data-versioning", "holder-data-replica-versioning"})
    void aReplicationThatDoesNotWaitForEitherVersioningFails(String versioning) {
        Plan plan = replicated();
        PlanResource v = plan.require(BucketRules.VERSIONING, versioning);
        List<PlanResource> resources = plan.resources().stream().map(r -> !r.type().equals(BucketRules.REPLICATION) ? r
                : new PlanResource(r.urn(), r.type(), r.name(), r.region(), r.parent(),
                        r.dependencies().stream().filter(d -> !d.equals(v.urn())).toList(), r.protect(), r.ignoreChanges(),
                        r.retainOnDelete(), r.custom(), r.provider(), r.aliases(), r.props())).toList();
        List<String> problems = BucketRules.violations(new Plan(plan.project(), plan.stack(), plan.outputs(), resources, plan.notes()));
        assertTrue(problems.stream().anyMatch(p -> p.contains("does not wait for the versioning")), problems.toString());
    }

    @Test
    void theReplicaLivesInTheSecondaryRegionUnderItsOwnKeyAndName() {
        Plan plan = replicated();
        PlanResource source = plan.require(BucketRules.BUCKET, "holder-data");
        PlanResource replica = plan.require(BucketRules.BUCKET, "holder-data-replica");
        assertEquals("ultibiker-prod-data-123456789012", source.prop("bucket"));
        assertEquals("ultibiker-prod-data-eu-west-1-123456789012", replica.prop("bucket"));
        assertEquals("us-east-1", source.region());
        assertEquals("eu-west-1", replica.region());
        assertTrue(source.protect());
        assertTrue(replica.protect());
        assertEquals(false, source.prop("forceDestroy"));
        assertEquals("ultibiker-prod", source.tags().get("Backup"), "a data bucket is in the backup plan");
        assertNull(replica.tags().get("Backup"), "the replica is a copy: AWS Backup already copies across regions");
        PlanResource replicaSse = BucketRules.scoped(plan, BucketRules.ENCRYPTION, replica).orElseThrow();
        assertEquals("aws:kms", replicaSse.prop("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"));
        assertEquals(true, replicaSse.prop("rules.0.bucketKeyEnabled"));
        assertTrue(replicaSse.dependencies().stream().anyMatch(d -> d.endsWith("::holder-replica-key")),
                "the replica is encrypted with the replica region's key");
        PlanResource lifecycle = BucketRules.scoped(plan, BucketRules.LIFECYCLE, replica).orElseThrow();
        assertEquals(30.0, ((Number) lifecycle.prop("rules.0.noncurrentVersionExpiration.noncurrentDays")).doubleValue(),
                "lifecycle is not replicated: the replica has the same rules");
    }

    @Test
    void theReplicationRuleReplicatesKmsObjectsWithTheReplicaKeyAndDeleteMarkersAsAsked() {
        PlanResource config = replicated().require(BucketRules.REPLICATION, "holder-data-replication-config");
        assertEquals("us-east-1", config.region());
        assertEquals("Enabled", config.prop("rules.0.status"));
        assertEquals("", config.prop("rules.0.filter.prefix"));
        assertEquals("Enabled", config.prop("rules.0.deleteMarkerReplication.status"));
        assertEquals("Enabled", config.prop("rules.0.sourceSelectionCriteria.sseKmsEncryptedObjects.status"));
        assertEquals("arn:aws:s3:::ultibiker-prod-data-eu-west-1-123456789012", config.prop("rules.0.destination.bucket"));
        assertTrue(config.dependencies().stream().anyMatch(d -> d.endsWith("::holder-data-replication-policy")),
                "S3 checks the role's permissions when the configuration is put");
    }

    @Test
    void theReplicationRoleIsTrustedByS3OfThisAccountAndMayDoExactlyWhatReplicationNeeds() {
        Plan plan = replicated();
        PlanResource role = plan.require("aws:iam/role:Role", "holder-data-replication");
        Map<?, ?> trust = new Gson().fromJson((String) role.prop("assumeRolePolicy"), Map.class);
        Map<?, ?> statement = (Map<?, ?>) ((List<?>) trust.get("Statement")).get(0);
        assertEquals(Map.of("Service", "s3.amazonaws.com"), statement.get("Principal"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), statement.get("Condition"));
        PlanResource policy = plan.require("aws:iam/rolePolicy:RolePolicy", "holder-data-replication-policy");
        assertEquals(List.of("s3:GetReplicationConfiguration", "s3:ListBucket", "s3:GetObjectVersionForReplication",
                        "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging", "s3:ReplicateObject", "s3:ReplicateDelete",
                        "s3:ReplicateTags", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:Decrypt"),
                actions((String) policy.prop("policy")));
    }

    /** Every action of a policy document, statement by statement, in order. */
    static List<String> actions(String policyJson) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) new Gson().fromJson(policyJson, Map.class).get("Statement")) {
            Object action = ((Map<?, ?>) o).get("Action");
            if (action instanceof List<?> l) {
                l.forEach(a -> out.add(String.valueOf(a)));
            } else {
                out.add(String.valueOf(action));
            }
        }
        return out;
    }

    @Test
    void theReplicationPolicyScopesEachKeyToS3OfItsRegionAndItsBucket() {
        String json = BucketPolicies.replicationPolicy(BucketPolicies.ReplicationScope.builder()
                .sourceBucketArn("arn:aws:s3:::src").sourceRegion("us-east-1").sourceKeyArn("arn:aws:kms:us-east-1:1:key/a")
                .replicaBucketArn("arn:aws:s3:::dst").replicaRegion("eu-west-1").replicaKeyArn("arn:aws:kms:eu-west-1:1:key/b")
                .build());
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"ReadReplicationConfiguration\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetReplicationConfiguration\",\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::src\"},"
                + "{\"Sid\":\"ReadSourceVersions\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObjectVersionForReplication\",\"s3:GetObjectVersionAcl\",\"s3:GetObjectVersionTagging\"],\"Resource\":\"arn:aws:s3:::src/*\"},"
                + "{\"Sid\":\"WriteReplicas\",\"Effect\":\"Allow\",\"Action\":[\"s3:ReplicateObject\",\"s3:ReplicateDelete\",\"s3:ReplicateTags\"],\"Resource\":\"arn:aws:s3:::dst/*\"},"
                + "{\"Sid\":\"DecryptSource\",\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"arn:aws:kms:us-east-1:1:key/a\","
                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"},\"StringLike\":{\"kms:EncryptionContext:aws:s3:arn\":[\"arn:aws:s3:::src\",\"arn:aws:s3:::src/*\"]}}},"
                + "{\"Sid\":\"EncryptReplicas\",\"Effect\":\"Allow\",\"Action\":[\"kms:Encrypt\",\"kms:GenerateDataKey\",\"kms:Decrypt\"],\"Resource\":\"arn:aws:kms:eu-west-1:1:key/b\","
                + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.eu-west-1.amazonaws.com\"},\"StringLike\":{\"kms:EncryptionContext:aws:s3:arn\":[\"arn:aws:s3:::dst\",\"arn:aws:s3:::dst/*\"]}}}]}",
                json);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ab | must be 3-63 characters, is 2",
            "Uploads-1 | must be lowercase letters, digits and hyphens",
            "my_bucket | must be lowercase letters, digits and hyphens",
            "my.bucket | must be lowercase letters, digits and hyphens",
            "-bucket | must be lowercase letters, digits and hyphens",
            "bucket- | must be lowercase letters, digits and hyphens",
            "xn--bucket | must not begin with the reserved prefix xn--",
            "sthree-bucket | must not begin with the reserved prefix sthree-",
            "bucket-s3alias | must not end with the reserved suffix -s3alias",
            "bucket--ol-s3 | must not end with the reserved suffix --ol-s3"})
    void invalidBucketNamesAreRefusedWithTheRule(String name, String rule) {
        assertTrue(BucketNames.problem(name).startsWith(rule), BucketNames.problem(name));
    }

    @Test
    void validBucketNamesPass() {
        assertNull(BucketNames.problem("abc"));
        assertNull(BucketNames.problem("ultibiker-prod-uploads-eu-west-1-123456789012"));
        assertNull(BucketNames.problem("a".repeat(63)));
        assertEquals("must be 3-63 characters, is 64", BucketNames.problem("a".repeat(64)));
    }

    @Test
    void argumentsThatS3WouldRefuseOrThatWouldLoseDataStopBeforeAnything() {
        var outcome = PlanRunner.attempt(StackPlans.stackFile("prod"), ctx -> {
            var tagging = tagging(ctx);
            var primary = PlatformStack.awsRegion("us-east-1", tagging);
            var secondary = PlatformStack.awsRegion("eu-west-1", tagging);
            var holder = new ComponentResource("test:storage:Holder", "holder", null);
            var base = (java.util.function.Supplier<SecureBucketArgs.Builder>) () -> SecureBucketArgs.builder()
                    .name("holder-data").parent(holder).region(primary).tagging(tagging)
                    .protection(new StatefulProtection(true)).role("data");
            List<String> messages = new ArrayList<>();
            List<Runnable> attempts = List.of(
                    () -> base.get().kmsKey(com.pulumi.core.Output.of("k")).versioned(false)
                            .replication(SecureBucketArgs.Replication.builder().region(secondary)
                                    .keyArn(com.pulumi.core.Output.of("r")).replicateDeleteMarkers(false).build()).build(),
                    () -> base.get().s3ManagedEncryption().versioned(true)
                            .replication(SecureBucketArgs.Replication.builder().region(secondary)
                                    .keyArn(com.pulumi.core.Output.of("r")).replicateDeleteMarkers(false).build()).build(),
                    () -> base.get().kmsKey(com.pulumi.core.Output.of("k")).versioned(true)
                            .replication(SecureBucketArgs.Replication.builder().region(primary)
                                    .keyArn(com.pulumi.core.Output.of("r")).replicateDeleteMarkers(false).build()).build(),
                    () -> base.get().kmsKey(com.pulumi.core.Output.of("k")).versioned(false).holdsData(Map.of("Backup", "x")).build(),
                    () -> base.get().kmsKey(com.pulumi.core.Output.of("k")).versioned(false)
                            .lifecycleRule(SecureBucketArgs.LifecycleRule.builder().id("old").noncurrentExpirationDays(3).build()).build(),
                    () -> base.get().kmsKey(com.pulumi.core.Output.of("k")).versioned(true).role("a".repeat(40)).build(),
                    () -> base.get().versioned(true).build());
            for (Runnable attempt : attempts) {
                try {
                    attempt.run();
                    messages.add("accepted");
                } catch (RuntimeException e) {
                    messages.add(e.getMessage());
                }
            }
            throw new IllegalStateException(String.join("\n", messages));
        });
        String[] messages = outcome.failure().getMessage().split("\n");
        assertTrue(outcome.registered().stream().noneMatch(u -> u.contains("s3/")), outcome.registered().toString());
        assertTrue(messages[messages.length - 7].contains("bucket holder-data: replication needs versioning on"), messages[messages.length - 7]);
        assertTrue(messages[messages.length - 6].contains("replication is built for SSE-KMS buckets"), messages[messages.length - 6]);
        assertTrue(messages[messages.length - 5].contains("replica region us-east-1 is the bucket's own region"), messages[messages.length - 5]);
        assertTrue(messages[messages.length - 4].contains("AWS Backup backs up S3 buckets only with versioning on"), messages[messages.length - 4]);
        assertTrue(messages[messages.length - 3].contains("lifecycle rule old expires noncurrent versions of an unversioned bucket"),
                messages[messages.length - 3]);
        assertTrue(messages[messages.length - 2].contains("must be 3-63 characters"), messages[messages.length - 2]);
        assertTrue(messages[messages.length - 1].contains("SecureBucketArgs.kmsKey (or s3ManagedEncryption) is required"),
                messages[messages.length - 1]);
    }

    @Test
    void lifecycleRulesAndTransitionsRefuseWhatS3Refuses() {
        assertEquals("lifecycle rule r has no action",
                assertThrows(IllegalArgumentException.class, () -> SecureBucketArgs.LifecycleRule.builder().id("r").build()).getMessage());
        assertEquals("lifecycle rule r: days must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> SecureBucketArgs.LifecycleRule.builder().id("r")
                        .abortMultipartDays(0).build()).getMessage());
        assertEquals("transition to STANDARD_IA after 10 days: S3 needs at least 30",
                assertThrows(IllegalArgumentException.class, () -> new SecureBucketArgs.Transition(10, "STANDARD_IA")).getMessage());
        assertEquals("lifecycle rule r: expiration (90 days) must come after the transition (90 days)",
                assertThrows(IllegalArgumentException.class, () -> SecureBucketArgs.LifecycleRule.builder().id("r")
                        .expirationDays(90).transition(new SecureBucketArgs.Transition(90, "GLACIER")).build()).getMessage());
        assertFalse(SecureBucketArgs.Transition.STORAGE_CLASSES.contains("STANDARD"));
    }
}
