package com.ultibiker.platform.data;

import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one protection helper decides, per environment, how the data stores survive a delete. */
class DataProtectionTest {

    @Test
    void finalSnapshotsAreNamedStablyAndOnlyInProduction() {
        assertEquals(Optional.of("ultibiker-prod-redis-final"), new StatefulProtection(true).finalSnapshot("ultibiker-prod-redis"));
        assertEquals(Optional.empty(), new StatefulProtection(false).finalSnapshot("ultibiker-dev-redis"));
    }

    @Test
    void everyProdDataStoreAndItsKeysAreProtectedAndNothingInDevIs() {
        Plan prod = StackPlans.prod();
        List<PlanResource> stores = prod.where(r -> r.type().equals(DataPlans.INSTANCE) || r.type().equals(DataPlans.REPLICATION_GROUP));
        assertEquals(5, stores.size(), "prod: primary, 2 replicas, 2 caches");
        stores.forEach(r -> assertTrue(r.protect(), r.urn()));
        prod.where(r -> r.type().equals(DataPlans.KEY) && (r.name().startsWith("database") || r.name().startsWith("cache-")))
                .forEach(k -> assertTrue(k.protect(), k.urn()));
        StackPlans.dev().where(r -> r.type().equals(DataPlans.INSTANCE) || r.type().equals(DataPlans.REPLICATION_GROUP))
                .forEach(r -> {
                    assertFalse(r.protect(), r.urn());
                    assertEquals(false, r.prop("deletionProtection") != null && (Boolean) r.prop("deletionProtection"), r.urn());
                });
    }

    @Test
    void everyProdInstanceHasDeletionProtection() {
        StackPlans.prod().ofType(DataPlans.INSTANCE).forEach(db -> assertEquals(true, db.prop("deletionProtection"), db.urn()));
    }

    /** A deleted secret in prod stays recoverable for 30 days (Secrets Manager allows 7-30, or 0 to delete at once). */
    @Test
    void everyProdSecretIsRecoverableForThirtyDaysAndDevSecretsGoAtOnce() {
        List<PlanResource> prod = StackPlans.prod().ofType("aws:secretsmanager/secret:Secret");
        assertEquals(List.of("database-master-user", "observability-grafana-admin-password", "timeseries-admin-password"),
                prod.stream().map(PlanResource::name).sorted().toList());
        prod.forEach(s -> assertEquals(30, DataPlans.integer(s, "recoveryWindowInDays"), s.urn()));
        List<PlanResource> dev = StackPlans.dev().ofType("aws:secretsmanager/secret:Secret");
        assertEquals(4, dev.size(), "dev: master user, Grafana, InfluxDB password and token");
        dev.forEach(s -> assertEquals(0, DataPlans.integer(s, "recoveryWindowInDays"), s.urn()));
    }
}
