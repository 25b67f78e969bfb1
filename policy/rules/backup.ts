// AWS Backup guard rails: every data store is in the backup plan (prod), every vault has its own key.
import { isSet, isUnknown, resourceRule, tagsOf } from "./common";

export const T = {
    rdsInstance: "aws:rds/instance:Instance",
    storageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
    vault: "aws:backup/vault:Vault",
} as const;

/** The tag key the stack's AWS Backup selection selects by (backup/BackupTag.java). */
export const BACKUP_TAG = "Backup";

/**
 * A same-region read replica holds the primary's data in the primary's region: it names its source by
 * identifier. A cross-region replica names it by ARN (and becomes the primary after a failover).
 */
function isSameRegionReplica(props: Record<string, any>): boolean {
    const source = props.replicateSourceDb;
    return typeof source === "string" && source !== "" && !isUnknown(source) && !source.startsWith("arn:");
}

/** Every prod data store carries the backup tag, so the backup plan selects it. */
export const backupTagOnDataStores = resourceRule({
    name: "backup-tag-on-data-stores",
    description:
        "In production, every data store must carry the `Backup` tag that the stack's AWS Backup selection selects: RDS " +
        "instances (primaries and cross-region replicas; a same-region replica, named by identifier, holds the primary's " +
        "data and is exempt) and StorageClasses that retain their volumes (parameter tagSpecification_<n> = \"Backup=...\", " +
        "which the EBS CSI driver puts on every volume it provisions).",
    types: [T.rdsInstance, T.storageClass],
    prodOnly: true,
    check: ({ type, props }) => {
        if (type === T.storageClass) {
            if (props.reclaimPolicy !== "Retain" || isUnknown(props.parameters)) return [];
            const params = props.parameters ?? {};
            const tagged = Object.entries(params).some(([k, v]) =>
                k.startsWith("tagSpecification") && (isUnknown(v) || String(v).startsWith(`${BACKUP_TAG}=`)));
            return tagged ? [] : [`StorageClass with reclaimPolicy Retain must tag its volumes ${BACKUP_TAG}=<plan> (parameter tagSpecification_<n>) in production`];
        }
        if (isSameRegionReplica(props)) return [];
        const tags = tagsOf(props);
        if (tags === undefined && isUnknown(props.tags)) return [];
        const value = tags?.[BACKUP_TAG];
        return isSet(value) ? [] : [`RDS instance must carry the ${BACKUP_TAG} tag in production (the AWS Backup selection selects by it)`];
    },
});

/** A vault without a key of its own uses AWS Backup's AWS managed key (CreateBackupVault: EncryptionKeyArn). */
export const backupVaultCmk = resourceRule({
    name: "backup-vault-cmk",
    description:
        "AWS Backup vaults must be encrypted with a customer-managed KMS key (kmsKeyArn set); without it AWS Backup uses " +
        "its AWS managed key, whose policy nobody can restrict and which cannot be shared for cross-account copies.",
    types: [T.vault],
    check: ({ props }) =>
        isSet(props.kmsKeyArn) || isUnknown(props.kmsKeyArn) ? [] : ["AWS Backup vault kmsKeyArn must be set (a customer-managed key)"],
});

export const backupPolicies = [backupTagOnDataStores, backupVaultCmk];
