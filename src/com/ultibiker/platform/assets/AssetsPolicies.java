package com.ultibiker.platform.assets;

import com.ultibiker.platform.common.BucketPolicies;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.List;

/** The resource policies of the assets buckets and of their log bucket (pure). */
public final class AssetsPolicies {

    /** CloudWatch Logs' vended-log delivery, which writes CloudFront's standard logs (v2). */
    public static final String LOG_DELIVERY_SERVICE = "delivery.logs.amazonaws.com";

    private AssetsPolicies() {
    }

    /**
     * CloudFront may read the bucket's objects, for this distribution only: {@code s3:GetObject} to the
     * {@code cloudfront.amazonaws.com} service principal with {@code AWS:SourceArn} the distribution's ARN (CloudFront
     * Developer Guide, "Restrict access to an Amazon S3 origin", the OAC bucket policy). Nothing lists the bucket,
     * so a missing key answers 403, which the origin group fails over on.
     */
    public static Statement cloudFrontRead(String bucketArn, String distributionArn) {
        return Statement.allow()
                .sid("AllowCloudFrontServicePrincipalReadOnly")
                .principal(Principal.service(CloudFrontSettings.SERVICE))
                .action("s3:GetObject")
                .resource(bucketArn + "/*")
                .condition("StringEquals", "AWS:SourceArn", distributionArn)
                .build();
    }

    /**
     * The assets key lets CloudFront decrypt objects it reads for this distribution only (the key-policy statement
     * of CloudFront Developer Guide, "Restrict access to an Amazon S3 origin", for SSE-KMS; reading needs only
     * {@code kms:Decrypt}).
     */
    public static KeyPolicies.ServiceGrant cloudFrontDecrypt(String distributionArn) {
        return new KeyPolicies.ServiceGrant(Statement.allow()
                .sid("AllowCloudFrontToDecryptForTheDistribution")
                .principal(Principal.service(CloudFrontSettings.SERVICE))
                .action("kms:Decrypt")
                .resource("*")
                .condition("StringEquals", "AWS:SourceArn", distributionArn)
                .build());
    }

    /**
     * The log bucket's statements for CloudFront standard logging v2 to S3 (CloudWatch Logs User Guide, "Logs sent
     * to Amazon S3" under "Logging that requires additional permissions [V2]"): log delivery may put objects, with
     * the bucket owner in full control, for this account's delivery sources in {@code sourceRegion} only.
     */
    public static List<Statement> logDelivery(String partition, String bucketArn, String accountId, String sourceRegion) {
        String sources = "arn:" + partition + ":logs:" + sourceRegion + ":" + accountId + ":delivery-source:*";
        return List.of(BucketPolicies.allowPutObject("AWSLogDeliveryWrite", Principal.service(LOG_DELIVERY_SERVICE), bucketArn + "/*")
                .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition("ArnLike", "aws:SourceArn", sources)
                .build());
    }
}
