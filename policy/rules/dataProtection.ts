// Data protection in production: deletion protection, final snapshots, Multi-AZ, backups.
// Every rule here is prodOnly (see isProd in common.ts: stack name or Environment tag).
import { asNumber, isExplicitlyTrue, isRdsReplica, isSet, isUnknown, resourceRule } from "./common";

export const T = {
    rdsInstance: "aws:rds/instance:Instance",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    influxDb: "aws:timestreaminfluxdb/dbInstance:DbInstance",
} as const;

/** Deletion protection on every prod RDS instance, replicas included (a replica is the DR copy). */
export const rdsDeletionProtection = resourceRule({
    name: "rds-deletion-protection",
    description: "In production, RDS instances (primaries and read replicas) must have deletionProtection true.",
    types: [T.rdsInstance],
    prodOnly: true,
    check: ({ props }) =>
        isExplicitlyTrue(props.deletionProtection) || isUnknown(props.deletionProtection)
            ? []
            : ["RDS instance deletionProtection must be true in production"],
});

/** A final snapshot on delete. Read replicas are exempt: AWS takes no final snapshot of a replica. */
export const rdsFinalSnapshot = resourceRule({
    name: "rds-final-snapshot",
    description:
        "In production, primary RDS instances must take a final snapshot on delete (skipFinalSnapshot false and " +
        "finalSnapshotIdentifier set). Read replicas (replicateSourceDb set) are exempt: AWS does not snapshot them on delete.",
    types: [T.rdsInstance],
    prodOnly: true,
    check: ({ props }) => {
        if (isRdsReplica(props)) return [];
        const out: string[] = [];
        if (isExplicitlyTrue(props.skipFinalSnapshot)) out.push("RDS instance skipFinalSnapshot must be false in production");
        if (!isSet(props.finalSnapshotIdentifier)) out.push("RDS instance finalSnapshotIdentifier must be set in production");
        return out;
    },
});

/** Multi-AZ primaries. Replicas are exempt: they are themselves the extra copy. */
export const rdsMultiAz = resourceRule({
    name: "rds-multi-az",
    description:
        "In production, primary RDS instances must be Multi-AZ (multiAz true). Read replicas are exempt: " +
        "their availability comes from the primary's standby and from being a second copy.",
    types: [T.rdsInstance],
    prodOnly: true,
    check: ({ props }) =>
        isRdsReplica(props) || isExplicitlyTrue(props.multiAz) || isUnknown(props.multiAz)
            ? []
            : ["RDS instance multiAz must be true in production"],
});

interface BackupConfig {
    minimumDays: number;
}

/** Automated backups kept long enough on primaries (replicas are restored from the primary's backups). */
export const rdsBackupRetention = resourceRule<BackupConfig>({
    name: "rds-backup-retention",
    description:
        "In production, primary RDS instances must keep automated backups for at least minimumDays (default 7) " +
        "days (backupRetentionPeriod). Read replicas are exempt.",
    types: [T.rdsInstance],
    prodOnly: true,
    configSchema: {
        minimumDays: { type: "integer", default: 7, minimum: 1, description: "Minimum backupRetentionPeriod in days." },
    },
    check: ({ props, config }) => {
        if (isRdsReplica(props) || isUnknown(props.backupRetentionPeriod)) return [];
        const days = asNumber(props.backupRetentionPeriod) ?? 0;
        return days >= config.minimumDays
            ? []
            : [`RDS instance backupRetentionPeriod must be at least ${config.minimumDays} in production (found ${props.backupRetentionPeriod ?? "unset"})`];
    },
});

/** Redis automatic failover and Multi-AZ. */
export const elasticacheMultiAzFailover = resourceRule({
    name: "elasticache-multi-az-failover",
    description:
        "In production, ElastiCache replication groups must have automaticFailoverEnabled and multiAzEnabled true.",
    types: [T.replicationGroup],
    prodOnly: true,
    check: ({ props }) => {
        const out: string[] = [];
        if (!isExplicitlyTrue(props.automaticFailoverEnabled) && !isUnknown(props.automaticFailoverEnabled)) {
            out.push("ElastiCache replication group automaticFailoverEnabled must be true in production");
        }
        if (!isExplicitlyTrue(props.multiAzEnabled) && !isUnknown(props.multiAzEnabled)) {
            out.push("ElastiCache replication group multiAzEnabled must be true in production");
        }
        return out;
    },
});

interface SnapshotConfig {
    minimumSnapshots: number;
}

/** Redis snapshots kept. */
export const elasticacheSnapshotRetention = resourceRule<SnapshotConfig>({
    name: "elasticache-snapshot-retention",
    description:
        "In production, ElastiCache replication groups must keep daily snapshots for at least minimumSnapshots " +
        "(default 1) days (snapshotRetentionLimit).",
    types: [T.replicationGroup],
    prodOnly: true,
    configSchema: {
        minimumSnapshots: { type: "integer", default: 1, minimum: 1, description: "Minimum snapshotRetentionLimit in days." },
    },
    check: ({ props, config }) => {
        if (isUnknown(props.snapshotRetentionLimit)) return [];
        const n = asNumber(props.snapshotRetentionLimit) ?? 0;
        return n >= config.minimumSnapshots
            ? []
            : [`ElastiCache replication group snapshotRetentionLimit must be at least ${config.minimumSnapshots} in production (found ${props.snapshotRetentionLimit ?? "unset"})`];
    },
});

/** Timestream for InfluxDB with a Multi-AZ standby. */
export const timestreamInfluxDbMultiAz = resourceRule({
    name: "timestream-influxdb-multi-az",
    description: "In production, Timestream for InfluxDB instances must use deploymentType WITH_MULTIAZ_STANDBY.",
    types: [T.influxDb],
    prodOnly: true,
    check: ({ props }) =>
        props.deploymentType === "WITH_MULTIAZ_STANDBY" || isUnknown(props.deploymentType)
            ? []
            : [`Timestream for InfluxDB instance deploymentType must be "WITH_MULTIAZ_STANDBY" in production (found ${props.deploymentType ?? "unset, SINGLE_AZ"})`],
});

export const dataProtectionPolicies = [
    rdsDeletionProtection,
    rdsFinalSnapshot,
    rdsMultiAz,
    rdsBackupRetention,
    elasticacheMultiAzFailover,
    elasticacheSnapshotRetention,
    timestreamInfluxDbMultiAz,
];
