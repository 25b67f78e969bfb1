// S3 guard rails beyond encryption and the public access block (those are in encryption.ts):
// TLS only, replication after versioning, data buckets replicated in production.
import {
    asArray,
    isExplicitlyTrue,
    isProd,
    isSet,
    isUnknown,
    ProdConfig,
    prodConfigSchema,
    resourceRule,
    single,
    stackRule,
    StackResource,
    StackViolation,
    tagsOf,
} from "./common";
import { refersToBucket } from "./encryption";

export const T = {
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    versioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    ecrRepository: "aws:ecr/repository:Repository",
} as const;

const BUCKETS = new Set<string>([T.bucket, T.bucketV2]);
const VERSIONINGS = new Set<string>([T.versioning, T.versioningV2]);
/** The tag AWS Backup selects data stores by (backup.ts); a bucket carrying it holds data. */
const BACKUP_TAG = "Backup";

function parseJson(v: unknown): any {
    if (typeof v !== "string") return v;
    try {
        return JSON.parse(v);
    } catch {
        return undefined;
    }
}

/** Whether a statement denies everyone every S3 action without TLS, on `arn` and `arn/*` (or both patterns when the name is unknown). */
function deniesPlainHttp(statement: any, bucketName: unknown): boolean {
    if (statement?.Effect !== "Deny") return false;
    const principal = statement.Principal;
    if (!(principal === "*" || (principal && (principal.AWS === "*" || asArray(principal.AWS).includes("*"))))) return false;
    if (!asArray(statement.Action).includes("s3:*")) return false;
    const insecure = statement.Condition?.Bool?.["aws:SecureTransport"];
    if (!(insecure === false || insecure === "false")) return false;
    const resources = asArray(statement.Resource).map(String);
    if (typeof bucketName === "string" && !isUnknown(bucketName)) {
        return resources.some(r => r.endsWith(`:s3:::${bucketName}`)) && resources.some(r => r.endsWith(`:s3:::${bucketName}/*`));
    }
    return resources.some(r => r.endsWith("/*")) && resources.some(r => !r.endsWith("/*"));
}

/** Every bucket's policy denies requests without TLS (aws:SecureTransport false) on the bucket and its objects. */
export const s3BucketTlsOnly = stackRule({
    name: "s3-bucket-tls-only",
    description:
        "S3 buckets must have a BucketPolicy whose `bucket` refers to them with a statement that denies s3:* to every " +
        "principal when aws:SecureTransport is false, on the bucket and on its objects (bucket/*). Without it S3 serves " +
        "plain HTTP (S3 User Guide, \"Enforce encryption of data in transit\").",
    check: resources => {
        const buckets = resources.filter(r => BUCKETS.has(r.type));
        const policies = resources.filter(r => r.type === T.bucketPolicy);
        const out: StackViolation[] = [];
        for (const b of buckets) {
            const mine = policies.filter(p => refersToBucket(p, "bucket", b, buckets));
            if (mine.some(p => isUnknown(p.props.policy))) continue;
            const ok = mine.some(p => asArray(parseJson(p.props.policy)?.Statement).some(s => deniesPlainHttp(s, b.props.bucket)));
            if (!ok) {
                out.push({
                    urn: b.urn,
                    message: mine.length === 0
                        ? "S3 bucket must have a BucketPolicy that denies requests without TLS (aws:SecureTransport false)"
                        : "S3 bucket policy must deny s3:* to \"*\" when aws:SecureTransport is false, on the bucket and bucket/*",
                });
            }
        }
        return out;
    },
});

/** The bucket a replication rule writes to: by its ARN, or (CrossGuard) the one bucket its `rules` depend on. */
function destinationOf(replication: StackResource, buckets: StackResource[]): StackResource | undefined {
    const arn = single(asArray(replication.props.rules)[0]?.destination)?.bucket;
    if (typeof arn === "string" && !isUnknown(arn)) {
        const byName = buckets.find(b => typeof b.props.bucket === "string" && arn.endsWith(`:s3:::${b.props.bucket}`));
        if (byName) return byName;
    }
    const deps = replication.propertyDependencies?.rules ?? [];
    const candidates = buckets.filter(b => deps.includes(b.urn));
    return candidates.length === 1 ? candidates[0] : undefined;
}

/**
 * S3 refuses PutBucketReplication unless versioning is enabled on the source and the destination; the
 * provider does not order them (terraform-provider-aws docs for aws_s3_bucket_replication_configuration:
 * depends_on both aws_s3_bucket_versioning), so a first `up` races and fails without the dependency.
 */
export const s3ReplicationAfterVersioning = stackRule({
    name: "s3-replication-after-versioning",
    description:
        "An S3 BucketReplicationConfig must depend on an enabled BucketVersioning of its source bucket and of its " +
        "destination bucket (PutBucketReplication refuses either unversioned; nothing else orders them on a first up).",
    check: resources => {
        const buckets = resources.filter(r => BUCKETS.has(r.type));
        const versionings = resources.filter(r => VERSIONINGS.has(r.type));
        const out: StackViolation[] = [];
        for (const rep of resources.filter(r => r.type === T.replication)) {
            const source = buckets.find(b => refersToBucket(rep, "bucket", b, buckets));
            const destination = destinationOf(rep, buckets);
            for (const [side, bucket] of [["source", source], ["destination", destination]] as const) {
                if (!bucket) continue;
                const versioning = versionings.find(v => {
                    const status = single(v.props.versioningConfiguration)?.status;
                    return refersToBucket(v, "bucket", bucket, buckets) && (isUnknown(status) || status === "Enabled");
                });
                if (!versioning) {
                    out.push({ urn: rep.urn, message: `S3 replication ${side} bucket ${bucket.name} must have versioning enabled` });
                } else if (!rep.dependencies.includes(versioning.urn)) {
                    out.push({ urn: rep.urn, message: `S3 replication must depend on the versioning of its ${side} bucket (${versioning.name})` });
                }
            }
        }
        return out;
    },
});

/** In production, a bucket that holds data (carries the Backup tag) is replicated to another region. */
export const s3DataBucketReplicated = stackRule<ProdConfig>({
    name: "s3-data-bucket-replicated",
    description:
        "In production, every S3 bucket that holds data (it carries the Backup tag the stack's AWS Backup plan selects) " +
        "must be the source of a BucketReplicationConfig, so its objects survive the loss of its region.",
    configSchema: prodConfigSchema,
    check: (resources, config) => {
        const buckets = resources.filter(r => BUCKETS.has(r.type));
        const replications = resources.filter(r => r.type === T.replication);
        const out: StackViolation[] = [];
        for (const b of buckets) {
            if (!isProd(b.urn, b.props, config)) continue;
            const tags = tagsOf(b.props);
            if (tags === undefined || tags[BACKUP_TAG] === undefined) continue;
            if (!replications.some(r => refersToBucket(r, "bucket", b, buckets))) {
                out.push({ urn: b.urn, message: "S3 bucket that holds data (Backup tag) must be replicated to another region in production" });
            }
        }
        return out;
    },
});

/**
 * ECR repositories: a tag names one image for good (a deploy of `api:1.4.2` runs what was tested), every push is
 * scanned, images are encrypted with a customer-managed key. Encryption is ForceNew (terraform-provider-aws
 * internal/service/ecr/repository.go): it must be right on the first `up`.
 */
export const ecrRepositoryImmutableScanned = resourceRule({
    name: "ecr-repository-immutable-scanned",
    description:
        "ECR repositories must have imageTagMutability IMMUTABLE, imageScanningConfiguration.scanOnPush true and " +
        "encryptionConfigurations with encryptionType KMS and a kmsKey (a customer-managed key; the encryption cannot " +
        "change without replacing the repository and its images).",
    types: [T.ecrRepository],
    check: ({ props }) => {
        const out: string[] = [];
        if (!isUnknown(props.imageTagMutability) && props.imageTagMutability !== "IMMUTABLE") {
            out.push("ECR repository imageTagMutability must be IMMUTABLE");
        }
        const scan = single(props.imageScanningConfiguration)?.scanOnPush;
        if (!isUnknown(scan) && !isExplicitlyTrue(scan)) {
            out.push("ECR repository imageScanningConfiguration.scanOnPush must be true");
        }
        const enc = single(asArray(props.encryptionConfigurations)[0]);
        if (!isUnknown(props.encryptionConfigurations) && (enc?.encryptionType !== "KMS" || !isSet(enc?.kmsKey))) {
            out.push("ECR repository encryptionConfigurations must be encryptionType KMS with a kmsKey");
        }
        return out;
    },
});

export const storagePolicies = [s3BucketTlsOnly, s3ReplicationAfterVersioning, s3DataBucketReplicated, ecrRepositoryImmutableScanned];
