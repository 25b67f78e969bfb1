package com.ultibiker.platform.timeseries;

import org.junit.jupiter.api.Test;

import static com.ultibiker.platform.support.JsonAssertions.assertJson;

/** The export job's role policy, literally: write under its prefix, the bucket key through S3, one metric namespace. */
class TimeSeriesExportPoliciesLiteralTest {

    @Test
    void writesExportsUnderItsPrefixOnlyAndReadsNothing() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"WriteExports","Effect":"Allow","Action":["s3:PutObject","s3:AbortMultipartUpload"],
                  "Resource":"arn:aws:s3:::exports/influxdb/*"},
                 {"Sid":"EncryptExportsThroughS3","Effect":"Allow","Action":["kms:GenerateDataKey","kms:Decrypt"],
                  "Resource":"arn:aws:kms:eu-west-1:123456789012:key/k",
                  "Condition":{"StringEquals":{"kms:ViaService":"s3.eu-west-1.amazonaws.com"}}},
                 {"Sid":"PublishExportMetric","Effect":"Allow","Action":"cloudwatch:PutMetricData","Resource":"*",
                  "Condition":{"StringEquals":{"cloudwatch:namespace":"UltiBiker/TimeSeriesExport"}}}]}""",
                TimeSeriesExportPolicies.uploadPolicy("arn:aws:s3:::exports", "influxdb", "arn:aws:kms:eu-west-1:123456789012:key/k",
                        "eu-west-1", "UltiBiker/TimeSeriesExport"));
    }

    @Test
    void theRestoreReadsExportsUnderThePrefixOnlyAndWritesNothing() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"ListExports","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::exports",
                  "Condition":{"StringLike":{"s3:prefix":"influxdb/*"}}},
                 {"Sid":"ReadExports","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::exports/influxdb/*"},
                 {"Sid":"DecryptExportsThroughS3","Effect":"Allow","Action":"kms:Decrypt",
                  "Resource":"arn:aws:kms:eu-west-1:123456789012:key/k",
                  "Condition":{"StringEquals":{"kms:ViaService":"s3.eu-west-1.amazonaws.com"}}}]}""",
                TimeSeriesExportPolicies.downloadPolicy("arn:aws:s3:::exports", "influxdb", "arn:aws:kms:eu-west-1:123456789012:key/k",
                        "eu-west-1"));
    }
}
