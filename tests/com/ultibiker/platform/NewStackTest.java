package com.ultibiker.platform;

import com.ultibiker.platform.config.NewStackMain;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.network.Ipv4Cidr;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/new-stack: a stack made from another shares no physical name with it (the rule and comparison of
 * {@link PhysicalNamesTest}), takes VPC ranges no stack uses, and has its own domain, GitHub environment and
 * alert addresses.
 */
class NewStackTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run newStack(String... args) throws IOException {
        for (String f : List.of("Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml")) {
            if (!Files.exists(dir.resolve(f))) {
                Files.copy(StackPlans.PROJECT_DIR.resolve(f), dir.resolve(f));
            }
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = NewStackMain.run(args, dir, null, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Plan plan(String stack) {
        return PlanRunner.run(StackFileLoader.load(dir, stack), PlatformStack::stack);
    }

    private static Map<String, String> shared(Plan a, Plan b) {
        Map<String, String> first = PhysicalNamesTest.physicalNames(a);
        Map<String, String> second = PhysicalNamesTest.physicalNames(b);
        Map<String, String> both = new TreeMap<>();
        first.forEach((name, where) -> {
            if (second.containsKey(name)) {
                both.put(name, where);
            }
        });
        return both;
    }

    @Test
    void aStackFromDevSharesNoPhysicalNameAndNoVpcRangeWithAnyStack() throws IOException {
        Run run = newStack("staging", "--from", "dev", "--domain", "staging.ultibiker.io", "--alert-email", "staging-alerts@ultibiker.io");
        assertEquals(0, run.code(), run.err());
        var staging = StackFileLoader.load(dir, "staging").projectConfig();
        assertEquals("staging", staging.get("environment"));
        assertEquals("{\"vpcCidrs\":{\"us-east-1\":\"10.11.0.0/16\"},\"availabilityZones\":[\"a\",\"b\",\"c\"],\"natGateways\":\"single\","
                + "\"interfaceEndpoints\":false}", staging.get("network"));
        assertEquals("{\"domain\":\"staging.ultibiker.io\",\"delegation\":\"pending\"}", staging.get("dns"));
        assertEquals("{\"alertEmails\":[\"staging-alerts@ultibiker.io\"]}", staging.get("observability"));
        assertEquals("{\"enabled\":true,\"githubRepository\":\"ultibiker/ultibiker-platform\",\"githubEnvironment\":\"staging\"}", staging.get("ci"));
        assertEquals(StackPlans.stackFile("dev").projectConfig().get("eks"), staging.get("eks"), "sizes and versions are dev's");

        Plan plan = plan("staging");
        assertEquals(Map.of(), shared(StackPlans.dev(), plan), "physical names the new stack shares with dev");
        assertEquals(Map.of(), shared(StackPlans.prod(), plan), "physical names the new stack shares with prod");
        assertTrue(PhysicalNamesTest.physicalNames(plan).containsKey("ultibiker-staging-postgres"), "the comparison sees the names");
        for (String other : List.of("10.10.0.0/16", "10.0.0.0/16", "10.1.0.0/16")) {
            assertFalse(Ipv4Cidr.of("10.11.0.0/16").overlaps(Ipv4Cidr.of(other)), other);
        }
    }

    @Test
    void aSecondStackTakesTheNextFreeRangesAndAStackFromProdGetsOnePerRegion() throws IOException {
        assertEquals(0, newStack("staging", "--from", "dev", "--domain", "staging.ultibiker.io", "--alert-email", "a@ultibiker.io").code());
        Run qa = newStack("qa", "--from", "dev", "--domain", "qa.ultibiker.io", "--alert-email", "a@ultibiker.io",
                "--github-environment", "quality", "--alert-email", "b@ultibiker.io");
        assertEquals(0, qa.code(), qa.err());
        var config = StackFileLoader.load(dir, "qa").projectConfig();
        assertTrue(config.get("network").startsWith("{\"vpcCidrs\":{\"us-east-1\":\"10.12.0.0/16\"}"), config.get("network"));
        assertTrue(config.get("ci").endsWith("\"githubEnvironment\":\"quality\"}"), config.get("ci"));
        assertEquals("{\"alertEmails\":[\"a@ultibiker.io\",\"b@ultibiker.io\"]}", config.get("observability"));

        Run perf = newStack("perf", "--from", "prod", "--domain", "perf.ultibiker.io", "--alert-email", "perf@ultibiker.io");
        assertEquals(0, perf.code(), perf.err());
        var perfConfig = StackFileLoader.load(dir, "perf").projectConfig();
        assertTrue(perfConfig.get("network").startsWith("{\"vpcCidrs\":{\"us-east-1\":\"10.2.0.0/16\",\"eu-west-1\":\"10.3.0.0/16\"}"),
                perfConfig.get("network"));
        assertEquals("true", perfConfig.get("production"));
        assertEquals(Map.of(), shared(StackPlans.prod(), plan("perf")), "physical names perf shares with prod");
    }

    @Test
    void refusesAnExistingStackATakenEnvironmentAndMissingValuesWithoutWriting() throws IOException {
        Run existing = newStack("prod", "--from", "dev", "--domain", "x.ultibiker.io", "--alert-email", "a@ultibiker.io");
        assertEquals(2, existing.code());
        assertTrue(existing.err().contains("<name>: found \"prod\"; allowed: a stack that does not exist yet (Pulumi.prod.yaml exists)"), existing.err());
        assertTrue(existing.err().contains("<name>: found \"prod\"; allowed: an environment no stack uses (prod does)"), existing.err());
        Run missing = newStack("staging", "--from", "dev");
        assertEquals(2, missing.code());
        assertEquals("""
                bin/new-stack staging: Invalid stack configuration (2 problems):
                  - --domain: found <missing>; allowed: the new stack's own domain, e.g. staging.ultibiker.io
                  - --alert-email: found <missing>; allowed: one or more addresses for the stack's alarms
                """, missing.err());
        assertFalse(Files.exists(dir.resolve("Pulumi.staging.yaml")));
        Run unknown = newStack("staging", "--from", "qa", "--domain", "s.ultibiker.io", "--alert-email", "a@ultibiker.io");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown stack 'qa': no Pulumi.qa.yaml. Stacks in this project: dev, prod"), unknown.err());
    }

    @Test
    void secretsOfTheSourceAreNotCopiedAndAreListedToSetAgain() throws IOException {
        Files.copy(StackPlans.PROJECT_DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), Files.readString(StackPlans.PROJECT_DIR.resolve("Pulumi.dev.yaml"))
                .replace("    owner: platform-team\n", "    owner:\n      secure: v1:AAAA\n"));
        Run run = newStack("staging", "--from", "dev", "--domain", "staging.ultibiker.io", "--alert-email", "a@ultibiker.io");
        assertEquals(0, run.code(), run.err());
        assertFalse(Files.readString(dir.resolve("Pulumi.staging.yaml")).contains("v1:AAAA"));
        assertTrue(run.out().contains("set ultibiker-platform:tags.owner again (a secure: value of dev, not copied): "
                + "pulumi config set --secret --path -s staging 'ultibiker-platform:tags.owner' <value>"), run.out());
        List<String> lines = new ArrayList<>(run.out().lines().toList());
        assertEquals("Wrote Pulumi.staging.yaml (from dev). Next:", lines.get(0));
    }
}
