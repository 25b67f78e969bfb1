package com.ultibiker.platform.config;

import java.util.Optional;

/**
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
        Optional<CacheStandby> standby) {

    public record CacheStandby(String nodeType, int numNodes) {
    }
}
