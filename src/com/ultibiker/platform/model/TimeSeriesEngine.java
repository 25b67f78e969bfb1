package com.ultibiker.platform.model;

/** Where InfluxDB runs. */
public enum TimeSeriesEngine implements ConfigEnum {
    /** InfluxDB OSS as a single-replica StatefulSet on the cluster. */
    KUBERNETES("kubernetes"),
    /** Amazon Timestream for InfluxDB (managed). */
    TIMESTREAM("timestream");

    private final String configName;

    TimeSeriesEngine(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
