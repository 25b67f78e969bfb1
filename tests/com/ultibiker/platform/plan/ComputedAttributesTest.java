package com.ultibiker.platform.plan;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mock answers in AWS's formats (AWS Service Authorization Reference, "Resource types" per service),
 * so that a program building an ARN from a resource name instead of reading it shows a wrong value.
 */
class ComputedAttributesTest {

    private static Map<String, Object> state(String type, String name, Map<String, Object> inputs) {
        return ComputedAttributes.answer(type, name, "eu-west-1", "123456789012", inputs).state();
    }

    @Test
    void anSnsTopicsArnHasItsNameNotTheResourceName() {
        assertEquals("arn:aws:sns:eu-west-1:123456789012:ultibiker-prod-alerts",
                state("aws:sns/topic:Topic", "observability-eu-west-1-alerts", Map.of("name", "ultibiker-prod-alerts")).get("arn"));
    }

    @Test
    void withoutANameAResourceIsAutoNamedWithARandomSuffix() {
        var topic = state("aws:sns/topic:Topic", "alerts", Map.of());
        assertTrue(String.valueOf(topic.get("name")).matches("alerts-[0-9a-f]{7}"), topic.toString());
        assertEquals("arn:aws:sns:eu-west-1:123456789012:" + topic.get("name"), topic.get("arn"));
        var group = state("aws:cloudwatch/logGroup:LogGroup", "app-logs", Map.of());
        assertTrue(String.valueOf(group.get("name")).matches("app-logs-[0-9a-f]{7}"), group.toString());
        var bucket = state("aws:s3/bucketV2:BucketV2", "Logs", Map.of());
        assertTrue(String.valueOf(bucket.get("bucket")).matches("logs-[0-9a-f]{7}"), "bucket names are lowercase: " + bucket);
    }

    @Test
    void aSecretsArnEndsInSixRandomCharacters() {
        assertTrue(String.valueOf(state("aws:secretsmanager/secret:Secret", "db-master", Map.of("name", "ultibiker/prod/db"))
                .get("arn")).matches("arn:aws:secretsmanager:eu-west-1:123456789012:secret:ultibiker/prod/db-[A-Za-z0-9]{6}"));
    }

    @Test
    void loadBalancingArnsCarryTheResourceTypeNameAndId() {
        var tg = state("aws:lb/targetGroup:TargetGroup", "api-tg", Map.of());
        assertTrue(String.valueOf(tg.get("arn")).matches(
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api-tg/[0-9a-f]{16}"), tg.toString());
        var lb = state("aws:lb/loadBalancer:LoadBalancer", "alb", Map.of());
        assertTrue(String.valueOf(lb.get("arn")).matches(
                "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/alb/[0-9a-f]{16}"), lb.toString());
        assertEquals("Z32O12XQLNTSW2", lb.get("zoneId"), "eu-west-1's ALB hosted zone");
    }

    @Test
    void iamArnsHaveNoRegionAndKeepThePath() {
        assertEquals("arn:aws:iam::123456789012:role/service/ops",
                state("aws:iam/role:Role", "ops-role", Map.of("name", "ops", "path", "/service/")).get("arn"));
        assertEquals("arn:aws:iam::123456789012:policy/connect",
                state("aws:iam/policy:Policy", "connect-policy", Map.of("name", "connect")).get("arn"));
    }

    @Test
    void otherAwsTypesGetAServiceShapedArn() {
        assertEquals("arn:aws:ec2:eu-west-1:123456789012:nat-gateway/nat-id",
                state("aws:ec2/natGateway:NatGateway", "nat", Map.of()).get("arn"));
        assertEquals("arn:aws:kms:eu-west-1:123456789012:key/k-id", state("aws:kms/key:Key", "k", Map.of()).get("arn"));
        assertEquals("arn:aws:certificate", String.valueOf(state("aws:acm/certificate:Certificate", "c", Map.of("domainName", "a.example.com"))
                .get("arn")).replaceAll("arn:aws:acm:eu-west-1:123456789012:(certificate)/[0-9a-f-]{36}", "arn:aws:$1"));
    }
}
