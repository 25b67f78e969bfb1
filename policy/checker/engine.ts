// Runs CrossGuard policies over an offline plan (bin/plan --json), without a Pulumi CLI.
// It builds the same argument objects CrossGuard passes to validateResource / validateStack
// (type, props, urn, name, opts, getConfig, notApplicable, reportViolation), so one rule
// implementation serves both `pulumi preview --policy-pack policy` and bin/policy-check.
import * as fs from "fs";
import { OFFLINE_PLAN_TAG } from "../rules/common";
import type {
    EnforcementLevel,
    Policies,
    PolicyResource,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";

export interface PlanResource {
    urn: string;
    type: string;
    name: string;
    region?: string | null;
    parent?: string | null;
    dependencies?: string[];
    protect?: boolean;
    ignoreChanges?: string[];
    retainOnDelete?: boolean;
    aliases?: string[];
    props?: Record<string, any>;
}

export interface Plan {
    stack: string;
    project?: string;
    outputs?: Record<string, any>;
    resources: PlanResource[];
}

/** A plan file that cannot be read or does not follow the plan JSON contract. */
export class PlanError extends Error {}

/** Validates the parts of the plan contract the checker relies on. */
export function parsePlan(text: string, source = "plan"): Plan {
    let doc: any;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new PlanError(`${source}: not valid JSON (${(e as Error).message})`);
    }
    if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new PlanError(`${source}: expected a JSON object`);
    if (!Array.isArray(doc.resources)) throw new PlanError(`${source}: "resources" must be an array`);
    doc.resources.forEach((r: any, i: number) => {
        if (!r || typeof r !== "object") throw new PlanError(`${source}: resources[${i}] must be an object`);
        for (const k of ["urn", "type", "name"]) {
            if (typeof r[k] !== "string" || r[k] === "") {
                throw new PlanError(`${source}: resources[${i}].${k} must be a non-empty string`);
            }
        }
        if (r.props !== undefined && r.props !== null && (typeof r.props !== "object" || Array.isArray(r.props))) {
            throw new PlanError(`${source}: resources[${i}].props must be an object`);
        }
        if (r.dependencies !== undefined && r.dependencies !== null && !Array.isArray(r.dependencies)) {
            throw new PlanError(`${source}: resources[${i}].dependencies must be an array`);
        }
    });
    if (doc.stack !== undefined && typeof doc.stack !== "string") throw new PlanError(`${source}: "stack" must be a string`);
    return doc as Plan;
}

export function readPlan(file: string): Plan {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new PlanError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return parsePlan(text, file);
}

/** Policy config as `pulumi preview --policy-config` takes it: { "<policy>": level | {enforcementLevel?, ...}, "all": level }. */
export type PackConfig = Record<string, any>;

export interface Violation {
    policy: string;
    enforcementLevel: "mandatory" | "advisory";
    message: string;
    urn?: string;
    type: string;
    name: string;
}

export interface CheckResult {
    violations: Violation[];
    /** Policies skipped as not applicable, with the reason, per resource. */
    notApplicable: { policy: string; urn?: string; reason?: string }[];
    resourceCount: number;
}

class NotApplicable extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "not applicable");
    }
}

function throwNotApplicable(reason?: string): never {
    throw new NotApplicable(reason);
}

/** The effective enforcement level: per-policy config, then the "all" entry, then the policy's own, then mandatory. */
export function levelOf(policyName: string, policyLevel: EnforcementLevel | undefined, config: PackConfig): EnforcementLevel {
    const entry = config[policyName];
    if (typeof entry === "string") return entry as EnforcementLevel;
    if (entry && typeof entry === "object" && entry.enforcementLevel) return entry.enforcementLevel;
    if (typeof config.all === "string") return config.all as EnforcementLevel;
    if (config.all && typeof config.all === "object" && config.all.enforcementLevel) return config.all.enforcementLevel;
    return policyLevel ?? "mandatory";
}

function getConfigFor(policyName: string, config: PackConfig) {
    return <T extends object>(): T => {
        const entry = config[policyName];
        if (!entry || typeof entry !== "object") return {} as T;
        const { enforcementLevel: _ignored, ...rest } = entry;
        return rest as T;
    };
}

function isTypeOf(type: string) {
    return (cls: any) => !!cls && cls.__pulumiType === type;
}

function opts(r: PlanResource) {
    return {
        protect: r.protect ?? false,
        ignoreChanges: r.ignoreChanges ?? [],
        aliases: r.aliases ?? [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        retainOnDelete: r.retainOnDelete ?? false,
    } as any;
}

function clone<T>(v: T): T {
    return v === undefined ? v : JSON.parse(JSON.stringify(v));
}

/** The args CrossGuard passes to validateResource, built from one plan entry. */
export function resourceArgs(r: PlanResource, policyName: string, config: PackConfig): ResourceValidationArgs {
    return {
        type: r.type,
        props: clone(r.props ?? {}),
        urn: r.urn,
        name: r.name,
        opts: opts(r),
        stackTags: new Map(),
        isType: isTypeOf(r.type),
        asType: ((cls: any) => (isTypeOf(r.type)(cls) ? clone(r.props ?? {}) : undefined)) as any,
        getConfig: getConfigFor(policyName, config),
        notApplicable: throwNotApplicable,
    };
}

/** The PolicyResource objects CrossGuard passes to validateStack, with parent/dependencies linked. */
export function stackResources(plan: Plan): PolicyResource[] {
    const byUrn = new Map<string, PolicyResource>();
    const out: PolicyResource[] = plan.resources.map(r => {
        const pr: PolicyResource = {
            type: r.type,
            props: clone(r.props ?? {}),
            urn: r.urn,
            name: r.name,
            opts: opts(r),
            dependencies: [],
            // The plan records dependencies per resource, not per property.
            propertyDependencies: {},
            isType: isTypeOf(r.type),
            asType: ((cls: any) => (isTypeOf(r.type)(cls) ? clone(r.props ?? {}) : undefined)) as any,
        };
        byUrn.set(r.urn, pr);
        return pr;
    });
    plan.resources.forEach((r, i) => {
        if (r.parent) out[i].parent = byUrn.get(r.parent);
        out[i].dependencies = (r.dependencies ?? []).map(d => byUrn.get(d)).filter((d): d is PolicyResource => !!d);
    });
    return out;
}

/** Runs every policy over the plan: resource policies per resource, stack policies once. */
export async function checkPlan(plan: Plan, policies: Policies, config: PackConfig = {}): Promise<CheckResult> {
    const violations: Violation[] = [];
    const notApplicable: CheckResult["notApplicable"] = [];
    const byUrn = new Map(plan.resources.map(r => [r.urn, r]));
    const stackName = plan.stack ?? "?";

    for (const p of policies) {
        const level = levelOf(p.name, p.enforcementLevel, config);
        if (level === "disabled") continue;
        const reported: "mandatory" | "advisory" = level === "advisory" ? "advisory" : "mandatory";

        const validate = (p as ResourceValidationPolicy).validateResource;
        if (validate) {
            const fns = Array.isArray(validate) ? validate : [validate];
            for (const r of plan.resources) {
                const args = resourceArgs(r, p.name, config);
                for (const fn of fns) {
                    try {
                        await fn(args, (message: string) =>
                            violations.push({ policy: p.name, enforcementLevel: reported, message, urn: r.urn, type: r.type, name: r.name }));
                    } catch (e) {
                        if (e instanceof NotApplicable) {
                            notApplicable.push({ policy: p.name, urn: r.urn, reason: e.reason });
                            break;
                        }
                        throw new Error(`policy ${p.name} failed on ${r.urn}: ${(e as Error).stack ?? e}`);
                    }
                }
            }
        }

        const validateStack = (p as StackValidationPolicy).validateStack;
        if (validateStack) {
            const args: StackValidationArgs = {
                resources: stackResources(plan),
                // The plan is complete: rules that need every dependency may judge it.
                stackTags: new Map([[OFFLINE_PLAN_TAG, "true"]]),
                getConfig: getConfigFor(p.name, config),
                notApplicable: throwNotApplicable,
            };
            try {
                await validateStack(args, (message: string, urn?: string) => {
                    const r = urn ? byUrn.get(urn) : undefined;
                    violations.push({
                        policy: p.name,
                        enforcementLevel: reported,
                        message,
                        urn,
                        type: r?.type ?? "stack",
                        name: r?.name ?? stackName,
                    });
                });
            } catch (e) {
                if (e instanceof NotApplicable) {
                    notApplicable.push({ policy: p.name, reason: e.reason });
                } else {
                    throw new Error(`policy ${p.name} failed on stack ${stackName}: ${(e as Error).stack ?? e}`);
                }
            }
        }
    }
    return { violations, notApplicable, resourceCount: plan.resources.length };
}

/** One line per violation: `policy-name: <type> <name>: message` (advisory ones end in " [advisory]"). */
export function formatViolation(v: Violation): string {
    return `${v.policy}: ${v.type} ${v.name}: ${v.message}${v.enforcementLevel === "advisory" ? " [advisory]" : ""}`;
}

export function summary(result: CheckResult): string {
    const m = result.violations.filter(v => v.enforcementLevel === "mandatory").length;
    const a = result.violations.length - m;
    const n = result.violations.length;
    return `policy-check: ${n} violation${n === 1 ? "" : "s"} (${m} mandatory, ${a} advisory) in ${result.resourceCount} resources`;
}
