package com.ultibiker.platform.common;

import com.ultibiker.platform.model.CapacityType;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.TagsConfig;
import com.ultibiker.platform.model.Taint;
import com.ultibiker.platform.model.TaintEffect;
import com.ultibiker.platform.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.ultibiker.platform.support.JsonAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The common helpers' literal behaviour: names, placement, protection, key and bucket policies. */
class CommonLiteralTest {

    private static NodePoolSpec pool(String name, Map<String, String> labels, List<Taint> taints) {
        return new NodePoolSpec(name, List.of("m5.large"), CapacityType.values()[0], 1, 3, 1, taints, labels, 33, 50, List.of("a", "b"));
    }

    private static final Taint ANALYTICS = new Taint("workload", "analytics", TaintEffect.NO_SCHEDULE);

    @Test
    void namesJoinWithHyphens() {
        assertEquals("network-us-east-1-vpc", Naming.child("network-us-east-1", "vpc"));
        assertEquals("ultibiker-prod-postgres", new Naming("ultibiker", "prod").physical("postgres"));
    }

    @Test
    void theStacksNamesComeFromItsTypedProjectAndEnvironment() {
        var naming = Naming.of(new Tagging(new TagsConfig("ultibiker", "platform-team", "CC-1",
                Map.of("Project", "sneaky", "Environment", "sneaky")), "prod"));
        assertEquals("ultibiker-prod", naming.prefix(), "not from the extra tags");
        assertEquals("ultibiker-prod-us-east-1", naming.physical("us-east-1"));
        assertEquals("ultibiker/prod/postgres/master-user", naming.path("postgres", "master-user"));
        assertEquals("ultibiker/prod", naming.path());
        assertEquals("alias/ultibiker-prod/database-key", naming.keyAlias("database-key"));
        assertEquals("prod", naming.environment());
    }

    @Test
    void placementSelectsThePoolsLabelsAndToleratesItsTaints() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("tier", "data");
        labels.put("role", "analytics");
        var placement = NodePlacement.onPool(List.of(pool("system", Map.of("role", "system"), List.of()),
                pool("analytics", labels, List.of(ANALYTICS))), "analytics");
        assertEquals(List.of("role", "tier"), List.copyOf(placement.nodeSelector().keySet()), "sorted by label");
        assertEquals(Map.of("role", "analytics", "tier", "data"), placement.nodeSelector());
        assertEquals(List.of(ANALYTICS), placement.tolerations());
        assertEquals(List.of(Map.of("key", "workload", "operator", "Equal", "value", "analytics", "effect", "NoSchedule")),
                placement.helmTolerations());
        assertEquals(Map.of("nodeSelector", Map.of("role", "analytics", "tier", "data"),
                "tolerations", placement.helmTolerations()), placement.helmValues());
        var k8s = placement.kubernetesTolerations();
        assertEquals(1, k8s.size());
    }

    @Test
    void placementRefusesAPoolWithoutLabelsOrAnUnknownPool() {
        var e = assertThrows(IllegalArgumentException.class, () -> NodePlacement.onPool(pool("bare", Map.of(), List.of())));
        assertEquals("node pool bare has no labels to select it by", e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> NodePlacement.onPool(List.of(pool("system", Map.of("role", "system"), List.of())), "gpu"));
        assertEquals("no node pool named gpu in [system]", missing.getMessage());
    }

    @Test
    void withoutAConfiguredPoolAWorkloadRunsAnywhere() {
        var anywhere = NodePlacement.of(List.of(pool("system", Map.of("role", "system"), List.of())), Optional.empty());
        assertEquals(Map.of(), anywhere.nodeSelector());
        assertEquals(List.of(), anywhere.tolerations());
        assertEquals(Map.of("nodeSelector", Map.of(), "tolerations", List.of()), anywhere.helmValues());
        assertEquals(Map.of("role", "system"),
                NodePlacement.of(List.of(pool("system", Map.of("role", "system"), List.of())), Optional.of("system")).nodeSelector());
    }

    @Test
    void productionProtectsSnapshotsAndNeverForceDestroys() {
        var prod = new StatefulProtection(true);
        assertTrue(prod.deletionProtection());
        assertFalse(prod.skipFinalSnapshot());
        assertFalse(prod.forceDestroy());
        assertEquals(Optional.of("db-final"), prod.finalSnapshot("db"));
        assertEquals("db-final", prod.finalSnapshotIdentifier("db"));
        assertTrue(prod.options(com.pulumi.resources.CustomResourceOptions.builder()).build().isProtect());
        var dev = new StatefulProtection(false);
        assertFalse(dev.deletionProtection());
        assertTrue(dev.skipFinalSnapshot());
        assertTrue(dev.forceDestroy());
        assertEquals(Optional.empty(), dev.finalSnapshot("db"));
        assertFalse(dev.options(com.pulumi.resources.CustomResourceOptions.builder()).build().isProtect());
    }

    @Test
    void keyPolicyKeepsIamAdministrationAndGrantsEachService() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"EnableIamPolicies","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":["kms:*"],"Resource":"*"},
                 {"Sid":"AllowCloudWatchLogs","Effect":"Allow","Principal":{"Service":"logs.eu-west-1.amazonaws.com"},
                  "Action":["kms:Encrypt*","kms:Decrypt*","kms:ReEncrypt*","kms:GenerateDataKey*","kms:Describe*"],"Resource":"*",
                  "Condition":{"ArnLike":{"kms:EncryptionContext:aws:logs:arn":"arn:aws:logs:eu-west-1:123456789012:log-group:*"}}},
                 {"Sid":"AllowCloudWatch","Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},
                  "Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*",
                  "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}""",
                KeyPolicies.document("aws", "123456789012", List.of(
                        KeyPolicies.ServiceGrant.cloudWatchLogs("aws", "eu-west-1", "123456789012"),
                        KeyPolicies.ServiceGrant.service("AllowCloudWatch", "cloudwatch.amazonaws.com", "123456789012"))));
        assertJson("""
                {"Version":"2012-10-17","Statement":[{"Sid":"EnableIamPolicies","Effect":"Allow",
                 "Principal":{"AWS":"arn:aws-cn:iam::123456789012:root"},"Action":["kms:*"],"Resource":"*"}]}""",
                KeyPolicies.document("aws-cn", "123456789012", List.of()));
    }

    @Test
    void bucketPolicyPiecesAreTlsOnlyAndOnePutGrant() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AllowDelivery","Effect":"Allow","Principal":{"Service":"delivery.logs.amazonaws.com"},
                  "Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/x/*"},
                 {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                  "Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""",
                BucketPolicies.document(List.of(
                        BucketPolicies.allowPutObject("AllowDelivery", Principal.service("delivery.logs.amazonaws.com"), "arn:aws:s3:::logs/x/*").build(),
                        BucketPolicies.denyInsecureTransport("arn:aws:s3:::logs"))));
    }

    @Test
    void passwordPoliciesAskTheGeneratorForExactlyTheirAlphabet() {
        assertEquals("!\"#$%&'()*+,/:;<=>?@[\\]^`{|}~", PasswordPolicy.withPunctuation(32).excludedCharacters());
        assertEquals("[A-Za-z0-9._-]{32}", PasswordPolicy.withPunctuation(32).pattern().pattern());
        assertEquals("[A-Za-z0-9]{20}", PasswordPolicy.alphanumeric(20).pattern().pattern());
        assertTrue(PasswordPolicy.alphanumeric(1).pattern().matcher("a").matches());
        new PasswordPolicy(4096, false);
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(0, false));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(4097, true));
    }
}
