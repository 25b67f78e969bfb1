package com.ultibiker.platform.observability;

import com.ultibiker.platform.model.Required;

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

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AlarmSpec} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String role;
        private String description;
        private String namespace;
        private String metric;
        private String dimension;
        private String statistic;
        private String comparison;
        private Double threshold;
        private Integer periodSeconds;
        private Integer evaluationPeriods;
        private Integer datapointsToAlarm;
        private String treatMissingData;

        private Builder() {
        }

        public Builder role(String value) { this.role = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder namespace(String value) { this.namespace = value; return this; }
        public Builder metric(String value) { this.metric = value; return this; }
        public Builder dimension(String value) { this.dimension = value; return this; }
        public Builder statistic(String value) { this.statistic = value; return this; }
        public Builder comparison(String value) { this.comparison = value; return this; }
        public Builder threshold(double value) { this.threshold = value; return this; }
        public Builder periodSeconds(int value) { this.periodSeconds = value; return this; }
        public Builder evaluationPeriods(int value) { this.evaluationPeriods = value; return this; }
        public Builder datapointsToAlarm(int value) { this.datapointsToAlarm = value; return this; }
        public Builder treatMissingData(String value) { this.treatMissingData = value; return this; }

        public AlarmSpec build() {
            return new AlarmSpec(
                    Required.of(role, "AlarmSpec.role"),
                    Required.of(description, "AlarmSpec.description"),
                    Required.of(namespace, "AlarmSpec.namespace"),
                    Required.of(metric, "AlarmSpec.metric"),
                    Required.of(dimension, "AlarmSpec.dimension"),
                    Required.of(statistic, "AlarmSpec.statistic"),
                    Required.of(comparison, "AlarmSpec.comparison"),
                    Required.of(threshold, "AlarmSpec.threshold"),
                    Required.of(periodSeconds, "AlarmSpec.periodSeconds"),
                    Required.of(evaluationPeriods, "AlarmSpec.evaluationPeriods"),
                    Required.of(datapointsToAlarm, "AlarmSpec.datapointsToAlarm"),
                    Required.of(treatMissingData, "AlarmSpec.treatMissingData"));
        }
    }
}
