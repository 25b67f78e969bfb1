package com.ultibiker.platform.eks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Golden files under {@code tests/resources/golden/}: rendered text is compared with the committed copy,
 * so a change to a policy or values file shows up as a reviewable diff. Run with {@code -Dgolden.update=true}
 * to rewrite them after an intended change.
 */
final class Golden {

    private static final Path DIR = Path.of(System.getProperty("plan.projectDir", "."), "tests", "resources", "golden");

    private Golden() {
    }

    static void assertMatches(String relative, String actual) {
        Path file = DIR.resolve(relative);
        String normalized = actual.strip() + "\n";
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, normalized, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file " + file + " is missing; run the test with -Dgolden.update=true and review it");
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), normalized,
                    "rendered text differs from " + file + " (rerun with -Dgolden.update=true if the change is intended)");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
