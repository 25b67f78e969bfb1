package com.ultibiker.platform.edge;

import com.ultibiker.platform.common.Principal;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.ultibiker.platform.support.JsonAssertions.assertJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may write ALB access logs, per region (ELB user guide, "Enable access logs"). */
class AccessLogPoliciesLiteralTest {

    @Test
    void oldRegionsUseTheirElbAccountNewOnesTheServicePrincipal() {
        assertTrue(AccessLogPolicies.usesElbAccount("eu-west-1"));
        assertFalse(AccessLogPolicies.usesElbAccount("ap-southeast-5"));
        assertEquals(Principal.aws("arn:aws:iam::156460612806:root"),
                AccessLogPolicies.deliveryPrincipal("eu-west-1", "arn:aws:iam::156460612806:root"));
        assertEquals(Principal.service("logdelivery.elasticloadbalancing.amazonaws.com"),
                AccessLogPolicies.deliveryPrincipal("ap-southeast-5", "ignored"));
    }

    @Test
    void theWriterMayPutUnderThePrefixOnlyAndNobodyWithoutTls() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AllowLoadBalancerLogDelivery","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::127311923021:root"},
                  "Action":"s3:PutObject","Resource":"arn:aws:s3:::logs-bucket/alb/AWSLogs/123456789012/*"},
                 {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                  "Resource":["arn:aws:s3:::logs-bucket","arn:aws:s3:::logs-bucket/*"],
                  "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""",
                AccessLogPolicies.bucketPolicy("aws", "logs-bucket", "123456789012", Principal.aws("arn:aws:iam::127311923021:root")));
    }
}
