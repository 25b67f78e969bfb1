package com.ultibiker.platform.common;

import java.util.regex.Pattern;

/**
 * The S3 general purpose bucket naming rules (pure), as S3 (CreateBucket, "Bucket naming rules") and the
 * provider ({@code internal/service/s3/bucket.go validBucketName}) apply them: 3-63 characters, lowercase
 * letters, digits, hyphens and dots, beginning and ending with a letter or digit, no {@code ..}, not an IP
 * address, none of the reserved prefixes {@code xn--}, {@code sthree-}, {@code amzn-s3-demo-} and suffixes
 * {@code -s3alias}, {@code --ol-s3}, {@code .mrap}, {@code --x-s3}. This program also refuses dots: a dotted
 * name breaks the TLS certificate of virtual-hosted-style HTTPS ({@code *.s3.amazonaws.com}). A bucket's
 * name is ForceNew: a rename is a new, empty bucket.
 */
public final class BucketNames {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private BucketNames() {
    }

    /** Why {@code bucket} is not a valid name, or {@code null} when it is. */
    public static String problem(String bucket) {
        if (bucket.length() < 3 || bucket.length() > 63) {
            return "must be 3-63 characters, is " + bucket.length();
        }
        if (!NAME.matcher(bucket).matches()) {
            return "must be lowercase letters, digits and hyphens, beginning and ending with a letter or digit";
        }
        for (String prefix : new String[] {"xn--", "sthree-", "amzn-s3-demo-"}) {
            if (bucket.startsWith(prefix)) {
                return "must not begin with the reserved prefix " + prefix;
            }
        }
        for (String suffix : new String[] {"-s3alias", "--ol-s3", "--x-s3", "--table-s3"}) {
            if (bucket.endsWith(suffix)) {
                return "must not end with the reserved suffix " + suffix;
            }
        }
        return null;
    }

    /** {@code bucket} if valid, else an error naming the resource, the name and the rule. */
    public static String requireValid(String bucket, String resourceName) {
        String problem = problem(bucket);
        if (problem != null) {
            throw new IllegalArgumentException("bucket " + resourceName + ": name " + bucket + " " + problem);
        }
        return bucket;
    }
}
