package com.ultibiker.platform.observability;

/**
 * One CloudWatch alarm on one metric, without the resource it watches (pure, table-tested).
 *
 * @param role               suffix of resource and alarm names, e.g. {@code rds-primary-cpu}
 * @param dimension          the metric's dimension name whose value is the watched resource's id
 * @param statistic          {@code Average}, {@code Sum}, {@code Minimum}, {@code Maximum}
 * @param comparison         a CloudWatch comparison operator
 * @param treatMissingData   {@code missing}, {@code notBreaching}, {@code breaching} or {@code ignore}
 */
public record AlarmSpec(
        String role,
        String description,
        String namespace,
        String metric,
        String dimension,
        String statistic,
        String comparison,
        double threshold,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        String treatMissingData) {

    public AlarmSpec {
        if (datapointsToAlarm > evaluationPeriods || datapointsToAlarm < 1) {
            throw new IllegalArgumentException(role + ": datapointsToAlarm must be within 1.." + evaluationPeriods);
        }
    }
}
