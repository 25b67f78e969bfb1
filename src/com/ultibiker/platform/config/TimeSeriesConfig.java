package com.ultibiker.platform.config;

public record TimeSeriesConfig(
        TimeSeriesEngine engine,
        String version,
        String organization,
        String bucket,
        int retentionDays,
        int storageGib,
        String instanceClass,
        boolean multiAz) {
}
