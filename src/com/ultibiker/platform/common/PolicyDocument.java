package com.ultibiker.platform.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one model of an IAM policy document the program builds: identity policies, trust policies, KMS
 * key policies and resource policies (S3 buckets, SNS topics) alike. Every document is made of
 * {@link Statement}s built by name and rendered through {@link JsonDocuments}, so its text is the same
 * on every run. {@code PolicyModelTest} refuses a hand-built document anywhere else in {@code src/}.
 */
public record PolicyDocument(List<Statement> statements) {

    /** The current policy language version (IAM User Guide, "IAM JSON policy elements: Version"). */
    public static final String LANGUAGE_VERSION = "2012-10-17";
    /** Element names of a document, for code that reads rendered policies. */
    public static final String VERSION = "Version";
    public static final String STATEMENT = "Statement";

    public PolicyDocument {
        statements = List.copyOf(statements);
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a policy document needs at least one statement");
        }
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    public static PolicyDocument of(List<Statement> statements) {
        return new PolicyDocument(statements);
    }

    /** Every action of every statement, in order of appearance. */
    public List<String> actions() {
        List<String> all = new ArrayList<>();
        statements.forEach(s -> all.addAll(s.actions().items()));
        return all;
    }

    /** The document as ordered maps and lists (Version, then Statement). */
    public Map<String, Object> toMap() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(VERSION, LANGUAGE_VERSION);
        doc.put(STATEMENT, statements.stream().map(Statement::toJson).toList());
        return doc;
    }

    /** Pretty JSON: the form of the golden files, and of the EKS component's policies. */
    public String toJson() {
        return JsonDocuments.pretty(toMap());
    }

    /** Compact JSON, one line. */
    public String toCompactJson() {
        return JsonDocuments.compact(toMap());
    }
}
