package com.ultibiker.platform.config;

import com.ultibiker.platform.support.ConfigAssertions;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may reach the EKS API (issue 14 item 4): documentation ranges (RFC 5737, RFC 3849) are refused
 * with the key, the value and why; production is private-only unless it says otherwise; a world-open
 * endpoint is a lone, explicit 0.0.0.0/0.
 */
class EndpointAccessConfigTest {

    private static Map<String, String> devWithCidrs(String cidrsJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("dev").projectConfig());
        String eks = raw.get("eks");
        assertTrue(eks.contains("\"publicAccessCidrs\":[\"0.0.0.0/0\"]"), eks);
        raw.put("eks", eks.replace("\"publicAccessCidrs\":[\"0.0.0.0/0\"]", "\"publicAccessCidrs\":" + cidrsJson));
        return raw;
    }

    @ParameterizedTest(name = "{0} lies in {1}")
    @CsvSource({"192.0.2.0/24, 192.0.2.0/24", "198.51.100.128/25, 198.51.100.0/24", "203.0.113.7/32, 203.0.113.0/24",
            "2001:db8::/32, 2001:db8::/32", "2001:DB8:1234::/48, 2001:db8::/32"})
    void documentationRangesAreRecognised(String cidr, String range) {
        assertEquals(Optional.of(range), Checks.documentationRange(cidr));
    }

    @ParameterizedTest(name = "{0} is a real range")
    @ValueSource(strings = {"203.0.114.0/24", "203.0.0.0/16", "0.0.0.0/0", "81.2.69.0/24", "198.51.101.0/24",
            "2001:db9::/32", "2001:d00::/24", "::/0", "10.0.0.0/8"})
    void realRangesAreNot(String cidr) {
        assertEquals(Optional.empty(), Checks.documentationRange(cidr));
    }

    @Test
    void aDocumentationRangeInPublicAccessCidrsIsRefusedNamingKeyValueAndRange() {
        assertProblem(onlyProblem(devWithCidrs("[\"203.0.113.0/24\"]")), "eks.publicAccessCidrs[0]", "\"203.0.113.0/24\"",
                "not inside documentation range 203.0.113.0/24 (RFC 5737)");
    }

    @Test
    void theIpv6DocumentationPrefixIsRefusedAsSuchNotAsAMalformedCidr() {
        assertProblem(onlyProblem(devWithCidrs("[\"81.2.69.0/24\",\"2001:db8:42::/48\"]")), "eks.publicAccessCidrs[1]",
                "\"2001:db8:42::/48\"", "documentation range 2001:db8::/32 (RFC 3849)");
    }

    @Test
    void theWorldMayOnlyBeOpenedAlone() {
        assertProblem(onlyProblem(devWithCidrs("[\"0.0.0.0/0\",\"81.2.69.0/24\"]")), "eks.publicAccessCidrs",
                "[0.0.0.0/0, 81.2.69.0/24]", "0.0.0.0/0 alone");
    }

    @Test
    void productionIsPrivateOnlyByDefault() {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        String eks = raw.get("eks").replace("\"endpointPublicAccess\":false,", "").replace(",\"endpointPublicAccess\":false", "");
        assertFalse(eks.contains("endpointPublicAccess"), eks);
        raw.put("eks", eks);
        var config = StackConfigParser.parse(ConfigAssertions.PROJECT, raw);
        assertFalse(config.eks().endpointPublicAccess());
        assertEquals(java.util.List.of(), config.eks().publicAccessCidrs());
    }

    @Test
    void theShippedProdStackHasNoPublicEndpoint() {
        StackPlans.prod().ofType("aws:eks/cluster:Cluster").forEach(cluster -> {
            assertEquals(false, cluster.prop("vpcConfig.endpointPublicAccess"), cluster.urn());
            assertEquals(true, cluster.prop("vpcConfig.endpointPrivateAccess"), cluster.urn());
        });
    }
}
