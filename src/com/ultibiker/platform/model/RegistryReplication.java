package com.ultibiker.platform.model;

/**
 * Who writes the ECR registry's replication configuration. ECR has one per registry (account and region):
 * PutReplicationConfiguration replaces it whole, so two stacks of one account that both wrote it would undo
 * each other on every {@code up}. Exactly one stack of an account may be {@link #MANAGED}.
 */
public enum RegistryReplication implements ConfigEnum {
    /** This stack owns the primary region's registry replication configuration (its repositories to the secondary). */
    MANAGED("managed"),
    /** This stack writes none: no secondary region, or another stack of the account owns it (its rule must cover ours). */
    NONE("none");

    private final String configName;

    RegistryReplication(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
