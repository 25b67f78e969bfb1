package com.ultibiker.platform.plan;

import com.ultibiker.platform.config.ConfigException;
import com.ultibiker.platform.config.StackFile;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Config the offline plan cannot read: Pulumi ESC imports ({@code environment:} in the stack file) and
 * {@code secure:} values nested in a section ({@code pulumi config set --secret --path}). Neither breaks the
 * plan's reading of the file; what the plan shows instead is stated in its notes (and under a config error).
 */
class OfflineLimitsTest {

    @TempDir
    Path dir;

    private static final String ESC_NOTE = "the stack file imports Pulumi ESC environments (ultibiker/dev-shared, ultibiker/aws-dev): "
            + "the offline plan does not read them and plans the stack file's own config only; "
            + "pulumi preview resolves them (`pulumi env open <org>/<env>` shows their values)";

    private String devWith(String header, String from, String to) throws IOException {
        Files.copy(StackPlans.PROJECT_DIR.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        String dev = Files.readString(StackPlans.PROJECT_DIR.resolve("Pulumi.dev.yaml"));
        assertTrue(dev.contains(from), from);
        String edited = header + dev.replace(from, to);
        Files.writeString(dir.resolve("Pulumi.dev.yaml"), edited);
        return edited;
    }

    private record Run(int code, String out, String err) {
    }

    private Run plan(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = PlanMain.run(args, dir, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void escImportsPlanTheFilesOwnConfigAndSaySo() throws IOException {
        devWith("environment:\n  - ultibiker/dev-shared\n  - ultibiker/aws-dev\n", "# Development", "# Development");
        StackFile file = StackFileLoader.load(dir, "dev");
        assertEquals(List.of("ultibiker/dev-shared", "ultibiker/aws-dev"), file.environments());
        assertEquals(StackPlans.stackFile("dev").allConfig(), file.allConfig());
        Run run = plan("dev");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains(ESC_NOTE), run.out());
        assertEquals(List.of(ESC_NOTE), PlanRunner.run(file, com.ultibiker.platform.PlatformStack::stack).notes());
    }

    @Test
    void theImportsFormOfTheEnvironmentKeyIsReadToo() throws IOException {
        devWith("environment:\n  imports:\n    - ultibiker/dev-shared\n", "# Development", "# Development");
        assertEquals(List.of("ultibiker/dev-shared"), StackFileLoader.load(dir, "dev").environments());
    }

    @Test
    void anEnvironmentKeyThatIsNoListIsAClearProblem() throws IOException {
        devWith("environment:\n  imports: {a: 1}\n", "# Development", "# Development");
        var e = assertThrows(ConfigException.class, () -> StackFileLoader.load(dir, "dev"));
        assertEquals("Invalid stack configuration (1 problem):\n  - Pulumi.dev.yaml environment: found malformed content; "
                + "allowed: a list of Pulumi ESC environment names, e.g. [ultibiker/dev-shared]", e.getMessage());
    }

    @Test
    void aSecretNestedInASectionBecomesThePlaceholderAndMarksTheSectionSecret() throws IOException {
        devWith("", "    owner: platform-team\n", "    owner:\n      secure: v1:AAAAbm9uY2U=\n");
        StackFile file = StackFileLoader.load(dir, "dev");
        assertEquals("{\"owner\":\"[secret]\",\"costCenter\":\"CC-1001\"}", file.projectConfig().get("tags"));
        assertEquals(Set.of("ultibiker-platform:tags"), file.secretKeys());
        Run run = plan("dev");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Note: secret config values cannot be decrypted offline and were replaced by \"[secret]\": "
                + "ultibiker-platform:tags"), run.out());
    }

    @Test
    void aNestedSecretWhoseFormatIsCheckedStopsThePlanNamingTheKeyAndWhy() throws IOException {
        devWith("", "alertEmails: [platform-alerts-dev@ultibiker.example.com]", "alertEmails:\n      - secure: v1:AAAAbm9uY2U=");
        StackFile file = StackFileLoader.load(dir, "dev");
        assertTrue(file.projectConfig().get("observability").contains("\"alertEmails\":[\"[secret]\"]"), file.projectConfig().get("observability"));
        Run run = plan("dev");
        assertEquals(2, run.code(), run.out());
        assertEquals("""
                bin/plan dev: Invalid stack configuration (1 problem):
                  - ultibiker-platform:observability.alertEmails[0]: found "[secret]"; allowed: an email address such as oncall@example.com
                  (offline: secret config values cannot be decrypted offline and were replaced by "[secret]": ultibiker-platform:observability)
                """, run.err());
    }
}
