package com.ultibiker.platform.common;

import java.util.List;

/** Statements every S3 bucket policy of the platform shares (pure). */
public final class BucketPolicies {

    private BucketPolicies() {
    }

    /** Nobody may use the bucket or its objects over plain HTTP. */
    public static Statement denyInsecureTransport(String bucketArn) {
        return Statement.deny()
                .sid("DenyInsecureTransport")
                .principal(Principal.anyone())
                .action("s3:*")
                .resources(bucketArn, bucketArn + "/*")
                .condition("Bool", "aws:SecureTransport", "false")
                .build();
    }

    /** A log-delivery grant: {@code principal} may put objects under {@code objectPattern}. */
    public static Statement.Builder allowPutObject(String sid, Principal principal, String objectPattern) {
        return Statement.allow()
                .sid(sid)
                .principal(principal)
                .action("s3:PutObject")
                .resource(objectPattern);
    }

    /** The bucket policy of {@code statements}, compact. */
    public static String document(List<Statement> statements) {
        return PolicyDocument.of(statements).toCompactJson();
    }
}
