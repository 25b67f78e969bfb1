package com.ultibiker.platform.model;

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
        java.util.Optional<String> nodePool) {
}
