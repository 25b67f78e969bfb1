package com.ultibiker.platform.backup;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules over every AWS Backup resource of every stack's plan: each fails for the next vault, plan, policy or
 * data store that breaks it, not only for today's.
 */
class BackupPlanRulesTest {

    static final String VAULT = "aws:backup/vault:Vault";
    static final String LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
    static final String POLICY = "aws:backup/vaultPolicy:VaultPolicy";
    static final String PLAN = "aws:backup/plan:Plan";
    static final String SELECTION = "aws:backup/selection:Selection";
    static final String RDS = "aws:rds/instance:Instance";
    static final String STORAGE_CLASS = "kubernetes:storage.k8s.io/v1:StorageClass";

    private static List<Plan> plans() {
        return List.of(StackPlans.dev(), StackPlans.prod());
    }

    private static boolean production(Plan plan) {
        return plan.stack().equals("prod");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object text) {
        return new Gson().fromJson(String.valueOf(text), Map.class);
    }

    /** Vault ARN (as the plan's outputs report it) to the vault's region. */
    private static Map<String, String> vaultArns(Plan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        plan.outputs().forEach((key, value) -> {
            if (key.startsWith("backup.vaultArn.")) {
                out.put(String.valueOf(value), key.substring("backup.vaultArn.".length()));
            }
        });
        return out;
    }

    @Test
    void everyRegionOfEveryStackHasOneVaultPlanAndSelection() {
        for (Plan plan : plans()) {
            for (String type : List.of(VAULT, POLICY, PLAN, SELECTION)) {
                Set<String> regions = new TreeSet<>();
                plan.ofType(type).forEach(r -> assertTrue(regions.add(r.region()), plan.stack() + ": two " + type + " in " + r.region()));
                assertEquals(new TreeSet<>(plan.regionsOf()), regions, plan.stack() + ": " + type + " per region");
            }
        }
    }

    /** CreateBackupVault: EncryptionKeyArn absent means AWS Backup's managed key; every vault gets a key of its own region. */
    @Test
    void everyVaultIsEncryptedWithACustomerManagedKeyOfItsRegion() {
        for (Plan plan : plans()) {
            for (PlanResource vault : plan.ofType(VAULT)) {
                String keyArn = String.valueOf(vault.prop("kmsKeyArn"));
                assertTrue(keyArn.startsWith("arn:aws:kms:" + vault.region() + ":"), vault.urn() + " key " + keyArn);
                assertTrue(plan.ofType("aws:kms/key:Key").stream().anyMatch(k -> keyArn.endsWith(":key/" + k.name() + "-id")
                        && Objects.equals(k.region(), vault.region())), vault.urn() + ": its key is a key of the plan");
            }
        }
    }

    /** Vault names: ^[a-zA-Z0-9\-\_]{2,50}$ (CreateBackupVault); selection names ^[0-9A-Za-z_.-]{1,50}$ (provider selection.go). */
    @Test
    void everyNameMeetsAwsBackupsPatterns() {
        Pattern vaultName = Pattern.compile("[a-zA-Z0-9_-]{2,50}");
        Pattern selectionName = Pattern.compile("[0-9A-Za-z_.-]{1,50}");
        for (Plan plan : plans()) {
            plan.ofType(VAULT).forEach(v -> assertTrue(vaultName.matcher(String.valueOf(v.prop("name"))).matches(), v.urn()));
            plan.ofType(PLAN).forEach(p -> assertTrue(vaultName.matcher(String.valueOf(p.prop("name"))).matches(), p.urn()));
            plan.ofType(SELECTION).forEach(s -> assertTrue(selectionName.matcher(String.valueOf(s.prop("name"))).matches(), s.urn()));
        }
    }

    /** Stateful: a replaced vault loses its recovery points, a replaced lock cannot be created again after the cooling-off. */
    @Test
    void productionProtectsEveryVaultAndLockAndOtherStacksCanBeTornDown() {
        for (Plan plan : plans()) {
            for (PlanResource vault : plan.ofType(VAULT)) {
                assertEquals(production(plan), vault.protect(), vault.urn());
                assertEquals(!production(plan), vault.prop("forceDestroy"), vault.urn());
            }
            plan.ofType(LOCK).forEach(lock -> assertTrue(lock.protect(), lock.urn()));
        }
    }

    /** Vault lock in production only, in every region, cooling-off of the configured 3 days (AWS minimum 3). */
    @Test
    void productionLocksEveryVaultWithTheConfiguredCoolingOff() {
        Plan prod = StackPlans.prod();
        Map<String, String> lockedVaults = new LinkedHashMap<>();
        for (PlanResource lock : prod.ofType(LOCK)) {
            assertEquals(3.0, ((Number) lock.prop("changeableForDays")).doubleValue(), lock.urn());
            assertEquals(7.0, ((Number) lock.prop("minRetentionDays")).doubleValue(), lock.urn());
            assertEquals(3650.0, ((Number) lock.prop("maxRetentionDays")).doubleValue(), lock.urn());
            lockedVaults.put(lock.region(), String.valueOf(lock.prop("backupVaultName")));
        }
        Map<String, String> vaults = new LinkedHashMap<>();
        prod.ofType(VAULT).forEach(v -> vaults.put(v.region(), String.valueOf(v.prop("name"))));
        assertEquals(vaults, lockedVaults);
        assertEquals(List.of(), StackPlans.dev().ofType(LOCK), "dev: no lock, its vault can be destroyed");
    }

    /**
     * Every rule of every plan: recovery points kept within every vault lock's limits, copied to the vault of every
     * other region with the same lifecycle, and a cold-storage transition at least 90 days before deletion (AWS
     * Backup Lifecycle: DeleteAfterDays must be 90 days more than MoveToColdStorageAfterDays).
     */
    @Test
    void everyRuleCopiesToEveryOtherRegionWithALifecycleAwsAccepts() {
        for (Plan plan : plans()) {
            Map<String, String> vaults = vaultArns(plan);
            for (PlanResource backupPlan : plan.ofType(PLAN)) {
                for (Map<String, Object> rule : list(backupPlan.prop("rules"))) {
                    String where = backupPlan.urn() + " rule " + rule.get("ruleName");
                    Map<String, Object> lifecycle = (Map<String, Object>) rule.get("lifecycle");
                    checkLifecycle(where, lifecycle, plan);
                    Set<String> copiedTo = new TreeSet<>();
                    for (Map<String, Object> copy : list(rule.get("copyActions"))) {
                        copiedTo.add(vaults.get(String.valueOf(copy.get("destinationVaultArn"))));
                        assertEquals(lifecycle, copy.get("lifecycle"), where + ": a copy is kept like its source");
                    }
                    Set<String> others = new TreeSet<>(plan.regionsOf());
                    others.remove(backupPlan.region());
                    assertEquals(others, copiedTo, where + ": copies to every other region's vault");
                    assertEquals(String.valueOf(plan.ofType(VAULT).stream().filter(v -> v.region().equals(backupPlan.region()))
                            .findFirst().orElseThrow().prop("name")), rule.get("targetVaultName"), where + ": its own region's vault");
                }
            }
        }
    }

    private static void checkLifecycle(String where, Map<String, Object> lifecycle, Plan plan) {
        double delete = ((Number) lifecycle.get("deleteAfter")).doubleValue();
        if (lifecycle.get("coldStorageAfter") instanceof Number cold) {
            assertTrue(delete >= cold.doubleValue() + 90, where + ": deleteAfter " + delete + " < coldStorageAfter " + cold + " + 90");
            assertEquals(true, lifecycle.get("optInToArchiveForSupportedResources"), where + ": EBS needs the opt-in to archive");
        }
        for (PlanResource lock : plan.ofType(LOCK)) {
            assertTrue(delete >= ((Number) lock.prop("minRetentionDays")).doubleValue()
                    && delete <= ((Number) lock.prop("maxRetentionDays")).doubleValue(), where + ": within " + lock.urn());
        }
    }

    @Test
    void productionKeepsDailyPointsThirtyFiveDaysAndMonthlyOnesAYearWithColdStorageAfterThirty() {
        PlanResource plan = StackPlans.prod().require(PLAN, "backup-us-east-1-plan");
        List<Map<String, Object>> rules = list(plan.prop("rules"));
        assertEquals(List.of("daily", "monthly"), rules.stream().map(r -> r.get("ruleName")).toList());
        assertEquals("cron(0 5 ? * * *)", rules.get(0).get("schedule"));
        assertEquals("{deleteAfter=35}", String.valueOf(rules.get(0).get("lifecycle")));
        assertEquals("cron(0 5 1 * ? *)", rules.get(1).get("schedule"));
        assertEquals("{coldStorageAfter=30, deleteAfter=365, optInToArchiveForSupportedResources=true}",
                String.valueOf(rules.get(1).get("lifecycle")));
        List<Map<String, Object>> dev = list(StackPlans.dev().require(PLAN, "backup-us-east-1-plan").prop("rules"));
        assertEquals(1, dev.size(), "dev: daily only");
        assertEquals("{deleteAfter=7}", String.valueOf(dev.get(0).get("lifecycle")));
        assertEquals(List.of(), list(dev.get(0).get("copyActions")), "dev has one region: nothing to copy to");
    }

    /**
     * Every vault's access policy denies StartRestoreJob to every principal but the break-glass role of the plan,
     * names no action with a wildcard (vault access policies take none, AWS Backup Developer Guide, "Vault access
     * policies"), and in production denies deleting a recovery point or changing its lifecycle to everyone.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyVaultRestoresOnlyThroughTheBreakGlassRoleAndProductionDeniesDeletion() {
        for (Plan plan : plans()) {
            PlanResource breakGlass = plan.require("aws:iam/role:Role", "backup-break-glass-role");
            String breakGlassArn = "arn:aws:iam::123456789012:role/" + breakGlass.prop("name");
            for (PlanResource policy : plan.ofType(POLICY)) {
                Map<String, Object> doc = json(policy.prop("policy"));
                List<Map<String, Object>> statements = (List<Map<String, Object>>) doc.get("Statement");
                Set<String> deniedToAll = new TreeSet<>();
                boolean restoreGuarded = false;
                for (Map<String, Object> s : statements) {
                    assertEquals("Deny", s.get("Effect"), policy.urn());
                    assertEquals("*", s.get("Principal"), policy.urn());
                    List<String> actions = (List<String>) s.get("Action");
                    actions.forEach(a -> assertFalse(a.contains("*"), policy.urn() + ": wildcard action " + a));
                    if (actions.contains("backup:StartRestoreJob")) {
                        assertEquals(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", breakGlassArn)), s.get("Condition"), policy.urn());
                        restoreGuarded = true;
                    } else if (s.get("Condition") == null) {
                        deniedToAll.addAll(actions);
                    }
                }
                assertTrue(restoreGuarded, policy.urn() + ": StartRestoreJob denied to all but the break-glass role");
                assertEquals(production(plan) ? Set.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle") : Set.of(),
                        deniedToAll, policy.urn());
                assertTrue(policy.dependencies().contains(breakGlass.urn()), policy.urn() + " waits for the role it names");
            }
        }
    }

    /**
     * The tag the selection selects by is the one the data stores carry: every RDS instance that is a primary or a
     * cross-region replica (the standby becomes the primary), and the StorageClasses that retain their volumes. A
     * same-region replica holds the primary's data in the primary's region and is left out.
     */
    @Test
    void everyDataStoreCarriesTheTagTheSelectionSelects() {
        for (Plan plan : plans()) {
            Map<String, String> selected = new LinkedHashMap<>();
            for (PlanResource selection : plan.ofType(SELECTION)) {
                List<Map<String, Object>> tags = list(selection.prop("selectionTags"));
                assertEquals(1, tags.size(), selection.urn());
                assertEquals("STRINGEQUALS", tags.get(0).get("type"), selection.urn());
                selected.put(String.valueOf(tags.get(0).get("key")), String.valueOf(tags.get(0).get("value")));
            }
            assertEquals(Map.of("Backup", "ultibiker-" + plan.stack()), selected, plan.stack());
            String primaryRegion = plan.regionsOf().stream().filter(r -> r.equals("us-east-1")).findFirst().orElseThrow();
            List<String> tagged = new ArrayList<>();
            for (PlanResource db : plan.ofType(RDS)) {
                boolean sameRegionReplica = db.prop("replicateSourceDb") != null && db.region().equals(primaryRegion);
                Object value = db.tags().get("Backup");
                if (sameRegionReplica) {
                    assertEquals(null, value, db.urn() + ": a same-region replica is not backed up");
                } else {
                    assertEquals("ultibiker-" + plan.stack(), value, db.urn());
                    tagged.add(db.name());
                }
            }
            for (PlanResource sc : plan.ofType(STORAGE_CLASS)) {
                boolean retains = "Retain".equals(sc.prop("reclaimPolicy"));
                Object parameter = sc.prop("parameters.tagSpecification_1");
                assertEquals(retains ? "Backup=ultibiker-" + plan.stack() : null, parameter, sc.urn());
            }
            assertEquals(production(plan) ? List.of("database-primary", "database-replica-standby") : List.of("database-primary"),
                    tagged, plan.stack());
        }
    }

    /** Jobs run as the plan's service role, which AWS Backup may assume for this account only. */
    @Test
    @SuppressWarnings("unchecked")
    void selectionsRunAsTheServiceRoleWithTheManagedBackupAndRestorePolicies() {
        for (Plan plan : plans()) {
            PlanResource role = plan.require("aws:iam/role:Role", "backup-service-role");
            String arn = "arn:aws:iam::123456789012:role/" + role.prop("name");
            plan.ofType(SELECTION).forEach(s -> assertEquals(arn, s.prop("iamRoleArn"), s.urn()));
            Map<String, Object> trust = json(role.prop("assumeRolePolicy"));
            Map<String, Object> statement = ((List<Map<String, Object>>) trust.get("Statement")).get(0);
            assertEquals(Map.of("Service", "backup.amazonaws.com"), statement.get("Principal"));
            assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), statement.get("Condition"));
            Set<String> attached = new TreeSet<>();
            plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                    .filter(a -> a.name().startsWith("backup-service-role-"))
                    .forEach(a -> attached.add(String.valueOf(a.prop("policyArn"))));
            assertEquals(new TreeSet<>(List.of(
                    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
                    "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
                    "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
                    "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore")), attached);
        }
    }

    /** A failed, aborted or expired job in any region reaches that region's alert topic, which lets EventBridge publish. */
    @Test
    @SuppressWarnings("unchecked")
    void failedJobsOfEveryRegionGoToThatRegionsAlertTopic() {
        for (Plan plan : plans()) {
            for (PlanResource rule : plan.where(r -> r.type().equals("aws:cloudwatch/eventRule:EventRule") && r.name().startsWith("backup-"))) {
                Map<String, Object> pattern = json(rule.prop("eventPattern"));
                assertEquals(List.of("aws.backup"), pattern.get("source"), rule.urn());
                assertEquals(List.of("Backup Job State Change", "Copy Job State Change"), pattern.get("detail-type"), rule.urn());
                assertEquals(Map.of("state", List.of("FAILED", "ABORTED", "EXPIRED")), pattern.get("detail"), rule.urn());
            }
            Set<String> regionsAlerted = new TreeSet<>();
            for (PlanResource target : plan.ofType("aws:cloudwatch/eventTarget:EventTarget")) {
                String topic = String.valueOf(plan.outputs().get("observability.alertTopicArn." + target.region()));
                assertEquals(topic, target.prop("arn"), target.urn());
                regionsAlerted.add(target.region());
                PlanResource topicPolicy = plan.ofType("aws:sns/topicPolicy:TopicPolicy").stream()
                        .filter(p -> p.region().equals(target.region())).findFirst().orElseThrow();
                List<Map<String, Object>> statements = (List<Map<String, Object>>) json(topicPolicy.prop("policy")).get("Statement");
                assertTrue(statements.stream().anyMatch(s -> "Allow".equals(s.get("Effect"))
                        && Map.of("Service", "events.amazonaws.com").equals(s.get("Principal"))), topicPolicy.urn());
            }
            assertEquals(new TreeSet<>(plan.regionsOf()), regionsAlerted, plan.stack());
        }
    }
}
