package com.ultibiker.platform.config;

import com.ultibiker.platform.model.EdgeConfig;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given a valid stack file, when one dns or edge key is changed, then the parser reports exactly that
 * key, the value found and what is allowed. One test per rule.
 */
class DnsEdgeConfigTest {

    private static final String P = "ultibiker-platform";

    private static Map<String, String> config(String stack, String key, String json) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        raw.put(key, json);
        return raw;
    }

    private static Map<String, String> prodDns(String extra) {
        return config("prod", "dns", "{\"domain\":\"ultibiker.example.com\",\"delegation\":\"external\"" + extra + "}");
    }

    private static Map<String, String> edge(String json) {
        return config("dev", "edge", json);
    }

    private static void assertOnlyProblem(Map<String, String> raw, String key, String found, String allowedFragment) {
        List<ConfigProblem> problems = assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, raw)).problems();
        assertEquals(1, problems.size(), "expected exactly one problem, got " + problems);
        ConfigProblem p = problems.get(0);
        assertEquals(P + ":" + key, p.key());
        assertEquals(found, p.found());
        assertTrue(p.allowed().contains(allowedFragment), "allowed was: " + p.allowed());
    }

    @Test
    void defaults() {
        StackConfig prod = StackConfigParser.parse(P, StackPlans.stackFile("prod").projectConfig());
        assertEquals(Map.of("NA", "us-east-1", "EU", "eu-west-1"), prod.dns().wsContinents());
        assertEquals(EdgeConfig.builder().sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06").targetPort(8080).idleTimeoutSeconds(120)
                .accessLogRetentionDays(90).waf(prod.edge().waf()).build(), prod.edge());
        StackConfig dev = StackConfigParser.parse(P, StackPlans.stackFile("dev").projectConfig());
        assertEquals(Map.of(), dev.dns().wsContinents(), "one region: no geolocation");
    }

    // regions.secondary == regions.primary is covered by StackConfigParserTest.secondaryEqualToPrimary.

    @Test
    void ttlInRange() {
        assertOnlyProblem(prodDns(",\"ttlSeconds\":4"), "dns.ttlSeconds", "4", "from 5 to 3600");
    }

    @Test
    void failureThresholdInRange() {
        assertOnlyProblem(prodDns(",\"healthCheckFailureThreshold\":0"), "dns.healthCheckFailureThreshold", "0", "from 1 to 10");
    }

    @Test
    void intervalIsOneRoute53Offers() {
        assertOnlyProblem(prodDns(",\"healthCheckIntervalSeconds\":20"), "dns.healthCheckIntervalSeconds", "20", "one of [10, 30]");
    }

    @Test
    void detectionPlusTheAliasTtlMustFitTheRto() {
        // 30 x 9 + 5 = 275 s would pass on the TTL alone; alias records are cached 60 s: 330 s > 300 s.
        assertOnlyProblem(prodDns(",\"ttlSeconds\":5,\"healthCheckFailureThreshold\":9"), "dns.ttlSeconds", "5",
                "30 x 9 + 60 = 330 s");
        StackConfigParser.parse(P, prodDns(",\"ttlSeconds\":5,\"healthCheckFailureThreshold\":8"));
    }

    @Test
    void theReplicaLagAlarmMustFireBeforeTheRpoIsLost() {
        assertOnlyProblem(prodDns(",\"rpoTargetSeconds\":30"), "observability.replicaLagSeconds", "30",
                "less than dns.rpoTargetSeconds (30)");
    }

    @Test
    void wsContinentsAreRoute53ContinentCodes() {
        assertOnlyProblem(prodDns(",\"wsContinents\":{\"EUROPE\":\"eu-west-1\"}"), "dns.wsContinents.EUROPE", "\"EUROPE\"",
                "a Route53 continent code");
    }

    @Test
    void wsContinentsMapToRegionsOfTheStack() {
        assertOnlyProblem(prodDns(",\"wsContinents\":{\"AS\":\"ap-south-1\"}"), "dns.wsContinents.AS", "\"ap-south-1\"",
                "a region of this stack");
    }

    @Test
    void wsContinentsNeedASecondaryRegion() {
        assertOnlyProblem(config("dev", "dns", "{\"domain\":\"dev.ultibiker.example.com\",\"delegation\":\"external\",\"wsContinents\":{\"EU\":\"us-east-1\"}}"),
                "dns.wsContinents", "{EU=us-east-1}", "regions.secondary");
    }

    @Test
    void sslPolicyOffersTls13() {
        assertOnlyProblem(edge("{\"sslPolicy\":\"ELBSecurityPolicy-2016-08\"}"), "edge.sslPolicy", "\"ELBSecurityPolicy-2016-08\"",
                "TLS 1.3");
    }

    @Test
    void targetPortIsAPort() {
        assertOnlyProblem(edge("{\"targetPort\":70000}"), "edge.targetPort", "70000", "from 1 to 65535");
    }

    @Test
    void idleTimeoutInRange() {
        assertOnlyProblem(edge("{\"idleTimeoutSeconds\":0}"), "edge.idleTimeoutSeconds", "0", "from 1 to 4000");
    }

    @Test
    void accessLogRetentionInRange() {
        assertOnlyProblem(edge("{\"accessLogRetentionDays\":0}"), "edge.accessLogRetentionDays", "0", "from 1 to 3650");
    }

    @Test
    void unknownEdgeKeysAreReported() {
        List<ConfigProblem> problems = assertThrows(ConfigException.class,
                () -> StackConfigParser.parse(P, edge("{\"tlsPolicy\":\"x\"}"))).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).key().endsWith("edge.tlsPolicy"), problems.toString());
    }

    @Test
    void aConfiguredEdgeReachesTheLoadBalancer() {
        var plan = StackPlans.runWith("dev", Map.of("edge", "{\"sslPolicy\":\"ELBSecurityPolicy-TLS13-1-3-2021-06\",\"targetPort\":9000}"));
        assertEquals("ELBSecurityPolicy-TLS13-1-3-2021-06",
                plan.require("aws:lb/listener:Listener", "entry-us-east-1-https").prop("sslPolicy"));
        assertEquals(9000.0, ((Number) plan.require("aws:lb/targetGroup:TargetGroup", "entry-us-east-1-api-tg").prop("port")).doubleValue());
    }
}
