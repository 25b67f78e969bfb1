// Deployability: what AWS, the provider, Kubernetes and the Helm charts would refuse, or fight over,
// that no mock sees. Value rules come from AWS's service models (deployability/aws-constraints.json,
// generated); relational rules are written by hand, each citing where its constraint comes from.
//
// Rules that need the dependency graph judge it only under bin/policy-check (the full offline plan):
// during a real `pulumi preview` the Java SDK drops the dependencies of values that are still
// unknown, so there a missing dependency proves nothing and those rules stay silent.
import * as fs from "fs";
import * as path from "path";
import type { Constraint, ConstraintTable } from "../generator/constraints";
import {
    asArray,
    asNumber,
    isExplicitlyTrue,
    isSet,
    isUnknown,
    resourceRule,
    SECRET,
    stackRule,
    StackResource,
    StackViolation,
} from "./common";
import { targetSecurityGroup } from "./exposure";
import { packRoot } from "./tagging";

export const T = {
    record: "aws:route53/record:Record",
    rds: "aws:rds/instance:Instance",
    kmsKey: "aws:kms/key:Key",
    role: "aws:iam/role:Role",
    serviceLinkedRole: "aws:iam/serviceLinkedRole:ServiceLinkedRole",
    user: "aws:iam/user:User",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    nodeGroup: "aws:eks/nodeGroup:NodeGroup",
    pdb: "kubernetes:policy/v1:PodDisruptionBudget",
    deployment: "kubernetes:apps/v1:Deployment",
    statefulSet: "kubernetes:apps/v1:StatefulSet",
    replicaSet: "kubernetes:apps/v1:ReplicaSet",
    helmRelease: "kubernetes:helm.sh/v3:Release",
} as const;

// ------------------------------------------------------------------------------------ tables

function readTable<X>(file: string): X {
    return JSON.parse(fs.readFileSync(path.join(packRoot(), "deployability", file), "utf8")) as X;
}

const tables = new Map<string, unknown>();
function table<X>(file: string): X {
    if (!tables.has(file)) tables.set(file, readTable<X>(file));
    return tables.get(file) as X;
}

// The table's shape is the generator's (type-only import: nothing of the generator runs in the pack).
export type ConstraintEntry = Constraint;

export const constraintTable = () => table<ConstraintTable>("aws-constraints.json");
export const instanceShapes = () =>
    table<{ types: Record<string, { vcpu: number; memoryMiB: number }> }>("instance-shapes.json");
export const chartAppVersions = () =>
    table<{ charts: Record<string, { imageValue: string; versions: Record<string, string>; why: string }> }>("chart-app-versions.json");

// ----------------------------------------------------------------------------------- helpers

function known(v: unknown): v is string {
    return typeof v === "string" && v !== "" && !isUnknown(v) && v !== SECRET;
}

/** A DNS name compared as Route53 compares it: case-insensitive, trailing dot optional. */
export function dnsName(v: string): string {
    return v.trim().toLowerCase().replace(/\.$/, "");
}

/** Every resource a resource waits for (its dependencies, and theirs). */
export function transitiveDependencies(resources: StackResource[]): (urn: string) => ReadonlySet<string> {
    const byUrn = new Map(resources.map(r => [r.urn, r]));
    const memo = new Map<string, Set<string>>();
    const visit = (urn: string): Set<string> => {
        const hit = memo.get(urn);
        if (hit) return hit;
        const out = new Set<string>();
        memo.set(urn, out); // cycles end here
        for (const d of byUrn.get(urn)?.dependencies ?? []) {
            out.add(d);
            for (const dd of visit(d)) out.add(dd);
        }
        return out;
    };
    return visit;
}

// ------------------------------------------------------------------- route53 alias targets

/** Same-zone aliases wait for the records that create their target. */
export const route53AliasTargetCreatedFirst = stackRule({
    name: "route53-alias-target-created-first",
    description:
        "A Route53 alias record whose target is a record of the same hosted zone must depend on every record of the " +
        "stack that creates that target (same name and type): Route53 refuses the change otherwise (ChangeResourceRecordSets: " +
        "InvalidChangeBatch \"Tried to create an alias that targets <name>, type A in zone <zone>, but that target was " +
        "not found\"; https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html). Needs the dependency graph: judged by bin/policy-check on the " +
        "full offline plan, silent during a real preview.",
    check: (resources, _config, ctx) => {
        if (!ctx.fullGraph) return [];
        const deps = transitiveDependencies(resources);
        const records = resources.filter(r => r.type === T.record);
        const out: StackViolation[] = [];
        for (const r of records) {
            asArray(r.props.aliases).forEach((a: any, i: number) => {
                if (!a || !known(a.name) || !known(a.zoneId) || !known(r.props.zoneId) || a.zoneId !== r.props.zoneId) return;
                const targets = records.filter(t => t.urn !== r.urn && known(t.props.name) && t.props.zoneId === a.zoneId
                    && dnsName(t.props.name) === dnsName(a.name) && t.props.type === r.props.type);
                const missing = targets.filter(t => !deps(r.urn).has(t.urn)).map(t => t.name);
                if (missing.length > 0) {
                    out.push({
                        urn: r.urn,
                        message: `alias record ${r.props.name} (${r.props.type}) must depend on ${missing.join(", ")}, which create its ` +
                            `target aliases[${i}].name ${a.name} in the same zone (Route53 refuses an alias whose target does not exist yet)`,
                    });
                }
            });
        }
        return out;
    },
});

// ---------------------------------------------------------- RDS replicas and managed passwords

/** The RDS instance a replica's `replicateSourceDb` names (identifier or ARN), else its only RDS dependency. */
export function replicaSource(replica: StackResource, instances: StackResource[], fullGraph: boolean): StackResource | undefined {
    const v = replica.props.replicateSourceDb;
    if (known(v)) {
        const hit = instances.find(s => s.urn !== replica.urn && known(s.props.identifier)
            && (v === s.props.identifier || v.endsWith(`:db:${s.props.identifier}`)));
        if (hit) return hit;
    }
    if (!fullGraph) return undefined;
    const deps = instances.filter(s => s.urn !== replica.urn && replica.dependencies.includes(s.urn) && !known(s.props.replicateSourceDb));
    return deps.length === 1 ? deps[0] : undefined;
}

export const rdsReplicaSourceNotManagedPassword = stackRule({
    name: "rds-replica-source-no-managed-password",
    description:
        "An RDS read replica (replicateSourceDb) must not replicate a source whose master password RDS manages in Secrets " +
        "Manager (manageMasterUserPassword): RDS refuses it for every engine except SQL Server (Amazon RDS User Guide, " +
        "'Limitations for Secrets Manager integration with Amazon RDS', " +
        "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations). The source is found by identifier or ARN, and in " +
        "the offline plan also by dependency.",
    check: (resources, _config, ctx) => {
        const instances = resources.filter(r => r.type === T.rds);
        const out: StackViolation[] = [];
        for (const r of instances) {
            if (r.props.replicateSourceDb === undefined || r.props.replicateSourceDb === null || r.props.replicateSourceDb === "") continue;
            const src = replicaSource(r, instances, ctx.fullGraph);
            if (!src || !isExplicitlyTrue(src.props.manageMasterUserPassword)) continue;
            if (String(src.props.engine ?? "").startsWith("sqlserver")) continue;
            out.push({
                urn: r.urn,
                message: `read replica ${r.name} must not replicate ${src.name}, whose manageMasterUserPassword is true ` +
                    "(RDS creates no replica of a source with a Secrets Manager-managed master password)",
            });
        }
        return out;
    },
});

// ------------------------------------------------------------------- KMS key-policy principals

interface KmsConfig {
    externalPrincipals: string[];
}

/** `arn:aws:iam::123:role/a/b/Name` -> { kind: role, path: a/b/, name: Name }. */
export function iamArn(arn: string): { kind: string; path: string; name: string } | undefined {
    const m = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/(.*\/)?([^/]+)$/.exec(arn);
    return m ? { kind: m[1], path: m[2] ?? "", name: m[3] } : undefined;
}

function isAccountPrincipal(p: string): boolean {
    return p === "*" || /^\d{12}$/.test(p) || /^arn:aws[a-z-]*:iam::\d{12}:root$/.test(p);
}

/** The resource of the stack that creates an IAM principal, if any. */
export function principalCreator(arn: string, resources: StackResource[]): StackResource | undefined {
    const a = iamArn(arn);
    if (!a) return undefined;
    if (a.kind === "role" && a.path.startsWith("aws-service-role/")) {
        const service = a.path.slice("aws-service-role/".length).replace(/\/$/, "");
        return resources.find(r => r.type === T.serviceLinkedRole && r.props.awsServiceName === service);
    }
    const type = a.kind === "role" ? T.role : T.user;
    return resources.find(r => r.type === type && (r.props.name === a.name || r.props.arn === arn));
}

function awsPrincipals(policy: any): string[] {
    const out: string[] = [];
    for (const s of asArray(policy?.Statement)) {
        const p = s?.Principal;
        if (p === "*") out.push("*");
        else if (p && typeof p === "object") out.push(...asArray(p.AWS).filter((x: unknown): x is string => typeof x === "string"));
    }
    return out;
}

export const kmsKeyPolicyPrincipalsExist = stackRule<KmsConfig>({
    name: "kms-key-policy-principals-exist",
    description:
        "Every AWS principal in a KMS key policy must exist before the key: the account (root), a service principal, a " +
        "role or user this stack creates and the key depends on, or one listed in externalPrincipals. KMS refuses a policy " +
        "naming a principal that does not exist (CreateKey: \"The principals in the key policy must exist and be visible to " +
        "KMS\", https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateKey.html; MalformedPolicyDocumentException); a service-linked role such as AWSServiceRoleForAutoScaling exists only after " +
        "the account's first use of the service unless an aws:iam/serviceLinkedRole creates it. The dependency is judged " +
        "on the full offline plan only. A principal the program only reads (a data source such as iam.getRole) is not " +
        "visible to policies: list it in externalPrincipals.",
    configSchema: {
        externalPrincipals: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "ARNs of principals created outside the stack that are known to exist (exact match).",
        },
    },
    check: (resources, config, ctx) => {
        const deps = transitiveDependencies(resources);
        const out: StackViolation[] = [];
        for (const key of resources.filter(r => r.type === T.kmsKey)) {
            if (!known(key.props.policy)) continue;
            let policy: any;
            try {
                policy = JSON.parse(key.props.policy);
            } catch {
                continue;
            }
            for (const p of new Set(awsPrincipals(policy))) {
                if (isAccountPrincipal(p) || isUnknown(p) || p.includes("[unknown]")) continue;
                if ((config.externalPrincipals ?? []).includes(p)) continue;
                const creator = principalCreator(p, resources);
                if (!creator) {
                    out.push({
                        urn: key.urn,
                        message: `key policy principal ${p} must exist before the key: use the account root or a service principal, ` +
                            "or create it in this stack and make the key depend on it (KMS refuses a principal that does not exist)",
                    });
                } else if (ctx.fullGraph && !deps(key.urn).has(creator.urn)) {
                    out.push({
                        urn: key.urn,
                        message: `key ${key.name} must depend on ${creator.name}, which creates its key policy principal ${p} ` +
                            "(KMS refuses a principal that does not exist yet)",
                    });
                }
            }
        }
        return out;
    },
});

// ------------------------------------------------------------- inline vs standalone SG rules

function ruleDirection(r: StackResource): "ingress" | "egress" | undefined {
    if (r.type === T.ingressRule) return "ingress";
    if (r.type === T.egressRule) return "egress";
    if (r.type === T.sgRule) return r.props.type === "egress" ? "egress" : r.props.type === "ingress" ? "ingress" : undefined;
    return undefined;
}

export const securityGroupRulesNotMixed = stackRule({
    name: "security-group-rules-not-mixed",
    description:
        "A security group that other resources add rules to (aws:ec2/securityGroupRule, aws:vpc/securityGroupIngressRule, " +
        "aws:vpc/securityGroupEgressRule) must have no inline ingress or egress rules, not even an explicit empty list in " +
        "the same direction: the provider then manages the group's rule set from two places and every refresh or update " +
        "removes the other's rules (Pulumi AWS provider docs, aws.ec2.SecurityGroup: in-line rules \"in conjunction with the " +
        "aws.vpc.SecurityGroupEgressRule and aws.vpc.SecurityGroupIngressRule resources or the aws.ec2.SecurityGroupRule " +
        "resource ... may cause rule conflicts, perpetual differences, and result in rules being overwritten\", " +
        "https://www.pulumi.com/registry/packages/aws/api-docs/ec2/securitygroup/). The group is found through securityGroupId; judged on inputs (preview, offline plan), not on the outputs an update reports, which list every rule.",
    check: resources => {
        const sgs = resources.filter(r => r.type === T.sg);
        const added = new Map<string, { names: string[]; dirs: Set<string> }>();
        for (const r of resources) {
            const dir = ruleDirection(r);
            if (!dir) continue;
            const sg = targetSecurityGroup(r, sgs);
            if (!sg) continue;
            const e = added.get(sg.urn) ?? { names: [], dirs: new Set<string>() };
            e.names.push(r.name);
            e.dirs.add(dir);
            added.set(sg.urn, e);
        }
        const out: StackViolation[] = [];
        for (const sg of sgs) {
            const e = added.get(sg.urn);
            if (!e) continue;
            // After `pulumi up` CrossGuard hands stack rules the outputs, where ingress/egress list every rule
            // of the group, the standalone ones too: only inputs (no arn/ownerId yet) say what is inline.
            if (isSet(sg.props.arn) || isSet(sg.props.ownerId)) continue;
            for (const dir of ["ingress", "egress"] as const) {
                const inline = sg.props[dir];
                if (!Array.isArray(inline)) continue;
                if (inline.length > 0 || e.dirs.has(dir)) {
                    out.push({
                        urn: sg.urn,
                        message: `security group ${sg.name} must not declare inline ${dir} (${inline.length} rule${inline.length === 1 ? "" : "s"}) ` +
                            `while ${e.names.join(", ")} add${e.names.length === 1 ? "s" : ""} rules to it: use standalone rule resources only`,
                    });
                }
            }
        }
        return out;
    },
});

// ------------------------------------------------------------------- one shape per node pool

export const nodeGroupSingleInstanceShape = resourceRule({
    name: "node-group-single-instance-shape",
    description:
        "An EKS managed node group's instanceTypes must all have the same vCPUs and memory (table: " +
        "deployability/instance-shapes.json, from AWS's 'Specifications for Amazon EC2 instance types'): cluster-autoscaler " +
        "sizes a node group from one instance type, so mixed shapes break its scale-up math (\"each Auto Scaling group should be " +
        "composed of instance types that provide approximately equal capacity\"; " +
        "https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md, 'Using Mixed " +
        "Instances Policies and Spot Instances').",
    types: [T.nodeGroup],
    check: ({ props }) => {
        const typesList = asArray(props.instanceTypes).filter(known);
        if (typesList.length < 2) return [];
        const table = instanceShapes().types;
        const unknownTypes = typesList.filter(t => !table[t]);
        if (unknownTypes.length > 0) {
            return [`instanceTypes ${unknownTypes.join(", ")} must be listed in deployability/instance-shapes.json (with its source) to compare shapes`];
        }
        const shapes = new Set(typesList.map(t => `${table[t].vcpu}/${table[t].memoryMiB}`));
        if (shapes.size === 1) return [];
        const found = typesList.map(t => `${t} ${table[t].vcpu} vCPU/${table[t].memoryMiB / 1024} GiB`).join(", ");
        return [`instanceTypes must share one vCPU/memory shape (found ${found})`];
    },
});

// --------------------------------------------------------------------- PDBs that let a drain go

/** The minimum number of pods a PDB keeps for `replicas` pods (Kubernetes rounds percentages up). */
export function minKept(spec: any, replicas: number): number | undefined {
    const min = spec?.minAvailable;
    if (typeof min === "number") return min;
    if (typeof min === "string" && /^\d+%$/.test(min)) return Math.ceil((Number(min.slice(0, -1)) * replicas) / 100);
    if (typeof min === "string" && /^\d+$/.test(min)) return Number(min);
    const max = spec?.maxUnavailable;
    if (typeof max === "number") return replicas - max;
    if (typeof max === "string" && /^\d+%$/.test(max)) return replicas - Math.ceil((Number(max.slice(0, -1)) * replicas) / 100);
    return undefined;
}

function namespaceOf(r: StackResource): string {
    return r.props.metadata?.namespace ?? "default";
}

function selects(matchLabels: Record<string, unknown>, labels: Record<string, unknown> | undefined): boolean {
    return !!labels && Object.entries(matchLabels).every(([k, v]) => labels[k] === v);
}

/** Budgets a Helm release renders from its values: every `podDisruptionBudget` block we enable, with its sibling replicas. */
export function helmBudgets(values: unknown, where = "values"): { where: string; spec: any; replicas: number }[] {
    const out: { where: string; spec: any; replicas: number }[] = [];
    if (!values || typeof values !== "object" || Array.isArray(values)) return out;
    const m = values as Record<string, any>;
    const pdb = m.podDisruptionBudget;
    if (pdb && typeof pdb === "object" && pdb.enabled !== false && ("minAvailable" in pdb || "maxUnavailable" in pdb)) {
        out.push({ where: `${where}.podDisruptionBudget`, spec: pdb, replicas: asNumber(m.replicas ?? m.replicaCount) ?? 1 });
    }
    for (const [k, v] of Object.entries(m)) if (k !== "podDisruptionBudget") out.push(...helmBudgets(v, `${where}.${k}`));
    return out;
}

export const pdbAllowsDrain = stackRule({
    name: "pdb-allows-drain",
    description:
        "A PodDisruptionBudget must allow at least one eviction of the pods it selects (workloads of the stack in its " +
        "namespace whose pod labels match spec.selector.matchLabels, replicas summed; and every podDisruptionBudget a Helm " +
        "release's values enable, against the replicas beside it, chart default 1): otherwise every drain blocks, and " +
        "EKS managed node group updates fail with PodEvictionFailure (https://kubernetes.io/docs/tasks/run-application/configure-pdb/; " +
        "https://docs.aws.amazon.com/eks/latest/userguide/managed-node-update-behavior.html, upgrade phase: PodEvictionFailure). maxUnavailable 0 always fails.",
    check: resources => {
        const workloads = resources.filter(r => r.type === T.deployment || r.type === T.statefulSet || r.type === T.replicaSet);
        const out: StackViolation[] = [];
        for (const pdb of resources.filter(r => r.type === T.pdb)) {
            const spec = pdb.props.spec;
            if (!spec || typeof spec !== "object") continue;
            if (spec.maxUnavailable === 0 || spec.maxUnavailable === "0%" || spec.maxUnavailable === "0") {
                out.push({ urn: pdb.urn, message: `PodDisruptionBudget ${pdb.name} spec.maxUnavailable must be at least 1 (0 blocks every drain)` });
                continue;
            }
            const sel = spec.selector;
            if (!sel?.matchLabels || typeof sel.matchLabels !== "object" || sel.matchExpressions) continue;
            const selected = workloads.filter(w => namespaceOf(w) === namespaceOf(pdb)
                && selects(sel.matchLabels, w.props.spec?.template?.metadata?.labels));
            if (selected.length === 0) continue;
            const replicas = selected.reduce((n, w) => n + (asNumber(w.props.spec?.replicas) ?? 1), 0);
            const kept = minKept(spec, replicas);
            if (kept === undefined || kept < replicas) continue;
            out.push({
                urn: pdb.urn,
                message: `PodDisruptionBudget ${pdb.name} must allow an eviction: it keeps ${kept} of ${replicas} pod${replicas === 1 ? "" : "s"} ` +
                    `(${selected.map(w => w.name).join(", ")}), so every drain and node group update blocks`,
            });
        }
        for (const release of resources.filter(r => r.type === T.helmRelease)) {
            for (const b of helmBudgets(release.props.values)) {
                const blocks = b.spec.maxUnavailable === 0 || b.spec.maxUnavailable === "0%" || (minKept(b.spec, b.replicas) ?? 0) >= b.replicas;
                if (!blocks) continue;
                out.push({
                    urn: release.urn,
                    message: `${b.where} of release ${release.name} must allow an eviction: it keeps ${minKept(b.spec, b.replicas)} of ` +
                        `${b.replicas} pod${b.replicas === 1 ? "" : "s"}, so every drain and node group update blocks`,
                });
            }
        }
        return out;
    },
});

// ------------------------------------------------------------ Helm charts vs their image

function minor(version: string): string | undefined {
    const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
    return m ? `${m[1]}.${m[2]}` : undefined;
}

function valueAt(obj: any, dotted: string): unknown {
    return dotted.split(".").reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), obj);
}

export const helmChartMatchesImage = resourceRule({
    name: "helm-chart-matches-image",
    description:
        "A Helm release of a chart listed in deployability/chart-app-versions.json must pin a recorded chart version, and " +
        "an image tag it overrides must have the minor of that chart version's appVersion: the chart's RBAC is written " +
        "for its appVersion (cluster-autoscaler 1.35 watches resource.k8s.io, which the ClusterRole grants only from chart " +
        "9.54.0; https://github.com/kubernetes/autoscaler/tree/cluster-autoscaler-chart-9.54.0/charts/cluster-autoscaler, " +
        "Chart.yaml and templates/clusterrole.yaml).",
    types: [T.helmRelease],
    check: ({ props }) => {
        const chart = chartAppVersions().charts[String(props.chart ?? "")];
        if (!chart || !known(props.version)) return [];
        const app = chart.versions[props.version];
        if (app === undefined) {
            return [`chart ${props.chart} version ${props.version} must be recorded in deployability/chart-app-versions.json ` +
                "with its appVersion (from its Chart.yaml) before it is pinned"];
        }
        const tag = valueAt(props.values, chart.imageValue);
        if (!known(tag) || minor(tag) === minor(app)) return [];
        const fits = Object.entries(chart.versions).filter(([, a]) => minor(a) === minor(tag)).map(([v]) => v);
        return [`values.${chart.imageValue} ${tag} must have the minor of chart ${props.chart} ${props.version}'s appVersion ${app} ` +
            `(its RBAC is written for that image)${fits.length > 0 ? `; charts for ${minor(tag)}: ${fits.join(", ")}` : ""}`];
    },
});

// --------------------------------------------------------------------- generated value rules

/** The values at a path `a.b[].c` of props. */
export function valuesAt(v: unknown, segs: string[]): unknown[] {
    if (segs.length === 0) return [v];
    if (v === undefined || v === null || typeof v !== "object") return [];
    const [s, ...rest] = segs;
    const list = s.endsWith("[]");
    const x = (v as Record<string, unknown>)[list ? s.slice(0, -2) : s];
    if (list) return Array.isArray(x) ? x.flatMap(e => valuesAt(e, rest)) : [];
    return valuesAt(x, rest);
}

const NUMERIC = new Set(["integer", "long", "double", "float"]);

function show(v: unknown): string {
    const s = JSON.stringify(v);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * A model pattern as the generator accepted it (generator/constraints.ts jsPattern): unicode mode where it
 * compiles, else plain; AWS Backup's `^[a-zA-Z0-9\-\_]{2,50}$` escapes `_`, which unicode mode refuses.
 */
export function modelPattern(pattern: string): RegExp {
    try {
        return new RegExp(`^(?:${pattern})$`, "u");
    } catch {
        return new RegExp(`^(?:${pattern})$`);
    }
}

/** The "X must Y" messages for one value against one constraint (empty when it holds or cannot be judged). */
export function violationsOf(p: string, v: unknown, c: ConstraintEntry): string[] {
    const out: string[] = [];
    const cite = `[${c.source}${c.documented ? ", documented" : ""}]`;
    if (c.type === "string") {
        if (typeof v !== "string") return [];
        if (c.min !== undefined && v.length < c.min) out.push(`${p} must be at least ${c.min} characters (found ${v.length}) ${cite}`);
        if (c.max !== undefined && v.length > c.max) out.push(`${p} must be at most ${c.max} characters (found ${v.length}) ${cite}`);
        if (c.pattern !== undefined && !modelPattern(c.pattern).test(v)) {
            out.push(`${p} must match ${c.pattern} (found ${show(v)}) ${cite}`);
        }
        if (c.enum && !c.enum.includes(v)) out.push(`${p} must be one of ${c.enum.join(", ")} (found ${show(v)}) ${cite}`);
    } else if (NUMERIC.has(c.type)) {
        if (typeof v !== "number") return [];
        if (c.min !== undefined && v < c.min) out.push(`${p} must be at least ${c.min} (found ${v}) ${cite}`);
        if (c.max !== undefined && v > c.max) out.push(`${p} must be at most ${c.max} (found ${v}) ${cite}`);
    } else if (c.type === "list") {
        if (!Array.isArray(v)) return [];
        if (c.min !== undefined && v.length < c.min) out.push(`${p} must have at least ${c.min} entries (found ${v.length}) ${cite}`);
        if (c.max !== undefined && v.length > c.max) out.push(`${p} must have at most ${c.max} entries (found ${v.length}) ${cite}`);
    }
    return out;
}

export const awsInputConstraints = stackRule({
    name: "aws-input-constraints",
    description:
        "Every input of every mapped AWS type must satisfy the allowed values, lengths, patterns and ranges of its API " +
        "member in AWS's own service models (deployability/aws-constraints.json, generated by bin/gen-aws-constraints from " +
        "botocore's service-2.json, https://github.com/boto/botocore/tree/develop/botocore/data, as Debian's python3-botocore " +
        "ships it; each violation names its operation, member and shape; EC2's prose limits such as security group description characters parsed from the " +
        "model's documentation). Unknown and secret values are not judged (a password is checked only when visible), nor " +
        "the offline plan's placeholder ids (\"<resource>-id\") for values AWS computes.",
    check: resources => {
        const t = constraintTable().types;
        const placeholders = new Set(resources.map(r => `${r.name}-id`));
        const out: StackViolation[] = [];
        for (const r of resources) {
            const entry = t[r.type];
            // Outputs (CrossGuard's stack check after an update: tagsAll exists only there) are what AWS accepted.
            if (!entry || r.props.tagsAll !== undefined) continue;
            for (const [p, c] of Object.entries(entry.inputs)) {
                for (const v of valuesAt(r.props, p.split("."))) {
                    if (v === undefined || v === null || isUnknown(v) || v === SECRET) continue;
                    if (typeof v === "string" && (placeholders.has(v) || v.includes("[unknown]"))) continue;
                    for (const message of violationsOf(p, v, c)) out.push({ urn: r.urn, message });
                }
            }
        }
        return out;
    },
});

export const awsTypeConstraintsMapped = resourceRule({
    name: "aws-type-constraints-mapped",
    description:
        "Every AWS resource type the program creates must be in deployability/aws-mapping.json (which API members its " +
        "inputs are) or listed there under notMapped with the reason, and aws-constraints.json regenerated: a new type " +
        "is never silently left without value rules.",
    appliesTo: type => type.startsWith("aws:") || type.startsWith("pulumi:providers:aws"),
    check: ({ type }) => {
        const t = constraintTable();
        if (t.types[type] || t.notMapped[type]) return [];
        return [`type ${type} must be mapped in deployability/aws-mapping.json (or listed under notMapped with why), then bin/gen-aws-constraints run`];
    },
});

export const deployabilityPolicies = [
    awsTypeConstraintsMapped,
    awsInputConstraints,
    route53AliasTargetCreatedFirst,
    rdsReplicaSourceNotManagedPassword,
    kmsKeyPolicyPrincipalsExist,
    securityGroupRulesNotMixed,
    nodeGroupSingleInstanceShape,
    pdbAllowsDrain,
    helmChartMatchesImage,
];
