// bin/policy-check's program: node dist/checker/cli.js PLAN.json [--config POLICY-CONFIG.json] [--strict]
// Exit codes: 0 no mandatory violation, 1 mandatory violation(s), 2 usage error or unreadable /
// malformed plan or config, 3 a policy crashed (a bug in the pack).
import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../rules/all";
import { packRoot } from "../rules/tagging";
import { checkPlan, formatViolation, PackConfig, PlanError, readPlan, summary } from "./engine";

const USAGE = "usage: bin/policy-check PLAN.json [--config POLICY-CONFIG.json] [--strict]";

/** Rules reported as advisory until the fix of the defect they catch lands (deployability/pending-fixes.json). */
export function pendingFixes(
    file = process.env.POLICY_PENDING_FIXES || path.join(packRoot(), "deployability", "pending-fixes.json"),
): Record<string, string> {
    const doc = JSON.parse(fs.readFileSync(file, "utf8"));
    return doc.rules ?? {};
}

/** The config with every pending rule the user did not configure lowered to advisory. */
export function withPendingAdvisory(config: PackConfig, pending: Record<string, string>): PackConfig {
    const out: PackConfig = { ...config };
    for (const name of Object.keys(pending)) {
        const entry = out[name];
        if (typeof entry === "string" || (entry && typeof entry === "object" && entry.enforcementLevel)) continue;
        out[name] = { ...(entry && typeof entry === "object" ? entry : {}), enforcementLevel: "advisory" };
    }
    return out;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
    let planFile: string | undefined;
    let configFile: string | undefined;
    let strict = false;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--strict") {
            strict = true;
        } else if (a === "--config") {
            configFile = argv[++i];
            if (!configFile) { err(USAGE); return 2; }
        } else if (a === "-h" || a === "--help") {
            out(USAGE);
            return 0;
        } else if (a.startsWith("-")) {
            err(`policy-check: unknown option ${a}\n${USAGE}`);
            return 2;
        } else if (planFile === undefined) {
            planFile = a;
        } else {
            err(`policy-check: one plan file at a time\n${USAGE}`);
            return 2;
        }
    }
    if (!planFile) { err(USAGE); return 2; }

    let config: PackConfig = {};
    if (configFile) {
        try {
            config = JSON.parse(fs.readFileSync(configFile, "utf8"));
            if (!config || typeof config !== "object" || Array.isArray(config)) throw new Error("expected a JSON object");
        } catch (e) {
            err(`policy-check: ${configFile}: unreadable policy config (${(e as Error).message})`);
            return 2;
        }
    }

    let plan;
    try {
        plan = readPlan(planFile);
    } catch (e) {
        if (e instanceof PlanError) { err(`policy-check: ${e.message}`); return 2; }
        throw e;
    }

    const pending = strict ? {} : pendingFixes();
    config = withPendingAdvisory(config, pending);
    for (const [name, why] of Object.entries(pending)) {
        err(`policy-check: ${name} is advisory until its fix lands (${why}); --strict makes it mandatory`);
    }

    let result;
    try {
        result = await checkPlan(plan, allPolicies, config);
    } catch (e) {
        err(`policy-check: internal error: ${(e as Error).message}`);
        return 3;
    }
    for (const v of result.violations) out(formatViolation(v));
    for (const name of Object.keys(pending)) {
        if (!result.violations.some(v => v.policy === name)) {
            err(`policy-check: ${name} passes on this plan: once every stack's plan passes it, remove it from deployability/pending-fixes.json`);
        }
    }
    out(summary(result));
    return result.violations.some(v => v.enforcementLevel === "mandatory") ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2), s => console.log(s), s => console.error(s)).then(
        code => { process.exitCode = code; },
        e => { console.error(`policy-check: internal error: ${e?.stack ?? e}`); process.exitCode = 3; },
    );
}
