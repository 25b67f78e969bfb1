package com.ultibiker.platform.config;

import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.ZoneDelegation;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.ConfigAssertions;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config rules of the network, regions and name-deriving lists: given a valid stack file, when one key is
 * changed, the parser reports exactly that key, the value and what is allowed, and nothing is registered.
 */
class NamesAndRegionsConfigTest {

    private static final String P = ConfigAssertions.PROJECT;

    private static Map<String, String> with(String stack, String key, String json) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        raw.put(key, json);
        return raw;
    }

    private static ConfigProblem onlyProblem(Map<String, String> raw, Optional<String> awsRegion) {
        List<ConfigProblem> problems = assertThrows(ConfigException.class, () -> StackConfigParser.parse(P, raw, awsRegion)).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    // --- aws:region (12.21)

    @Test
    void awsRegionMustBeAnAwsRegion() {
        ConfigProblem p = onlyProblem(StackPlans.stackFile("dev").projectConfig(), Optional.of("mars-west-9"));
        assertEquals("aws:region", p.key());
        assertEquals("\"mars-west-9\"", p.found());
        assertTrue(p.allowed().startsWith("an AWS region, one of ") && p.allowed().contains("eu-west-1"), p.allowed());
    }

    @Test
    void awsRegionMustBeThePrimaryRegion() {
        ConfigProblem p = onlyProblem(StackPlans.stackFile("prod").projectConfig(), Optional.of("eu-west-1"));
        assertEquals("aws:region", p.key());
        assertEquals("\"eu-west-1\"", p.found());
        assertTrue(p.allowed().startsWith("the stack's primary region, regions.primary (us-east-1)"), p.allowed());
    }

    @Test
    void theRepositoryStacksSetAwsRegionToTheirPrimary() {
        for (String stack : List.of("dev", "prod")) {
            StackFile file = StackPlans.stackFile(stack);
            assertEquals("us-east-1", file.allConfig().get("aws:region"), stack);
            StackConfigParser.parse(P, file.projectConfig(), Optional.of(file.allConfig().get("aws:region")));
        }
    }

    /** The program reads aws:region: a stack file with mars-west-9 stops before any resource is registered. */
    @Test
    void theProgramRefusesABadAwsRegionBeforeRegisteringAnything() {
        StackFile dev = StackPlans.stackFile("dev");
        Map<String, String> all = new HashMap<>(dev.allConfig());
        all.put("aws:region", "mars-west-9");
        List<String> registered = new java.util.ArrayList<>();
        var e = assertThrows(ConfigException.class, () -> PlanRunner.run(
                new StackFile(dev.project(), dev.stack(), Map.copyOf(all), dev.secretKeys()), ctx -> {
                    PlatformStack.stack(ctx);
                    registered.add("composed");
                }));
        assertTrue(e.getMessage().contains("aws:region: found \"mars-west-9\""), e.getMessage());
        assertTrue(registered.isEmpty());
    }

    // --- availability zones (12.15)

    @Test
    void azLettersAreAToD() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(with("dev", "network",
                        "{\"vpcCidrs\":{\"us-east-1\":\"10.10.0.0/16\"},\"availabilityZones\":[\"a\",\"e\"],\"natGateways\":\"single\"}")),
                "network.availabilityZones[1]", "\"e\"", "one of [a, b, c, d] (the region is prefixed; a subnet's CIDR is fixed by its letter");
    }

    // --- list entries that would share a resource name (12.9)

    /**
     * Every list of the config from which a component derives resource names: two entries that differ
     * but map to one name are refused at the later entry, naming the earlier one.
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "observability|alertEmails[1]|{'alertEmails':['a.b@example.com','a-b@example.com']}|a-b@example.com|alertEmails[0] (a.b@example.com): both map to the resource name part 'a-b-at-example-com'",
            "observability|alertEmails[1]|{'alertEmails':['Ops@example.com','ops@example.com']}|ops@example.com|'ops-at-example-com'",
            "observability|alertEmails[2]|{'alertEmails':['a@example.com','b@example.com','a@example.com']}|a@example.com|each entry once alertEmails[0]",
            "eks|adminPrincipalArns[1]|ADMINS:['arn:aws:iam::111111111111:role/admin','arn:aws:iam::222222222222:role/admin']|arn:aws:iam::222222222222:role/admin|'role-admin'",
            "eks|adminPrincipalArns[1]|ADMINS:['arn:aws:iam::123456789012:role/platform_admin','arn:aws:iam::123456789012:role/Platform-Admin']|arn:aws:iam::123456789012:role/Platform-Admin|'role-platform-admin'",
            "ci|ci.deployPolicyArns[1]|CI:'deployPolicyArns':['arn:aws:iam::123456789012:policy/team/deploy','arn:aws:iam::123456789012:policy/team-deploy']|arn:aws:iam::123456789012:policy/team-deploy|each policy name once",
            "ci|ci.previewPolicyArns[1]|CI:'previewPolicyArns':['arn:aws:iam::aws:policy/ReadOnlyAccess','arn:aws:iam::123456789012:policy/readonlyaccess']|arn:aws:iam::123456789012:policy/readonlyaccess|'readonlyaccess'"})
    void entriesMappingToOneResourceNameAreRefused(String section, String key, String value, String found, String allowed) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        String json = value.replace('\'', '"');
        if (json.startsWith("ADMINS:")) {
            String eks = raw.get("eks");
            raw.put("eks", eks.replaceFirst("\"adminPrincipalArns\":\\[[^]]*]", "\"adminPrincipalArns\":" + json.substring("ADMINS:".length())));
        } else if (json.startsWith("CI:")) {
            raw.put("ci", "{\"enabled\":true,\"githubRepository\":\"ultibiker/ultibiker-platform\"," + json.substring("CI:".length()) + "}");
        } else {
            raw.put(section, json);
        }
        String fullKey = key.startsWith("ci.") ? key : section + "." + key;
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(raw), fullKey, "\"" + found + "\"", allowed);
    }

    @Test
    void aReplicaCannotTakeThePrimarysNameInAlarms() {
        Map<String, String> raw = with("prod", "database", "{\"instanceClass\":\"db.r6g.xlarge\",\"allocatedStorageGib\":500,"
                + "\"replicas\":[{\"name\":\"primary\",\"region\":\"us-east-1\"}]}");
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(raw), "database.replicas[0].name", "\"primary\"",
                "a name other than 'primary'");
    }

    @Test
    void nodePoolsAndReplicasAreNamedByUniqueNamesOfOneShape() {
        // Their names go into resource names unchanged (pattern [a-z][a-z0-9-]{0,23}), so "each once" is enough.
        Map<String, String> replicas = with("prod", "database", "{\"instanceClass\":\"db.r6g.xlarge\",\"allocatedStorageGib\":500,"
                + "\"replicas\":[{\"name\":\"dr\",\"region\":\"eu-west-1\"},{\"name\":\"dr\"}]}");
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(replicas), "database.replicas[1].name", "\"dr\"", "not used by another replica");
    }

    /** The name fragments, literally: what the components register and the parser compares. */
    @Test
    void nameFragments() {
        assertEquals("a-b-at-example-com", Naming.emailSlug("a.b@example.com"));
        assertEquals("a-b-at-example-com", Naming.emailSlug("A-B@Example.com"));
        assertEquals("role-team-platform-admin", Naming.principalSlug("arn:aws:iam::123456789012:role/team/platform-admin"));
        assertEquals("user-alice", Naming.principalSlug("arn:aws:iam::123456789012:user/Alice"));
        assertEquals("job-function-ViewOnlyAccess", Naming.policySlug("arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"));
    }

    // --- zone delegation (12.6)

    private static Map<String, String> devDns(String extra) {
        return with("dev", "dns", "{\"domain\":\"dev.ultibiker.example.com\"" + extra + "}");
    }

    @Test
    void aCreatedZoneMustSayHowItIsDelegated() {
        ConfigProblem p = ConfigAssertions.onlyProblem(devDns(""));
        assertEquals(P + ":dns.delegation", p.key());
        assertEquals(ConfigProblem.MISSING, p.found());
        assertTrue(p.allowed().startsWith("how the created zone is delegated (required): parentZone (with dns.parentZoneId"), p.allowed());
        assertTrue(p.allowed().contains("pending (first deploy"), p.allowed());
    }

    @Test
    void delegationDefaults() {
        assertEquals(ZoneDelegation.PARENT_ZONE, StackConfigParser.parse(P, devDns(",\"parentZoneId\":\"Z0PARENT00000001\"")).dns().delegation());
        assertEquals(ZoneDelegation.EXTERNAL, StackConfigParser.parse(P, devDns(",\"hostedZoneId\":\"Z0EXISTING000001\"")).dns().delegation());
        assertEquals(ZoneDelegation.EXTERNAL, StackConfigParser.parse(P, StackPlans.stackFile("dev").projectConfig()).dns().delegation());
    }

    @Test
    void parentZoneNeedsAParentZoneId() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(devDns(",\"delegation\":\"parentZone\"")),
                "dns.delegation", "\"parentZone\"", "only with dns.parentZoneId");
    }

    @Test
    void aParentZoneIdMeansTheStackDelegatesItself() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(devDns(",\"parentZoneId\":\"Z0PARENT00000001\",\"delegation\":\"pending\"")),
                "dns.delegation", "\"pending\"", "parentZone when dns.parentZoneId is set");
    }

    @Test
    void anExistingZoneHasNoParentZone() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(devDns(",\"hostedZoneId\":\"Z0EXISTING000001\",\"parentZoneId\":\"Z0PARENT00000001\"")),
                "dns.parentZoneId", "\"Z0PARENT00000001\"", "no parent zone when dns.hostedZoneId is set");
    }

    @Test
    void parentZoneIdLooksLikeOne() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(devDns(",\"parentZoneId\":\"ultibiker.example.com\"")),
                "dns.parentZoneId", "\"ultibiker.example.com\"", "a Route53 hosted zone id");
    }

    @Test
    void unknownDelegationMode() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(devDns(",\"delegation\":\"manual\"")),
                "dns.delegation", "\"manual\"", "one of parentZone, external, pending");
    }

    private static Map<String, String> prodSubdomains(String json) {
        return with("prod", "dns", "{\"domain\":\"ultibiker.example.com\",\"delegation\":\"external\",\"subdomainDelegations\":" + json + "}");
    }

    @Test
    void subdomainDelegationsAreChildrenOfTheDomain() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(prodSubdomains("{\"dev.example.org\":[\"ns-1.awsdns-01.org\"]}")),
                "dns.subdomainDelegations.dev.example.org", "\"dev.example.org\"", "a domain below dns.domain (ultibiker.example.com)");
    }

    @Test
    void subdomainDelegationsNameServers() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(prodSubdomains("{\"dev.ultibiker.example.com\":[]}")),
                "dns.subdomainDelegations.dev.ultibiker.example.com", "[]", "1 to 8 name servers");
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(prodSubdomains("{\"dev.ultibiker.example.com\":[\"not a host\"]}")),
                "dns.subdomainDelegations.dev.ultibiker.example.com[0]", "\"not a host\"", "a name server's DNS name");
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(prodSubdomains("{\"dev.ultibiker.example.com\":[\"ns-1.awsdns-01.org.\"]}")),
                "dns.subdomainDelegations.dev.ultibiker.example.com[0]", "\"ns-1.awsdns-01.org.\"", "no trailing dot");
    }

    @Test
    void subdomainDelegationsMappingToOneResourceNameAreRefused() {
        ConfigAssertions.assertProblem(ConfigAssertions.onlyProblem(prodSubdomains(
                        "{\"a.dev.ultibiker.example.com\":[\"ns-1.awsdns-01.org\"],\"a-dev.ultibiker.example.com\":[\"ns-2.awsdns-02.net\"]}")),
                "dns.subdomainDelegations.a-dev.ultibiker.example.com", "\"a-dev.ultibiker.example.com\"", "'a-dev'");
    }
}
