package com.ultibiker.platform.common;

import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rule over all production code: policy documents are built only through {@link PolicyDocument} and
 * {@link Statement} (issue 17). Outside the model ({@code common/PolicyDocument}, {@code Statement},
 * {@code Principal}), no source may spell the policy language's
 * version or a statement element as a string: not as a map key ({@code put("Effect", ...)}), not in JSON
 * text ({@code {"Effect":"Allow"...}} in a text block or an escaped string). Code that reads rendered
 * policies uses the element-name constants of the model ({@link Statement#EFFECT}, ...).
 */
class PolicyModelTest {

    private static final Path SRC = StackPlans.PROJECT_DIR.resolve("src");
    private static final Path COMMON = SRC.resolve("com/ultibiker/platform/common");
    /** The model: the only files that may write a policy's element names. */
    private static final List<Path> MODEL = List.of(COMMON.resolve("PolicyDocument.java"), COMMON.resolve("Statement.java"),
            COMMON.resolve("Principal.java"));

    /** The policy language's versions, and the statement elements (IAM User Guide, "IAM JSON policy element reference"). */
    static final Pattern HAND_BUILT = Pattern.compile(
            "2012-10-17|2008-10-17|\\\\?\"(Statement|Effect|Principal|NotPrincipal|Action|NotAction|Resource|NotResource|Condition)\\\\?\"");

    @Test
    void noProductionCodeOutsideTheModelBuildsAPolicyDocumentByHand() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            files.filter(f -> f.toString().endsWith(".java") && !MODEL.contains(f)).sorted().forEach(f ->
                    handBuilt(read(f)).forEach(hit -> found.add(SRC.relativize(f) + ": " + hit)));
        }
        assertEquals(List.of(), found, "build policy documents with common/PolicyDocument and Statement");
    }

    @Test
    void theScanSeesEveryHandBuiltFormAndNoComment() {
        assertEquals(List.of("2012-10-17", "\"Effect\""), handBuilt("""
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("Version", "2012-10-17");
                statement.put("Effect", "Allow");
                """));
        assertEquals(List.of("\"Principal\"", "\"Action\""), handBuilt("""
                String s = \"""
                        {"Principal":{"Service":"x"},"Action":"sts:AssumeRole"}\""";
                """));
        assertEquals(List.of("\\\"Resource\\\""), handBuilt("String s = \"{\\\"Resource\\\":\\\"*\\\"}\";"));
        assertEquals(List.of("\"NotAction\""), handBuilt("m.put(\"NotAction\", List.of(\"iam:*\"));"));
        assertEquals(List.of(), handBuilt("""
                /** Reads {@code "Resource": "*"} and the "Statement" of a 2012-10-17 policy. */
                // "Effect" here is prose
                String url = "https://example.com"; // "Condition"
                statement.get(Statement.EFFECT);
                """));
    }

    /** Hits of {@link #HAND_BUILT} in {@code source}, comments left out. */
    static List<String> handBuilt(String source) {
        List<String> hits = new ArrayList<>();
        Matcher m = HAND_BUILT.matcher(withoutComments(source));
        while (m.find()) {
            hits.add(m.group());
        }
        return hits;
    }

    /** Block and Javadoc comments, and line comments (a {@code //} outside a string literal). */
    static String withoutComments(String source) {
        String noBlocks = source.replaceAll("(?s)/\\*.*?\\*/", " ");
        StringBuilder out = new StringBuilder();
        for (String line : noBlocks.split("\n", -1)) {
            out.append(codePart(line)).append('\n');
        }
        return out.toString();
    }

    private static String codePart(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
