package com.ultibiker.platform.config;

import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Example values (RFC 2606 domains, which Route53 refuses for a hosted zone: boto/boto#2098,
 * awslabs/aws-saas-boost#404; AWS's documentation account; RFC 5737 ranges; the shipped repository) are
 * refused by {@code pulumi up}, and only those.
 */
class PlaceholdersTest {

    @ParameterizedTest(name = "{0} is an example: {1}")
    @CsvSource(delimiter = '|', value = {
            "ultibiker.example.com | a reserved example domain (RFC 2606)",
            "dev.ultibiker.example.com | a reserved example domain (RFC 2606)",
            "EXAMPLE.ORG. | a reserved example domain (RFC 2606)",
            "shop.example.net | a reserved example domain (RFC 2606)",
            "platform.test | a reserved example domain (RFC 2606)",
            "api.ultibiker.example | a reserved example domain (RFC 2606)",
            "platform-oncall@ultibiker.example.com | an address at a reserved example domain (RFC 2606)",
            "ops@example.org | an address at a reserved example domain (RFC 2606)",
            "arn:aws:iam::123456789012:role/platform-admin | AWS's documentation account id 123456789012",
            "123456789012 | AWS's documentation account id 123456789012",
            "203.0.113.0/24 | an RFC 5737 documentation range",
            "203.0.113.7/32 | an RFC 5737 documentation range",
            "198.51.100.20 | an RFC 5737 documentation range",
            "192.0.2.0/25 | an RFC 5737 documentation range",
            "ultibiker/ultibiker-platform | the example repository shipped with the project",
            "Ultibiker/Ultibiker-Platform | the example repository shipped with the project"})
    void examples(String value, String why) {
        var found = Placeholders.classify(value);
        assertTrue(found.isPresent(), value);
        assertTrue(found.get().why().startsWith(why), found.get().why());
    }

    @ParameterizedTest(name = "{0} is a real value")
    @ValueSource(strings = {"ultibiker.io", "dev.ultibiker.io", "example.co.uk", "myexample.com", "examples.com",
            "ops@ultibiker.io", "arn:aws:iam::210987654321:role/platform-admin", "1234567890123", "81.2.69.0/24",
            "203.0.114.0/24", "203.0.0.0/16", "203.0.112.0/23", "198.51.101.1", "0.0.0.0/0", "10.10.0.0/16", "ultibiker-io/platform", "ultibiker/platform",
            "dev", "us-east-1", "t3.medium", "v1.21.1-eksbuild.3", "1.35", "CC-1001", "999.1.1.1/8"})
    void realValues(String value) {
        assertEquals(java.util.Optional.empty(), Placeholders.classify(value), value);
    }

    @Test
    void theShippedProdStackNamesEachExampleKey() {
        var problems = Placeholders.find("ultibiker-platform", StackPlans.stackFile("prod").projectConfig());
        assertEquals(List.of(
                "ultibiker-platform:ci.githubRepository",
                "ultibiker-platform:dns.domain",
                "ultibiker-platform:eks.adminPrincipalArns[0]",
                "ultibiker-platform:observability.alertEmails[0]"), problems.stream().map(ConfigProblem::key).toList());
    }

    @Test
    void theShippedStacksStillPlanOffline() {
        assertTrue(StackPlans.prod().resources().size() > 100);
        assertTrue(StackPlans.dev().resources().size() > 100);
    }

    @Test
    void mappingKeysAndNestedListsAreSeenAndScalarsAreChecked() {
        var problems = Placeholders.find("p", Map.of(
                "dns", "{\"domain\":\"ultibiker.io\",\"subdomainDelegations\":{\"dev.ultibiker.example.com\":[\"ns-1.awsdns-00.com\"]}}",
                "owner", "ops@example.com",
                "replicas", "[{\"emails\":[\"a@ultibiker.io\",\"b@example.net\"]}]",
                "size", "{\"count\":3,\"on\":true}"));
        assertEquals(List.of(
                "p:dns.subdomainDelegations: found \"dev.ultibiker.example.com\" (a reserved example domain (RFC 2606): Route53 refuses "
                        + "a hosted zone for it (InvalidDomainName) and no registrar delegates it); allowed: a domain you own, or a subdomain of one",
                "p:owner: found \"ops@example.com\" (an address at a reserved example domain (RFC 2606): alert mail to it is never "
                        + "delivered); allowed: an address your on-call team reads (SNS mails it a subscription confirmation to accept)",
                "p:replicas[0].emails[1]: found \"b@example.net\" (an address at a reserved example domain (RFC 2606): alert mail to it "
                        + "is never delivered); allowed: an address your on-call team reads (SNS mails it a subscription confirmation to accept)"),
                problems.stream().map(ConfigProblem::toString).toList());
    }

    @Test
    void refusalIsOneMessageWithEveryKey() {
        var e = assertThrows(ConfigException.class, () -> Placeholders.refuse("p", Map.of(
                "dns", "{\"domain\":\"ultibiker.example.com\"}",
                "ci", "{\"githubRepository\":\"ultibiker/ultibiker-platform\"}")));
        assertEquals("The stack still holds the project's example values (2 keys to set before a real preview or up; "
                + "bin/plan accepts them, AWS would not):\n"
                + "  - p:ci.githubRepository: found \"ultibiker/ultibiker-platform\" (the example repository shipped with the project: "
                + "CI's OIDC trust would admit its workflows, not yours); allowed: your GitHub repository, as owner/name\n"
                + "  - p:dns.domain: found \"ultibiker.example.com\" (a reserved example domain (RFC 2606): Route53 refuses a hosted "
                + "zone for it (InvalidDomainName) and no registrar delegates it); allowed: a domain you own, or a subdomain of one",
                e.getMessage());
        Placeholders.refuse("p", Map.of("dns", "{\"domain\":\"ultibiker.io\"}"));
    }
}
