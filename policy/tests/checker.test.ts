// The offline checker: bin/policy-check over small plan files (exit codes and output lines).
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { packRoot } from "../rules/tagging";
import { parsePlan, PlanError, levelOf } from "../checker/engine";

const root = packRoot();
const cli = path.join(root, "dist", "checker", "cli.js");
const fixture = (f: string) => path.join(root, "tests", "fixtures", f);

function run(args: string[]) {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8" });
    return { code: r.status, out: r.stdout.trim().split("\n").filter(Boolean), err: r.stderr };
}

function tmp(name: string, text: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-check-"));
    const f = path.join(dir, name);
    fs.writeFileSync(f, text);
    return f;
}

describe("policy-check", () => {
    it("exits 0 with only the summary on a clean plan", () => {
        const r = run([fixture("plan-clean.json")]);
        assert.equal(r.code, 0, r.err);
        assert.deepEqual(r.out, ["policy-check: 0 violations (0 mandatory, 0 advisory) in 13 resources"]);
    });

    it("prints one line per violation and exits 1 on mandatory violations", () => {
        const r = run([fixture("plan-violations.json")]);
        assert.equal(r.code, 1, r.err);
        assert.deepEqual(r.out, [
            "s3-bucket-public-access-block: aws:s3/bucket:Bucket alb-logs: S3 bucket public access block blockPublicPolicy must be true",
            "required-tags: aws:cloudwatch/logGroup:LogGroup app-logs: tags must include Owner",
            "rds-not-publicly-accessible: aws:rds/instance:Instance database: RDS instance publiclyAccessible must be false",
            "rds-multi-az: aws:rds/instance:Instance database: RDS instance multiAz must be true in production",
            "policy-check: 4 violations (4 mandatory, 0 advisory) in 13 resources",
        ]);
    });

    it("exits 0 when config lowers every violated policy to advisory, and skips disabled ones", () => {
        const config = tmp("config.json", JSON.stringify({
            "s3-bucket-public-access-block": "advisory",
            "required-tags": { enforcementLevel: "disabled" },
            "rds-not-publicly-accessible": { enforcementLevel: "advisory" },
            "rds-multi-az": "advisory",
        }));
        const r = run([fixture("plan-violations.json"), "--config", config]);
        assert.equal(r.code, 0, r.err);
        assert.equal(r.out.length, 4);
        assert.ok(r.out.slice(0, 3).every(l => l.endsWith(" [advisory]")), r.out.join("\n"));
        assert.equal(r.out[3], "policy-check: 3 violations (0 mandatory, 3 advisory) in 13 resources");
    });

    it("exits 2 with a clear message on a malformed plan", () => {
        const r = run([tmp("bad.json", "{ not json")]);
        assert.equal(r.code, 2);
        assert.match(r.err, /bad\.json: not valid JSON/);
        assert.deepEqual(r.out, []);
    });

    it("exits 2 on a missing plan file", () => {
        const r = run([path.join(os.tmpdir(), "no-such-plan.json")]);
        assert.equal(r.code, 2);
        assert.match(r.err, /cannot read \(ENOENT\)/);
    });

    it("exits 2 on a plan that breaks the contract", () => {
        const r = run([tmp("shape.json", JSON.stringify({ stack: "dev", resources: [{ urn: "u", type: "t" }] }))]);
        assert.equal(r.code, 2);
        assert.match(r.err, /resources\[0\]\.name must be a non-empty string/);
    });

    it("exits 2 without arguments", () => {
        const r = run([]);
        assert.equal(r.code, 2);
        assert.match(r.err, /usage: bin\/policy-check PLAN\.json/);
    });

    it("bin/policy-check wraps the same program", () => {
        const wrapper = path.join(root, "..", "bin", "policy-check");
        if (!fs.existsSync(wrapper)) return;
        const r = spawnSync(wrapper, [fixture("plan-violations.json")], { encoding: "utf8" });
        assert.equal(r.status, 1, r.stderr);
        assert.match(r.stdout, /^policy-check: 4 violations \(4 mandatory, 0 advisory\) in 13 resources$/m);
    });
});

describe("plan parsing and levels", () => {
    it("rejects a plan without a resources array", () => {
        assert.throws(() => parsePlan(JSON.stringify({ stack: "dev" })), PlanError);
        assert.throws(() => parsePlan("[]"), /expected a JSON object/);
    });

    it("resolves enforcement levels: policy entry, then all, then the policy's own", () => {
        assert.equal(levelOf("a", "mandatory", {}), "mandatory");
        assert.equal(levelOf("a", "mandatory", { all: "advisory" }), "advisory");
        assert.equal(levelOf("a", "mandatory", { all: "advisory", a: { enforcementLevel: "mandatory" } }), "mandatory");
        assert.equal(levelOf("a", "mandatory", { a: "disabled" }), "disabled");
    });
});
