// Helpers shared by the rules, and the CrossGuard path: proxied props with unknown sentinels.
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { CROSSGUARD_UNKNOWN_SENTINELS, isProd, isSet, plain, stackOfUrn, tagsOf, UNKNOWN } from "../rules/common";
import { refersToBucket, rdsStorageEncrypted, s3BucketPublicAccessBlock } from "../rules/encryption";
import { targetSecurityGroup } from "../rules/exposure";
import { taggableTypes } from "../rules/tagging";
import { stackResources } from "../checker/engine";
import { bucketSet, happy, res, TYPES, withProps } from "./support/factories";
import { toStackResource } from "../rules/common";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy");

const prodCfg = { prodStacks: ["prod"], prodStackPattern: "", prodEnvironments: ["prod", "production"] };

describe("common helpers", () => {
    it("knows the same unknown sentinels as the installed @pulumi/policy", () => {
        const theirs = ["unknownBooleanValue", "unknownNumberValue", "unknownStringValue", "unknownArrayValue",
            "unknownAssetValue", "unknownArchiveValue", "unknownObjectValue"].map(k => proxy[k]);
        assert.deepEqual(new Set(theirs), CROSSGUARD_UNKNOWN_SENTINELS);
    });

    it("plain() unwraps CrossGuard's unknown-checking proxy into [unknown] strings", () => {
        const raw = { kmsKeyId: proxy.unknownStringValue, nested: { list: [proxy.unknownNumberValue, 1] }, ok: true };
        const proxied = proxy.unknownCheckingProxy(raw);
        assert.throws(() => proxied.kmsKeyId, /can't be known during preview/);
        assert.deepEqual(plain(proxied), { kmsKeyId: UNKNOWN, nested: { list: [UNKNOWN, 1] }, ok: true });
    });

    it("treats unknown and secret values as set, empty ones as not", () => {
        assert.ok(isSet(UNKNOWN) && isSet("[secret]") && isSet("x") && isSet(0) && isSet(false));
        assert.ok(!isSet(undefined) && !isSet(null) && !isSet("") && !isSet("  ") && !isSet([]));
    });

    it("reads the stack from a URN", () => {
        assert.equal(stackOfUrn("urn:pulumi:prod::proj::aws:kms/key:Key::k"), "prod");
        assert.equal(stackOfUrn("nonsense"), undefined);
    });

    it("decides production from stack name, pattern or Environment tag", () => {
        const u = (s: string) => `urn:pulumi:${s}::p::t::n`;
        assert.ok(isProd(u("prod"), {}, prodCfg));
        assert.ok(!isProd(u("dev"), { tags: { Environment: "dev" } }, prodCfg));
        assert.ok(isProd(u("dev"), { tags: { Environment: "Production" } }, prodCfg));
        assert.ok(isProd(u("prod-eu"), {}, { ...prodCfg, prodStackPattern: "^prod-" }));
        assert.ok(!isProd(u("preprod"), {}, { ...prodCfg, prodStackPattern: "^prod-" }));
        assert.ok(!isProd(u("prod"), {}, { ...prodCfg, prodStacks: [] }));
        assert.throws(() => isProd(u("x"), {}, { ...prodCfg, prodStackPattern: "(" }), /prodStackPattern "\(" is not a valid regular expression/);
    });

    it("turns list-style tags into a map", () => {
        assert.deepEqual(tagsOf({ tags: [{ key: "A", value: "1", propagateAtLaunch: true }] }), { A: "1" });
        assert.deepEqual(tagsOf({ tags: { A: "1" } }), { A: "1" });
        assert.equal(tagsOf({}), undefined);
    });

    it("loads the taggable types generated from the provider", () => {
        const types = taggableTypes();
        assert.ok(types.size > 500, `only ${types.size} types`);
        for (const t of [TYPES.rds, TYPES.rg, TYPES.eks, TYPES.kms, TYPES.sg, TYPES.bucket, TYPES.influx]) assert.ok(types.has(t), t);
        assert.ok(!types.has("aws:ec2/route:Route"));
    });
});

describe("reference matching for stack rules", () => {
    it("matches a bucket through CrossGuard propertyDependencies first", () => {
        const [a] = bucketSet("a");
        const [b, , pabB] = bucketSet("b");
        const buckets = [a, b].map(r => ({ ...toStackResource(stackResources({ stack: "dev", resources: [r] })[0]) }));
        const pab = { ...toStackResource(stackResources({ stack: "dev", resources: [pabB] })[0]), propertyDependencies: { bucket: [a.urn] } };
        assert.ok(refersToBucket(pab, "bucket", buckets[0], buckets));
        assert.ok(!refersToBucket(pab, "bucket", buckets[1], buckets));
    });

    it("does not guess when a rule depends on two buckets and names neither", () => {
        const [a] = bucketSet("a");
        const [b] = bucketSet("b");
        const pab = res(TYPES.pab, "p", { bucket: UNKNOWN }, { dependencies: [a.urn, b.urn] });
        const all = stackResources({ stack: "dev", resources: [a, b, pab] }).map(toStackResource);
        assert.ok(!refersToBucket(all[2], "bucket", all[0], all.slice(0, 2)));
    });

    it("finds a rule's security group by id value, or the single SG dependency", () => {
        const sg1 = res(TYPES.sg, "sg1", happy.securityGroup());
        const sg2 = res(TYPES.sg, "sg2", happy.securityGroup());
        const byId = res(TYPES.sgRule, "r1", { securityGroupId: "sg2-id" });
        const byDep = res(TYPES.sgRule, "r2", { securityGroupId: UNKNOWN }, { dependencies: [sg1.urn] });
        const none = res(TYPES.sgRule, "r3", { securityGroupId: "sg-0123" });
        const all = stackResources({ stack: "dev", resources: [sg1, sg2, byId, byDep, none] }).map(toStackResource);
        const sgs = all.slice(0, 2);
        assert.equal(targetSecurityGroup(all[2], sgs)?.name, "sg2");
        assert.equal(targetSecurityGroup(all[3], sgs)?.name, "sg1");
        assert.equal(targetSecurityGroup(all[4], sgs), undefined);
    });
});

describe("rules under CrossGuard's calling convention", () => {
    const args = (type: string, props: any, urn = `urn:pulumi:dev::p::${type}::n`) => ({
        type, urn, name: "n", props: proxy.unknownCheckingProxy(props), opts: {} as any, stackTags: new Map(),
        isType: () => false, asType: () => undefined, getConfig: () => ({}) as any,
        notApplicable: (r?: string) => { throw new Error(`not applicable: ${r}`); },
    }) as any;

    it("treats an unknown kmsKeyId as set instead of throwing during preview", () => {
        const seen: string[] = [];
        const v = rdsStorageEncrypted.validateResource as any;
        v(args(TYPES.rds, withProps(happy.rdsPrimary(), { kmsKeyId: proxy.unknownStringValue })), (m: string) => seen.push(m));
        assert.equal(seen.length, 0, seen.join("; "));
        v(args(TYPES.rds, withProps(happy.rdsPrimary(), { kmsKeyId: undefined })), (m: string) => seen.push(m));
        assert.deepEqual(seen, ["RDS instance kmsKeyId must be set to a customer-managed KMS key"]);
    });

    it("runs stack rules on PolicyResource objects with propertyDependencies", () => {
        const [bucket, , pab] = bucketSet("logs", { pab: { blockPublicAcls: false } });
        const resources = stackResources({ stack: "dev", resources: [bucket, pab] });
        resources[1].dependencies = [];
        resources[1].propertyDependencies = { bucket: [resources[0]] };
        const seen: Array<[string, string | undefined]> = [];
        (s3BucketPublicAccessBlock.validateStack as any)(
            { resources, stackTags: new Map(), getConfig: () => ({}), notApplicable: () => { throw new Error(); } },
            (m: string, urn?: string) => seen.push([m, urn]));
        assert.deepEqual(seen, [["S3 bucket public access block blockPublicAcls must be true", bucket.urn]]);
    });
});
