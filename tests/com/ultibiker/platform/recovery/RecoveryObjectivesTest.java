package com.ultibiker.platform.recovery;

import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recovery objectives per data store, computed from config and exported as stack outputs. */
class RecoveryObjectivesTest {

    private static StackConfig prodWith(Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.putAll(overrides);
        return StackConfigParser.parse("ultibiker-platform", raw);
    }

    private static StackConfig prod() {
        return prodWith(Map.of());
    }

    @Test
    void dnsAloneFailsOverIn150SecondsButWritesNeedThePromotion() {
        var o = RecoveryObjectives.from(prod());
        assertEquals(90, o.detectionSeconds());
        assertEquals(60, o.cachedAnswerSeconds());
        assertEquals(150, o.failoverSeconds());
        assertTrue(o.dnsRtoMet());
        StoreObjective pg = o.stores().get(0);
        assertEquals("postgresql", pg.store());
        assertEquals(OptionalInt.of(90 + 60 + 240 + 60), pg.rtoSeconds(), "detection + decision + promotion + cut-over");
        assertEquals(OptionalInt.of(30), pg.rpoSeconds(), "the replica lag alarm");
        assertFalse(pg.rtoMet(300), "450 s of a manual promotion exceed the 5-minute RTO");
        assertTrue(pg.rpoMet(60));
    }

    @Test
    void prodNamesTheStoresThatMissEachTarget() {
        var o = RecoveryObjectives.from(prod());
        assertEquals(List.of("postgresql", "timeseries"), o.rtoUnmetBy());
        assertEquals(List.of("timeseries", "buckets"), o.rpoUnmetBy(), "S3 Replication gives no bound below a minute");
        assertFalse(o.rtoMet());
        assertFalse(o.rpoMet());
    }

    @Test
    void redisIsACacheExemptFromTheRpoAndServesAsSoonAsDnsMoves() {
        StoreObjective redis = RecoveryObjectives.from(prod()).stores().get(1);
        assertEquals("redis", redis.store());
        assertFalse(redis.holdsData());
        assertTrue(redis.rpoMet(1), "nothing to lose");
        assertEquals(OptionalInt.of(150), redis.rtoSeconds());
        assertTrue(redis.note().startsWith("a cache: "), redis.note());
        StoreObjective withoutStandbyCache = RecoveryObjectives.from(prodWith(Map.of("cache",
                "{\"nodeType\":\"cache.r7g.large\",\"numNodes\":3,\"automaticFailover\":true,\"multiAz\":true}"))).stores().get(1);
        assertEquals(OptionalInt.empty(), withoutStandbyCache.rtoSeconds());
        assertFalse(withoutStandbyCache.rtoMet(300), "no cache in the standby region");
    }

    /**
     * Timestream for InfluxDB has no cross-region copy of its own: the export job's copy in eu-west-1 bounds the
     * loss at interval 3600 + start deadline 60 + timeout 1200 s; the restore into a new instance there takes
     * detection 90 + decision 60 + instance creation 1200 + 30 s/GiB x 100 GiB + repointing 60 s.
     */
    @Test
    void timestreamIsCopiedToTheStandbyRegionByTheExport() {
        StoreObjective ts = RecoveryObjectives.from(prod()).stores().get(2);
        assertEquals("timeseries", ts.store());
        assertTrue(ts.holdsData());
        assertEquals(OptionalInt.of(4860), ts.rpoSeconds());
        assertEquals(OptionalInt.of(4410), ts.rtoSeconds());
        assertFalse(ts.rpoMet(60), "an hourly export cannot meet a one-minute RPO");
        assertFalse(ts.rtoMet(300));
        assertTrue(ts.mechanism().contains("to a bucket in eu-west-1"), ts.mechanism());
    }

    @Test
    void theInClusterEngineIsCopiedByTheSameExport() {
        StoreObjective ts = RecoveryObjectives.from(prodWith(Map.of("timeseries",
                "{\"engine\":\"kubernetes\",\"storageGib\":50,\"exportIntervalMinutes\":15,\"exportTimeoutMinutes\":10}")))
                .stores().get(2);
        assertEquals(OptionalInt.of(900 + 60 + 600), ts.rpoSeconds());
        assertEquals(OptionalInt.of(90 + 60 + 1200 + 30 * 50 + 60), ts.rtoSeconds());
        assertTrue(ts.mechanism().startsWith("influx backup of the whole store (InfluxDB on the cluster) every 15 min"), ts.mechanism());
    }

    @Test
    void aOneRegionStackHasNoCopyOutsideItsRegion() {
        var dev = RecoveryObjectives.from(StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("dev").projectConfig()));
        StoreObjective ts = dev.stores().get(2);
        assertEquals(OptionalInt.empty(), ts.rpoSeconds());
        assertTrue(ts.mechanism().endsWith("to a bucket in us-east-1; no copy outside us-east-1"), ts.mechanism());
    }

    /** Assets fail over per request inside CloudFront: RTO 0 for reads with the replica, none without it. */
    @Test
    void assetsRecoverAtOnceThroughTheReplicaAndNotWithoutOne() {
        var prod = RecoveryObjectives.from(StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("prod").projectConfig()));
        StoreObjective assets = prod.stores().stream().filter(s -> s.store().equals("assets")).findFirst().orElseThrow();
        assertEquals(OptionalInt.of(0), assets.rtoSeconds());
        assertTrue(assets.rtoMet(300));
        assertFalse(assets.holdsData(), "reproducible content the pipeline publishes");
        assertTrue(assets.mechanism().contains("replica in eu-west-1"), assets.mechanism());
        var dev = RecoveryObjectives.from(StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("dev").projectConfig()));
        assertEquals(OptionalInt.empty(), dev.stores().stream().filter(s -> s.store().equals("assets")).findFirst().orElseThrow().rtoSeconds());
    }

    @Test
    void withoutAStandbyEveryStoreIsUnmet() {
        var dev = RecoveryObjectives.from(StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("dev").projectConfig()));
        assertFalse(dev.standby());
        assertFalse(dev.rtoMet());
        assertFalse(dev.rpoMet());
        assertEquals(List.of("postgresql", "redis", "timeseries", "buckets", "assets"), dev.rtoUnmetBy());
        assertEquals(List.of("postgresql", "timeseries", "buckets"), dev.rpoUnmetBy(), "the stores that hold data");
    }

    /** Boundaries: a recovery exactly at the RTO meets it; data loss exactly at the RPO does not (it must be less). */
    @Test
    void objectivesAtTheirBoundaries() {
        StoreObjective atRto = new StoreObjective("s", "m", true, OptionalInt.of(59), OptionalInt.of(300), "n");
        assertTrue(atRto.rtoMet(300));
        assertFalse(atRto.rtoMet(299));
        assertTrue(atRto.rpoMet(60));
        assertFalse(atRto.rpoMet(59));
        StoreObjective cache = new StoreObjective("c", "m", false, OptionalInt.empty(), OptionalInt.empty(), "n");
        assertTrue(cache.rpoMet(60));
        assertFalse(cache.rtoMet(300), "no RTO: not met");
    }

    @Test
    void everyStoreIsAStackOutputAndTheTopLevelFlagsFollowThem() {
        Map<String, Object> outputs = StackPlans.prod().outputs();
        assertEquals(false, outputs.get("recovery.rtoMet"));
        assertEquals(List.of("postgresql", "timeseries"), outputs.get("recovery.rtoUnmetBy"));
        assertEquals(false, outputs.get("recovery.rpoMet"));
        assertEquals(List.of("timeseries", "buckets"), outputs.get("recovery.rpoUnmetBy"));
        assertEquals(900.0, ((Number) outputs.get("recovery.buckets.rpoSeconds")).doubleValue(), "S3 Replication: 15 minutes with RTC");
        assertEquals(150.0, ((Number) outputs.get("recovery.buckets.rtoSeconds")).doubleValue(), "the replica serves after the DNS failover");
        assertEquals(true, outputs.get("recovery.dnsRtoMet"));
        assertEquals(450.0, ((Number) outputs.get("recovery.postgresql.rtoSeconds")).doubleValue());
        assertEquals(30.0, ((Number) outputs.get("recovery.postgresql.rpoSeconds")).doubleValue());
        assertEquals("not applicable", outputs.get("recovery.redis.rpoSeconds"));
        assertEquals(4860.0, ((Number) outputs.get("recovery.timeseries.rpoSeconds")).doubleValue(), "the export's bound");
        assertEquals(4410.0, ((Number) outputs.get("recovery.timeseries.rtoSeconds")).doubleValue());
        for (String store : List.of("postgresql", "redis", "timeseries", "buckets")) {
            for (String key : List.of("mechanism", "holdsData", "rpoSeconds", "rtoSeconds", "rpoMet", "rtoMet", "note")) {
                assertTrue(outputs.containsKey("recovery." + store + "." + key), "recovery." + store + "." + key);
            }
        }
        assertEquals(false, StackPlans.dev().outputs().get("recovery.standby"));
    }
}
