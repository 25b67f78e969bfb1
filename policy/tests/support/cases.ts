// The table of rule cases: for each policy, happy-path resources that pass and the same
// resources with one property changed that fail with a named message. rules.test.ts runs them
// all; pack.test.ts checks every policy of the pack has at least one of each.
import type { PackConfig, PlanResource } from "../../checker/engine";
import { bucketSet, happy, replicatedBuckets, res, TAGS, tlsOnlyPolicy, TYPES, urnOf, withProps } from "./factories";
import { deployabilityCases } from "./deployabilityCases";
import { edgeCases } from "./edgeCases";

export interface Case {
    policy: string;
    title: string;
    resources: PlanResource[];
    config?: PackConfig;
    /** Expected messages in order (a regex each); empty = the policy passes. */
    expect: RegExp[];
}

export const cases: Case[] = [];

function pass(policy: string, title: string, resources: PlanResource[], config?: PackConfig) {
    cases.push({ policy, title, resources, config, expect: [] });
}
function fail(policy: string, title: string, resources: PlanResource[], expect: RegExp[], config?: PackConfig) {
    cases.push({ policy, title, resources, config, expect });
}

const one = (type: string, props: Record<string, any>, stack = "dev", name = "r") => [res(type, name, props, { stack })];

// ------------------------------------------------------------------------------- encryption
{
    const p = "rds-storage-encrypted";
    pass(p, "encrypted primary with a KMS key", one(TYPES.rds, happy.rdsPrimary()));
    pass(p, "replica with kmsKeyId only (storageEncrypted inherited)", one(TYPES.rds, happy.rdsReplica()));
    pass(p, "kmsKeyId unknown at plan time counts as set", one(TYPES.rds, withProps(happy.rdsPrimary(), { kmsKeyId: "[unknown]" })));
    fail(p, "storageEncrypted false", one(TYPES.rds, withProps(happy.rdsPrimary(), { storageEncrypted: false })), [/storageEncrypted must be true/]);
    fail(p, "storageEncrypted missing", one(TYPES.rds, withProps(happy.rdsPrimary(), { storageEncrypted: undefined })), [/storageEncrypted must be true/]);
    fail(p, "kmsKeyId missing", one(TYPES.rds, withProps(happy.rdsPrimary(), { kmsKeyId: undefined })), [/kmsKeyId must be set/]);
    fail(p, "replica without kmsKeyId", one(TYPES.rds, withProps(happy.rdsReplica(), { kmsKeyId: undefined })), [/kmsKeyId must be set/]);
}
{
    const p = "rds-performance-insights-kms";
    pass(p, "PI with a KMS key", one(TYPES.rds, happy.rdsPrimary()));
    pass(p, "PI off needs no key", one(TYPES.rds, withProps(happy.rdsPrimary(), { performanceInsightsEnabled: false, performanceInsightsKmsKeyId: undefined })));
    fail(p, "PI on without a key", one(TYPES.rds, withProps(happy.rdsPrimary(), { performanceInsightsKmsKeyId: undefined })), [/performanceInsightsKmsKeyId must be set/]);
}
{
    const p = "elasticache-at-rest-encryption";
    pass(p, "at rest with KMS", one(TYPES.rg, happy.replicationGroup()));
    fail(p, "atRestEncryptionEnabled false", one(TYPES.rg, withProps(happy.replicationGroup(), { atRestEncryptionEnabled: false })), [/atRestEncryptionEnabled must be true/]);
    fail(p, "kmsKeyId missing", one(TYPES.rg, withProps(happy.replicationGroup(), { kmsKeyId: undefined })), [/kmsKeyId must be set/]);
}
{
    const p = "elasticache-in-transit-encryption";
    pass(p, "TLS on", one(TYPES.rg, happy.replicationGroup()));
    fail(p, "transitEncryptionEnabled missing", one(TYPES.rg, withProps(happy.replicationGroup(), { transitEncryptionEnabled: undefined })), [/transitEncryptionEnabled must be true/]);
}
{
    const p = "eks-secrets-encryption";
    pass(p, "secrets encrypted with a key", one(TYPES.eks, happy.eksCluster()));
    pass(p, "older provider shape: one-element list", one(TYPES.eks, withProps(happy.eksCluster(), { encryptionConfig: [{ provider: { keyArn: "[unknown]" }, resources: ["secrets"] }] })));
    fail(p, "no encryptionConfig", one(TYPES.eks, withProps(happy.eksCluster(), { encryptionConfig: undefined })), [/encryptionConfig must be set/]);
    fail(p, "resources without secrets", one(TYPES.eks, withProps(happy.eksCluster(), { encryptionConfig: { resources: [] } })), [/resources must include "secrets"/]);
    fail(p, "no key", one(TYPES.eks, withProps(happy.eksCluster(), { encryptionConfig: { provider: { keyArn: undefined } } })), [/provider.keyArn must be set/]);
}
{
    const p = "ebs-volume-encrypted";
    pass(p, "encrypted volume", one(TYPES.ebs, happy.ebsVolume()));
    fail(p, "encrypted false", one(TYPES.ebs, withProps(happy.ebsVolume(), { encrypted: false })), [/EBS volume encrypted must be true/]);
}
{
    const p = "launch-template-ebs-encrypted";
    pass(p, "encrypted root volume (string \"true\")", one(TYPES.lt, happy.launchTemplate()));
    pass(p, "boolean true accepted", one(TYPES.lt, withProps(happy.launchTemplate(), { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] })));
    pass(p, "no mappings allowed when configured", one(TYPES.lt, withProps(happy.launchTemplate(), { blockDeviceMappings: undefined })),
        { "launch-template-ebs-encrypted": { requireBlockDeviceMappings: false } });
    fail(p, "encrypted \"false\"", one(TYPES.lt, withProps(happy.launchTemplate(), { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] })),
        [/blockDeviceMappings\[0\]\.ebs\.encrypted must be "true" \(device \/dev\/xvda\)/]);
    fail(p, "no blockDeviceMappings", one(TYPES.lt, withProps(happy.launchTemplate(), { blockDeviceMappings: undefined })), [/blockDeviceMappings must declare the root volume/]);
}
{
    const p = "sns-topic-kms";
    pass(p, "topic with a key", one(TYPES.sns, happy.snsTopic()));
    fail(p, "no kmsMasterKeyId", one(TYPES.sns, withProps(happy.snsTopic(), { kmsMasterKeyId: undefined })), [/kmsMasterKeyId must be set/]);
}
{
    const p = "cloudwatch-log-group-kms";
    pass(p, "log group with a key", one(TYPES.logGroup, happy.logGroup()));
    fail(p, "empty kmsKeyId", one(TYPES.logGroup, withProps(happy.logGroup(), { kmsKeyId: "" })), [/kmsKeyId must be set/]);
}
{
    const p = "cloudwatch-log-group-retention";
    pass(p, "30 days", one(TYPES.logGroup, happy.logGroup()));
    pass(p, "3653 days (the longest period)", one(TYPES.logGroup, withProps(happy.logGroup(), { retentionInDays: 3653 })));
    fail(p, "retention unset (kept forever)", one(TYPES.logGroup, withProps(happy.logGroup(), { retentionInDays: undefined })), [/retentionInDays must be set/]);
    fail(p, "retention 0 (kept forever)", one(TYPES.logGroup, withProps(happy.logGroup(), { retentionInDays: 0 })), [/retentionInDays must be set/]);
    fail(p, "31 days is no CloudWatch period", one(TYPES.logGroup, withProps(happy.logGroup(), { retentionInDays: 31 })), [/retentionInDays must be one of the periods CloudWatch Logs accepts \(1, 3, 5, .*3653\), found 31/]);
}
{
    const p = "kms-key-rotation";
    pass(p, "rotation on", one(TYPES.kms, happy.kmsKey()));
    pass(p, "asymmetric key is exempt", one(TYPES.kms, withProps(happy.kmsKey(), { enableKeyRotation: undefined, customerMasterKeySpec: "RSA_2048" })));
    fail(p, "rotation off", one(TYPES.kms, withProps(happy.kmsKey(), { enableKeyRotation: false })), [/enableKeyRotation must be true/]);
    fail(p, "rotation unset (AWS default off)", one(TYPES.kms, withProps(happy.kmsKey(), { enableKeyRotation: undefined })), [/enableKeyRotation must be true/]);
}
{
    const p = "s3-bucket-encryption";
    pass(p, "bucket + SSE linked by dependencies", bucketSet("logs"));
    pass(p, "bucket + SSE linked by the id placeholder", bucketSet("logs", { link: "id" }));
    pass(p, "BucketV2 + SSE V2", bucketSet("logs", { bucketType: TYPES.bucketV2, sseType: TYPES.sseV2 }));
    pass(p, "SSE-S3 (AES256) allowed by default", bucketSet("logs", { sse: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } }));
    const inline = { tags: TAGS, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } } } };
    pass(p, "legacy inline configuration when allowed", [res(TYPES.bucket, "old", inline)], { "s3-bucket-encryption": { allowInlineConfiguration: true } });
    fail(p, "legacy inline configuration by default (AWS reports SSE-S3 for every bucket)", [res(TYPES.bucket, "old", inline)], [/must have a BucketServerSideEncryptionConfiguration/]);
    fail(p, "bucket without SSE configuration", bucketSet("logs").filter(r => r.type !== TYPES.sse), [/must have a BucketServerSideEncryptionConfiguration/]);
    fail(p, "SSE configuration of another bucket", [...bucketSet("a").filter(r => r.type !== TYPES.sse), ...bucketSet("b")], [/must have a BucketServerSideEncryptionConfiguration/]);
    fail(p, "algorithm not allowed by config", bucketSet("logs", { sse: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } }),
        [/sseAlgorithm must be one of aws:kms/], { "s3-bucket-encryption": { allowedAlgorithms: ["aws:kms"] } });
}
{
    const p = "s3-bucket-public-access-block";
    pass(p, "bucket with a full public access block", bucketSet("logs"));
    pass(p, "linked by the id placeholder", bucketSet("logs", { link: "id" }));
    fail(p, "no public access block", bucketSet("logs").filter(r => r.type !== TYPES.pab), [/must have a BucketPublicAccessBlock/]);
    fail(p, "restrictPublicBuckets false", bucketSet("logs", { pab: { restrictPublicBuckets: false } }), [/restrictPublicBuckets must be true/]);
    fail(p, "a public access block of another bucket (two buckets)", [...bucketSet("a", { link: "id" }).filter(r => r.type !== TYPES.pab), ...bucketSet("b", { link: "id" })],
        [/must have a BucketPublicAccessBlock/]);
}

// ---------------------------------------------------------------------------------- storage
{
    const p = "s3-bucket-tls-only";
    pass(p, "bucket with the TLS-only deny (SecureBucket's statement)", [...bucketSet("logs", { link: "id" }), tlsOnlyPolicy("logs")]);
    pass(p, "Principal {AWS: *} and a boolean condition", [...bucketSet("logs", { link: "id" }),
        tlsOnlyPolicy("logs", { statement: { Principal: { AWS: "*" }, Condition: { Bool: { "aws:SecureTransport": false } } } })]);
    fail(p, "no bucket policy", bucketSet("logs", { link: "id" }), [/must have a BucketPolicy that denies requests without TLS/]);
    fail(p, "deny covers the objects only", [...bucketSet("logs", { link: "id" }),
        tlsOnlyPolicy("logs", { statement: { Resource: "arn:aws:s3:::ultibiker-logs/*" } })], [/on the bucket and bucket\/\*/]);
    fail(p, "an allow, not a deny", [...bucketSet("logs", { link: "id" }), tlsOnlyPolicy("logs", { statement: { Effect: "Allow" } })],
        [/must deny s3:\*/]);
    fail(p, "the policy of another bucket", [...bucketSet("a", { link: "id" }), ...bucketSet("b", { link: "id" }), tlsOnlyPolicy("b")],
        [/must have a BucketPolicy that denies requests without TLS/]);
}
{
    const p = "s3-replication-after-versioning";
    pass(p, "waits for both versionings", replicatedBuckets("uploads"));
    fail(p, "does not wait for the destination's versioning", replicatedBuckets("uploads", { waitsFor: ["source"] }),
        [/must depend on the versioning of its destination bucket \(uploads-replica-versioning\)/]);
    fail(p, "does not wait for the source's versioning", replicatedBuckets("uploads", { waitsFor: ["destination"] }),
        [/must depend on the versioning of its source bucket \(uploads-versioning\)/]);
    fail(p, "destination versioning suspended", replicatedBuckets("uploads", { destinationStatus: "Suspended" }),
        [/destination bucket uploads-replica must have versioning enabled/]);
}
{
    const p = "s3-data-bucket-replicated";
    pass(p, "a prod data bucket with a replication", replicatedBuckets("uploads", { tags: { Backup: "ultibiker-prod" } }));
    pass(p, "a dev data bucket needs none", bucketSet("uploads", { stack: "dev" })
        .map(r => r.type === TYPES.bucket ? { ...r, props: { ...r.props, tags: { ...TAGS, Environment: "dev", Backup: "ultibiker-dev" } } } : r));
    pass(p, "a prod log bucket (no Backup tag) needs none", bucketSet("logs", { stack: "prod" }));
    fail(p, "a prod data bucket without replication", replicatedBuckets("uploads", { tags: { Backup: "ultibiker-prod" } })
        .filter(r => !r.type.endsWith("BucketReplicationConfig")), [/holds data \(Backup tag\) must be replicated/]);
}

{
    const p = "ecr-repository-immutable-scanned";
    const repo = { name: "ultibiker/prod/api", imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true },
        encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:123456789012:key/k" }], tags: TAGS };
    pass(p, "immutable, scanned, KMS", one("aws:ecr/repository:Repository", repo));
    fail(p, "mutable tags", one("aws:ecr/repository:Repository", withProps(repo, { imageTagMutability: "MUTABLE" })), [/must be IMMUTABLE/]);
    fail(p, "tags mutable by default (unset)", one("aws:ecr/repository:Repository", withProps(repo, { imageTagMutability: undefined })), [/must be IMMUTABLE/]);
    fail(p, "no scan on push", one("aws:ecr/repository:Repository", withProps(repo, { imageScanningConfiguration: undefined })), [/scanOnPush must be true/]);
    fail(p, "AES256", one("aws:ecr/repository:Repository", { ...repo, encryptionConfigurations: [{ encryptionType: "AES256" }] }),
        [/encryptionType KMS with a kmsKey/]);
    fail(p, "KMS with the AWS managed key", one("aws:ecr/repository:Repository", { ...repo, encryptionConfigurations: [{ encryptionType: "KMS" }] }),
        [/encryptionType KMS with a kmsKey/]);
}

// ---------------------------------------------------------------------------------- tagging
{
    const p = "required-tags";
    pass(p, "all required tags", one(TYPES.sns, happy.snsTopic()));
    pass(p, "non-taggable type is ignored", one("aws:ec2/route:Route", { routeTableId: "rt" }));
    pass(p, "Kubernetes resources are not AWS-taggable", one(TYPES.storageClass, happy.storageClass()));
    pass(p, "custom required tags from config", one(TYPES.sns, withProps(happy.snsTopic(), { tags: { Team: "x", ManagedBy: "pulumi" } })),
        { "required-tags": { requiredTags: ["Team", "ManagedBy"] } });
    pass(p, "exempt type", one(TYPES.sns, withProps(happy.snsTopic(), { tags: undefined })), { "required-tags": { exemptTypes: [TYPES.sns] } });
    pass(p, "list-style tags (autoscaling group) converted", one("aws:autoscaling/group:Group", {
        tags: Object.entries(TAGS).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
    }), { "required-tags": { extraTaggableTypes: ["aws:autoscaling/group:Group"] } });
    fail(p, "Owner missing", one(TYPES.sns, withProps(happy.snsTopic(), { tags: { Owner: undefined } })), [/^tags must include Owner$/]);
    fail(p, "no tags at all", one(TYPES.kms, withProps(happy.kmsKey(), { tags: undefined })), [/tags must include Project, Environment, Owner, CostCenter, ManagedBy/]);
    fail(p, "empty CostCenter", one(TYPES.sg, withProps(happy.securityGroup(), { tags: { CostCenter: " " } })), [/tags must include CostCenter/]);
    fail(p, "ManagedBy not pulumi", one(TYPES.sns, withProps(happy.snsTopic(), { tags: { ManagedBy: "terraform" } })), [/tags.ManagedBy must be "pulumi" \(found "terraform"\)/]);
    fail(p, "list-style tags missing one", one("aws:autoscaling/group:Group", {
        tags: Object.entries(TAGS).filter(([k]) => k !== "Project").map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
    }), [/tags must include Project/], { "required-tags": { extraTaggableTypes: ["aws:autoscaling/group:Group"] } });
}

// --------------------------------------------------------------------------------- exposure
{
    const p = "security-group-no-world-ingress";
    pass(p, "ingress from another security group", one(TYPES.sg, happy.securityGroup()));
    pass(p, "load-balancer SG open on 80/443", one(TYPES.sg, happy.lbSecurityGroup()));
    fail(p, "world on 5432", one(TYPES.sg, withProps(happy.securityGroup(), { ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: ["0.0.0.0/0"] }] })),
        [/ingress\[0\] must not allow 0\.0\.0\.0\/0 \(tcp 5432\)/]);
    fail(p, "443 open to ::/0 on a non-LB SG", one(TYPES.sg, withProps(happy.lbSecurityGroup(), { tags: { Purpose: undefined } })),
        [/ingress\[0\] must not allow 0\.0\.0\.0\/0, ::\/0 \(tcp 443\)/, /ingress\[1\] must not allow 0\.0\.0\.0\/0 \(tcp 80\)/]);
    fail(p, "LB SG open on 22", one(TYPES.sg, withProps(happy.lbSecurityGroup(), { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] })),
        [/must not allow 0\.0\.0\.0\/0 \(tcp 22\)/]);
    fail(p, "LB SG open on the range 80-443", one(TYPES.sg, withProps(happy.lbSecurityGroup(), { ingress: [{ protocol: "tcp", fromPort: 80, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] })),
        [/\(tcp 80-443\)/]);
    fail(p, "LB SG open to all traffic", one(TYPES.sg, withProps(happy.lbSecurityGroup(), { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }] })),
        [/must not allow ::\/0 \(all traffic\)/]);
}
{
    const p = "security-group-rule-no-world-ingress";
    const stack = "dev";
    const lbSg = res(TYPES.sg, "alb-sg", withProps(happy.lbSecurityGroup(), { ingress: [] }), { stack });
    const dbSg = res(TYPES.sg, "db-sg", withProps(happy.securityGroup(), { ingress: [] }), { stack });
    const sgRule = (name: string, sg: PlanResource, props: Record<string, any>, link: "deps" | "id" = "deps") =>
        res(TYPES.sgRule, name, { type: "ingress", protocol: "tcp", securityGroupId: link === "id" ? `${sg.name}-id` : "[unknown]", ...props },
            { stack, dependencies: link === "id" ? [] : [sg.urn] });
    const ingRule = (name: string, sg: PlanResource, props: Record<string, any>) =>
        res(TYPES.ingressRule, name, { ipProtocol: "tcp", securityGroupId: "[unknown]", tags: TAGS, ...props }, { stack, dependencies: [sg.urn] });
    pass(p, "LB SG rule on 443 from the world (SecurityGroupRule)", [lbSg, sgRule("https", lbSg, { fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] })]);
    pass(p, "LB SG rule on 80 from ::/0 (SecurityGroupIngressRule)", [lbSg, ingRule("http6", lbSg, { fromPort: 80, toPort: 80, cidrIpv6: "::/0" })]);
    pass(p, "LB SG found by id placeholder", [lbSg, dbSg, sgRule("https", lbSg, { fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }, "id")]);
    pass(p, "private CIDR on any SG", [dbSg, ingRule("pg", dbSg, { fromPort: 5432, toPort: 5432, cidrIpv4: "10.0.0.0/16" })]);
    pass(p, "egress rules are not ingress", [dbSg, sgRule("out", dbSg, { type: "egress", fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"] })]);
    fail(p, "world 443 into a non-LB SG (SecurityGroupRule)", [dbSg, sgRule("https", dbSg, { fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] })],
        [/security group rule cidrBlocks must not allow 0\.0\.0\.0\/0 \(tcp 443\)/]);
    fail(p, "world 5432 (SecurityGroupIngressRule)", [dbSg, ingRule("pg", dbSg, { fromPort: 5432, toPort: 5432, cidrIpv4: "0.0.0.0/0" })],
        [/ingress rule cidrIpv4\/cidrIpv6 must not allow 0\.0\.0\.0\/0 \(tcp 5432\)/]);
    fail(p, "world 22 into the LB SG", [lbSg, ingRule("ssh", lbSg, { fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" })], [/\(tcp 22\)/]);
    fail(p, "LB SG by id placeholder but port 8080", [lbSg, dbSg, sgRule("alt", lbSg, { fromPort: 8080, toPort: 8080, cidrBlocks: ["0.0.0.0/0"] }, "id")], [/\(tcp 8080\)/]);
    fail(p, "unresolvable security group is not trusted", [ingRule("x", lbSg, { fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" })], [/\(tcp 443\)/]);
}
{
    const p = "rds-not-publicly-accessible";
    pass(p, "private instance", one(TYPES.rds, happy.rdsPrimary()));
    pass(p, "publiclyAccessible unset (AWS default false)", one(TYPES.rds, withProps(happy.rdsPrimary(), { publiclyAccessible: undefined })));
    fail(p, "public instance", one(TYPES.rds, withProps(happy.rdsPrimary(), { publiclyAccessible: true })), [/publiclyAccessible must be false/]);
    fail(p, "public replica", one(TYPES.rds, withProps(happy.rdsReplica(), { publiclyAccessible: true })), [/publiclyAccessible must be false/]);
}
{
    const p = "timestream-influxdb-not-publicly-accessible";
    pass(p, "private instance", one(TYPES.influx, happy.influxDb()));
    fail(p, "public instance", one(TYPES.influx, withProps(happy.influxDb(), { publiclyAccessible: true })), [/publiclyAccessible must be false/]);
}
{
    const p = "eks-public-endpoint-restricted";
    pass(p, "prod: restricted CIDRs", one(TYPES.eks, happy.eksCluster("prod"), "prod"));
    pass(p, "prod: public endpoint off", one(TYPES.eks, withProps(happy.eksCluster("prod"), { vpcConfig: { endpointPublicAccess: false, publicAccessCidrs: undefined } }), "prod"));
    pass(p, "dev: open endpoint is allowed", one(TYPES.eks, withProps(happy.eksCluster("dev"), { vpcConfig: { publicAccessCidrs: ["0.0.0.0/0"] } }), "dev"));
    fail(p, "prod: 0.0.0.0/0", one(TYPES.eks, withProps(happy.eksCluster("prod"), { vpcConfig: { publicAccessCidrs: ["0.0.0.0/0"] } }), "prod"),
        [/publicAccessCidrs must not contain 0\.0\.0\.0\/0 in production/]);
    fail(p, "prod: no CIDRs (AWS default is the world)", one(TYPES.eks, withProps(happy.eksCluster("prod"), { vpcConfig: { publicAccessCidrs: [] } }), "prod"),
        [/publicAccessCidrs must list specific CIDRs/]);
    fail(p, "prod: endpointPublicAccess unset means public", one(TYPES.eks, withProps(happy.eksCluster("prod"), { vpcConfig: { endpointPublicAccess: undefined, publicAccessCidrs: undefined } }), "prod"),
        [/publicAccessCidrs must list specific CIDRs/]);
    fail(p, "prod by Environment tag in a stack named otherwise", one(TYPES.eks, withProps(happy.eksCluster("production"), { vpcConfig: { publicAccessCidrs: ["0.0.0.0/0"] } }), "blue"),
        [/must not contain 0\.0\.0\.0\/0/]);
    fail(p, "prod by configured stack pattern", one(TYPES.eks, withProps(happy.eksCluster("x"), { vpcConfig: { publicAccessCidrs: ["::/0"] } }), "prod-eu"),
        [/must not contain ::\/0/], { "eks-public-endpoint-restricted": { prodStackPattern: "^prod-" } });
}

{
    const p = "no-public-ip-on-launch";
    const subnet = { vpcId: "vpc-id", cidrBlock: "10.0.128.0/24", mapPublicIpOnLaunch: false, assignIpv6AddressOnCreation: false, tags: { ...TAGS } };
    const lt = (associate: unknown) => withProps(happy.launchTemplate(), { networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: associate }] });
    pass(p, "public subnet without public IPs on launch", one(TYPES.subnet, subnet));
    pass(p, "subnet attributes unset (AWS default false)", one(TYPES.subnet, withProps(subnet, { mapPublicIpOnLaunch: undefined, assignIpv6AddressOnCreation: undefined })));
    pass(p, "launch template interface without a public IP", one(TYPES.lt, lt("false")));
    pass(p, "launch template without interfaces (the subnet decides)", one(TYPES.lt, happy.launchTemplate()));
    fail(p, "subnet maps public IPs", one(TYPES.subnet, withProps(subnet, { mapPublicIpOnLaunch: true })), [/mapPublicIpOnLaunch must be false/]);
    fail(p, "subnet hands out IPv6 addresses", one(TYPES.subnet, withProps(subnet, { assignIpv6AddressOnCreation: true })), [/assignIpv6AddressOnCreation must be false/]);
    fail(p, "launch template associates a public IP", one(TYPES.lt, lt("true")), [/networkInterfaces\[0\]\.associatePublicIpAddress must be "false" or unset/]);
    fail(p, "instance with a public IP", one(TYPES.instance, { ami: "ami-1", instanceType: "t3.micro", associatePublicIpAddress: true, tags: { ...TAGS } }),
        [/instance associatePublicIpAddress must be false/]);
}

{
    const p = "internet-facing-alb-has-web-acl";
    const LB = "aws:lb/loadBalancer:LoadBalancer";
    const ACL = "aws:wafv2/webAcl:WebAcl";
    const ASSOC = "aws:wafv2/webAclAssociation:WebAclAssociation";
    const ING = "kubernetes:networking.k8s.io/v1:Ingress";
    const lb = (name: string, props: Record<string, any> = {}) =>
        res(LB, name, { loadBalancerType: "application", internal: false, subnets: ["subnet-a"], tags: { ...TAGS }, ...props });
    const acl = res(ACL, "waf", { name: "waf", scope: "REGIONAL", defaultAction: { allow: {} }, tags: { ...TAGS } });
    const assoc = (target: ReturnType<typeof lb>, props: Record<string, any> = {}) =>
        res(ASSOC, `${target.name}-waf`, { resourceArn: "[unknown]", webAclArn: "[unknown]", ...props }, { dependencies: [target.urn, acl.urn] });
    const ingress = (annotations: Record<string, string>) => res(ING, "api", {
        metadata: { name: "api", namespace: "app", annotations: { "alb.ingress.kubernetes.io/scheme": "internet-facing", ...annotations } },
        spec: { ingressClassName: "alb" },
    }, { });
    const alb = lb("alb");
    pass(p, "an ALB associated with a web ACL (offline plan: by dependency)", [alb, acl, assoc(alb)]);
    pass(p, "association found by the load balancer's ARN", [lb("alb", { arn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/alb/1" }), acl,
        res(ASSOC, "by-arn", { resourceArn: "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/alb/1", webAclArn: "arn:aws:wafv2:acl" })]);
    pass(p, "an internal ALB needs none", [lb("internal", { internal: true })]);
    pass(p, "a network load balancer cannot carry one", [lb("nlb", { loadBalancerType: "network" })]);
    pass(p, "an internet-facing Ingress naming its web ACL", [ingress({ "alb.ingress.kubernetes.io/wafv2-acl-arn": "arn:aws:wafv2:us-east-1:1:regional/webacl/a/1" })]);
    pass(p, "an internal Ingress needs none", [ingress({ "alb.ingress.kubernetes.io/scheme": "internal" })]);
    fail(p, "an internet-facing ALB without a web ACL", [alb], [/internet-facing application load balancer must be associated with a WAFv2 web ACL/]);
    fail(p, "loadBalancerType unset is an ALB", [lb("default", { loadBalancerType: undefined })], [/must be associated with a WAFv2 web ACL/]);
    const other = lb("other");
    fail(p, "one association does not cover two load balancers", [alb, other, acl,
        res(ASSOC, "both", { resourceArn: "[unknown]", webAclArn: "[unknown]" }, { dependencies: [alb.urn, other.urn, acl.urn] })],
        [/must be associated/, /must be associated/]);
    fail(p, "an internet-facing Ingress without the annotation", [ingress({})], [/must name a WAFv2 web ACL in the annotation alb\.ingress\.kubernetes\.io\/wafv2-acl-arn/]);
}

// -------------------------------------------------------------------------- data protection
{
    const p = "rds-deletion-protection";
    pass(p, "prod primary protected", one(TYPES.rds, happy.rdsPrimary("prod"), "prod"));
    pass(p, "dev may go without", one(TYPES.rds, withProps(happy.rdsPrimary(), { deletionProtection: false }), "dev"));
    fail(p, "prod primary unprotected", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { deletionProtection: false }), "prod"), [/deletionProtection must be true in production/]);
    fail(p, "prod replica unprotected", one(TYPES.rds, withProps(happy.rdsReplica("prod"), { deletionProtection: undefined }), "prod"), [/deletionProtection must be true/]);
}
{
    const p = "rds-final-snapshot";
    pass(p, "prod primary with a final snapshot", one(TYPES.rds, happy.rdsPrimary("prod"), "prod"));
    pass(p, "prod replica is exempt", one(TYPES.rds, happy.rdsReplica("prod"), "prod"));
    pass(p, "dev may skip", one(TYPES.rds, withProps(happy.rdsPrimary(), { skipFinalSnapshot: true, finalSnapshotIdentifier: undefined }), "dev"));
    fail(p, "prod skipFinalSnapshot true", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { skipFinalSnapshot: true }), "prod"), [/skipFinalSnapshot must be false/]);
    fail(p, "prod without finalSnapshotIdentifier", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { finalSnapshotIdentifier: undefined }), "prod"), [/finalSnapshotIdentifier must be set/]);
}
{
    const p = "rds-multi-az";
    pass(p, "prod Multi-AZ primary", one(TYPES.rds, happy.rdsPrimary("prod"), "prod"));
    pass(p, "prod single-AZ replica is exempt", one(TYPES.rds, happy.rdsReplica("prod"), "prod"));
    pass(p, "dev single-AZ", one(TYPES.rds, withProps(happy.rdsPrimary(), { multiAz: false }), "dev"));
    fail(p, "prod single-AZ primary", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { multiAz: false }), "prod"), [/multiAz must be true in production/]);
    fail(p, "prod by Environment tag", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { multiAz: undefined }), "some-stack"), [/multiAz must be true/]);
}
{
    const p = "rds-backup-retention";
    pass(p, "prod 7 days", one(TYPES.rds, happy.rdsPrimary("prod"), "prod"));
    pass(p, "prod replica without backups is exempt", one(TYPES.rds, happy.rdsReplica("prod"), "prod"));
    pass(p, "configured minimum 3", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { backupRetentionPeriod: 3 }), "prod"), { "rds-backup-retention": { minimumDays: 3 } });
    fail(p, "prod 1 day", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { backupRetentionPeriod: 1 }), "prod"), [/backupRetentionPeriod must be at least 7 in production \(found 1\)/]);
    fail(p, "prod unset", one(TYPES.rds, withProps(happy.rdsPrimary("prod"), { backupRetentionPeriod: undefined }), "prod"), [/found unset/]);
}
{
    const p = "backup-tag-on-data-stores";
    const tagged = (env: string) => ({ ...happy.rdsPrimary(env), tags: { ...TAGS, Environment: env, Backup: "ultibiker-" + env } });
    const retain = { ...happy.storageClass(), metadata: { name: "gp3-retain" }, reclaimPolicy: "Retain" };
    pass(p, "prod primary with the tag", one(TYPES.rds, tagged("prod"), "prod"));
    pass(p, "prod same-region replica (source by identifier) is exempt", one(TYPES.rds,
        withProps(happy.rdsReplica("prod"), { replicateSourceDb: "ultibiker-prod-postgres" }), "prod"));
    pass(p, "dev primary without the tag", one(TYPES.rds, happy.rdsPrimary("dev"), "dev"));
    pass(p, "prod retained StorageClass tagging its volumes", one(TYPES.storageClass,
        withProps(retain, { parameters: { type: "gp3", encrypted: "true", tagSpecification_1: "Backup=ultibiker-prod" } }), "prod"));
    pass(p, "prod StorageClass that deletes its volumes", one(TYPES.storageClass, happy.storageClass(), "prod"));
    fail(p, "prod primary without the tag", one(TYPES.rds, happy.rdsPrimary("prod"), "prod"), [/must carry the Backup tag in production/]);
    fail(p, "prod cross-region replica (source by ARN) without the tag", one(TYPES.rds,
        withProps(happy.rdsReplica("prod"), { replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:ultibiker-prod-postgres" }), "prod"),
        [/must carry the Backup tag/]);
    fail(p, "prod replica whose source is not known yet", one(TYPES.rds, happy.rdsReplica("prod"), "prod"), [/must carry the Backup tag/]);
    fail(p, "prod retained StorageClass without the tag parameter", one(TYPES.storageClass, retain, "prod"),
        [/reclaimPolicy Retain must tag its volumes Backup=<plan>/]);
    fail(p, "prod retained StorageClass tagging something else", one(TYPES.storageClass,
        withProps(retain, { parameters: { type: "gp3", encrypted: "true", tagSpecification_1: "Team=x" } }), "prod"), [/must tag its volumes/]);
}
{
    const p = "backup-vault-cmk";
    const vault = { name: "ultibiker-dev-us-east-1", kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", tags: TAGS };
    pass(p, "vault with its own key", one("aws:backup/vault:Vault", vault));
    pass(p, "key unknown at preview", one("aws:backup/vault:Vault", withProps(vault, { kmsKeyArn: "[unknown]" })));
    fail(p, "vault without a key (AWS managed key)", one("aws:backup/vault:Vault", withProps(vault, { kmsKeyArn: undefined })),
        [/kmsKeyArn must be set/]);
}
{
    const p = "elasticache-multi-az-failover";
    pass(p, "prod failover + Multi-AZ", one(TYPES.rg, happy.replicationGroup("prod"), "prod"));
    pass(p, "dev single node", one(TYPES.rg, withProps(happy.replicationGroup(), { automaticFailoverEnabled: false, multiAzEnabled: false }), "dev"));
    fail(p, "prod without failover", one(TYPES.rg, withProps(happy.replicationGroup("prod"), { automaticFailoverEnabled: false }), "prod"), [/automaticFailoverEnabled must be true/]);
    fail(p, "prod without Multi-AZ", one(TYPES.rg, withProps(happy.replicationGroup("prod"), { multiAzEnabled: undefined }), "prod"), [/multiAzEnabled must be true/]);
}
{
    const p = "elasticache-snapshot-retention";
    pass(p, "prod 5 snapshots", one(TYPES.rg, happy.replicationGroup("prod"), "prod"));
    fail(p, "prod 0 snapshots", one(TYPES.rg, withProps(happy.replicationGroup("prod"), { snapshotRetentionLimit: 0 }), "prod"), [/snapshotRetentionLimit must be at least 1/]);
    fail(p, "prod below the configured minimum", one(TYPES.rg, happy.replicationGroup("prod"), "prod"), [/at least 7 in production \(found 5\)/],
        { "elasticache-snapshot-retention": { minimumSnapshots: 7 } });
}
{
    const p = "timestream-influxdb-multi-az";
    pass(p, "prod with standby", one(TYPES.influx, happy.influxDb("prod"), "prod"));
    pass(p, "dev single-AZ", one(TYPES.influx, withProps(happy.influxDb(), { deploymentType: "SINGLE_AZ" }), "dev"));
    fail(p, "prod single-AZ", one(TYPES.influx, withProps(happy.influxDb("prod"), { deploymentType: "SINGLE_AZ" }), "prod"), [/deploymentType must be "WITH_MULTIAZ_STANDBY"/]);
}

// ------------------------------------------------------------------------------- kubernetes
{
    const p = "storageclass-encrypted";
    pass(p, "encrypted gp3", one(TYPES.storageClass, happy.storageClass()));
    pass(p, "exempt provisioner", one(TYPES.storageClass, withProps(happy.storageClass(), { provisioner: "efs.csi.aws.com", parameters: { encrypted: undefined } })),
        { "storageclass-encrypted": { exemptProvisioners: ["efs.csi.aws.com"] } });
    fail(p, "encrypted false", one(TYPES.storageClass, withProps(happy.storageClass(), { parameters: { encrypted: "false" } })), [/parameters.encrypted must be "true" \(found "false"\)/]);
    fail(p, "encrypted unset", one(TYPES.storageClass, withProps(happy.storageClass(), { parameters: { encrypted: undefined } })), [/found unset/]);
    fail(p, "boolean true is not the string the CSI driver reads", one(TYPES.storageClass, withProps(happy.storageClass(), { parameters: { encrypted: true } })), [/found true/]);
}

// ------------------------------------------------------------------------------------ audit
{
    const p = "cloudtrail-trail-in-production";
    const trailType = "aws:cloudtrail/trail:Trail";
    const trail = (env: string, over: Record<string, any> = {}) => withProps({
        name: `ultibiker-${env}-trail`, s3BucketName: "b", isMultiRegionTrail: true, enableLogFileValidation: true,
        kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/audit-trail-key-id", tags: { ...TAGS, Environment: env },
    }, over);
    const prodBucket = () => bucketSet("logs", { stack: "prod" });
    pass(p, "production with a multi-region, validated, encrypted trail", [...prodBucket(), res(trailType, "audit-trail", trail("prod"), { stack: "prod" })]);
    pass(p, "dev needs no trail", bucketSet("logs"));
    pass(p, "production whose trail the organisation runs, said in config", prodBucket(),
        { [p]: { trailManagedByOrganization: true } });
    fail(p, "production without a trail", prodBucket(), [/production stack must create a multi-region CloudTrail trail/]);
    fail(p, "a production trail without log file validation", [...prodBucket(),
        res(trailType, "audit-trail", trail("prod", { enableLogFileValidation: false }), { stack: "prod" })],
        [/enableLogFileValidation must be true in production/]);
    fail(p, "a single-region production trail", [...prodBucket(),
        res(trailType, "audit-trail", trail("prod", { isMultiRegionTrail: undefined }), { stack: "prod" })],
        [/isMultiRegionTrail must be true in production/]);
    fail(p, "a production trail without its own key, even when the organisation also runs one", [...prodBucket(),
        res(trailType, "audit-trail", trail("prod", { kmsKeyId: undefined }), { stack: "prod" })],
        [/kmsKeyId must be set/], { [p]: { trailManagedByOrganization: true } });
}
{
    const p = "s3-bucket-not-public";
    const policyType = "aws:s3/bucketPolicy:BucketPolicy";
    const doc = (...statements: Record<string, any>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
    const cloudTrailWrite = { Sid: "AWSCloudTrailWrite", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject", Resource: "arn:aws:s3:::b/AWSLogs/123456789012/*",
        Condition: { StringEquals: { "aws:SourceArn": "arn:aws:cloudtrail:us-east-1:123456789012:trail/t" } } };
    const denyHttp = { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "arn:aws:s3:::b/*",
        Condition: { Bool: { "aws:SecureTransport": "false" } } };
    pass(p, "a service principal may write, everyone is denied plain HTTP", one(policyType, { bucket: "b", policy: doc(cloudTrailWrite, denyHttp) }));
    pass(p, "a policy not known yet is not judged", one(policyType, { bucket: "b", policy: "[unknown]" }));
    pass(p, "a private canned ACL", one("aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "private" }));
    fail(p, "Principal * may read", one(policyType, { bucket: "b", policy: doc(denyHttp,
        { Sid: "Public", Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }),
        [/statement Public must not allow Principal "\*"/]);
    fail(p, "AWS * among the principals", one(policyType, { bucket: "b", policy: doc(
        { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::123456789012:root", "*"] }, Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }) }),
        [/statement 0 must not allow Principal "\*"/]);
    fail(p, "a public-read ACL", one("aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "public-read" }), [/acl must not be public-read/]);
    fail(p, "a bucket's own authenticated-read ACL", one(TYPES.bucketV2, { bucket: "b", acl: "authenticated-read" }), [/acl must not be authenticated-read/]);
}

{
    const p = "kubernetes-batch-workload-bounded";
    const container = (name: string, image: string) => ({
        name, image, resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
    });
    const pod = {
        serviceAccountName: "influxdb-export",
        initContainers: [container("backup", "influxdb:2.7.12")],
        containers: [container("upload", "amazon/aws-cli:2.27.26@sha256:" + "a".repeat(64))],
    };
    const cronJob = { spec: { schedule: "0 * * * *", jobTemplate: { spec: { activeDeadlineSeconds: 1200, backoffLimit: 2, template: { spec: pod } } } } };
    const job = { spec: { activeDeadlineSeconds: 600, backoffLimit: 0, template: { spec: pod } } };
    pass(p, "bounded CronJob with pinned images", one(TYPES.cronJob, cronJob));
    pass(p, "bounded Job", one(TYPES.job, job));
    pass(p, "pod template unknown at preview", one(TYPES.cronJob, { spec: { jobTemplate: "[unknown]" } }));
    fail(p, "container without limits", one(TYPES.job, withProps(job, { spec: { template: { spec: { ...pod,
        containers: [{ name: "upload", image: "amazon/aws-cli:2.27.26", resources: { requests: { cpu: "100m", memory: "256Mi" } } }] } } } })),
        [/container upload must set resources.limits.cpu/, /container upload must set resources.limits.memory/]);
    fail(p, "floating image tag", one(TYPES.cronJob, withProps(cronJob, { spec: { jobTemplate: { spec: { template: { spec: { ...pod,
        initContainers: [container("backup", "influxdb:2.7")] } } } } } })), [/must pin its image .* \(found "influxdb:2.7"\)/]);
    pass(p, "an exempted image", one(TYPES.cronJob, withProps(cronJob, { spec: { jobTemplate: { spec: { template: { spec: { ...pod,
        initContainers: [container("backup", "influxdb:latest")] } } } } } })),
        { "kubernetes-batch-workload-bounded": { exemptImages: ["influxdb:latest"] } });
    fail(p, "default service account, no deadline, default retries", one(TYPES.job, { spec: { template: { spec: { ...pod, serviceAccountName: undefined } } } }),
        [/must name its service account/, /must have a deadline/, /must bound its retries/]);
}

// ---------------------------------------------------------------------------- deployability
cases.push(...deployabilityCases);
cases.push(...edgeCases);

export { urnOf };
