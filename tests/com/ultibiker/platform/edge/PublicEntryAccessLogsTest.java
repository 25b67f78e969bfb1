package com.ultibiker.platform.edge;

import com.ultibiker.platform.common.Principal;
import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access-log bucket of each load balancer: protections, encryption, expiry, who may write. */
class PublicEntryAccessLogsTest {

    private static final List<String> PROD_REGIONS = List.of("us-east-1", "eu-west-1");

    /** The bucket-scoped resource of {@code type} for the logs bucket of {@code region}. */
    private static PlanResource of(Plan plan, String type, String region, String suffix) {
        PlanResource r = plan.require(type, "entry-" + region + "-logs" + suffix);
        assertEquals("entry-" + region + "-logs-id", r.prop("bucket"), r.name() + " configures the logs bucket");
        assertEquals(region, r.region());
        return r;
    }

    @Test
    void theBucketIsProtectedInProdAndDisposableInDev() {
        for (String region : PROD_REGIONS) {
            PlanResource bucket = StackPlans.prod().require("aws:s3/bucketV2:BucketV2", "entry-" + region + "-logs");
            assertTrue(bucket.protect());
            assertEquals(false, bucket.prop("forceDestroy"));
            assertEquals("ultibiker-prod-alb-logs-" + region + "-123456789012", bucket.prop("bucket"));
        }
        PlanResource dev = StackPlans.dev().require("aws:s3/bucketV2:BucketV2", "entry-us-east-1-logs");
        assertFalse(dev.protect());
        assertEquals(true, dev.prop("forceDestroy"));
    }

    @Test
    void versionedSseS3AndPrivate() {
        Plan prod = StackPlans.prod();
        for (String region : PROD_REGIONS) {
            assertEquals("Enabled", of(prod, "aws:s3/bucketVersioningV2:BucketVersioningV2", region, "-versioning")
                    .prop("versioningConfiguration.status"));
            assertEquals("AES256", of(prod, "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    region, "-encryption").prop("rules.0.applyServerSideEncryptionByDefault.sseAlgorithm"),
                    "ALB log delivery supports SSE-S3 only");
            PlanResource block = of(prod, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", region, "-public-access");
            for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
                assertEquals(true, block.prop(flag), flag);
            }
            assertEquals("BucketOwnerEnforced", of(prod, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", region, "-ownership")
                    .prop("rule.objectOwnership"));
        }
    }

    @Test
    void logsExpireAfterTheConfiguredRetention() {
        PlanResource lifecycle = of(StackPlans.prod(), "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "eu-west-1", "-lifecycle");
        assertEquals("Enabled", lifecycle.prop("rules.0.status"));
        assertEquals(90.0, ((Number) lifecycle.prop("rules.0.expiration.days")).doubleValue());
        assertEquals(7.0, ((Number) lifecycle.prop("rules.0.noncurrentVersionExpiration.noncurrentDays")).doubleValue());
    }

    @ParameterizedTest
    @CsvSource({"us-east-1, 127311923021", "eu-west-1, 156460612806"})
    void onlyTheRegionalElbAccountMayWriteAndOnlyUnderTheLogPrefix(String region, String elbAccount) {
        Plan prod = StackPlans.prod();
        Map<?, ?> policy = new Gson().fromJson((String) of(prod, "aws:s3/bucketPolicy:BucketPolicy", region, "-policy").prop("policy"), Map.class);
        List<?> statements = (List<?>) policy.get("Statement");
        Map<?, ?> allow = (Map<?, ?>) statements.get(0);
        assertEquals(Map.of("AWS", "arn:aws:iam::" + elbAccount + ":root"), allow.get("Principal"));
        assertEquals("s3:PutObject", allow.get("Action"));
        assertEquals("arn:aws:s3:::ultibiker-prod-alb-logs-" + region + "-123456789012/alb/AWSLogs/123456789012/*", allow.get("Resource"));
        Map<?, ?> deny = (Map<?, ?>) statements.get(1);
        assertEquals("Deny", deny.get("Effect"));
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), deny.get("Condition"));
    }

    @Test
    void theLoadBalancerLogsToItsBucketOnceTheBucketPolicyExists() {
        for (String region : PROD_REGIONS) {
            PlanResource alb = StackPlans.prod().require("aws:lb/loadBalancer:LoadBalancer", "entry-" + region + "-alb");
            assertEquals(true, alb.prop("accessLogs.enabled"));
            assertEquals("ultibiker-prod-alb-logs-" + region + "-123456789012", alb.prop("accessLogs.bucket"));
            assertEquals("alb", alb.prop("accessLogs.prefix"));
            assertTrue(alb.dependencies().stream().anyMatch(d -> d.endsWith("::entry-" + region + "-logs-policy")),
                    "ELB checks write access when access logs are enabled");
        }
    }

    @Test
    void regionsLaunchedAfterAugust2022UseTheLogDeliveryServicePrincipal() {
        assertTrue(AccessLogPolicies.usesElbAccount("us-east-1"));
        assertTrue(AccessLogPolicies.usesElbAccount("eu-west-1"));
        assertFalse(AccessLogPolicies.usesElbAccount("eu-south-2"));
        assertFalse(AccessLogPolicies.usesElbAccount("ap-southeast-4"));
        assertEquals(Principal.service("logdelivery.elasticloadbalancing.amazonaws.com"),
                AccessLogPolicies.deliveryPrincipal("eu-central-2", null));
        assertEquals(Principal.aws("arn:aws:iam::156460612806:root"),
                AccessLogPolicies.deliveryPrincipal("eu-west-1", "arn:aws:iam::156460612806:root"));
    }
}
