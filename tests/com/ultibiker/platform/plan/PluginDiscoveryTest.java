package com.ultibiker.platform.plan;

import com.google.gson.Gson;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugin discovery as pulumi-language-java runs it before every preview and update (pulumi-java
 * pkg/internal/executors/executor_maven.go, PluginArgs): Maven runs the SDK's bootstrap Main with
 * {@code -DmainArgs=packages}, and the host parses the JSON it prints on stdout. Without
 * {@code <commandlineArgs>${mainArgs}</commandlineArgs>} in the pom the program gets no argument and
 * prints {@code Unknown command ''}: no plugin is found and nothing deploys.
 */
class PluginDiscoveryTest {

    /** Debian's Maven 3.8.7 ends stdout with ANSI resets (ESC[0m) even in batch mode; the JSON is what precedes them. */
    static String withoutAnsi(String stdout) {
        return stdout.replaceAll("\u001B\\[[0-9;]*m", "").strip();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLanguageHostsCommandListsTheProviderPlugins() throws Exception {
        Process process = new ProcessBuilder("mvn",
                "-Dorg.slf4j.simpleLogger.logFile=System.err", "--no-transfer-progress", "compile", "exec:java",
                "-DmainClass=com.pulumi.bootstrap.internal.Main", "-DmainArgs=packages")
                .directory(StackPlans.PROJECT_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "discovery did not finish");
        assertEquals(0, process.exitValue(), stdout);
        List<Map<String, Object>> plugins = new Gson().fromJson(withoutAnsi(stdout), List.class);
        // The provider plugins the engine must install: the versions of the provider SDKs in the pom.
        assertEquals(List.of(
                Map.of("resource", true, "name", "aws", "version", "6.83.0"),
                Map.of("resource", true, "name", "kubernetes", "version", "4.0.0")), plugins, stdout);
    }

    @Test
    void ansiResetsAreStripped() {
        assertEquals("[{\"name\":\"aws\"}]", withoutAnsi("[{\"name\":\"aws\"}]\n\u001B[0m\u001B[0m"));
    }
}
