package com.ultibiker.platform.common;

import com.ultibiker.platform.support.SourceScan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rule over all production code: policy documents are built only through {@link PolicyDocument} and
 * {@link Statement} (issue 17.3). Outside the model ({@code common/PolicyDocument}, {@code Statement},
 * {@code Principal}), no source may spell the policy language's version or a statement element as a
 * string: not as a map key ({@code put("Effect", ...)}), not in JSON text ({@code {"Effect":"Allow"...}}
 * in a text block or an escaped string). Code that reads rendered policies uses the element-name
 * constants of the model ({@link Statement#EFFECT}, ...).
 */
class PolicyModelTest {

    /** The model: the only files that may write a policy's element names. */
    private static final Set<java.nio.file.Path> MODEL = Set.of(SourceScan.COMMON.resolve("PolicyDocument.java"),
            SourceScan.COMMON.resolve("Statement.java"), SourceScan.COMMON.resolve("Principal.java"));

    /** The policy language's versions, and the statement elements (IAM User Guide, "IAM JSON policy element reference"). */
    static final Pattern HAND_BUILT = Pattern.compile(
            "2012-10-17|2008-10-17|\\\\?\"(Statement|Effect|Principal|NotPrincipal|Action|NotAction|Resource|NotResource|Condition)\\\\?\"");

    @Test
    void noProductionCodeOutsideTheModelBuildsAPolicyDocumentByHand() {
        assertEquals(List.of(), SourceScan.hits(HAND_BUILT, MODEL),
                "build policy documents with common/PolicyDocument and Statement");
    }

    @Test
    void theScanSeesEveryHandBuiltFormAndNoComment() {
        assertEquals(List.of("2012-10-17", "\"Effect\""), SourceScan.hits(HAND_BUILT, """
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("Version", "2012-10-17");
                statement.put("Effect", "Allow");
                """));
        assertEquals(List.of("\"Principal\"", "\"Action\""), SourceScan.hits(HAND_BUILT, """
                String s = \"""
                        {"Principal":{"Service":"x"},"Action":"sts:AssumeRole"}\""";
                """));
        assertEquals(List.of("\\\"Resource\\\""), SourceScan.hits(HAND_BUILT, "String s = \"{\\\"Resource\\\":\\\"*\\\"}\";"));
        assertEquals(List.of("\"NotAction\""), SourceScan.hits(HAND_BUILT, "m.put(\"NotAction\", List.of(\"iam:*\"));"));
        assertEquals(List.of(), SourceScan.hits(HAND_BUILT, """
                /** Reads {@code "Resource": "*"} and the "Statement" of a 2012-10-17 policy. */
                // "Effect" here is prose
                String url = "https://example.com"; // "Condition"
                statement.get(Statement.EFFECT);
                """));
    }
}
