package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Statement;

/** Pure builders of the policy documents of {@link TimeSeriesExport}. */
final class TimeSeriesExportPolicies {

    private TimeSeriesExportPolicies() {
    }

    /**
     * What the export job may do, and nothing else: write objects under its prefix of the export bucket (and abort
     * its own failed multipart uploads there), use the bucket's key through S3 for that, and publish its success
     * metric in its own namespace.
     *
     * <ul>
     *   <li>{@code s3:PutObject} covers CreateMultipartUpload, UploadPart and CompleteMultipartUpload; the AWS CLI
     *   uploads files above 8 MB in parts (S3 User Guide, "Multipart upload API and permissions").</li>
     *   <li>SSE-KMS uploads need {@code kms:GenerateDataKey}, multipart ones {@code kms:Decrypt} too (same page);
     *   only through S3 in the bucket's region ({@code kms:ViaService}).</li>
     *   <li>{@code cloudwatch:PutMetricData} has no resource ARN; {@code cloudwatch:namespace} limits it to one
     *   namespace (CloudWatch User Guide, "Using condition keys to limit access to CloudWatch namespaces").</li>
     * </ul>
     * No read, list or delete: a compromised job can add exports but never read or remove the copies.
     */
    static String uploadPolicy(String bucketArn, String prefix, String keyArn, String bucketRegion, String metricNamespace) {
        return PolicyDocument.of(
                Statement.allow()
                        .sid("WriteExports")
                        .actions("s3:PutObject", "s3:AbortMultipartUpload")
                        .resource(bucketArn + "/" + prefix + "/*")
                        .build(),
                Statement.allow()
                        .sid("EncryptExportsThroughS3")
                        .actions("kms:GenerateDataKey", "kms:Decrypt")
                        .resource(keyArn)
                        .condition("StringEquals", "kms:ViaService", "s3." + bucketRegion + ".amazonaws.com")
                        .build(),
                Statement.allow()
                        .sid("PublishExportMetric")
                        .action("cloudwatch:PutMetricData")
                        .resource("*")
                        .condition("StringEquals", "cloudwatch:namespace", metricNamespace)
                        .build()).toCompactJson();
    }

    /**
     * What the restore job on the standby cluster may do: list the exports under the prefix, read them, and decrypt
     * them through S3. No write: a restore never changes the copies.
     */
    static String downloadPolicy(String bucketArn, String prefix, String keyArn, String bucketRegion) {
        return PolicyDocument.of(
                Statement.allow()
                        .sid("ListExports")
                        .action("s3:ListBucket")
                        .resource(bucketArn)
                        .condition("StringLike", "s3:prefix", prefix + "/*")
                        .build(),
                Statement.allow()
                        .sid("ReadExports")
                        .action("s3:GetObject")
                        .resource(bucketArn + "/" + prefix + "/*")
                        .build(),
                Statement.allow()
                        .sid("DecryptExportsThroughS3")
                        .action("kms:Decrypt")
                        .resource(keyArn)
                        .condition("StringEquals", "kms:ViaService", "s3." + bucketRegion + ".amazonaws.com")
                        .build()).toCompactJson();
    }
}
