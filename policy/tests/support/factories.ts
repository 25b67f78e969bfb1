// Happy-path resources as the offline plan records them. Every case starts from one of these
// and changes one property, so a failing case fails for exactly one reason.
import type { PlanResource } from "../../checker/engine";

export const TAGS = {
    Project: "ultibiker",
    Environment: "dev",
    Owner: "platform-team",
    CostCenter: "CC-1001",
    ManagedBy: "pulumi",
};

export function urnOf(stack: string, type: string, name: string): string {
    return `urn:pulumi:${stack}::ultibiker-platform::${type}::${name}`;
}

export interface ResOpts {
    stack?: string;
    dependencies?: string[];
}

/** A plan entry of `type` named `name` in `stack` (default dev). */
export function res(type: string, name: string, props: Record<string, any>, o: ResOpts = {}): PlanResource {
    const stack = o.stack ?? "dev";
    return {
        urn: urnOf(stack, type, name),
        type,
        name,
        region: type.startsWith("aws:") ? "us-east-1" : null,
        parent: `urn:pulumi:${stack}::ultibiker-platform::pulumi:pulumi:Stack::ultibiker-platform-${stack}`,
        dependencies: o.dependencies ?? [],
        protect: false,
        ignoreChanges: [],
        retainOnDelete: false,
        props,
    };
}

/** Deep-merges `over` into a copy of `base`; a value of `undefined` deletes the key. */
export function withProps(base: Record<string, any>, over: Record<string, any>): Record<string, any> {
    const out: Record<string, any> = JSON.parse(JSON.stringify(base));
    for (const [k, v] of Object.entries(over)) {
        if (v === undefined) delete out[k];
        else if (v && typeof v === "object" && !Array.isArray(v) && out[k] && typeof out[k] === "object" && !Array.isArray(out[k])) {
            out[k] = withProps(out[k], v);
        } else out[k] = v;
    }
    return out;
}

const KEY = "arn:aws:kms:us-east-1:123456789012:key/data-key-id";

/** Props factories. `env` sets the Environment tag ("dev" unless told). */
export const happy = {
    rdsPrimary: (env = "dev") => ({
        engine: "postgres",
        instanceClass: "db.r6g.xlarge",
        allocatedStorage: 500,
        storageEncrypted: true,
        kmsKeyId: KEY,
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: KEY,
        publiclyAccessible: false,
        multiAz: true,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: "database-final",
        backupRetentionPeriod: 7,
        tags: { ...TAGS, Environment: env },
    }),
    rdsReplica: (env = "dev") => ({
        instanceClass: "db.r6g.large",
        replicateSourceDb: "[unknown]",
        kmsKeyId: "[unknown]",
        performanceInsightsEnabled: true,
        performanceInsightsKmsKeyId: KEY,
        publiclyAccessible: false,
        deletionProtection: true,
        skipFinalSnapshot: true,
        tags: { ...TAGS, Environment: env },
    }),
    replicationGroup: (env = "dev") => ({
        description: "redis",
        engine: "redis",
        nodeType: "cache.r7g.large",
        numCacheClusters: 3,
        atRestEncryptionEnabled: true,
        kmsKeyId: KEY,
        transitEncryptionEnabled: true,
        automaticFailoverEnabled: true,
        multiAzEnabled: true,
        snapshotRetentionLimit: 5,
        tags: { ...TAGS, Environment: env },
    }),
    eksCluster: (env = "dev") => ({
        version: "1.33",
        roleArn: "arn:aws:iam::123456789012:role/eks-cluster-role",
        encryptionConfig: { provider: { keyArn: KEY }, resources: ["secrets"] },
        vpcConfig: {
            subnetIds: ["subnet-a", "subnet-b"],
            endpointPrivateAccess: true,
            endpointPublicAccess: true,
            publicAccessCidrs: ["203.0.113.0/24"],
        },
        tags: { ...TAGS, Environment: env },
    }),
    launchTemplate: () => ({
        metadataOptions: { httpTokens: "required", httpEndpoint: "enabled" },
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 50, volumeType: "gp3" } }],
        tags: { ...TAGS },
    }),
    ebsVolume: () => ({ availabilityZone: "us-east-1a", size: 20, encrypted: true, tags: { ...TAGS } }),
    snsTopic: () => ({ name: "alerts", kmsMasterKeyId: KEY, tags: { ...TAGS } }),
    logGroup: () => ({ name: "/app/api", retentionInDays: 30, kmsKeyId: KEY, tags: { ...TAGS } }),
    kmsKey: () => ({ description: "data", enableKeyRotation: true, deletionWindowInDays: 30, tags: { ...TAGS } }),
    securityGroup: () => ({
        description: "db",
        vpcId: "vpc-id",
        ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, securityGroups: ["nodes-sg-id"] }],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        tags: { ...TAGS },
    }),
    lbSecurityGroup: () => ({
        description: "alb",
        vpcId: "vpc-id",
        ingress: [
            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] },
            { protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] },
        ],
        egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/16"] }],
        tags: { ...TAGS, Purpose: "load-balancer" },
    }),
    influxDb: (env = "dev") => ({
        name: "sensors",
        dbInstanceType: "db.influx.large",
        allocatedStorage: 400,
        publiclyAccessible: false,
        deploymentType: "WITH_MULTIAZ_STANDBY",
        tags: { ...TAGS, Environment: env },
    }),
    storageClass: () => ({
        metadata: { name: "gp3" },
        provisioner: "ebs.csi.aws.com",
        parameters: { type: "gp3", encrypted: "true" },
        reclaimPolicy: "Delete",
        volumeBindingMode: "WaitForFirstConsumer",
    }),
};

export const TYPES = {
    rds: "aws:rds/instance:Instance",
    rg: "aws:elasticache/replicationGroup:ReplicationGroup",
    eks: "aws:eks/cluster:Cluster",
    lt: "aws:ec2/launchTemplate:LaunchTemplate",
    subnet: "aws:ec2/subnet:Subnet",
    instance: "aws:ec2/instance:Instance",
    ebs: "aws:ebs/volume:Volume",
    sns: "aws:sns/topic:Topic",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    kms: "aws:kms/key:Key",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    influx: "aws:timestreaminfluxdb/dbInstance:DbInstance",
    storageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
    cronJob: "kubernetes:batch/v1:CronJob",
    job: "kubernetes:batch/v1:Job",
    bucket: "aws:s3/bucket:Bucket",
    bucketV2: "aws:s3/bucketV2:BucketV2",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    sseV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
};

/** A bucket with its encryption configuration and public access block, linked as the plan links them. */
export function bucketSet(name: string, o: { stack?: string; bucketType?: string; sseType?: string; sse?: Record<string, any>; pab?: Record<string, any>; link?: "deps" | "id" } = {}): PlanResource[] {
    const stack = o.stack ?? "dev";
    const bucket = res(o.bucketType ?? TYPES.bucket, name, { bucket: `ultibiker-${name}`, tags: { ...TAGS } }, { stack });
    const ref = o.link === "id" ? `${name}-id` : "[unknown]";
    const deps = o.link === "id" ? [] : [bucket.urn];
    const sse = res(o.sseType ?? TYPES.sse, `${name}-sse`, withProps({
        bucket: ref,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }],
    }, o.sse ?? {}), { stack, dependencies: deps });
    const pab = res(TYPES.pab, `${name}-pab`, withProps({
        bucket: ref,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    }, o.pab ?? {}), { stack, dependencies: deps });
    return [bucket, sse, pab];
}

/** The TLS-only bucket policy of bucket `name` (physical `ultibiker-<name>`), as SecureBucket writes it. */
export function tlsOnlyPolicy(name: string, o: { stack?: string; statement?: Record<string, any> } = {}): PlanResource {
    const arn = `arn:aws:s3:::ultibiker-${name}`;
    const deny = { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } }, ...(o.statement ?? {}) };
    return res("aws:s3/bucketPolicy:BucketPolicy", `${name}-policy`,
        { bucket: `${name}-id`, policy: JSON.stringify({ Version: "2012-10-17", Statement: [deny] }) }, { stack: o.stack });
}

/**
 * A versioned source bucket `name` replicated to a versioned `<name>-replica`, with the replication
 * configuration depending on both versionings unless `waitsFor` says otherwise.
 */
export function replicatedBuckets(name: string, o: { stack?: string; waitsFor?: ("source" | "destination")[]; tags?: Record<string, string>;
    destinationStatus?: string } = {}): PlanResource[] {
    const stack = o.stack ?? "prod";
    const source = res(TYPES.bucketV2, name, { bucket: `ultibiker-${name}`, tags: { ...TAGS, ...(o.tags ?? {}) } }, { stack });
    const replica = res(TYPES.bucketV2, `${name}-replica`, { bucket: `ultibiker-${name}-replica`, tags: { ...TAGS } }, { stack });
    const versioning = (b: string, status = "Enabled") => res("aws:s3/bucketVersioningV2:BucketVersioningV2", `${b}-versioning`,
        { bucket: `${b}-id`, versioningConfiguration: { status } }, { stack });
    const sv = versioning(name);
    const dv = versioning(`${name}-replica`, o.destinationStatus ?? "Enabled");
    const waits = o.waitsFor ?? ["source", "destination"];
    const rep = res("aws:s3/bucketReplicationConfig:BucketReplicationConfig", `${name}-replication-config`, {
        bucket: `${name}-id`, role: "arn:aws:iam::123456789012:role/r",
        rules: [{ id: "r", status: "Enabled", destination: { bucket: `arn:aws:s3:::ultibiker-${name}-replica` } }],
    }, { stack, dependencies: [...(waits.includes("source") ? [sv.urn] : []), ...(waits.includes("destination") ? [dv.urn] : [])] });
    return [source, replica, sv, dv, rep];
}
