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

    public record CacheStandby(String nodeType, int numNodes) {
    }
}
