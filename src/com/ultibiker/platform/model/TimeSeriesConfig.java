package com.ultibiker.platform.model;

import java.util.Optional;

/**
 * InfluxDB for sensor data.
 *
 * @param engine        {@code kubernetes} (on the cluster) or {@code timestream} (managed); default timestream
 * @param version       InfluxDB version, 2.7 or 2.7.x (default 2.7; the image tag on the cluster)
 * @param organization  initial organisation (default ultibiker)
 * @param bucket        initial bucket (default sensor-data)
 * @param retentionDays retention of the bucket on the cluster engine (default 30)
 * @param storageGib    data volume (cluster) or allocated storage (Timestream, at least 20); default 20
 * @param instanceClass Timestream instance class (default db.influx.medium)
 * @param multiAz       Timestream standby in a second AZ (default true)
 * @param nodePool      node pool the cluster engine runs on (default analytics when the stack has it; a configured pool must exist and have labels; empty: no pool preference)
 * @param exportIntervalMinutes how often the export job copies the store to the export bucket (default 60)
 * @param exportTimeoutMinutes  how long one export may take before it is killed and counted as failed; below the
 *                              interval (default 20)
 * @param exportRetentionDays   how long an export is kept in its bucket (default 3)
 */
public record TimeSeriesConfig(
        TimeSeriesEngine engine,
        String version,
        String organization,
        String bucket,
        int retentionDays,
        int storageGib,
        String instanceClass,
        boolean multiAz,
        java.util.Optional<String> nodePool,
        int exportIntervalMinutes,
        int exportTimeoutMinutes,
        int exportRetentionDays) {
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TimeSeriesConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private TimeSeriesEngine engine;
        private String version;
        private String organization;
        private String bucket;
        private Integer retentionDays;
        private Integer storageGib;
        private String instanceClass;
        private Boolean multiAz;
        private Optional<String> nodePool = Optional.empty();
        private Integer exportIntervalMinutes;
        private Integer exportTimeoutMinutes;
        private Integer exportRetentionDays;

        private Builder() {
        }

        public Builder engine(TimeSeriesEngine value) { this.engine = value; return this; }
        public Builder version(String value) { this.version = value; return this; }
        public Builder organization(String value) { this.organization = value; return this; }
        public Builder bucket(String value) { this.bucket = value; return this; }
        public Builder retentionDays(int value) { this.retentionDays = value; return this; }
        public Builder storageGib(int value) { this.storageGib = value; return this; }
        public Builder instanceClass(String value) { this.instanceClass = value; return this; }
        public Builder multiAz(boolean value) { this.multiAz = value; return this; }
        public Builder nodePool(Optional<String> value) { this.nodePool = value; return this; }
        public Builder nodePool(String value) { this.nodePool = Optional.of(value); return this; }
        public Builder exportIntervalMinutes(int value) { this.exportIntervalMinutes = value; return this; }
        public Builder exportTimeoutMinutes(int value) { this.exportTimeoutMinutes = value; return this; }
        public Builder exportRetentionDays(int value) { this.exportRetentionDays = value; return this; }

        public TimeSeriesConfig build() {
            return new TimeSeriesConfig(
                    Required.of(engine, "TimeSeriesConfig.engine"),
                    Required.of(version, "TimeSeriesConfig.version"),
                    Required.of(organization, "TimeSeriesConfig.organization"),
                    Required.of(bucket, "TimeSeriesConfig.bucket"),
                    Required.of(retentionDays, "TimeSeriesConfig.retentionDays"),
                    Required.of(storageGib, "TimeSeriesConfig.storageGib"),
                    Required.of(instanceClass, "TimeSeriesConfig.instanceClass"),
                    Required.of(multiAz, "TimeSeriesConfig.multiAz"),
                    nodePool,
                    Required.of(exportIntervalMinutes, "TimeSeriesConfig.exportIntervalMinutes"),
                    Required.of(exportTimeoutMinutes, "TimeSeriesConfig.exportTimeoutMinutes"),
                    Required.of(exportRetentionDays, "TimeSeriesConfig.exportRetentionDays"));
        }
    }
}
