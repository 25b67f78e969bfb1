package com.ultibiker.platform.timeseries;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of the policy documents of {@link TimeSeries}. */
final class TimeSeriesPolicies {

    private TimeSeriesPolicies() {
    }

    /** Timestream for InfluxDB may write logs for this account only; nothing may use plain HTTP. */
    static String logBucketPolicy(String bucketArn, String accountId) {
        Map<String, Object> deliver = new LinkedHashMap<>();
        deliver.put("Sid", "AllowTimestreamLogDelivery");
        deliver.put("Effect", "Allow");
        deliver.put("Principal", Map.of("Service", "timestream-influxdb.amazonaws.com"));
        deliver.put("Action", "s3:PutObject");
        deliver.put("Resource", bucketArn + "/*");
        deliver.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        Map<String, Object> tls = new LinkedHashMap<>();
        tls.put("Sid", "DenyInsecureTransport");
        tls.put("Effect", "Deny");
        tls.put("Principal", "*");
        tls.put("Action", "s3:*");
        tls.put("Resource", List.of(bucketArn, bucketArn + "/*"));
        tls.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", List.of(deliver, tls));
        return new GsonBuilder().disableHtmlEscaping().create().toJson(doc);
    }
}
