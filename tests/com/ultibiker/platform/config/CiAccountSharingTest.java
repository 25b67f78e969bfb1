package com.ultibiker.platform.config;

import com.ultibiker.platform.model.CiConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two stacks' CI in one AWS account with account-wide deploy rights is refused, naming both stacks. */
public class CiAccountSharingTest {

    private static final String P = "ultibiker-platform";

    private static CiConfig ci(String stack, String ciJson) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        raw.put("ci", ciJson);
        return StackConfigParser.parse(P, raw).ci();
    }

    private static final String ADMIN_IN_111 = "{\"enabled\":true,\"githubRepository\":\"o/r\",\"accountId\":\"111122223333\"}";

    @Test
    void devAndProdCiInOneAccountWithAdministratorAccessIsRefusedNamingBoth() {
        CiConfig dev = ci("dev", ADMIN_IN_111);
        CiConfig prod = ci("prod", "{\"enabled\":true,\"githubRepository\":\"o/r\",\"githubEnvironment\":\"production\","
                + "\"oidcProviderArn\":\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"}");
        List<ConfigProblem> problems = CiAccountSharing.problems(P, "prod", prod, Map.of("dev", dev));
        assertEquals(1, problems.size());
        ConfigProblem p = problems.get(0);
        assertEquals(P + ":ci.accountId", p.key());
        assertTrue(p.found().contains("stacks prod and dev both enable CI in this account"), p.found());
        assertTrue(p.found().contains("prod: the generated deploy policies"), p.found());
        assertTrue(p.found().contains("dev: the generated deploy policies"), p.found());
        assertTrue(p.allowed().contains("one AWS account per stack"), p.allowed());
        ConfigException e = assertThrows(ConfigException.class, () -> CiAccountSharing.refuse(P, "dev", dev, Map.of("prod", prod)));
        assertTrue(e.getMessage().contains("stacks dev and prod"), e.getMessage());
    }

    @Test
    void separateAccountsScopedPoliciesOrCiOffAreFine() {
        CiConfig dev = ci("dev", ADMIN_IN_111);
        assertEquals(List.of(), CiAccountSharing.problems(P, "dev", dev,
                Map.of("prod", ci("prod", "{\"enabled\":true,\"githubRepository\":\"o/r\",\"accountId\":\"444455556666\"}"))));
        assertEquals(List.of(), CiAccountSharing.problems(P, "dev", dev,
                Map.of("prod", ci("prod", "{\"enabled\":false,\"accountId\":\"111122223333\"}"))));
        String scoped = "\"deployPolicyArns\":[\"arn:aws:iam::111122223333:policy/ultibiker-%s-deploy\"]";
        CiConfig devScoped = ci("dev", ADMIN_IN_111.replace("}", "," + scoped.formatted("dev") + "}"));
        CiConfig prodScoped = ci("prod", ADMIN_IN_111.replace("}", "," + scoped.formatted("prod") + "}"));
        assertEquals(1, CiAccountSharing.problems(P, "dev", devScoped, Map.of("prod", prodScoped)).size(),
                "the generated deploy policies reach the other stack's resources whatever is added to them");
        // One side's account-wide policy is enough: it reaches the other's resources.
        assertEquals(1, CiAccountSharing.problems(P, "dev", dev, Map.of("prod", prodScoped)).size());
    }

    /** The stack files of a project whose dev and prod both name account 111122223333 in their ci section. */
    public static Path projectSharingOneCiAccount(Path dir) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Files.copy(root.resolve("Pulumi.yaml"), dir.resolve("Pulumi.yaml"));
        for (String stack : List.of("dev", "prod")) {
            String text = Files.readString(root.resolve("Pulumi." + stack + ".yaml"));
            String marked = text.replace("  ultibiker-platform:ci:\n    enabled: true\n",
                    "  ultibiker-platform:ci:\n    enabled: true\n    accountId: \"111122223333\"\n");
            assertTrue(!marked.equals(text), "the ci section of Pulumi." + stack + ".yaml starts with enabled: true");
            Files.writeString(dir.resolve("Pulumi." + stack + ".yaml"), marked);
        }
        return dir;
    }

    @Test
    void theSiblingStackFilesAreReadFromTheProjectDirectory(@TempDir Path dir) throws IOException {
        projectSharingOneCiAccount(dir);
        Map<String, CiConfig> siblings = CiAccountSharing.siblings(dir, "dev");
        assertEquals(List.of("prod"), List.copyOf(siblings.keySet()));
        assertEquals(java.util.Optional.of("111122223333"), siblings.get("prod").accountId());
        // The committed stacks name no shared account: nothing to refuse.
        Path root = Path.of("").toAbsolutePath();
        assertEquals(List.of(), CiAccountSharing.problems(P, "dev", StackConfigParser.parse(P, StackPlans.stackFile("dev").projectConfig()).ci(), CiAccountSharing.siblings(root, "dev")));
    }
}
