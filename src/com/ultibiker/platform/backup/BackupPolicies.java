package com.ultibiker.platform.backup;

import com.ultibiker.platform.common.JsonDocuments;
import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of the policy documents of {@link Backups}.
 *
 * <p>A vault access policy is a resource policy on the vault and its recovery points. AWS Backup access
 * policies take no wildcard in {@code Action} (AWS Backup Developer Guide, "Vault access policies"), so
 * every action is named in full. They govern AWS Backup's API only: an RDS snapshot AWS Backup made is
 * also reachable through RDS's own API (same page), which IAM (or an SCP) has to restrict.
 */
public final class BackupPolicies {

    /** Deleting a recovery point or shortening its lifecycle: denied to everyone in production. */
    public static final List<String> RECOVERY_POINT_DELETION = List.of(
            "backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle");
    /** Restoring from the vault: only the break-glass role. */
    public static final String START_RESTORE_JOB = "backup:StartRestoreJob";
    /** What the break-glass role may do with AWS Backup (StartRestoreJob is then limited by the vault policy). */
    public static final List<String> BREAK_GLASS_BACKUP_ACTIONS = List.of(
            "backup:DescribeBackupVault", "backup:ListRecoveryPointsByBackupVault", "backup:DescribeRecoveryPoint",
            "backup:GetRecoveryPointRestoreMetadata", "backup:StartRestoreJob", "backup:DescribeRestoreJob",
            "backup:ListRestoreJobs");
    /** Managed policies of the service role AWS Backup runs jobs as (AWS Backup Developer Guide, "IAM service roles"). */
    public static final List<String> SERVICE_ROLE_POLICIES = List.of(
            "service-role/AWSBackupServiceRolePolicyForBackup", "service-role/AWSBackupServiceRolePolicyForRestores");

    private BackupPolicies() {
    }

    /**
     * The vault's access policy: restores only by {@code breakGlassRoleArn} (every other principal denied
     * {@code StartRestoreJob}); with {@code denyDeletion}, nobody may delete a recovery point or change its
     * lifecycle (production: together with the vault lock; elsewhere a destroy must be able to empty the vault).
     * {@code PutBackupVaultAccessPolicy} stays allowed so the stack can manage this policy. The resource is "*":
     * the policy is the vault's, so "*" is its own recovery points.
     */
    public static String vaultAccessPolicy(String breakGlassRoleArn, boolean denyDeletion) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.deny()
                .sid("RestoreOnlyByBreakGlassRole")
                .principal(Principal.anyone())
                .actions(List.of(START_RESTORE_JOB))
                .resource("*")
                .condition("ArnNotEquals", "aws:PrincipalArn", breakGlassRoleArn)
                .build());
        if (denyDeletion) {
            statements.add(Statement.deny()
                    .sid("DenyRecoveryPointDeletion")
                    .principal(Principal.anyone())
                    .actions(RECOVERY_POINT_DELETION)
                    .resource("*")
                    .build());
        }
        return PolicyDocument.of(statements).toCompactJson();
    }

    /** Trust of the service role: AWS Backup, for this account only (confused-deputy guard). */
    public static String serviceRoleTrust(String accountId) {
        return PolicyDocument.of(Statement.allow()
                .principal(Principal.service("backup.amazonaws.com"))
                .action("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build()).toCompactJson();
    }

    /**
     * The service role's use of the vault keys: backups of resources AWS Backup fully manages (S3, EFS, ...)
     * and every cross-region copy are encrypted with the destination vault's key, which the role must be
     * able to use (the key policies delegate to IAM). Grants only for AWS resources.
     */
    public static String serviceRoleKeyPolicy(List<String> vaultKeyArns) {
        return PolicyDocument.of(
                Statement.allow()
                        .sid("UseVaultKeys")
                        .actions("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:DescribeKey")
                        .resources(List.copyOf(vaultKeyArns))
                        .build(),
                Statement.allow()
                        .sid("GrantVaultKeysToAwsResources")
                        .action("kms:CreateGrant")
                        .resources(List.copyOf(vaultKeyArns))
                        .condition("Bool", "kms:GrantIsForAWSResource", "true")
                        .build()).toCompactJson();
    }

    /**
     * Trust of the break-glass role: IAM users and roles of this account, only with MFA. Who may assume it is
     * then decided by who holds {@code sts:AssumeRole} on it (granted on purpose, in the break-glass procedure).
     */
    public static String breakGlassTrust(String partition, String accountId) {
        return PolicyDocument.of(Statement.allow()
                .principal(Principal.aws("arn:" + partition + ":iam::" + accountId + ":root"))
                .action("sts:AssumeRole")
                .condition("Bool", "aws:MultiFactorAuthPresent", "true")
                .build()).toCompactJson();
    }

    /** Restore from the vaults, passing only the restore role to AWS Backup. */
    public static String breakGlassPermissions(String restoreRoleArn) {
        return PolicyDocument.of(
                Statement.allow()
                        .sid("RestoreFromVaults")
                        .actions(BREAK_GLASS_BACKUP_ACTIONS)
                        .resource("*")
                        .build(),
                Statement.allow()
                        .sid("PassRestoreRole")
                        .action("iam:PassRole")
                        .resource(restoreRoleArn)
                        .condition("StringEquals", "iam:PassedToService", "backup.amazonaws.com")
                        .build()).toCompactJson();
    }

    /**
     * EventBridge pattern of a failed job: a backup job that failed, was aborted or expired, or a copy job
     * that failed (AWS Backup Developer Guide, "Monitoring AWS Backup events using Amazon EventBridge":
     * detail-type and {@code detail.state}).
     */
    public static String failedJobPattern() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("state", List.of("FAILED", "ABORTED", "EXPIRED"));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.backup"));
        pattern.put("detail-type", List.of("Backup Job State Change", "Copy Job State Change"));
        pattern.put("detail", detail);
        return JsonDocuments.compact(pattern);
    }
}
