package com.ultibiker.platform.model;

/**
 * Who runs one audit service (the trail, GuardDuty, Security Hub) for the stack's account. Organisations usually
 * run them centrally (an organisation trail, a delegated GuardDuty and Security Hub administrator), and then this
 * stack must create none: GuardDuty allows one detector per account and region, Security Hub one subscription.
 */
public enum AuditMode implements ConfigEnum {
    /** This stack creates it. */
    STACK("stack"),
    /** The organisation runs it (organisation trail, delegated administrator): this stack creates nothing for it. */
    ORGANIZATION("organization"),
    /** Nobody: nothing is created (refused in production for the trail and GuardDuty). */
    OFF("off");

    private final String configName;

    AuditMode(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    public boolean byStack() {
        return this == STACK;
    }
}
