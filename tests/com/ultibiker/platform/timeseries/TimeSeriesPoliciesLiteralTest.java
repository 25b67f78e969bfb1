package com.ultibiker.platform.timeseries;

import org.junit.jupiter.api.Test;

import static com.ultibiker.platform.support.JsonAssertions.assertJson;

/** Timestream for InfluxDB's log bucket policy, literally. */
class TimeSeriesPoliciesLiteralTest {

    @Test
    void timestreamOfThisAccountMayWriteAndNobodyWithoutTls() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AllowTimestreamLogDelivery","Effect":"Allow","Principal":{"Service":"timestream-influxdb.amazonaws.com"},
                  "Action":"s3:PutObject","Resource":"arn:aws:s3:::logs/*","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}},
                 {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
                  "Resource":["arn:aws:s3:::logs","arn:aws:s3:::logs/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""",
                TimeSeriesPolicies.logBucketPolicy("arn:aws:s3:::logs", "123456789012"));
    }
}
