package com.ultibiker.platform.observability;

import org.junit.jupiter.api.Test;

import static com.ultibiker.platform.support.JsonAssertions.assertJson;

/** The alert topic's policy and Alertmanager's role, literally. */
class ObservabilityPoliciesLiteralTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:ultibiker-prod-alerts";

    @Test
    void onlyThisAccountsAlarmsAndEventBridgeRulesInThisRegionPublishAndOnlyOverTls() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AllowCloudWatchAlarms","Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},
                  "Action":"sns:Publish","Resource":"%1$s",
                  "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                               "ArnLike":{"aws:SourceArn":"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*"}}},
                 {"Sid":"AllowEventBridgeRules","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},
                  "Action":"sns:Publish","Resource":"%1$s",
                  "Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"},
                               "ArnLike":{"aws:SourceArn":"arn:aws:events:eu-west-1:123456789012:rule/*"}}},
                 {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"sns:Publish","Resource":"%1$s",
                  "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""".formatted(TOPIC),
                ObservabilityPolicies.alertTopicPolicy(TOPIC, "123456789012", "aws", "eu-west-1"));
    }

    @Test
    void alertmanagerPublishesToOneTopic() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"%s"},
                 {"Effect":"Allow","Action":["kms:GenerateDataKey*","kms:Decrypt"],"Resource":"arn:aws:kms:eu-west-1:123456789012:key/k"}]}"""
                        .formatted(TOPIC), ObservabilityPolicies.publishPolicy(TOPIC, "arn:aws:kms:eu-west-1:123456789012:key/k"));
    }
}
