// The deployability domain beyond its cases: the generated table stays in sync with its mapping
// and holds the AWS constraints behind issue 12 literally, the generator reads models as AWS writes
// them, graph rules stay silent in a real preview, and bin/policy-check's pending list.
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { StackValidationPolicy } from "@pulumi/policy";
import { packRoot } from "../rules/tagging";
import { allPolicies } from "../rules/all";
import { OFFLINE_PLAN_TAG } from "../rules/common";
import { violationsOf } from "../rules/deployability";
import { constraintTable, dnsName, minKept, valuesAt } from "../rules/deployability";
import { camel, documentedLimits, generate, jsPattern, Mapping, ServiceModel, sha256 } from "../generator/constraints";
import { stackResources } from "../checker/engine";
import { pendingFixes, withPendingAdvisory } from "../checker/cli";
import { fragment } from "./support/deployabilityCases";

const root = packRoot();
const mappingText = fs.readFileSync(path.join(root, "deployability", "aws-mapping.json"), "utf8");

describe("generated AWS constraints (deployability/aws-constraints.json)", () => {
    const table = constraintTable();

    it("was generated from the committed mapping (edit the mapping, then run bin/gen-aws-constraints)", () => {
        assert.equal(table.mappingSha256, sha256(mappingText));
        const mapping: Mapping = JSON.parse(mappingText);
        assert.deepEqual(Object.keys(table.types).sort(), Object.keys(mapping.types).sort());
        assert.deepEqual(table.notMapped, mapping.notMapped);
    });

    it("comes from Debian's pinned python3-botocore, which bin/gen-aws-constraints checks by sha256", () => {
        assert.deepEqual({ package: table.models.package, version: table.models.version }, { package: "python3-botocore", version: "1.37.9+repack-1" });
        const script = fs.readFileSync(path.join(root, "..", "bin", "gen-aws-constraints"), "utf8");
        assert.match(script, /MODELS_VERSION=1\.37\.9\+repack-1/);
        assert.match(script, new RegExp(`MODELS_SHA256=${(table.models as any).sha256}`));
    });

    it("holds Timestream for InfluxDB's password rule (issue 12.4) as the model states it", () => {
        const c = table.types["aws:timestreaminfluxdb/dbInstance:DbInstance"].inputs.password;
        assert.deepEqual({ type: c.type, min: c.min, max: c.max, pattern: c.pattern },
            { type: "string", min: 8, max: 64, pattern: "[a-zA-Z0-9]+" });
    });

    it("holds EC2's security group description characters (issue 12.5) from the model's documentation", () => {
        const c = table.types["aws:ec2/securityGroup:SecurityGroup"].inputs.description;
        assert.equal(c.pattern, "[a-zA-Z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*");
        assert.equal(c.max, 255);
        assert.equal(c.documented, true);
        assert.ok(table.types["aws:ec2/securityGroup:SecurityGroup"].inputs["ingress[].description"].pattern, "inline rule descriptions too");
    });

    it("maps every AWS type of the base plans' fragments", () => {
        const files = JSON.parse(fs.readFileSync(path.join(root, "tests", "fixtures", "base-plan-fragments.json"), "utf8"));
        const types = new Set<string>();
        for (const [k, v] of Object.entries(files)) if (k !== "_about") for (const r of v as any[]) types.add(r.type);
        for (const t of types) if (t.startsWith("aws:")) assert.ok(table.types[t] || table.notMapped[t], t);
    });
});

describe("the generator (policy/generator/constraints.ts)", () => {
    it("turns AWS member names into Pulumi input names", () => {
        assert.deepEqual(["DBInstanceClass", "VpcId", "KMSKeyId", "ID", "Name", "S3Configuration", "password"].map(camel),
            ["dbInstanceClass", "vpcId", "kmsKeyId", "id", "name", "s3Configuration", "password"]);
    });

    it("reads EC2's prose limits in the exact phrasing its model uses, and nothing else", () => {
        const doc = "<p>A description for the security group.</p> <p>Constraints: Up to 255 characters in length</p> " +
            "<p>Valid characters: a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&amp;;{}!$*</p>";
        const d = documentedLimits(doc);
        assert.equal(d.max, 255);
        const re = new RegExp(`^(?:${d.pattern})$`, "u");
        assert.ok(re.test("Redis 6379 from the platform client groups (nodes) #1"));
        assert.ok(!re.test("the platform's"));
        assert.ok(!re.test("tab\there"));
        assert.deepEqual(documentedLimits("<p>The ID of the VPC.</p>"), {});
    });

    it("keeps patterns JavaScript can compile and drops the others", () => {
        assert.equal(jsPattern("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"), "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
        assert.equal(jsPattern("[a-z]++(?"), undefined);
    });

    it("generates a table from a model: traits, lists, nested members, renames, skips", () => {
        const model: ServiceModel = {
            metadata: { apiVersion: "2020-01-01", endpointPrefix: "svc" },
            operations: { CreateThing: { input: { shape: "CreateThingInput" } }, PutLimit: { input: { shape: "PutLimitInput" } } },
            shapes: {
                CreateThingInput: { type: "structure", members: { ThingName: { shape: "Name" }, Kind: { shape: "Kind" }, Ports: { shape: "PortList" }, Config: { shape: "Config" }, Note: { shape: "Note" } } },
                PutLimitInput: { type: "structure", members: { Days: { shape: "Days" } } },
                Name: { type: "string", min: 1, max: 10, pattern: "[a-z]+" },
                Kind: { type: "string", enum: ["A", "B"] },
                PortList: { type: "list", member: { shape: "Port" }, max: 2 },
                Port: { type: "integer", min: 1, max: 65535 },
                Config: { type: "structure", members: { Level: { shape: "Port" } } },
                Note: { type: "string", max: 5 },
                Days: { type: "integer", min: 1, max: 30 },
            },
        };
        const mapping = JSON.stringify({
            types: { "x:y/thing:Thing": { service: "svc", bind: [{ op: "CreateThing" }], paths: { name: "CreateThing:ThingName", retention: "PutLimit:Days" }, skip: { note: "a map in Pulumi" } } },
            notMapped: { "x:y/other:Other": "no API" },
        });
        const t = generate(mapping, { svc: model }, { package: "p", version: "1" });
        const inputs = t.types["x:y/thing:Thing"].inputs;
        assert.deepEqual(Object.keys(inputs), ["config.level", "kind", "name", "ports", "ports[]", "retention", "thingName"]);
        assert.deepEqual({ ...inputs.name, source: undefined }, { type: "string", min: 1, max: 10, pattern: "[a-z]+", source: undefined });
        assert.equal(inputs.name.source, "svc 2020-01-01 CreateThing ThingName (shape Name)");
        assert.deepEqual(inputs.kind.enum, ["A", "B"]);
        assert.deepEqual([inputs.ports.type, inputs.ports.max, inputs["ports[]"].max], ["list", 2, 65535]);
        assert.deepEqual([inputs.retention.min, inputs.retention.max], [1, 30]);
        assert.equal(t.mappingSha256, sha256(mapping));
        assert.deepEqual(t.notMapped, { "x:y/other:Other": "no API" });
        assert.throws(() => generate(JSON.stringify({ types: { "x:y/t:T": { service: "svc", paths: { a: "CreateThing:Nope" } } }, notMapped: {} }),
            { svc: model }, { package: "p", version: "1" }), /no member Nope in CreateThingInput/);
    });
});

describe("deployability rules cite their source", () => {
    it("every rule's description names where its constraint comes from (a URL)", () => {
        const { deployabilityPolicies } = require("../rules/deployability");
        for (const p of deployabilityPolicies as { name: string; description: string }[]) {
            if (p.name === "aws-type-constraints-mapped") continue; // a rule about the table itself
            assert.match(p.description, /https:\/\/\S+/, p.name);
        }
    });
});

describe("deployability helpers", () => {
    it("compares DNS names as Route53 does", () => {
        assert.equal(dnsName("WS-us-east-1.Example.com."), "ws-us-east-1.example.com");
    });

    it("reads values below lists", () => {
        assert.deepEqual(valuesAt({ a: [{ b: 1 }, { b: 2 }, {}] }, ["a[]", "b"]), [1, 2, undefined]);
        assert.deepEqual(valuesAt({ a: "x" }, ["a[]", "b"]), []);
    });

    it("counts the pods a PDB keeps as Kubernetes does (percentages round up)", () => {
        assert.equal(minKept({ minAvailable: "50%" }, 3), 2);
        assert.equal(minKept({ minAvailable: 2 }, 3), 2);
        assert.equal(minKept({ maxUnavailable: 1 }, 3), 2);
        assert.equal(minKept({ maxUnavailable: "34%" }, 3), 1);
        assert.equal(minKept({}, 3), undefined);
    });
});

describe("graph rules in a real preview (dependencies of unknown values are dropped)", () => {
    const policy = (name: string) => allPolicies.find(p => p.name === name) as StackValidationPolicy;
    async function run(name: string, resources: any[], fullGraph: boolean): Promise<string[]> {
        const messages: string[] = [];
        await policy(name).validateStack({
            resources: stackResources({ stack: "dev", resources }),
            stackTags: new Map(fullGraph ? [[OFFLINE_PLAN_TAG, "true"]] : []),
            getConfig: () => ({}) as any,
            notApplicable: () => { throw new Error("n/a"); },
        }, m => messages.push(m));
        return messages;
    }

    it("route53-alias-target-created-first: judged on the full plan, silent in preview", async () => {
        assert.equal((await run("route53-alias-target-created-first", fragment("alias"), true)).length, 1);
        assert.deepEqual(await run("route53-alias-target-created-first", fragment("alias"), false), []);
    });

    it("kms-key-policy-principals-exist: a missing dependency only on the full plan; a principal nobody creates always", async () => {
        const withRole = fragment("ebsKey");
        withRole.push({ urn: "urn:pulumi:dev::p::aws:iam/serviceLinkedRole:ServiceLinkedRole::slr", type: "aws:iam/serviceLinkedRole:ServiceLinkedRole", name: "slr", props: { awsServiceName: "autoscaling.amazonaws.com" } });
        assert.equal((await run("kms-key-policy-principals-exist", withRole, true)).length, 1);
        assert.deepEqual(await run("kms-key-policy-principals-exist", withRole, false), []);
        assert.equal((await run("kms-key-policy-principals-exist", fragment("ebsKey"), false)).length, 1);
    });

    it("rds-replica-source-no-managed-password: by value in preview, by dependency only on the full plan", async () => {
        const byDependency = fragment("replica").map(r => r.name === "database-replica-analytics" ? { ...r, props: { ...r.props, replicateSourceDb: "[unknown]" } } : r);
        assert.equal((await run("rds-replica-source-no-managed-password", byDependency, true)).length, 1);
        assert.deepEqual(await run("rds-replica-source-no-managed-password", byDependency, false), []);
        assert.equal((await run("rds-replica-source-no-managed-password", fragment("replica"), false)).length, 1);
    });
});

describe("bin/policy-check and rules whose fix has not landed", () => {
    const cli = path.join(root, "dist", "checker", "cli.js");
    const tmpFile = (name: string, text: string) => {
        const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-check-")), name);
        fs.writeFileSync(f, text);
        return f;
    };
    // A pending list as it stood while issue 12.18 was open, and the base plan's PDB fragment.
    const pendingFile = tmpFile("pending.json", JSON.stringify({ rules: { "pdb-allows-drain": "issue 12.18: dev's InfluxDB PDB keeps 1 of 1 pod" } }));
    const run = (plan: string, args: string[] = []) => spawnSync(process.execPath, [cli, plan, ...args],
        { encoding: "utf8", env: { ...process.env, POLICY_PENDING_FIXES: pendingFile } });

    it("the committed list names only rules of the pack, each with the issue it waits for", () => {
        for (const [name, why] of Object.entries(pendingFixes())) {
            assert.ok(allPolicies.some(p => p.name === name), name);
            assert.match(why, /^issue 12\.\d+: /, name);
        }
    });

    it("lowers pending rules to advisory unless the user configured them", () => {
        const c = withPendingAdvisory({ "pdb-allows-drain": "mandatory" }, { "pdb-allows-drain": "x", "helm-chart-matches-image": "y" });
        assert.deepEqual(c, { "pdb-allows-drain": "mandatory", "helm-chart-matches-image": { enforcementLevel: "advisory" } });
    });

    it("reports a pending rule as advisory by default and mandatory with --strict", () => {
        const plan = tmpFile("pdb.json", JSON.stringify({ stack: "dev", resources: fragment("pdb") }));
        const loose = run(plan);
        assert.equal(loose.status, 0, loose.stdout + loose.stderr);
        assert.match(loose.stdout, /^pdb-allows-drain: .* \[advisory\]$/m);
        assert.match(loose.stderr, /pdb-allows-drain is advisory until its fix lands \(issue 12\.18/);
        const strict = run(plan, ["--strict"]);
        assert.equal(strict.status, 1, strict.stdout + strict.stderr);
        assert.match(strict.stdout, /^pdb-allows-drain: kubernetes:policy\/v1:PodDisruptionBudget timeseries-pdb: PodDisruptionBudget timeseries-pdb must allow an eviction/m);
    });

    it("says when a pending rule already passes, so its entry gets removed", () => {
        const fixed = fragment("pdb").map(r => r.name === "timeseries-pdb"
            ? { ...r, props: { ...r.props, spec: { ...(r.props as any).spec, minAvailable: undefined, maxUnavailable: 1 } } } : r);
        const r = run(tmpFile("fixed.json", JSON.stringify({ stack: "dev", resources: fixed })));
        assert.equal(r.status, 0, r.stdout + r.stderr);
        assert.match(r.stderr, /policy-check: pdb-allows-drain passes on this plan: once every stack's plan passes it, remove it/);
        assert.doesNotMatch(run(tmpFile("fixed.json", JSON.stringify({ stack: "dev", resources: fixed })), ["--strict"]).stderr, /passes on this plan/);
    });
});

describe("model patterns the generator kept without unicode mode", () => {
    it("AWS Backup's vault name pattern (escaped _) is checked, not an internal error", () => {
        const entry = { type: "string", pattern: "^[a-zA-Z0-9\\-\\_]{2,50}$", source: "backup 2018-11-15 CreateBackupVault BackupVaultName" };
        assert.deepEqual(violationsOf("name", "ultibiker-prod-us-east-1", entry as any), []);
        assert.equal(violationsOf("name", "ultibiker prod!", entry as any).length, 1);
    });
});
