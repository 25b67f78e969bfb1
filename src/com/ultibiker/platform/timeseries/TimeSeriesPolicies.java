package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.common.BucketPolicies;
import com.ultibiker.platform.common.Principal;

import java.util.List;

/** Pure builders of the policy documents of {@link TimeSeries}. */
final class TimeSeriesPolicies {

    private TimeSeriesPolicies() {
    }

    /** Timestream for InfluxDB may write logs for this account only; nothing may use plain HTTP. */
    static String logBucketPolicy(String bucketArn, String accountId) {
        return BucketPolicies.document(List.of(
                BucketPolicies.allowPutObject("AllowTimestreamLogDelivery", Principal.service("timestream-influxdb.amazonaws.com"),
                                bucketArn + "/*")
                        .condition("StringEquals", "aws:SourceAccount", accountId)
                        .build(),
                BucketPolicies.denyInsecureTransport(bucketArn)));
    }
}
