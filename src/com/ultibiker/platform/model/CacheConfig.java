package com.ultibiker.platform.model;

import java.util.Optional;

/**
 * @param maintenanceWindow weekly window (UTC) for engine patches; must not overlap the snapshot window; default sun:05:00-sun:06:00
 * @param standby the cache of the warm-standby region (node type and count), if the stack has one
 */
public record CacheConfig(
        String engineVersion,
        String nodeType,
        int numNodes,
        boolean automaticFailover,
        boolean multiAz,
        int snapshotRetentionDays,
        String snapshotWindow,
        String maintenanceWindow,
        Optional<CacheStandby> standby) {

    /** ElastiCache fails over to a replica: automatic failover, and Multi-AZ with it, needs at least this many nodes. */
    public static final int MIN_NODES_FOR_FAILOVER = 2;

    public record CacheStandby(String nodeType, int numNodes) {
    }

    /**
     * The warm-standby region's cache as a cache of its own: this cache's engine, snapshot and maintenance
     * settings with the standby's node type and count. It fails over automatically (and is Multi-AZ) as
     * this one does, where it has a replica to fail over to: a one-node standby has neither.
     */
    public Optional<CacheConfig> standbyCache() {
        return standby.map(s -> {
            boolean failover = automaticFailover && s.numNodes() >= MIN_NODES_FOR_FAILOVER;
            return new CacheConfig(engineVersion, s.nodeType(), s.numNodes(), failover, failover && multiAz,
                    snapshotRetentionDays, snapshotWindow, maintenanceWindow, Optional.empty());
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CacheConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String engineVersion;
        private String nodeType;
        private Integer numNodes;
        private Boolean automaticFailover;
        private Boolean multiAz;
        private Integer snapshotRetentionDays;
        private String snapshotWindow;
        private String maintenanceWindow;
        private Optional<CacheStandby> standby = Optional.empty();

        private Builder() {
        }

        public Builder engineVersion(String value) { this.engineVersion = value; return this; }
        public Builder nodeType(String value) { this.nodeType = value; return this; }
        public Builder numNodes(int value) { this.numNodes = value; return this; }
        public Builder automaticFailover(boolean value) { this.automaticFailover = value; return this; }
        public Builder multiAz(boolean value) { this.multiAz = value; return this; }
        public Builder snapshotRetentionDays(int value) { this.snapshotRetentionDays = value; return this; }
        public Builder snapshotWindow(String value) { this.snapshotWindow = value; return this; }
        public Builder maintenanceWindow(String value) { this.maintenanceWindow = value; return this; }
        public Builder standby(Optional<CacheStandby> value) { this.standby = value; return this; }
        public Builder standby(CacheStandby value) { this.standby = Optional.of(value); return this; }

        public CacheConfig build() {
            return new CacheConfig(
                    Required.of(engineVersion, "CacheConfig.engineVersion"),
                    Required.of(nodeType, "CacheConfig.nodeType"),
                    Required.of(numNodes, "CacheConfig.numNodes"),
                    Required.of(automaticFailover, "CacheConfig.automaticFailover"),
                    Required.of(multiAz, "CacheConfig.multiAz"),
                    Required.of(snapshotRetentionDays, "CacheConfig.snapshotRetentionDays"),
                    Required.of(snapshotWindow, "CacheConfig.snapshotWindow"),
                    Required.of(maintenanceWindow, "CacheConfig.maintenanceWindow"),
                    standby);
        }
    }
}
