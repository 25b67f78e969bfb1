// Encryption at rest and in transit: RDS, Performance Insights, ElastiCache, EKS secrets,
// EBS / launch templates, S3 (stack-level), SNS, CloudWatch Logs (key and retention), KMS key rotation.
import {
    asArray,
    isExplicitlyTrue,
    isRdsReplica,
    isSet,
    isTrueOrUnknown,
    isUnknown,
    resourceRule,
    single,
    stackRule,
    StackResource,
    StackViolation,
} from "./common";

export const T = {
    rdsInstance: "aws:rds/instance:Instance",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    eksCluster: "aws:eks/cluster:Cluster",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    ebsVolume: "aws:ebs/volume:Volume",
    snsTopic: "aws:sns/topic:Topic",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    kmsKey: "aws:kms/key:Key",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3Sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3SseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
} as const;

/** RDS storage encrypted with a customer-managed KMS key. */
export const rdsStorageEncrypted = resourceRule({
    name: "rds-storage-encrypted",
    description:
        "RDS instances must encrypt storage with a KMS key (storageEncrypted and kmsKeyId). " +
        "Read replicas inherit storageEncrypted from their source, so only kmsKeyId is required there " +
        "(a cross-region replica needs a key in its own region).",
    types: [T.rdsInstance],
    check: ({ props }) => {
        const out: string[] = [];
        if (!isRdsReplica(props) && !isTrueOrUnknown(props.storageEncrypted)) {
            out.push("RDS instance storageEncrypted must be true");
        }
        if (!isSet(props.kmsKeyId)) {
            out.push("RDS instance kmsKeyId must be set to a customer-managed KMS key");
        }
        return out;
    },
});

/** Performance Insights data encrypted with a KMS key when PI is on. */
export const rdsPerformanceInsightsKms = resourceRule({
    name: "rds-performance-insights-kms",
    description: "RDS instances with Performance Insights enabled must set performanceInsightsKmsKeyId.",
    types: [T.rdsInstance],
    check: ({ props }) =>
        isExplicitlyTrue(props.performanceInsightsEnabled) && !isSet(props.performanceInsightsKmsKeyId)
            ? ["RDS instance performanceInsightsKmsKeyId must be set when performanceInsightsEnabled is true"]
            : [],
});

/** ElastiCache replication groups encrypted at rest with a KMS key. */
export const elasticacheAtRestEncryption = resourceRule({
    name: "elasticache-at-rest-encryption",
    description: "ElastiCache replication groups must encrypt at rest with a KMS key (atRestEncryptionEnabled and kmsKeyId).",
    types: [T.replicationGroup],
    check: ({ props }) => {
        const out: string[] = [];
        if (!isTrueOrUnknown(props.atRestEncryptionEnabled)) {
            out.push("ElastiCache replication group atRestEncryptionEnabled must be true");
        }
        if (!isSet(props.kmsKeyId)) {
            out.push("ElastiCache replication group kmsKeyId must be set to a customer-managed KMS key");
        }
        return out;
    },
});

/** ElastiCache replication groups encrypted in transit (TLS). */
export const elasticacheInTransitEncryption = resourceRule({
    name: "elasticache-in-transit-encryption",
    description: "ElastiCache replication groups must encrypt in transit (transitEncryptionEnabled).",
    types: [T.replicationGroup],
    check: ({ props }) =>
        isTrueOrUnknown(props.transitEncryptionEnabled)
            ? []
            : ["ElastiCache replication group transitEncryptionEnabled must be true"],
});

/** EKS secrets envelope-encrypted with a KMS key. */
export const eksSecretsEncryption = resourceRule({
    name: "eks-secrets-encryption",
    description: "EKS clusters must envelope-encrypt Kubernetes secrets with a KMS key (encryptionConfig).",
    types: [T.eksCluster],
    check: ({ props }) => {
        const ec = props.encryptionConfig;
        if (isUnknown(ec)) return [];
        const cfg = single(ec);
        if (!cfg) return ["EKS cluster encryptionConfig must be set with resources [\"secrets\"] and provider.keyArn"];
        const out: string[] = [];
        const resources = cfg.resources;
        if (!isUnknown(resources) && !asArray(resources).includes("secrets")) {
            out.push("EKS cluster encryptionConfig.resources must include \"secrets\"");
        }
        const provider = single(cfg.provider);
        if (!isUnknown(cfg.provider) && !isSet(provider?.keyArn)) {
            out.push("EKS cluster encryptionConfig.provider.keyArn must be set to a KMS key");
        }
        return out;
    },
});

/** Standalone EBS volumes encrypted. */
export const ebsVolumeEncrypted = resourceRule({
    name: "ebs-volume-encrypted",
    description: "EBS volumes must be encrypted (encrypted: true).",
    types: [T.ebsVolume],
    check: ({ props }) => (isTrueOrUnknown(props.encrypted) ? [] : ["EBS volume encrypted must be true"]),
});

interface LaunchTemplateConfig {
    requireBlockDeviceMappings: boolean;
}

/** Launch templates declare only encrypted EBS volumes (the node groups' root volumes). */
export const launchTemplateEbsEncrypted = resourceRule<LaunchTemplateConfig>({
    name: "launch-template-ebs-encrypted",
    description:
        "Launch templates must declare their EBS volumes encrypted (blockDeviceMappings[].ebs.encrypted = \"true\"). " +
        "A template without blockDeviceMappings leaves the root volume to the AMI's default, which is not guaranteed encrypted.",
    types: [T.launchTemplate],
    configSchema: {
        requireBlockDeviceMappings: {
            type: "boolean",
            default: true,
            description: "Report launch templates that declare no blockDeviceMappings at all.",
        },
    },
    check: ({ props, config }) => {
        const bdm = props.blockDeviceMappings;
        if (isUnknown(bdm)) return [];
        const mappings = asArray(bdm);
        if (mappings.length === 0) {
            return config.requireBlockDeviceMappings
                ? ["launch template blockDeviceMappings must declare the root volume with ebs.encrypted \"true\""]
                : [];
        }
        const out: string[] = [];
        mappings.forEach((m: any, i: number) => {
            if (!m || isUnknown(m)) return;
            if (isSet(m.virtualName) || isSet(m.noDevice)) return; // instance store / suppressed device
            const ebs = single(m.ebs);
            if (isUnknown(m.ebs)) return;
            if (!ebs || !isTrueOrUnknown(ebs.encrypted)) {
                out.push(`launch template blockDeviceMappings[${i}].ebs.encrypted must be "true"` +
                    (m.deviceName ? ` (device ${m.deviceName})` : ""));
            }
        });
        return out;
    },
});

/** SNS topics encrypted with a KMS key. */
export const snsTopicKms = resourceRule({
    name: "sns-topic-kms",
    description: "SNS topics must be encrypted with a KMS key (kmsMasterKeyId).",
    types: [T.snsTopic],
    check: ({ props }) => (isSet(props.kmsMasterKeyId) ? [] : ["SNS topic kmsMasterKeyId must be set to a KMS key"]),
});

/** CloudWatch log groups encrypted with a KMS key. */
export const cloudwatchLogGroupKms = resourceRule({
    name: "cloudwatch-log-group-kms",
    description: "CloudWatch log groups must be encrypted with a KMS key (kmsKeyId).",
    types: [T.logGroup],
    check: ({ props }) => (isSet(props.kmsKeyId) ? [] : ["CloudWatch log group kmsKeyId must be set to a KMS key ARN"]),
});

/**
 * The retention periods CloudWatch Logs accepts (CloudWatch Logs API Reference, PutRetentionPolicy,
 * retentionInDays; terraform-provider-aws internal/service/logs/group.go validates the same list, plus 0).
 * 0 or unset means "never expire".
 */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** CloudWatch log groups expire their events: a group without retention keeps (and bills) them forever. */
export const cloudwatchLogGroupRetention = resourceRule({
    name: "cloudwatch-log-group-retention",
    description:
        "CloudWatch log groups must set retentionInDays to one of the periods CloudWatch Logs accepts " +
        "(unset or 0 keeps events forever).",
    types: [T.logGroup],
    check: ({ props }) => {
        const days = props.retentionInDays;
        if (isUnknown(days)) return [];
        if (days === undefined || days === null || days === 0) {
            return ["CloudWatch log group retentionInDays must be set (unset or 0 keeps log events forever)"];
        }
        return LOG_RETENTION_DAYS.includes(Number(days))
            ? []
            : [`CloudWatch log group retentionInDays must be one of the periods CloudWatch Logs accepts (${LOG_RETENTION_DAYS.join(", ")}), found ${days}`];
    },
});

/** Symmetric KMS keys rotate automatically. */
export const kmsKeyRotation = resourceRule({
    name: "kms-key-rotation",
    description:
        "Symmetric KMS keys must have automatic rotation on (enableKeyRotation). Asymmetric and HMAC keys, " +
        "which AWS cannot rotate, are exempt.",
    types: [T.kmsKey],
    check: ({ props, args }) => {
        const spec = props.customerMasterKeySpec ?? props.keySpec;
        if (typeof spec === "string" && !isUnknown(spec) && spec !== "SYMMETRIC_DEFAULT") {
            if (typeof args.notApplicable === "function") args.notApplicable(`key spec ${spec} cannot be rotated`);
            return [];
        }
        return isTrueOrUnknown(props.enableKeyRotation) ? [] : ["KMS key enableKeyRotation must be true"];
    },
});

// ---------------------------------------------------------------------------------------------
// S3: encryption and public access block are separate resources, so these are stack rules.

const BUCKET_TYPES = new Set<string>([T.s3Bucket, T.s3BucketV2]);
const SSE_TYPES = new Set<string>([T.s3Sse, T.s3SseV2]);

/**
 * Whether `ref` (a bucket-scoped resource such as a public access block) refers to `bucket`
 * through its `prop` input. Tried in order:
 *  1. CrossGuard's propertyDependencies[prop] (real `pulumi preview`/`up`);
 *  2. the value of `prop` equals the bucket's id / bucket name (CrossGuard outputs, or the
 *     offline plan's deterministic "<name>-id" placeholder, or a literal bucket name);
 *  3. the value is unknown / unmatched, and `ref.dependencies` contains this bucket and no other
 *     bucket (offline plan: a reference to another resource's output is recorded as a dependency).
 */
export function refersToBucket(ref: StackResource, prop: string, bucket: StackResource, allBuckets: StackResource[]): boolean {
    const pdeps = ref.propertyDependencies?.[prop];
    if (pdeps && pdeps.length > 0) return pdeps.includes(bucket.urn);
    const v = ref.props?.[prop];
    if (typeof v === "string" && !isUnknown(v)) {
        const ids = [bucket.props?.id, bucket.props?.bucket, `${bucket.name}-id`].filter(x => typeof x === "string" && !isUnknown(x));
        if (ids.includes(v)) return true;
        const anyMatch = allBuckets.some(b => [b.props?.id, b.props?.bucket, `${b.name}-id`].includes(v));
        if (anyMatch) return false;
    }
    const bucketDeps = ref.dependencies.filter(u => allBuckets.some(b => b.urn === u));
    return bucketDeps.length === 1 && bucketDeps[0] === bucket.urn;
}

interface S3EncryptionConfig {
    allowedAlgorithms: string[];
    allowInlineConfiguration: boolean;
}

function sseAlgorithms(rules: unknown): unknown[] {
    return asArray(rules).map((r: any) => single(r?.applyServerSideEncryptionByDefault)?.sseAlgorithm);
}

/** Every S3 bucket has a server-side encryption configuration. */
export const s3BucketEncryption = stackRule<S3EncryptionConfig>({
    name: "s3-bucket-encryption",
    description:
        "S3 buckets must have a server-side encryption configuration (a BucketServerSideEncryptionConfiguration[V2] " +
        "resource whose `bucket` refers to the bucket) with an allowed sseAlgorithm. SSE-S3 (AES256) is allowed by default " +
        "because ALB access-log buckets cannot use SSE-KMS.",
    configSchema: {
        allowedAlgorithms: {
            type: "array",
            items: { type: "string" },
            default: ["aws:kms", "aws:kms:dsse", "AES256"],
            description: "Accepted sseAlgorithm values.",
        },
        allowInlineConfiguration: {
            type: "boolean",
            default: false,
            description:
                "Also accept the deprecated inline serverSideEncryptionConfiguration of the bucket. Off by default: stack " +
                "rules see outputs under `pulumi up`, and AWS reports its default SSE-S3 there for every bucket, so the " +
                "inline value cannot show the program configured encryption.",
        },
    },
    check: (resources, config) => {
        const buckets = resources.filter(r => BUCKET_TYPES.has(r.type));
        const sses = resources.filter(r => SSE_TYPES.has(r.type));
        const allowed = new Set(config.allowedAlgorithms);
        const ok = (algs: unknown[]) => algs.length > 0 && algs.every(a => isUnknown(a) || (typeof a === "string" && allowed.has(a)));
        const out: StackViolation[] = [];
        for (const b of buckets) {
            const inline = config.allowInlineConfiguration ? single(b.props.serverSideEncryptionConfiguration) : undefined;
            if (inline && ok(sseAlgorithms(inline.rule ?? inline.rules))) continue;
            const configs = sses.filter(s => refersToBucket(s, "bucket", b, buckets));
            if (configs.length === 0) {
                out.push({
                    urn: b.urn,
                    message: "S3 bucket must have a BucketServerSideEncryptionConfiguration whose bucket refers to it",
                });
            } else if (!configs.some(c => ok(sseAlgorithms(c.props.rules ?? c.props.rule)))) {
                out.push({
                    urn: b.urn,
                    message: `S3 bucket server-side encryption rules[].applyServerSideEncryptionByDefault.sseAlgorithm must be one of ${[...allowed].join(", ")}`,
                });
            }
        }
        return out;
    },
});

const PAB_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** Every S3 bucket has a public access block with all four flags on. */
export const s3BucketPublicAccessBlock = stackRule({
    name: "s3-bucket-public-access-block",
    description:
        "S3 buckets must have a BucketPublicAccessBlock whose `bucket` refers to them, with blockPublicAcls, " +
        "blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true.",
    check: resources => {
        const buckets = resources.filter(r => BUCKET_TYPES.has(r.type));
        const pabs = resources.filter(r => r.type === T.s3PublicAccessBlock);
        const out: StackViolation[] = [];
        for (const b of buckets) {
            const mine = pabs.filter(p => refersToBucket(p, "bucket", b, buckets));
            if (mine.length === 0) {
                out.push({ urn: b.urn, message: "S3 bucket must have a BucketPublicAccessBlock whose bucket refers to it" });
                continue;
            }
            const best = mine.find(p => PAB_FLAGS.every(f => isTrueOrUnknown(p.props[f]))) ?? mine[0];
            const off = PAB_FLAGS.filter(f => !isTrueOrUnknown(best.props[f]));
            if (off.length > 0) {
                out.push({ urn: b.urn, message: `S3 bucket public access block ${off.join(", ")} must be true` });
            }
        }
        return out;
    },
});

export const encryptionPolicies = [
    rdsStorageEncrypted,
    rdsPerformanceInsightsKms,
    elasticacheAtRestEncryption,
    elasticacheInTransitEncryption,
    eksSecretsEncryption,
    ebsVolumeEncrypted,
    launchTemplateEbsEncrypted,
    snsTopicKms,
    cloudwatchLogGroupKms,
    cloudwatchLogGroupRetention,
    kmsKeyRotation,
    s3BucketEncryption,
    s3BucketPublicAccessBlock,
];
