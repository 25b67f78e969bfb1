// bin/policy-check's program: node dist/checker/cli.js PLAN.json [--config POLICY-CONFIG.json]
// Exit codes: 0 no mandatory violation, 1 mandatory violation(s), 2 usage error or unreadable /
// malformed plan or config, 3 a policy crashed (a bug in the pack).
import * as fs from "fs";
import { allPolicies } from "../rules/all";
import { checkPlan, formatViolation, PackConfig, PlanError, readPlan, summary } from "./engine";

const USAGE = "usage: bin/policy-check PLAN.json [--config POLICY-CONFIG.json]";

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
    let planFile: string | undefined;
    let configFile: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === "--config") {
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

    let result;
    try {
        result = await checkPlan(plan, allPolicies, config);
    } catch (e) {
        err(`policy-check: internal error: ${(e as Error).message}`);
        return 3;
    }
    for (const v of result.violations) out(formatViolation(v));
    out(summary(result));
    return result.violations.some(v => v.enforcementLevel === "mandatory") ? 1 : 0;
}

if (require.main === module) {
    main(process.argv.slice(2), s => console.log(s), s => console.error(s)).then(
        code => { process.exitCode = code; },
        e => { console.error(`policy-check: internal error: ${e?.stack ?? e}`); process.exitCode = 3; },
    );
}
