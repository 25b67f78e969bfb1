package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.common.BucketPolicies;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.ArrayList;
import java.util.List;

/** Pure builders of the policy documents of {@link TimeSeries}. */
final class TimeSeriesPolicies {

    private TimeSeriesPolicies() {
    }

    /** Timestream for InfluxDB may write logs for this account only; nothing may use plain HTTP. */
    static String logBucketPolicy(String bucketArn, String accountId) {
        List<Statement> statements = new ArrayList<>(logDeliveryStatements(bucketArn, accountId));
        statements.add(BucketPolicies.denyInsecureTransport(bucketArn));
        return BucketPolicies.document(statements);
    }

    /** Timestream's statement alone: {@code SecureBucket} adds the TLS-only deny. */
    static List<Statement> logDeliveryStatements(String bucketArn, String accountId) {
        return List.of(BucketPolicies.allowPutObject("AllowTimestreamLogDelivery", Principal.service("timestream-influxdb.amazonaws.com"),
                        bucketArn + "/*")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build());
    }
}
