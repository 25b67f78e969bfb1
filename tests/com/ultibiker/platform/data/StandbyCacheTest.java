package com.ultibiker.platform.data;

import com.ultibiker.platform.model.CacheConfig;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The warm standby's cache is derived from the primary's in one place, the config model
 * ({@code CacheConfig.standbyCache}): the primary's engine and windows, the standby's size, and automatic
 * failover / Multi-AZ only where a replica exists to fail over to (ElastiCache refuses automatic failover
 * on a one-node group: {@code CacheArgs} and terraform-provider-aws {@code automatic_failover_enabled}).
 */
class StandbyCacheTest {

    private static CacheConfig primary(boolean failover, boolean multiAz, Optional<CacheConfig.CacheStandby> standby) {
        return new CacheConfig("7.1", "cache.r7g.large", 3, failover, multiAz, 7, "03:00-05:00", "sun:05:00-sun:06:00", standby);
    }

    @Test
    void aStandbyWithAReplicaFailsOverAsThePrimaryDoes() {
        var standby = primary(true, true, Optional.of(new CacheConfig.CacheStandby("cache.r7g.medium", 2))).standbyCache().orElseThrow();
        assertEquals(new CacheConfig("7.1", "cache.r7g.medium", 2, true, true, 7, "03:00-05:00", "sun:05:00-sun:06:00",
                Optional.empty()), standby);
    }

    @Test
    void aOneNodeStandbyHasNeitherFailoverNorMultiAz() {
        var standby = primary(true, true, Optional.of(new CacheConfig.CacheStandby("cache.t4g.small", 1))).standbyCache().orElseThrow();
        assertEquals(false, standby.automaticFailover());
        assertEquals(false, standby.multiAz());
        assertEquals(1, standby.numNodes());
        assertEquals("cache.t4g.small", standby.nodeType());
    }

    @Test
    void multiAzFollowsThePrimaryAndNeedsFailover() {
        var noMultiAz = primary(true, false, Optional.of(new CacheConfig.CacheStandby("cache.r7g.large", 2))).standbyCache().orElseThrow();
        assertEquals(true, noMultiAz.automaticFailover());
        assertEquals(false, noMultiAz.multiAz());
        var noFailover = primary(false, false, Optional.of(new CacheConfig.CacheStandby("cache.r7g.large", 3))).standbyCache().orElseThrow();
        assertEquals(false, noFailover.automaticFailover());
        assertEquals(false, noFailover.multiAz());
    }

    @Test
    void noStandbyConfiguredNoStandbyCache() {
        assertEquals(Optional.empty(), primary(true, true, Optional.empty()).standbyCache());
    }

    @Test
    void everyStandbyIsAValidCacheOfItsOwn() {
        for (int nodes = 1; nodes <= 6; nodes++) {
            var standby = primary(true, true, Optional.of(new CacheConfig.CacheStandby("cache.r7g.large", nodes))).standbyCache().orElseThrow();
            assertEquals(nodes >= 2, standby.automaticFailover(), nodes + " nodes");
            assertEquals(CacheSettings.failoverPossible(nodes), standby.automaticFailover(), nodes + " nodes");
        }
    }

    @Test
    void databaseNameIsAnSqlIdentifierFromTheProject() {
        assertEquals("ultibiker_platform", DatabaseSettings.databaseName("ultibiker-platform"));
        assertEquals("db_9lives", DatabaseSettings.databaseName("9lives"));
        assertEquals("db_", DatabaseSettings.databaseName(""));
        assertEquals("Shop_2", DatabaseSettings.databaseName("Shop.2"));
    }
}
