package com.ultibiker.platform.backup;

import com.pulumi.aws.backup.Plan;
import com.pulumi.aws.backup.PlanArgs;
import com.pulumi.aws.backup.Selection;
import com.pulumi.aws.backup.SelectionArgs;
import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.backup.VaultArgs;
import com.pulumi.aws.backup.VaultLockConfiguration;
import com.pulumi.aws.backup.VaultLockConfigurationArgs;
import com.pulumi.aws.backup.VaultPolicy;
import com.pulumi.aws.backup.VaultPolicyArgs;
import com.pulumi.aws.backup.inputs.PlanRuleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionLifecycleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleLifecycleArgs;
import com.pulumi.aws.backup.inputs.SelectionSelectionTagArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.Naming;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * AWS Backup for the stack's data stores.
 *
 * <ul>
 *   <li>Per region: a vault encrypted with its own customer-managed key; in production a vault lock
 *   (compliance mode: once {@code vaultLock.changeableForDays} have passed the lock can no longer be changed or
 *   removed, by anyone, and the vault cannot be deleted while it holds recovery points); an access policy that
 *   denies {@code StartRestoreJob} to everyone but the break-glass role and, in production, deletion of recovery
 *   points; a plan (daily, and monthly with cold storage, {@link BackupRules}) whose every recovery point is copied
 *   to the vault of every other region; a selection of every resource tagged {@link BackupTag} in that region;
 *   an EventBridge rule that sends failed, aborted and expired backup jobs and failed copy jobs to the region's
 *   alert topic.</li>
 *   <li>Global (IAM): the service role AWS Backup runs jobs and restores as, and the break-glass role, the only
 *   principal that may start a restore.</li>
 * </ul>
 * The vaults and their locks are protected in production (a replaced vault loses every recovery point in it).
 */
public final class Backups extends ComponentResource {

    public static final String TYPE = "ultibiker:backup:Backups";
    /** Managed policies for S3 backups and restores (AWS Backup Developer Guide, "Amazon S3 backups"). */
    static final List<String> S3_SERVICE_ROLE_POLICIES = List.of(
            "AWSBackupServiceRolePolicyForS3Backup", "AWSBackupServiceRolePolicyForS3Restore");

    private final Map<String, Output<String>> vaultArns = new LinkedHashMap<>();
    private final Map<String, String> vaultNames = new LinkedHashMap<>();
    private final Output<String> breakGlassRoleArn;
    private final Output<String> serviceRoleArn;

    public Backups(String name, BackupsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var tagging = args.tagging();
        var protection = args.protection();
        AwsRegion primary = args.primary();

        Map<String, Key> keys = new LinkedHashMap<>();
        Map<String, Vault> vaults = new LinkedHashMap<>();
        args.regions().forEach((regionName, region) -> {
            String prefix = Naming.child(name, regionName);
            Key key = EncryptionKeys.create(Naming.child(prefix, "key"),
                    "Encrypts the AWS Backup vault of " + args.physicalPrefix() + " in " + regionName, this, region, tagging,
                    protection, scope -> List.of());
            String vaultName = BackupsArgs.vaultName(args.physicalPrefix(), regionName);
            String vaultResource = Naming.child(prefix, "vault");
            // name and kmsKeyArn force replacement (terraform-provider-aws internal/service/backup/vault.go: ForceNew).
            Vault vault = new Vault(vaultResource, VaultArgs.builder()
                    .name(vaultName)
                    .kmsKeyArn(key.arn())
                    .forceDestroy(protection.forceDestroy())
                    .tags(tagging.tags(vaultResource))
                    .build(), protection.options(region.childOf(this)).build());
            keys.put(regionName, key);
            vaults.put(regionName, vault);
            vaultArns.put(regionName, vault.arn());
            vaultNames.put(regionName, vaultName);
        });

        String serviceRoleName = BackupsArgs.serviceRoleName(args.physicalPrefix());
        String serviceRoleResource = Naming.child(name, "service-role");
        var serviceRole = new Role(serviceRoleResource, RoleArgs.builder()
                .name(serviceRoleName)
                .description("AWS Backup runs the backup, copy and restore jobs of " + args.physicalPrefix() + " as this role")
                .assumeRolePolicy(primary.accountId().applyValue(BackupPolicies::serviceRoleTrust))
                .tags(tagging.tags(serviceRoleResource))
                .build(), primary.child(this));
        List<String> managed = new ArrayList<>(BackupPolicies.SERVICE_ROLE_POLICIES);
        S3_SERVICE_ROLE_POLICIES.forEach(p -> managed.add(p));
        for (String policy : managed) {
            String policyName = policy.substring(policy.lastIndexOf('/') + 1);
            new RolePolicyAttachment(Naming.child(serviceRoleResource, policyName), RolePolicyAttachmentArgs.builder()
                    .role(serviceRole.name())
                    .policyArn(primary.partition().applyValue(p -> "arn:" + p + ":iam::aws:policy/" + policy))
                    .build(), primary.child(this));
        }
        new RolePolicy(Naming.child(serviceRoleResource, "vault-keys"), RolePolicyArgs.builder()
                .role(serviceRole.id())
                .policy(Output.all(keys.values().stream().map(Key::arn).toList()).applyValue(BackupPolicies::serviceRoleKeyPolicy))
                .build(), primary.child(this));
        this.serviceRoleArn = serviceRole.arn();

        String breakGlassResource = Naming.child(name, "break-glass-role");
        var breakGlass = new Role(breakGlassResource, RoleArgs.builder()
                .name(BackupsArgs.breakGlassRoleName(args.physicalPrefix()))
                .description("Break-glass: the only principal that may restore from the AWS Backup vaults of " + args.physicalPrefix())
                .assumeRolePolicy(Output.tuple(primary.partition(), primary.accountId())
                        .applyValue(t -> BackupPolicies.breakGlassTrust(t.t1, t.t2)))
                .maxSessionDuration(3600)
                .tags(tagging.tags(breakGlassResource))
                .build(), primary.child(this));
        new RolePolicy(Naming.child(breakGlassResource, "restore"), RolePolicyArgs.builder()
                .role(breakGlass.id())
                .policy(serviceRole.arn().applyValue(BackupPolicies::breakGlassPermissions))
                .build(), primary.child(this));
        this.breakGlassRoleArn = breakGlass.arn();

        List<BackupRules.Rule> rules = BackupRules.rules(args.settings());
        args.regions().forEach((regionName, region) -> {
            String prefix = Naming.child(name, regionName);
            Vault vault = vaults.get(regionName);
            if (protection.production()) {
                // Every argument forces replacement (vault_lock_configuration.go: ForceNew), and after the
                // cooling-off AWS refuses to delete the lock: the retention limits are their own keys so that
                // changing the plan's retention never touches the lock.
                new VaultLockConfiguration(Naming.child(prefix, "vault-lock"), VaultLockConfigurationArgs.builder()
                        .backupVaultName(vault.name())
                        .changeableForDays(args.settings().vaultLockChangeableForDays())
                        .minRetentionDays(args.settings().vaultLockMinRetentionDays())
                        .maxRetentionDays(args.settings().vaultLockMaxRetentionDays())
                        .build(), protection.options(region.childOf(this)).build());
            }
            new VaultPolicy(Naming.child(prefix, "vault-policy"), VaultPolicyArgs.builder()
                    .backupVaultName(vault.name())
                    .policy(breakGlass.arn().applyValue(arn -> BackupPolicies.vaultAccessPolicy(arn, protection.production())))
                    .build(), region.child(this));

            List<Output<String>> destinations = new ArrayList<>();
            vaults.forEach((other, otherVault) -> {
                if (!other.equals(regionName)) {
                    destinations.add(otherVault.arn());
                }
            });
            String planResource = Naming.child(prefix, "plan");
            var plan = new Plan(planResource, PlanArgs.builder()
                    .name(BackupsArgs.vaultName(args.physicalPrefix(), regionName))
                    .rules(Output.tuple(vault.name(), Output.all(destinations)).applyValue(t -> rules.stream()
                            .map(rule -> planRule(rule, t.t1, t.t2, tagging.tags(planResource))).toList()))
                    .tags(tagging.tags(planResource))
                    .build(), region.child(this));
            new Selection(Naming.child(prefix, "selection"), SelectionArgs.builder()
                    .name(BackupsArgs.vaultName(args.physicalPrefix(), regionName) + "-tagged")
                    .planId(plan.id())
                    .iamRoleArn(serviceRole.arn())
                    .selectionTags(SelectionSelectionTagArgs.builder()
                            .type("STRINGEQUALS")
                            .key(BackupTag.KEY)
                            .value(BackupTag.value(tagging))
                            .build())
                    .build(), region.child(this));

            String ruleResource = Naming.child(prefix, "failed-jobs");
            var eventRule = new EventRule(ruleResource, EventRuleArgs.builder()
                    .name(args.physicalPrefix() + "-backup-failed-jobs")
                    .description("AWS Backup jobs of " + args.physicalPrefix() + " that failed, were aborted or expired, and failed copies")
                    .eventPattern(BackupPolicies.failedJobPattern())
                    .tags(tagging.tags(ruleResource))
                    .build(), region.child(this));
            new EventTarget(Naming.child(ruleResource, "alert"), EventTargetArgs.builder()
                    .rule(eventRule.name())
                    .targetId("alert-topic")
                    .arn(args.alertTopicArns().get(regionName))
                    .build(), region.child(this));
        });

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        vaultArns.forEach((region, arn) -> outputs.put("vaultArn." + region, arn));
        outputs.put("breakGlassRoleArn", breakGlassRoleArn);
        outputs.put("serviceRoleArn", serviceRoleArn);
        registerOutputs(outputs);
    }

    private static PlanRuleArgs planRule(BackupRules.Rule rule, String vaultName, List<String> destinationArns,
                                         Map<String, String> recoveryPointTags) {
        Optional<Integer> cold = rule.coldStorageAfterDays().isPresent()
                ? Optional.of(rule.coldStorageAfterDays().getAsInt()) : Optional.empty();
        var lifecycle = PlanRuleLifecycleArgs.builder().deleteAfter(rule.deleteAfterDays());
        cold.ifPresent(days -> lifecycle.coldStorageAfter(days).optInToArchiveForSupportedResources(true));
        List<PlanRuleCopyActionArgs> copies = new ArrayList<>();
        for (String arn : destinationArns) {
            var copyLifecycle = PlanRuleCopyActionLifecycleArgs.builder().deleteAfter(rule.deleteAfterDays());
            cold.ifPresent(days -> copyLifecycle.coldStorageAfter(days).optInToArchiveForSupportedResources(true));
            copies.add(PlanRuleCopyActionArgs.builder().destinationVaultArn(arn).lifecycle(copyLifecycle.build()).build());
        }
        return PlanRuleArgs.builder()
                .ruleName(rule.name())
                .targetVaultName(vaultName)
                .schedule(rule.schedule())
                .scheduleExpressionTimezone("Etc/UTC")
                .startWindow(BackupRules.START_WINDOW_MINUTES)
                .completionWindow(BackupRules.COMPLETION_WINDOW_MINUTES)
                .lifecycle(lifecycle.build())
                .copyActions(copies)
                .recoveryPointTags(recoveryPointTags)
                .build();
    }

    /** The vault of each region, by region. */
    public Map<String, Output<String>> vaultArns() {
        return Collections.unmodifiableMap(vaultArns);
    }

    /** Physical vault name of each region (for the runbook and bin/dr-drill). */
    public Map<String, String> vaultNames() {
        return Collections.unmodifiableMap(vaultNames);
    }

    /** The only role that may start a restore from the vaults. */
    public Output<String> breakGlassRoleArn() {
        return breakGlassRoleArn;
    }

    /** The role AWS Backup runs jobs and restores as (pass it to {@code start-restore-job --iam-role-arn}). */
    public Output<String> serviceRoleArn() {
        return serviceRoleArn;
    }
}
