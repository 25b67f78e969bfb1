package com.ultibiker.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackFileLoaderTest {

    @TempDir
    Path dir;

    private void write(String file, String content) throws IOException {
        Files.writeString(dir.resolve(file), content);
    }

    @Test
    void readsConfigTheWayTheCliHandsItOver() throws IOException {
        write("Pulumi.yaml", "name: demo\nruntime: java\n");
        write("Pulumi.test.yaml", """
                config:
                  aws:region: eu-west-1
                  demo:environment: test
                  demo:logRetentionDays: 30
                  demo:production: false
                  demo:regions:
                    primary: eu-west-1
                  demo:list: [a, 1]
                  demo:password:
                    secure: v1:abcdef
                """);
        StackFile f = StackFileLoader.load(dir, "test");
        assertEquals("demo", f.project());
        assertEquals("eu-west-1", f.allConfig().get("aws:region"));
        assertEquals("test", f.projectConfig().get("environment"));
        assertEquals("30", f.projectConfig().get("logRetentionDays"));
        assertEquals("false", f.projectConfig().get("production"));
        assertEquals("{\"primary\":\"eu-west-1\"}", f.projectConfig().get("regions"));
        assertEquals("[\"a\",1]", f.projectConfig().get("list"));
        assertEquals(StackFileLoader.SECRET_PLACEHOLDER, f.projectConfig().get("password"));
        assertEquals(java.util.Set.of("demo:password"), f.secretKeys());
    }

    @Test
    void malformedYamlIsAClearProblemNotAStackTrace() throws IOException {
        write("Pulumi.yaml", "name: demo\n");
        write("Pulumi.bad.yaml", "config:\n  demo:environment: dev\n   demo:regions: [\n");
        ConfigException e = assertThrows(ConfigException.class, () -> StackFileLoader.load(dir, "bad"));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).key().startsWith("Pulumi.bad.yaml line "), e.getMessage());
        assertTrue(e.problems().get(0).allowed().startsWith("well-formed YAML"), e.getMessage());
    }

    @Test
    void configThatIsNotAMapping() throws IOException {
        write("Pulumi.yaml", "name: demo\n");
        write("Pulumi.odd.yaml", "config: [1, 2]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> StackFileLoader.load(dir, "odd"));
        assertTrue(e.getMessage().contains("Pulumi.odd.yaml config"), e.getMessage());
    }

    @Test
    void unknownStackNamesTheStacksThatExist() throws IOException {
        write("Pulumi.yaml", "name: demo\n");
        write("Pulumi.dev.yaml", "config: {}\n");
        write("Pulumi.prod.yaml", "config: {}\n");
        var e = assertThrows(StackFileLoader.UnknownStackException.class, () -> StackFileLoader.load(dir, "qa"));
        assertTrue(e.getMessage().contains("Stacks in this project: dev, prod"), e.getMessage());
        assertEquals(List.of("dev", "prod"), StackFileLoader.stacks(dir));
    }

    @Test
    void stackNamesCannotEscapeTheProjectDirectory() throws IOException {
        write("Pulumi.yaml", "name: demo\n");
        assertThrows(StackFileLoader.UnknownStackException.class, () -> StackFileLoader.load(dir, "../etc/passwd"));
    }
}
