// The edge in front of static content: CloudFront's viewer TLS, S3 origins reached only through origin access
// control (no public bucket behind it: s3-bucket-not-public, audit.ts), and data buckets replicated in production.
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
} from "./common";
import { refersToBucket } from "./encryption";

export const T = {
    distribution: "aws:cloudfront/distribution:Distribution",
    originAccessControl: "aws:cloudfront/originAccessControl:OriginAccessControl",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    versioning: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    lifecycle: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
} as const;

const BUCKET_TYPES = new Set<string>([T.bucket, T.bucketV2]);

/** The cache behaviors of a distribution: the default one first, then the ordered ones. */
function behaviors(props: Record<string, any>): { path: string; behavior: Record<string, any> }[] {
    const out: { path: string; behavior: Record<string, any> }[] = [];
    const d = single(props.defaultCacheBehavior);
    if (d) out.push({ path: "defaultCacheBehavior", behavior: d });
    asArray(props.orderedCacheBehaviors).forEach((b, i) => {
        if (b && typeof b === "object") out.push({ path: `orderedCacheBehaviors[${i}]`, behavior: b });
    });
    return out;
}

export interface ViewerTlsConfig {
    minimumProtocolVersions: string[];
}

/**
 * CloudFront's viewer side: TLS 1.2 or newer with the current cipher sets, the distribution's own certificate (the
 * default *.cloudfront.net certificate pins the minimum at TLSv1), and no behavior that serves plain HTTP.
 */
export const cloudfrontViewerTls = resourceRule<ViewerTlsConfig>({
    name: "cloudfront-viewer-tls",
    description:
        "CloudFront distributions must serve viewers over TLS 1.2 or newer: viewerCertificate.minimumProtocolVersion one of " +
        "minimumProtocolVersions (default TLSv1.2_2021 and the newer policies; CloudFront API reference, ViewerCertificate), " +
        "their own ACM certificate rather than cloudfrontDefaultCertificate (which allows TLSv1), and every cache behavior's " +
        "viewerProtocolPolicy redirect-to-https or https-only.",
    types: [T.distribution],
    configSchema: {
        minimumProtocolVersions: {
            type: "array",
            items: { type: "string" },
            default: ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"],
            description: "Security policies CloudFront may negotiate at least (TLSv1.2_2019 and older allow weak ciphers or TLS 1.0/1.1).",
        },
    },
    check: ({ props, config }) => {
        const out: string[] = [];
        const vc = single(props.viewerCertificate);
        if (vc === undefined) {
            if (!isUnknown(props.viewerCertificate)) out.push("CloudFront distribution must set viewerCertificate with its own ACM certificate");
        } else {
            if (isExplicitlyTrue(vc.cloudfrontDefaultCertificate) && !isUnknown(vc.cloudfrontDefaultCertificate)) {
                out.push("CloudFront distribution must use its own ACM certificate (viewerCertificate.acmCertificateArn), not " +
                    "cloudfrontDefaultCertificate, which accepts TLSv1");
            }
            const v = vc.minimumProtocolVersion;
            if (!isUnknown(v) && !config.minimumProtocolVersions.includes(v)) {
                out.push(`CloudFront viewerCertificate.minimumProtocolVersion must be one of ${config.minimumProtocolVersions.join(", ")} ` +
                    `(found ${v ?? "unset, which is TLSv1"})`);
            }
        }
        for (const { path, behavior } of behaviors(props)) {
            const policy = behavior.viewerProtocolPolicy;
            if (isUnknown(policy)) continue;
            if (policy !== "redirect-to-https" && policy !== "https-only") {
                out.push(`CloudFront ${path}.viewerProtocolPolicy must be redirect-to-https or https-only (found ${policy ?? "unset"})`);
            }
        }
        return out;
    },
});

/** An S3 REST endpoint (bucket.s3.amazonaws.com, bucket.s3.<region>.amazonaws.com), not a website endpoint. */
export function isS3RestDomain(d: unknown): boolean {
    return typeof d === "string" && /\.s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(d) && !/\.s3-website[.-]/.test(d);
}

export function isS3WebsiteDomain(d: unknown): boolean {
    return typeof d === "string" && /\.s3-website[.-][a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(d);
}

/** The origin access control an origin names: by id, or the one OAC the distribution depends on when the id is unknown. */
function oacOf(value: unknown, distribution: StackResource, oacs: StackResource[]): StackResource | undefined {
    const byId = oacs.find(o => [o.props?.id, `${o.name}-id`].includes(value));
    if (byId) return byId;
    if (!isUnknown(value)) return undefined;
    const deps = oacs.filter(o => distribution.dependencies.includes(o.urn));
    return deps.length === 1 ? deps[0] : undefined;
}

/**
 * S3 origins are reached only through origin access control (SigV4 on every request), never an origin access
 * identity (legacy) or the public website endpoint; the bucket policy then admits CloudFront for that distribution.
 */
export const cloudfrontS3OriginAccessControl = stackRule({
    name: "cloudfront-s3-origin-access-control",
    description:
        "Every S3 origin of a CloudFront distribution (domainName an S3 REST endpoint, or s3OriginConfig set) must name an " +
        "origin access control (originAccessControlId) of type s3 that signs always with sigv4, and no legacy origin access " +
        "identity; no origin may be an S3 website endpoint (*.s3-website-*), which serves only public buckets (CloudFront " +
        "Developer Guide, \"Restrict access to an Amazon S3 origin\").",
    check: resources => {
        const oacs = resources.filter(r => r.type === T.originAccessControl);
        const out: StackViolation[] = [];
        for (const d of resources.filter(r => r.type === T.distribution)) {
            for (const o of asArray(d.props?.origins)) {
                if (!o || typeof o !== "object") continue;
                const id = o.originId ?? "?";
                if (isS3WebsiteDomain(o.domainName)) {
                    out.push({ urn: d.urn, message: `CloudFront origin ${id} must not be an S3 website endpoint (${o.domainName}): ` +
                        "it serves only public buckets; use the bucket's REST endpoint with origin access control" });
                    continue;
                }
                const s3Config = single(o.s3OriginConfig);
                if (!isS3RestDomain(o.domainName) && s3Config === undefined) continue;
                if (s3Config !== undefined && isSet(s3Config.originAccessIdentity)) {
                    out.push({ urn: d.urn, message: `CloudFront origin ${id} must use origin access control, not the legacy origin access identity` });
                }
                if (!isSet(o.originAccessControlId)) {
                    out.push({ urn: d.urn, message: `CloudFront S3 origin ${id} must name an origin access control (originAccessControlId)` });
                    continue;
                }
                const oac = oacOf(o.originAccessControlId, d, oacs);
                if (!oac) continue;
                const p = oac.props ?? {};
                const wrong = [["originAccessControlOriginType", "s3"], ["signingBehavior", "always"], ["signingProtocol", "sigv4"]]
                    .filter(([k, want]) => !isUnknown(p[k]) && p[k] !== want)
                    .map(([k, want]) => `${k} ${want} (found ${p[k] ?? "unset"})`);
                if (wrong.length > 0) {
                    out.push({ urn: oac.urn, message: `origin access control of S3 origin ${id} must have ${wrong.join(", ")}` });
                }
            }
        }
        return out;
    },
});

/** Whether an enabled lifecycle rule expires every current object (a log bucket: nothing in it outlives its retention). */
function everythingExpires(bucket: StackResource, lifecycles: StackResource[], buckets: StackResource[]): boolean {
    return lifecycles.filter(l => refersToBucket(l, "bucket", bucket, buckets)).some(l => asArray(l.props?.rules).some(rule => {
        if (!rule || rule.status !== "Enabled") return false;
        const exp = single(rule.expiration);
        if (!exp || !(isSet(exp.days) || isSet(exp.date))) return false;
        const f = single(rule.filter);
        return f === undefined || (!isSet(f.prefix) && !isSet(f.tag) && !isSet(f.and) && !isSet(f.objectSizeGreaterThan));
    }));
}

function bucketArn(b: StackResource): string | undefined {
    return isSet(b.props?.arn) ? b.props.arn : typeof b.props?.bucket === "string" ? `arn:aws:s3:::${b.props.bucket}` : undefined;
}

/** Whether some replication configuration writes into `bucket` (it is a replica). */
function isReplica(bucket: StackResource, replications: StackResource[], buckets: StackResource[]): boolean {
    const arn = bucketArn(bucket);
    return replications.some(rc => !refersToBucket(rc, "bucket", bucket, buckets) && asArray(rc.props?.rules).some(rule => {
        const dest = single(rule?.destination)?.bucket;
        return (arn !== undefined && dest === arn) || (isUnknown(dest) && rc.dependencies.includes(bucket.urn));
    }));
}

/**
 * In production a bucket that holds data (objects that do not all expire) is replicated to another region, so it
 * survives the loss of its own: an enabled replication rule from it, over versioning on it (S3 refuses replication
 * without). Log buckets (every object expires) stay in their region; replicas are the copy.
 */
export const s3BucketReplicatedInProduction = stackRule<ProdConfig>({
    name: "s3-bucket-replicated-in-production",
    description:
        "In production, every S3 bucket whose current objects do not all expire (no enabled lifecycle rule expiring the whole " +
        "bucket) and that is not itself a replica must be versioned (an Enabled aws:s3/bucketVersioningV2) and the bucket of an " +
        "aws:s3/bucketReplicationConfig with an Enabled rule and a destination bucket: cross-region replication keeps its data " +
        "when its region is lost (S3 User Guide, \"Replicating objects within and across Regions\"; replication requires " +
        "versioning on source and destination).",
    configSchema: prodConfigSchema,
    check: (resources, config) => {
        const buckets = resources.filter(r => BUCKET_TYPES.has(r.type));
        const lifecycles = resources.filter(r => r.type === T.lifecycle);
        const replications = resources.filter(r => r.type === T.replication);
        const versionings = resources.filter(r => r.type === T.versioning);
        const out: StackViolation[] = [];
        for (const b of buckets) {
            if (!isProd(b.urn, b.props ?? {}, config)) continue;
            if (everythingExpires(b, lifecycles, buckets) || isReplica(b, replications, buckets)) continue;
            const versioned = versionings.some(v => refersToBucket(v, "bucket", b, buckets)
                && (isUnknown(single(v.props?.versioningConfiguration)?.status) || single(v.props?.versioningConfiguration)?.status === "Enabled"));
            if (!versioned) {
                out.push({ urn: b.urn, message: "in production, an S3 bucket holding data must be versioned (replication needs it)" });
            }
            const replicated = replications.some(rc => refersToBucket(rc, "bucket", b, buckets) && asArray(rc.props?.rules).some(rule =>
                rule && (rule.status === "Enabled" || isUnknown(rule.status)) && isSet(single(rule.destination)?.bucket)));
            if (!replicated) {
                out.push({ urn: b.urn, message: "in production, an S3 bucket holding data (objects that do not all expire) must be " +
                    "replicated to another region: an aws:s3/bucketReplicationConfig whose bucket is this one, with an Enabled rule" });
            }
        }
        return out;
    },
});

export const edgePolicies = [
    cloudfrontViewerTls,
    cloudfrontS3OriginAccessControl,
    s3BucketReplicatedInProduction,
];
