package com.ultibiker.platform.model;

/** EC2 purchase option of a node pool, spelled as EKS spells it. */
public enum CapacityType implements ConfigEnum {
    ON_DEMAND, SPOT;

    @Override
    public String configName() {
        return name();
    }
}
