package com.ultibiker.platform.edge;

import com.ultibiker.platform.common.BucketPolicies;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pure builders for the access-log bucket of an Application Load Balancer.
 *
 * <p>Who writes the logs depends on the region. In regions that existed before August 2022 Elastic
 * Load Balancing delivers logs as a regional AWS account of its own (us-east-1: 127311923021,
 * eu-west-1: 156460612806, ...), which the bucket policy must name; the provider's
 * {@code aws.elb.getServiceAccount} knows that account per region. Regions launched since then have
 * no such account and deliver through the service principal
 * {@code logdelivery.elasticloadbalancing.amazonaws.com}. A policy naming the wrong principal makes
 * load balancer creation fail ("Access Denied for bucket"), so the choice is made per region here.
 *
 * <p>Encryption: ALB access logs only support SSE-S3 (AES256) on the target bucket; with a KMS
 * default key the log delivery cannot write, so the bucket uses SSE-S3, not a customer-managed key.
 */
public final class AccessLogPolicies {

    /** The log delivery service principal of regions launched after August 2022. */
    public static final String LOG_DELIVERY_SERVICE = "logdelivery.elasticloadbalancing.amazonaws.com";

    /** Regions that have a regional ELB account for log delivery (AWS ELB user guide, "Access logs"). */
    public static final Set<String> REGIONS_WITH_ELB_ACCOUNT = Set.of(
            "us-east-1", "us-east-2", "us-west-1", "us-west-2", "af-south-1", "ap-east-1", "ap-south-1",
            "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2",
            "ap-southeast-3", "ca-central-1", "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3",
            "eu-south-1", "eu-north-1", "me-south-1", "sa-east-1", "us-gov-west-1", "us-gov-east-1",
            "cn-north-1", "cn-northwest-1");

    /** Object key prefix of the logs inside the bucket. */
    public static final String PREFIX = "alb";

    private AccessLogPolicies() {
    }

    /** Whether log delivery in {@code region} is done by the regional ELB account (else the service principal). */
    public static boolean usesElbAccount(String region) {
        return REGIONS_WITH_ELB_ACCOUNT.contains(region);
    }

    /** The principal that writes the logs: the regional ELB account, or the log delivery service. */
    public static Principal deliveryPrincipal(String region, String elbAccountArn) {
        return usesElbAccount(region) ? Principal.aws(elbAccountArn) : Principal.service(LOG_DELIVERY_SERVICE);
    }

    /**
     * Bucket policy: the log writer may put objects under {@code <prefix>/AWSLogs/<account>/} only, and
     * nobody may use the bucket without TLS.
     */
    public static String bucketPolicy(String partition, String bucket, String accountId, Principal principal) {
        String bucketArn = "arn:" + partition + ":s3:::" + bucket;
        List<Statement> statements = new ArrayList<>(deliveryStatements(bucketArn, accountId, principal));
        statements.add(BucketPolicies.denyInsecureTransport(bucketArn));
        return BucketPolicies.document(statements);
    }

    /** The log writer's statement alone: {@code SecureBucket} adds the TLS-only deny. */
    public static List<Statement> deliveryStatements(String bucketArn, String accountId, Principal principal) {
        return List.of(BucketPolicies.allowPutObject("AllowLoadBalancerLogDelivery", principal,
                bucketArn + "/" + PREFIX + "/AWSLogs/" + accountId + "/*").build());
    }
}
