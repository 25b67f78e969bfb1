package com.ultibiker.platform.edge;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WAFv2 names are 1-128 characters of letters, digits, '-' and '_' (WAFv2 API reference, CreateWebACL Name,
 * pattern {@code ^[\w\-]+$}); WAF logs only to destinations named {@code aws-waf-logs-*} (LoggingConfiguration).
 */
class WafNamesTest {

    @Test
    void namesFollowProjectEnvironmentAndRegion() {
        assertEquals("ultibiker-prod-eu-west-1", WafNames.webAclName("ultibiker-prod", "eu-west-1"));
        assertEquals("aws-waf-logs-ultibiker-prod-eu-west-1", WafNames.logGroupName("ultibiker-prod", "eu-west-1"));
    }

    @Test
    void aNameWafRefusesFailsBeforeAnythingIsRegistered() {
        assertThrows(IllegalArgumentException.class, () -> WafNames.entityName("ultibiker.prod"));
        assertThrows(IllegalArgumentException.class, () -> WafNames.entityName(""));
        assertThrows(IllegalArgumentException.class, () -> WafNames.entityName("a".repeat(129)));
        assertEquals("a".repeat(128), WafNames.entityName("a".repeat(128)));
    }

    @Test
    void logDeliveryMayWriteTheOneGroupForThisAccountAndRegionOnly() {
        Map<?, ?> doc = new Gson().fromJson(WafNames.logDeliveryPolicy("aws", "eu-west-1", "111122223333",
                "aws-waf-logs-ultibiker-prod-eu-west-1"), Map.class);
        Map<?, ?> statement = (Map<?, ?>) ((List<?>) doc.get("Statement")).get(0);
        assertEquals(Map.of("Service", "delivery.logs.amazonaws.com"), statement.get("Principal"));
        assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), statement.get("Action"));
        assertEquals("arn:aws:logs:eu-west-1:111122223333:log-group:aws-waf-logs-ultibiker-prod-eu-west-1:log-stream:*",
                statement.get("Resource"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "111122223333"),
                "ArnLike", Map.of("aws:SourceArn", "arn:aws:logs:eu-west-1:111122223333:*")), statement.get("Condition"));
        assertTrue(((List<?>) doc.get("Statement")).size() == 1);
    }
}
