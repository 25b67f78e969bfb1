// Audit guard rails: production has a multi-region trail that validates its log files (unless the organisation runs
// the trail), and no S3 bucket, log buckets first, is open to the public by policy or ACL.
import { isProd, isSet, isTrueOrUnknown, isUnknown, prodConfigSchema, stackRule, type ProdConfig, type StackViolation } from "./common";

export const T = {
    trail: "aws:cloudtrail/trail:Trail",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    bucketAcl: "aws:s3/bucketAclV2:BucketAclV2",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
} as const;

interface TrailConfig extends ProdConfig {
    trailManagedByOrganization: boolean;
}

/** A trail that records every region and lets CloudTrail's digest files prove its log files unchanged. */
function trailProblems(props: Record<string, any>): string[] {
    const out: string[] = [];
    if (!isTrueOrUnknown(props.isMultiRegionTrail)) out.push("isMultiRegionTrail must be true");
    if (!isTrueOrUnknown(props.enableLogFileValidation)) out.push("enableLogFileValidation must be true");
    if (!isSet(props.kmsKeyId)) out.push("kmsKeyId must be set (a customer-managed key)");
    return out;
}

/**
 * SPEC "Audit": a production stack has a validated, encrypted, multi-region trail. The pack cannot see an organisation
 * trail (it lives in the management account): a stack whose trail the organisation runs (`audit.trail: organization`)
 * says so with `trailManagedByOrganization`; every trail the stack does create is still held to the same standard.
 */
export const cloudtrailTrailInProduction = stackRule<TrailConfig>({
    name: "cloudtrail-trail-in-production",
    description:
        "A production stack must create a CloudTrail trail with isMultiRegionTrail and enableLogFileValidation true and a " +
        "kmsKeyId, unless config trailManagedByOrganization says the organisation's trail covers the account; every trail " +
        "of a production stack must meet that standard.",
    configSchema: {
        ...prodConfigSchema,
        trailManagedByOrganization: {
            type: "boolean",
            default: false,
            description: "The organisation's trail covers this account (audit.trail: organization): no trail of the stack's own is required.",
        },
    },
    check: (resources, config) => {
        const prod = resources.filter(r => r.type.startsWith("aws:") && isProd(r.urn, r.props, config));
        if (prod.length === 0) return [];
        const out: StackViolation[] = [];
        const trails = resources.filter(r => r.type === T.trail);
        for (const t of trails) {
            for (const p of trailProblems(t.props)) out.push({ urn: t.urn, message: `CloudTrail trail ${p} in production` });
        }
        if (trails.length === 0 && !config.trailManagedByOrganization) {
            out.push({
                message: "a production stack must create a multi-region CloudTrail trail with log file validation " +
                    "(audit.trail: stack), or set trailManagedByOrganization when the organisation's trail covers the account",
            });
        }
        return out;
    },
});

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);

function isEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    if (principal && typeof principal === "object") {
        const aws = (principal as Record<string, unknown>).AWS;
        return aws === "*" || (Array.isArray(aws) && aws.includes("*"));
    }
    return false;
}

/** Statements of a policy document given as JSON text or an object; undefined when it cannot be read (unknown). */
function statementsOf(policy: unknown): Record<string, any>[] | undefined {
    if (policy === undefined || policy === null || isUnknown(policy)) return undefined;
    let doc: any = policy;
    if (typeof policy === "string") {
        try {
            doc = JSON.parse(policy);
        } catch {
            return undefined;
        }
    }
    const st = doc?.Statement;
    return Array.isArray(st) ? st : st ? [st] : [];
}

/**
 * No bucket is public (issue 20: log buckets are not public): no bucket policy allows everyone (`"Principal": "*"` or
 * `{"AWS": "*"}` in an Allow statement: S3 treats it as public unless narrowed, and the public access block only
 * refuses it once in place), and no canned ACL grants public or any-authenticated-user access. Services are admitted
 * by their service principal with aws:SourceArn, never by `*`.
 */
export const s3BucketNotPublic = stackRule({
    name: "s3-bucket-not-public",
    description:
        "S3 bucket policies must not allow everyone (an Allow statement with Principal \"*\" or {\"AWS\": \"*\"}), and " +
        "bucket ACLs (aws:s3/bucketAclV2 acl, a bucket's acl) must not be public-read, public-read-write or authenticated-read.",
    check: resources => {
        const out: StackViolation[] = [];
        for (const r of resources) {
            if (r.type === T.bucketPolicy) {
                const statements = statementsOf(r.props.policy) ?? [];
                statements.forEach((s, i) => {
                    if (s?.Effect === "Allow" && isEveryone(s.Principal)) {
                        out.push({ urn: r.urn, message: `bucket policy statement ${s.Sid ?? i} must not allow Principal "*" (the bucket would be public)` });
                    }
                });
            } else if (r.type === T.bucketAcl || r.type === T.bucket || r.type === T.bucketV2) {
                if (typeof r.props.acl === "string" && PUBLIC_ACLS.has(r.props.acl)) {
                    out.push({ urn: r.urn, message: `bucket acl must not be ${r.props.acl} (the bucket would be public)` });
                }
            }
        }
        return out;
    },
});

export const auditPolicies = [cloudtrailTrailInProduction, s3BucketNotPublic];
