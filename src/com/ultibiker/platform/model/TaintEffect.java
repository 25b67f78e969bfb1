package com.ultibiker.platform.model;

/** Kubernetes taint effect; config uses the Kubernetes spelling, EKS wants its own. */
public enum TaintEffect implements ConfigEnum {
    NO_SCHEDULE("NoSchedule"),
    NO_EXECUTE("NoExecute"),
    PREFER_NO_SCHEDULE("PreferNoSchedule");

    private final String configName;

    TaintEffect(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** The value the EKS API expects, e.g. {@code NO_SCHEDULE}. */
    public String eksName() {
        return name();
    }
}
