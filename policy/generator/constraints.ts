// Generates deployability/aws-constraints.json: the allowed values, lengths, patterns and ranges of
// the inputs of every AWS type the program creates, read from AWS's own service models (botocore's
// service-2.json: the Smithy traits @enum, @length, @pattern, @range), through the hand-written
// deployability/aws-mapping.json (which Pulumi input is which API member). The @aws-sdk/client-*
// npm packages are no source for this: their schemas keep member types, enums and the sensitive
// flag but drop @length, @pattern and @range (checked on client-ec2 3.1169.0 and
// client-timestream-influxdb 3.956.0: `var Password = [0, n0, "Password", 8, 0]`, no trait).
//
// EC2's model carries almost no traits: its limits are written in the member documentation
// ("Constraints: Up to 255 characters in length. Valid characters: a-z, A-Z, 0-9, spaces, and
// ._-:/()#,@[]+=&;{}!$*"). That exact phrasing is parsed too and the entry is marked `documented`.
//
// Run through bin/gen-aws-constraints (downloads the pinned Debian package); pure functions here so
// the tests can run them on small models.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

export interface ApiShape {
    type: string;
    members?: Record<string, { shape: string; documentation?: string; locationName?: string }>;
    member?: { shape: string };
    min?: number;
    max?: number;
    pattern?: string;
    enum?: string[];
    documentation?: string;
}

export interface ServiceModel {
    metadata: { apiVersion: string; serviceId?: string; endpointPrefix?: string };
    operations: Record<string, { input?: { shape: string } }>;
    shapes: Record<string, ApiShape>;
}

/** One constraint on one Pulumi input path (`a.b[].c`). */
export interface Constraint {
    /** The API type of the value: string, integer, long, double, float, boolean, list, map, structure, timestamp, blob. */
    type: string;
    min?: number;
    max?: number;
    /** A JavaScript regular expression the whole value must match (anchored by the rule). */
    pattern?: string;
    enum?: string[];
    /** Where it comes from: `<service> <apiVersion> <Operation> <member path> (shape <Shape>)`. */
    source: string;
    /** true when the limit is read from the member documentation (EC2), not from a trait. */
    documented?: boolean;
}

export interface TypeMapping {
    service: string;
    /** Operations whose whole input maps onto the Pulumi inputs by name (camelCase of the member). */
    bind?: { op: string; from?: string; at?: string }[];
    /** Pulumi path -> "Operation:ApiPath" for inputs whose names differ. */
    paths?: Record<string, string>;
    /** Pulumi paths left out, with the reason. */
    skip?: Record<string, string>;
}

export interface Mapping {
    types: Record<string, TypeMapping>;
    notMapped: Record<string, string>;
}

export interface ConstraintTable {
    generatedBy: string;
    models: { package: string; version: string; sha256?: string };
    mappingSha256: string;
    types: Record<string, { services: string[]; inputs: Record<string, Constraint> }>;
    notMapped: Record<string, string>;
    /** Patterns the models hold that JavaScript cannot compile (left out, listed for review). */
    uncompilable: string[];
}

/** AWS member name to the Pulumi input name: `DBInstanceClass` -> `dbInstanceClass`, `VpcId` -> `vpcId`. */
export function camel(member: string): string {
    const m = /^([A-Z]+)([A-Z][a-z].*)?$/.exec(member);
    if (m && m[2] !== undefined && m[1].length > 1) return m[1].toLowerCase() + m[2];
    if (m && m[2] === undefined) return member.toLowerCase();
    return member.charAt(0).toLowerCase() + member.slice(1);
}

function decodeEntities(s: string): string {
    return s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"");
}

function escapeClass(chars: string): string {
    return chars.replace(/[\\\]\[^-]/g, c => "\\" + c);
}

/**
 * Limits EC2 writes in prose: "Valid characters: a-z, A-Z, 0-9, spaces, and <chars>" (or "Allowed
 * characters are ...") and "Up to <n> characters in length". Other phrasings are not guessed at.
 */
export function documentedLimits(doc: string | undefined): { pattern?: string; max?: number } {
    if (!doc) return {};
    const text = decodeEntities(doc.replace(/<[^>]+>/g, " "));
    const out: { pattern?: string; max?: number } = {};
    const chars = /(?:Valid characters:|Allowed characters are) a-z, A-Z, 0-9, spaces, and (\S+)/.exec(text);
    if (chars) out.pattern = `[a-zA-Z0-9 ${escapeClass(chars[1])}]*`;
    const len = /Up to (\d+) characters in length/.exec(text);
    if (len) out.max = Number(len[1]);
    return out;
}

/** Compiles a model pattern as JavaScript (unicode first); undefined when JavaScript cannot. */
export function jsPattern(p: string): string | undefined {
    for (const flags of ["u", ""]) {
        try {
            new RegExp(`^(?:${p})$`, flags);
            return p;
        } catch {
            // try the next flags
        }
    }
    return undefined;
}

function shapeAt(model: ServiceModel, op: string, apiPath: string): { name: string; shape: ApiShape; doc?: string } {
    const operation = model.operations[op];
    if (!operation?.input) throw new Error(`operation ${op} has no input in ${model.metadata.endpointPrefix}`);
    let name = operation.input.shape;
    let doc: string | undefined;
    for (const seg of apiPath === "" ? [] : apiPath.split(".")) {
        const list = seg.endsWith("[]");
        const key = list ? seg.slice(0, -2) : seg;
        const shape = model.shapes[name];
        const member = shape?.members?.[key];
        if (!member) throw new Error(`${op}: no member ${key} in ${name} (path ${apiPath})`);
        doc = member.documentation;
        name = member.shape;
        if (list) {
            const l = model.shapes[name];
            if (l?.type !== "list" || !l.member) throw new Error(`${op}: ${key} is not a list (path ${apiPath})`);
            name = l.member.shape;
            doc = undefined;
        }
    }
    return { name, shape: model.shapes[name], doc };
}

function constraintOf(model: ServiceModel, svc: string, op: string, apiPath: string, shapeName: string, shape: ApiShape,
                      doc: string | undefined, uncompilable: Set<string>): Constraint | undefined {
    const c: Constraint = { type: shape.type, source: `${svc} ${model.metadata.apiVersion} ${op} ${apiPath} (shape ${shapeName})` };
    if (shape.min !== undefined) c.min = shape.min;
    if (shape.max !== undefined) c.max = shape.max;
    if (shape.enum) c.enum = [...shape.enum];
    if (shape.pattern !== undefined) {
        const p = jsPattern(shape.pattern);
        if (p === undefined) uncompilable.add(`${svc} ${shapeName}: ${shape.pattern}`);
        else c.pattern = p;
    }
    if (svc === "ec2" && shape.type === "string" && c.pattern === undefined) {
        const d = documentedLimits(doc);
        if (d.pattern !== undefined || d.max !== undefined) {
            c.documented = true;
            if (d.pattern !== undefined) c.pattern = d.pattern;
            if (d.max !== undefined && c.max === undefined) c.max = d.max;
        }
    }
    return c.min !== undefined || c.max !== undefined || c.pattern !== undefined || c.enum !== undefined ? c : undefined;
}

/** Every constrained value below one API shape, as Pulumi path -> constraint (depth-limited, cycle-safe). */
function flatten(model: ServiceModel, svc: string, op: string, apiPath: string, pulumiPath: string, shapeName: string,
                 doc: string | undefined, out: Record<string, Constraint>, uncompilable: Set<string>,
                 seen: string[] = [], auto = true): void {
    const shape = model.shapes[shapeName];
    if (!shape || seen.includes(shapeName) || seen.length > 6) return;
    const c = pulumiPath === "" ? undefined : constraintOf(model, svc, op, apiPath, shapeName, shape, doc, uncompilable);
    if (c && out[pulumiPath] === undefined) out[pulumiPath] = c;
    if (shape.type === "structure" && shape.members && (auto || pulumiPath === "")) {
        for (const [k, m] of Object.entries(shape.members)) {
            flatten(model, svc, op, apiPath ? `${apiPath}.${k}` : k, pulumiPath ? `${pulumiPath}.${camel(k)}` : camel(k),
                m.shape, m.documentation, out, uncompilable, [...seen, shapeName], auto);
        }
    } else if (shape.type === "list" && shape.member && pulumiPath !== "") {
        flatten(model, svc, op, `${apiPath}[]`, `${pulumiPath}[]`, shape.member.shape, undefined, out, uncompilable,
            [...seen, shapeName], auto);
    }
}

/** The constraints of one Pulumi type from its mapping. */
export function constraintsFor(type: string, m: TypeMapping, models: Record<string, ServiceModel>,
                               uncompilable: Set<string>): Record<string, Constraint> {
    const model = models[m.service];
    if (!model) throw new Error(`${type}: no model for service ${m.service}`);
    const out: Record<string, Constraint> = {};
    // Explicit paths first: they win over a same-named automatic match.
    for (const [pulumiPath, target] of Object.entries(m.paths ?? {})) {
        const [op, apiPath] = target.split(":");
        const at = shapeAt(model, op, apiPath);
        const sub: Record<string, Constraint> = {};
        flatten(model, m.service, op, apiPath, pulumiPath, at.name, at.doc, sub, uncompilable);
        for (const [k, v] of Object.entries(sub)) if (out[k] === undefined) out[k] = v;
    }
    for (const b of m.bind ?? []) {
        const at = shapeAt(model, b.op, b.from ?? "");
        const sub: Record<string, Constraint> = {};
        flatten(model, m.service, b.op, b.from ?? "", b.at ?? "", at.name, at.doc, sub, uncompilable);
        for (const [k, v] of Object.entries(sub)) if (out[k] === undefined) out[k] = v;
    }
    for (const p of Object.keys(m.skip ?? {})) {
        for (const k of Object.keys(out)) if (k === p || k.startsWith(`${p}.`) || k.startsWith(`${p}[]`)) delete out[k];
    }
    const sorted: Record<string, Constraint> = {};
    for (const k of Object.keys(out).sort()) sorted[k] = out[k];
    return sorted;
}

export function sha256(text: string): string {
    return crypto.createHash("sha256").update(text).digest("hex");
}

/** The newest API version's service-2.json of every service the mapping names. */
export function loadModels(dataDir: string, services: string[]): Record<string, ServiceModel> {
    const out: Record<string, ServiceModel> = {};
    for (const svc of services) {
        const dir = path.join(dataDir, svc);
        const versions = fs.readdirSync(dir).filter(v => fs.existsSync(path.join(dir, v, "service-2.json"))).sort();
        if (versions.length === 0) throw new Error(`${dir}: no service-2.json`);
        out[svc] = JSON.parse(fs.readFileSync(path.join(dir, versions[versions.length - 1], "service-2.json"), "utf8"));
    }
    return out;
}

export function generate(mappingText: string, models: Record<string, ServiceModel>,
                         origin: ConstraintTable["models"]): ConstraintTable {
    const mapping: Mapping = JSON.parse(mappingText);
    const uncompilable = new Set<string>();
    const types: ConstraintTable["types"] = {};
    for (const type of Object.keys(mapping.types).sort()) {
        const m = mapping.types[type];
        types[type] = { services: [m.service], inputs: constraintsFor(type, m, models, uncompilable) };
    }
    return {
        generatedBy: "bin/gen-aws-constraints (policy/generator/constraints.ts)",
        models: origin,
        mappingSha256: sha256(mappingText),
        types,
        notMapped: mapping.notMapped,
        uncompilable: [...uncompilable].sort(),
    };
}

// node dist/generator/constraints.js --models DIR --package NAME --version V [--sha256 H] --out FILE
if (require.main === module) {
    const args = process.argv.slice(2);
    const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
    const root = path.resolve(__dirname, "..", "..");
    const mappingFile = path.join(root, "deployability", "aws-mapping.json");
    const modelsDir = opt("--models");
    if (!modelsDir) { console.error("usage: constraints.js --models BOTOCORE_DATA_DIR --package P --version V [--sha256 H] [--out FILE]"); process.exit(2); }
    const mappingText = fs.readFileSync(mappingFile, "utf8");
    const mapping: Mapping = JSON.parse(mappingText);
    const services = [...new Set(Object.values(mapping.types).map(t => t.service))].sort();
    const table = generate(mappingText, loadModels(modelsDir, services),
        { package: opt("--package") ?? "botocore", version: opt("--version") ?? "?", ...(opt("--sha256") ? { sha256: opt("--sha256") } : {}) });
    const out = opt("--out") ?? path.join(root, "deployability", "aws-constraints.json");
    fs.writeFileSync(out, JSON.stringify(table, null, 1) + "\n");
    const n = Object.values(table.types).reduce((a, t) => a + Object.keys(t.inputs).length, 0);
    console.error(`wrote ${out}: ${Object.keys(table.types).length} types, ${n} constrained inputs, ${Object.keys(table.notMapped).length} types not mapped`);
}
