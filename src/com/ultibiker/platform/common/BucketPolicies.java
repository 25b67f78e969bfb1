package com.ultibiker.platform.common;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pieces every S3 bucket policy of the platform shares (pure). */
public final class BucketPolicies {

    private BucketPolicies() {
    }

    /** Nobody may use the bucket or its objects over plain HTTP. */
    public static Map<String, Object> denyInsecureTransport(String bucketArn) {
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("Sid", "DenyInsecureTransport");
        tls.put("Effect", "Deny");
        tls.put("Principal", "*");
        tls.put("Action", "s3:*");
        tls.put("Resource", List.of(bucketArn, bucketArn + "/*"));
        tls.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        return tls;
    }

    /** A log-delivery grant: {@code principal} may put objects under {@code objectPattern}. */
    public static Map<String, Object> allowPutObject(String sid, Map<String, String> principal, String objectPattern) {
        Map<String, Object> deliver = new LinkedHashMap<>();
        deliver.put("Sid", sid);
        deliver.put("Effect", "Allow");
        deliver.put("Principal", principal);
        deliver.put("Action", "s3:PutObject");
        deliver.put("Resource", objectPattern);
        return deliver;
    }

    public static String document(List<Map<String, Object>> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return JsonDocuments.compact(doc);
    }
}
