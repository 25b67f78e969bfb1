// Shared helpers for every rule module. Nothing here imports @pulumi/policy at run time
// (only its types), so the offline checker and the tests load fast and never start a server.
import type {
    PolicyConfigSchema,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
    PolicyResource,
} from "@pulumi/policy";

/** How an unknown (computed at deploy time) value appears in the offline plan, and after `plain()`. */
export const UNKNOWN = "[unknown]";
/** How a secret value appears in the offline plan. */
export const SECRET = "[secret]";

/**
 * The stack tag bin/policy-check sets: the resources are a full offline plan, with every
 * dependency. During a real `pulumi preview` the Java SDK drops the dependencies of values that
 * are still unknown (it does not ask the engine for partial values), so rules that need the
 * dependency graph only judge it when this tag is present.
 */
export const OFFLINE_PLAN_TAG = "ultibiker:policy-check:full-plan";

/**
 * The sentinels CrossGuard's deserializer uses for unknown values during `pulumi preview`
 * (copied from @pulumi/policy/proxy.js; a test compares them with the installed package).
 */
export const CROSSGUARD_UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

const PROXY_TARGET = "__getSpecialProxyTarget";

/**
 * Returns a plain JSON copy of resource props as either engine hands them over:
 * CrossGuard wraps props in a proxy that throws on unknown values; the offline plan already
 * uses "[unknown]". After `plain()` both look the same: unknowns are the string "[unknown]".
 * Rules therefore never throw UnknownValueError and behave identically in both runners.
 */
export function plain(value: unknown): any {
    let v: any = value;
    if (v !== null && typeof v === "object") {
        try {
            const target = v[PROXY_TARGET];
            if (target !== undefined && target !== null) v = target;
        } catch {
            // not a CrossGuard proxy
        }
    }
    if (typeof v === "string") return CROSSGUARD_UNKNOWN_SENTINELS.has(v) ? UNKNOWN : v;
    if (Array.isArray(v)) return v.map(plain);
    if (v !== null && typeof v === "object") {
        const out: Record<string, any> = {};
        for (const k of Object.keys(v)) out[k] = plain(v[k]);
        return out;
    }
    return v;
}

export function isUnknown(v: unknown): boolean {
    return v === UNKNOWN;
}

/** Presence check: set to something non-empty. Unknown and secret values count as set. */
export function isSet(v: unknown): boolean {
    if (v === undefined || v === null) return false;
    if (typeof v === "string") return v.trim() !== "";
    if (Array.isArray(v)) return v.length > 0;
    return true;
}

/** True for `true` and "true" (some AWS inputs are string-typed booleans); unknown counts as true. */
export function isTrueOrUnknown(v: unknown): boolean {
    return v === true || v === "true" || isUnknown(v);
}

/** Explicitly true (`true` or "true"); unknown does NOT count. */
export function isExplicitlyTrue(v: unknown): boolean {
    return v === true || v === "true";
}

/** A number (or numeric string); unknown → undefined. */
export function asNumber(v: unknown): number | undefined {
    if (typeof v === "number") return v;
    if (typeof v === "string" && v.trim() !== "" && !isNaN(Number(v))) return Number(v);
    return undefined;
}

/** An input that is a single nested object in newer providers and a one-element list in older ones. */
export function single(v: unknown): Record<string, any> | undefined {
    if (Array.isArray(v)) return v.length > 0 && v[0] && typeof v[0] === "object" ? v[0] : undefined;
    if (v && typeof v === "object") return v as Record<string, any>;
    return undefined;
}

export function asArray(v: unknown): any[] {
    if (Array.isArray(v)) return v;
    if (v === undefined || v === null) return [];
    return [v];
}

/**
 * Tags as a map. Most AWS resources take `tags` as a map; a few (aws:autoscaling/group:Group)
 * take a list of {key, value, propagateAtLaunch}: that list is converted to a map.
 */
export function tagsOf(props: Record<string, any>): Record<string, any> | undefined {
    const t = props?.tags;
    if (Array.isArray(t)) {
        const out: Record<string, any> = {};
        for (const e of t) if (e && typeof e === "object" && typeof e.key === "string") out[e.key] = e.value;
        return out;
    }
    if (t && typeof t === "object") return t;
    return undefined;
}

/** The stack name inside a URN: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
export function stackOfUrn(urn: string | undefined): string | undefined {
    if (!urn) return undefined;
    const m = /^urn:pulumi:([^:]+)::/.exec(urn);
    return m ? m[1] : undefined;
}

/** A read replica: an RDS instance with `replicateSourceDb` set. */
export function isRdsReplica(props: Record<string, any>): boolean {
    return isSet(props.replicateSourceDb);
}

// ---------------------------------------------------------------------------------------------
// Configuration

/** Defaults from a policy's config schema, overlaid with the config the user gave. */
export function configOf<T extends object>(
    schema: PolicyConfigSchema | undefined,
    args: { getConfig<C extends object>(): C },
): T {
    const defaults: Record<string, any> = {};
    for (const [k, s] of Object.entries(schema?.properties ?? {})) {
        if ((s as any).default !== undefined) defaults[k] = (s as any).default;
    }
    let given: Record<string, any> = {};
    try {
        given = (args.getConfig<Record<string, any>>() ?? {}) as Record<string, any>;
    } catch {
        given = {};
    }
    return { ...defaults, ...plain(given) } as T;
}

/** Config keys shared by every rule that only applies to production. */
export interface ProdConfig {
    /** Stack names that are production. */
    prodStacks: string[];
    /** A regular expression; a stack whose name matches it is production ("" = none). */
    prodStackPattern: string;
    /** Values of the `Environment` tag that mark a resource as production. */
    prodEnvironments: string[];
}

export const prodConfigSchema: PolicyConfigSchema["properties"] = {
    prodStacks: {
        type: "array",
        items: { type: "string" },
        default: ["prod", "production"],
        description: "Stack names that are production.",
    },
    prodStackPattern: {
        type: "string",
        default: "",
        description: "A regular expression; stacks whose name matches it are production too (empty: none).",
    },
    prodEnvironments: {
        type: "array",
        items: { type: "string" },
        default: ["prod", "production"],
        description: "Values of a resource's Environment tag that make it production (case-insensitive).",
    },
};

function stackPattern(pattern: string): RegExp {
    try {
        return new RegExp(pattern);
    } catch (e) {
        throw new Error(`policy config prodStackPattern ${JSON.stringify(pattern)} is not a valid regular expression: ${(e as Error).message}`);
    }
}

/**
 * Whether a resource is production: its stack (read from its URN) is listed in `prodStacks` or
 * matches `prodStackPattern`, or its `Environment` tag is one of `prodEnvironments`.
 */
export function isProd(urn: string, props: Record<string, any>, cfg: ProdConfig): boolean {
    const stack = stackOfUrn(urn);
    if (stack !== undefined) {
        if ((cfg.prodStacks ?? []).includes(stack)) return true;
        if (cfg.prodStackPattern && stackPattern(cfg.prodStackPattern).test(stack)) return true;
    }
    const env = tagsOf(props)?.Environment;
    if (typeof env === "string") {
        const envs = (cfg.prodEnvironments ?? []).map(e => e.toLowerCase());
        if (envs.includes(env.toLowerCase())) return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// Policy builders

/** What a resource check receives: plain props (see `plain()`), the args, the merged config. */
export interface ResourceCheck<C> {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
    config: C;
    args: ResourceValidationArgs;
}

export interface ResourceRuleDef<C> {
    name: string;
    description: string;
    /** Type tokens this rule applies to. */
    types?: readonly string[];
    /** Instead of `types`: decides from the type and config whether the rule applies. */
    appliesTo?: (type: string, config: C) => boolean;
    /** Only check production resources (see `isProd`); adds the prod config keys to the schema. */
    prodOnly?: boolean;
    configSchema?: PolicyConfigSchema["properties"];
    enforcementLevel?: "advisory" | "mandatory" | "disabled";
    /** Returns the violation messages ("X must Y") for one resource. */
    check: (r: ResourceCheck<C>) => string[];
}

/** A CrossGuard ResourceValidationPolicy from a plain check function. */
export function resourceRule<C extends object = Record<string, any>>(def: ResourceRuleDef<C>): ResourceValidationPolicy {
    const types = new Set(def.types ?? []);
    const properties = { ...(def.prodOnly ? prodConfigSchema : {}), ...(def.configSchema ?? {}) };
    const configSchema: PolicyConfigSchema | undefined =
        Object.keys(properties).length > 0 ? { properties } : undefined;
    return {
        name: def.name,
        description: def.description,
        enforcementLevel: def.enforcementLevel ?? "mandatory",
        configSchema,
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            if (!def.appliesTo && !types.has(args.type)) return;
            const config = configOf<C & ProdConfig>(configSchema, args);
            if (def.appliesTo && !def.appliesTo(args.type, config)) return;
            const props = plain(args.props) ?? {};
            if (def.prodOnly && !isProd(args.urn, props, config)) return;
            for (const message of def.check({ type: args.type, name: args.name, urn: args.urn, props, config, args })) {
                reportViolation(message);
            }
        },
    };
}

/** A resource in a stack check: plain props, dependencies as URNs. */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, any>;
    /** URNs of every resource it depends on. */
    dependencies: string[];
    /** URNs it depends on per property (CrossGuard only; empty in the offline plan). */
    propertyDependencies: Record<string, string[]>;
    parent?: string;
}

export interface StackViolation {
    message: string;
    urn?: string;
}

/** What a stack check knows about where it runs. */
export interface StackContext {
    /** true under bin/policy-check (the full offline plan: every dependency is recorded). */
    fullGraph: boolean;
}

export interface StackRuleDef<C> {
    name: string;
    description: string;
    configSchema?: PolicyConfigSchema["properties"];
    enforcementLevel?: "advisory" | "mandatory" | "disabled";
    check: (resources: StackResource[], config: C, ctx: StackContext) => StackViolation[];
}

/** Converts CrossGuard's PolicyResource (or the checker's equivalent) to a StackResource. */
export function toStackResource(r: PolicyResource): StackResource {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [k, deps] of Object.entries(r.propertyDependencies ?? {})) {
        propertyDependencies[k] = (deps ?? []).map(d => d.urn);
    }
    return {
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: plain(r.props) ?? {},
        dependencies: (r.dependencies ?? []).map(d => d.urn),
        propertyDependencies,
        parent: r.parent?.urn,
    };
}

/** A CrossGuard StackValidationPolicy from a plain check function over all resources. */
export function stackRule<C extends object = Record<string, any>>(def: StackRuleDef<C>): StackValidationPolicy {
    const properties = { ...(def.configSchema ?? {}) };
    const configSchema: PolicyConfigSchema | undefined =
        Object.keys(properties).length > 0 ? { properties } : undefined;
    return {
        name: def.name,
        description: def.description,
        enforcementLevel: def.enforcementLevel ?? "mandatory",
        configSchema,
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = configOf<C>(configSchema, args);
            const resources = args.resources.map(toStackResource);
            const ctx: StackContext = { fullGraph: args.stackTags?.get(OFFLINE_PLAN_TAG) === "true" };
            for (const v of def.check(resources, config, ctx)) reportViolation(v.message, v.urn);
        },
    };
}
