package com.ultibiker.platform.model;

/**
 * GuardDuty's severity levels and the lowest value of each (GuardDuty User Guide, "Severity levels of GuardDuty
 * findings": Low 1.0-3.9, Medium 4.0-6.9, High 7.0-8.9, Critical 9.0-10.0). A finding's {@code detail.severity}
 * is that number; the findings rule matches {@code >= minimum()}.
 */
public enum FindingSeverity implements ConfigEnum {
    LOW("LOW", 1.0),
    MEDIUM("MEDIUM", 4.0),
    HIGH("HIGH", 7.0),
    CRITICAL("CRITICAL", 9.0);

    private final String configName;
    private final double minimum;

    FindingSeverity(String configName, double minimum) {
        this.configName = configName;
        this.minimum = minimum;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** The lowest {@code detail.severity} of this level. */
    public double minimum() {
        return minimum;
    }
}
