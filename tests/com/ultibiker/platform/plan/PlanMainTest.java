package com.ultibiker.platform.plan;

import com.google.gson.Gson;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bin/plan's behaviour: exit codes, messages, and the JSON contract. */
class PlanMainTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run plan(Path projectDir, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanMain.run(args, projectDir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesTheDocumentedJsonContract() throws Exception {
        Path json = tmp.resolve("dev.json");
        Run run = plan(StackPlans.PROJECT_DIR, "dev", "--json", json.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Resources per component:"), run.out());
        assertTrue(run.out().contains("Total: "), run.out());

        Map<String, Object> doc = new Gson().fromJson(Files.readString(json), Map.class);
        assertEquals("dev", doc.get("stack"));
        assertEquals("ultibiker-platform", doc.get("project"));
        assertTrue(doc.get("outputs") instanceof Map);
        List<Map<String, Object>> resources = (List<Map<String, Object>>) doc.get("resources");
        for (Map<String, Object> r : resources) {
            for (String key : List.of("urn", "type", "name", "region", "parent", "dependencies", "protect",
                    "ignoreChanges", "retainOnDelete", "props")) {
                assertTrue(r.containsKey(key), "resource lacks " + key + ": " + r.get("urn"));
            }
        }
        Map<String, Object> vpc = resources.stream().filter(r -> r.get("type").equals("aws:ec2/vpc:Vpc")).findFirst().orElseThrow();
        assertEquals("us-east-1", vpc.get("region"));
        assertEquals(Boolean.TRUE, ((Map<String, Object>) vpc.get("props")).get("enableDnsHostnames"));
        assertTrue(((String) vpc.get("parent")).endsWith("ultibiker:network:Network::network-us-east-1"));
        Map<String, Object> component = resources.stream().filter(r -> r.get("type").equals("ultibiker:network:Network")).findFirst().orElseThrow();
        assertEquals(null, component.get("region"), "components are not AWS resources");
        Map<String, Object> subnet = resources.stream().filter(r -> r.get("type").equals("aws:ec2/subnet:Subnet")).findFirst().orElseThrow();
        assertTrue(((List<String>) subnet.get("dependencies")).stream().anyMatch(d -> d.endsWith("aws:ec2/vpc:Vpc::network-us-east-1-vpc")),
                "dependencies through inputs are recorded");
    }

    @Test
    void unknownStackExitsTwoNamingTheStacks() {
        Run run = plan(StackPlans.PROJECT_DIR, "qa");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("Stacks in this project: dev, prod"), run.err());
    }

    @Test
    void invalidConfigExitsTwoWithEveryProblemAndWritesNoJson() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project);
        Files.copy(StackPlans.PROJECT_DIR.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        String dev = Files.readString(StackPlans.PROJECT_DIR.resolve("Pulumi.dev.yaml"))
                .replace("logRetentionDays: 30", "logRetentionDays: 31")
                .replace("maxSize: 3", "maxSize: 0");
        Files.writeString(project.resolve("Pulumi.broken.yaml"), dev);
        Path json = tmp.resolve("broken.json");
        Run run = plan(project, "broken", "--json", json.toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("ultibiker-platform:logRetentionDays: found 31"), run.err());
        assertTrue(run.err().contains("ultibiker-platform:eks.nodePools[1].maxSize: found 0"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(json));
    }

    @Test
    void malformedYamlExitsTwoWithoutAStackTrace() throws Exception {
        Path project = tmp.resolve("p2");
        Files.createDirectories(project);
        Files.copy(StackPlans.PROJECT_DIR.resolve("Pulumi.yaml"), project.resolve("Pulumi.yaml"));
        Files.writeString(project.resolve("Pulumi.bad.yaml"), "config:\n  ultibiker-platform:environment: [dev\n");
        Run run = plan(project, "bad");
        assertEquals(2, run.code());
        assertTrue(run.err().contains("Pulumi.bad.yaml line"), run.err());
        assertFalse(run.err().contains("\tat "));
    }

    @Test
    void usageErrors() {
        assertEquals(2, plan(StackPlans.PROJECT_DIR).code());
        assertEquals(2, plan(StackPlans.PROJECT_DIR, "dev", "--json").code());
        assertEquals(2, plan(StackPlans.PROJECT_DIR, "dev", "--bogus").code());
    }

    @Test
    void aStackWhoseSiblingSharesItsCiAccountIsRefusedNamingBoth() throws Exception {
        Run run = plan(com.ultibiker.platform.config.CiAccountSharingTest.projectSharingOneCiAccount(tmp), "dev", "--quiet");
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("stacks dev and prod both enable CI in this account"), run.err());
    }
}
