// Cases of the edge rules (rules/edge.ts): a happy CloudFront distribution in front of a private bucket and its
// replica, then one property changed per failing case.
import type { PackConfig, PlanResource } from "../../checker/engine";
import type { Case } from "./cases";
import { res, TAGS, withProps } from "./factories";

export const edgeCases: Case[] = [];
const pass = (policy: string, title: string, resources: PlanResource[], config?: PackConfig) =>
    edgeCases.push({ policy, title, resources, config, expect: [] });
const fail = (policy: string, title: string, resources: PlanResource[], expect: RegExp[], config?: PackConfig) =>
    edgeCases.push({ policy, title, resources, config, expect });

const DIST = "aws:cloudfront/distribution:Distribution";
const OAC = "aws:cloudfront/originAccessControl:OriginAccessControl";
const BUCKET = "aws:s3/bucketV2:BucketV2";
const REPLICATION = "aws:s3/bucketReplicationConfig:BucketReplicationConfig";
const VERSIONING = "aws:s3/bucketVersioningV2:BucketVersioningV2";
const LIFECYCLE = "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2";

/** The assets distribution as the program plans it (offline plan values). */
function distribution(over: Record<string, any> = {}, stack = "prod"): Record<string, any> {
    return withProps({
        enabled: true,
        aliases: ["assets.ultibiker.example.com"],
        origins: [
            { originId: "primary", domainName: "ultibiker-prod-assets-us-east-1-1.s3.us-east-1.amazonaws.com", originAccessControlId: "assets-oac-id" },
            { originId: "replica", domainName: "ultibiker-prod-assets-eu-west-1-1.s3.eu-west-1.amazonaws.com", originAccessControlId: "assets-oac-id" },
        ],
        defaultCacheBehavior: { targetOriginId: "failover", viewerProtocolPolicy: "redirect-to-https",
            allowedMethods: ["GET", "HEAD", "OPTIONS"], cachedMethods: ["GET", "HEAD"] },
        viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:1:certificate/x", sslSupportMethod: "sni-only",
            minimumProtocolVersion: "TLSv1.2_2021" },
        tags: { ...TAGS, Environment: stack },
    }, over);
}
const oac = (over: Record<string, any> = {}) => res(OAC, "assets-oac", withProps({
    name: "ultibiker-prod-assets", originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4" }, over), { stack: "prod" });
const cdn = (over: Record<string, any> = {}) => res(DIST, "assets-cdn", distribution(over), { stack: "prod" });

// ------------------------------------------------------------------------------- viewer TLS
{
    const p = "cloudfront-viewer-tls";
    pass(p, "TLSv1.2_2021, its own certificate, redirect to HTTPS", [cdn()]);
    pass(p, "https-only and a newer policy", [cdn({ defaultCacheBehavior: { viewerProtocolPolicy: "https-only" },
        viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2025" } })]);
    pass(p, "values unknown at preview are not judged", [cdn({ viewerCertificate: { minimumProtocolVersion: "[unknown]" } })]);
    fail(p, "TLSv1.2_2019 allows weaker ciphers", [cdn({ viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2019" } })],
        [/minimumProtocolVersion must be one of TLSv1\.2_2021, TLSv1\.2_2025, TLSv1\.3_2025 \(found TLSv1\.2_2019\)/]);
    fail(p, "unset is TLSv1", [cdn({ viewerCertificate: { minimumProtocolVersion: undefined } })], [/found unset, which is TLSv1/]);
    fail(p, "the default certificate", [cdn({ viewerCertificate: { acmCertificateArn: undefined, cloudfrontDefaultCertificate: true,
        minimumProtocolVersion: "TLSv1.2_2021" } })], [/not cloudfrontDefaultCertificate, which accepts TLSv1/]);
    fail(p, "a behavior serving plain HTTP", [cdn({ orderedCacheBehaviors: [{ pathPattern: "/maps/*", viewerProtocolPolicy: "allow-all" }] })],
        [/orderedCacheBehaviors\[0\]\.viewerProtocolPolicy must be redirect-to-https or https-only \(found allow-all\)/]);
}

// ------------------------------------------------------------------------------- origin access control
{
    const p = "cloudfront-s3-origin-access-control";
    pass(p, "both S3 origins through a signing OAC", [cdn(), oac()]);
    pass(p, "a custom (non-S3) origin needs none", [res(DIST, "api-cdn", distribution({ origins: [{ originId: "alb", domainName: "api.ultibiker.example.com",
        customOriginConfig: { originProtocolPolicy: "https-only" } }] }), { stack: "prod" })]);
    fail(p, "an S3 origin without OAC", [cdn({ origins: [{ originId: "primary", domainName: "b.s3.us-east-1.amazonaws.com" }] }), oac()],
        [/S3 origin primary must name an origin access control/]);
    fail(p, "a legacy origin access identity", [cdn({ origins: [{ originId: "primary", domainName: "b.s3.amazonaws.com",
        s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E1" } }] })],
        [/must use origin access control, not the legacy origin access identity/, /must name an origin access control/]);
    fail(p, "the website endpoint of a public bucket", [cdn({ origins: [{ originId: "site", domainName: "b.s3-website-us-east-1.amazonaws.com",
        customOriginConfig: { originProtocolPolicy: "http-only" } }] })], [/must not be an S3 website endpoint/]);
    fail(p, "an OAC that does not sign", [cdn(), oac({ signingBehavior: "never" })],
        [/must have signingBehavior always \(found never\)/, /must have signingBehavior always \(found never\)/]);
}

// ------------------------------------------------------------------------------- replication in production
{
    const p = "s3-bucket-replicated-in-production";
    const bucket = (name: string, stack = "prod") => res(BUCKET, name, { bucket: `ultibiker-${stack}-${name}`, tags: { ...TAGS, Environment: stack } }, { stack });
    const on = (type: string, name: string, b: PlanResource, props: Record<string, any>, extra: string[] = []) =>
        res(type, name, { bucket: `${b.name}-id`, ...props }, { stack: b.urn.split(":")[2], dependencies: [b.urn, ...extra] });
    const assets = bucket("assets-bucket");
    const replica = bucket("assets-replica");
    const versioned = (b: PlanResource) => on(VERSIONING, `${b.name}-versioning`, b, { versioningConfiguration: { status: "Enabled" } });
    const replication = (status = "Enabled") => on(REPLICATION, "assets-bucket-replication", assets,
        { role: "arn:aws:iam::1:role/r", rules: [{ id: "all", status, destination: { bucket: `arn:aws:s3:::ultibiker-prod-assets-replica` } }] }, [replica.urn]);
    const logs = bucket("alb-logs");
    const expiring = on(LIFECYCLE, "alb-logs-lifecycle", logs, { rules: [{ id: "expire", status: "Enabled", expiration: { days: 90 }, filter: { prefix: "" } }] });
    pass(p, "the assets bucket replicated to its versioned replica", [assets, replica, versioned(assets), versioned(replica), replication()]);
    pass(p, "a log bucket whose objects all expire stays in its region", [logs, expiring]);
    pass(p, "outside production nothing is required", [bucket("assets-bucket", "dev")]);
    fail(p, "a data bucket without replication", [assets, versioned(assets)], [/must be replicated to another region/]);
    fail(p, "a disabled replication rule", [assets, replica, versioned(assets), versioned(replica), replication("Disabled")],
        [/must be replicated to another region/]);
    fail(p, "replication without versioning", [assets, replica, versioned(replica), replication()], [/must be versioned \(replication needs it\)/]);
    fail(p, "expiring only a prefix keeps the rest", [logs, on(LIFECYCLE, "alb-logs-lifecycle", logs, { rules: [{ id: "tmp", status: "Enabled",
        expiration: { days: 1 }, filter: { prefix: "tmp/" } }] })], [/must be versioned/, /must be replicated/]);
}
