package com.ultibiker.platform.model;

/** How many NAT gateways a VPC gets. */
public enum NatMode implements ConfigEnum {
    /** One NAT gateway shared by every AZ: cheaper, one AZ's outage cuts egress for all. */
    SINGLE("single"),
    /** One NAT gateway per AZ: egress survives the loss of an AZ. */
    PER_AZ("perAz");

    private final String configName;

    NatMode(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
