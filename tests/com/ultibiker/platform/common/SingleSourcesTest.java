package com.ultibiker.platform.common;

import com.ultibiker.platform.support.SourceScan;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rules over all production code (issue 17.3): one key helper and one naming source. A KMS key or
 * alias is registered only by {@link EncryptionKeys} (rotation, deletion window, protection and the
 * alias the same for every key); the stack's project-environment prefix and paths are derived only by
 * {@link Naming}, from typed values, never by concatenating them elsewhere or reading them back out of
 * a tag map.
 */
class SingleSourcesTest {

    static final Pattern KMS_RESOURCE = Pattern.compile(
            "new (?:com\\.pulumi\\.aws\\.kms\\.)?(?:Key|Alias|ReplicaKey|ExternalKey|ReplicaExternalKey)\\(");

    /** {@code project + "-"}, {@code environment() + "/"}, {@code "alias/" + x.project()}, {@code tags.get("Project")}. */
    static final Pattern STACK_PREFIX = Pattern.compile(
            "\\b(?:project|environment)(?:\\(\\))?\\s*\\+\\s*\"[-/]"
                    + "|\"[^\"\\n]*[-/]\"\\s*\\+\\s*[A-Za-z_.()]*\\b(?:project|environment)\\b"
                    + "|get\\(\"(?:Project|Environment)\"\\)");

    @Test
    void onlyEncryptionKeysRegistersKmsKeysAndAliases() {
        assertEquals(List.of(), SourceScan.hits(KMS_RESOURCE, Set.of(SourceScan.COMMON.resolve("EncryptionKeys.java"))),
                "create keys with common/EncryptionKeys (grants or a policy of their own)");
    }

    @Test
    void onlyNamingDerivesTheStacksPrefix() {
        assertEquals(List.of(), SourceScan.hits(STACK_PREFIX, Set.of(SourceScan.COMMON.resolve("Naming.java"))),
                "derive names with common/Naming (Naming.of(tagging).prefix(), physical(...), path(...), keyAlias(...))");
    }

    @Test
    void theScansSeeEachFormTheyForbid() {
        assertEquals(List.of("new Key(", "new com.pulumi.aws.kms.Alias("), SourceScan.hits(KMS_RESOURCE, """
                var key = new Key(keyName, KeyArgs.builder().build());
                new com.pulumi.aws.kms.Alias(keyName + "-alias", args);
                new KeyPair(name, args); // new Key( in a comment
                """));
        assertEquals(List.of("get(\"Project\")", "environment() + \"/", "\"alias/\" + config.tags().project",
                "project + \"-"), SourceScan.hits(STACK_PREFIX, """
                String a = tagging.required().get("Project") + x;
                String b = config.environment() + "/grafana";
                String c = "alias/" + config.tags().project() + y;
                String d = project + "-" + environment;
                String e = "UltiBiker " + naming.environment() + " alerts";
                String f = project + ":environment";
                """));
    }
}
