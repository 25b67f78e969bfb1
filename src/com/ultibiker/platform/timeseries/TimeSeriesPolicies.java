package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.common.BucketPolicies;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of the policy documents of {@link TimeSeries}. */
final class TimeSeriesPolicies {

    private TimeSeriesPolicies() {
    }

    /** Timestream for InfluxDB may write logs for this account only; nothing may use plain HTTP. */
    static String logBucketPolicy(String bucketArn, String accountId) {
        Map<String, Object> deliver = new LinkedHashMap<>(BucketPolicies.allowPutObject("AllowTimestreamLogDelivery",
                Map.of("Service", "timestream-influxdb.amazonaws.com"), bucketArn + "/*"));
        deliver.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        return BucketPolicies.document(List.of(deliver, BucketPolicies.denyInsecureTransport(bucketArn)));
    }
}
