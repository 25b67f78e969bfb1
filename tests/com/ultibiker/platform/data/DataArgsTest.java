package com.ultibiker.platform.data;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The identifier rules the Args records enforce before any resource exists. */
class DataArgsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ultibiker-prod-postgres", "a", "db1"})
    void validRdsIdentifiers(String id) {
        assertEquals(true, DatabaseArgs.IDENTIFIER.matcher(id).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1db", "Ultibiker", "ends-", "double--hyphen", "under_score"})
    void invalidRdsIdentifiers(String id) {
        assertEquals(false, DatabaseArgs.IDENTIFIER.matcher(id).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ultibiker-prod-redis", "r"})
    void validReplicationGroupIds(String id) {
        assertEquals(true, CacheArgs.ID.matcher(id).matches());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ultibiker-production-redis-cluster-x", "-redis", "redis-", "Redis"})
    void invalidReplicationGroupIds(String id) {
        assertEquals(false, CacheArgs.ID.matcher(id).matches());
    }
}
