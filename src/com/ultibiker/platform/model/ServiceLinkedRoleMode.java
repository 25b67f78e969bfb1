package com.ultibiker.platform.model;

/**
 * Who provides the account's EC2 Auto Scaling service-linked role ({@code AWSServiceRoleForAutoScaling}),
 * which the EBS key's policy names. IAM has one per account, so only one stack of an account creates it.
 */
public enum ServiceLinkedRoleMode implements ConfigEnum {
    /** This stack creates it (a fresh account); it is kept when the stack is destroyed. */
    CREATE("create"),
    /** The account already has it (another stack, or any earlier Auto Scaling group): read, never created. */
    EXISTING("existing");

    private final String configName;

    ServiceLinkedRoleMode(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
