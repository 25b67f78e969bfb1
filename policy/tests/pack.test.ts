// The pack as a whole: metadata of every policy, and that every policy has cases both ways.
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import { allPolicies } from "../rules/all";
import { cases } from "./support/cases";
import { messagesOf } from "./support/run";
import { packRoot } from "../rules/tagging";

describe("policy pack", () => {
    it("has unique kebab-case names", () => {
        const names = allPolicies.map(p => p.name);
        assert.deepEqual([...new Set(names)], names);
        for (const n of names) assert.match(n, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    it("gives every policy a description and a mandatory default level", () => {
        for (const p of allPolicies) {
            assert.ok(p.description && p.description.length > 20, `${p.name}: description`);
            assert.equal(p.enforcementLevel, "mandatory", p.name);
        }
    });

    it("gives every config property a default and a description", () => {
        for (const p of allPolicies) {
            for (const [k, s] of Object.entries(p.configSchema?.properties ?? {})) {
                assert.ok((s as any).default !== undefined, `${p.name}.${k}: default`);
                assert.ok((s as any).description, `${p.name}.${k}: description`);
            }
        }
    });

    it("has a passing and a failing case for every policy", () => {
        for (const p of allPolicies) {
            const mine = cases.filter(c => c.policy === p.name);
            assert.ok(mine.some(c => c.expect.length === 0), `${p.name}: no passing case`);
            assert.ok(mine.some(c => c.expect.length > 0), `${p.name}: no failing case`);
        }
        const unknown = cases.filter(c => !allPolicies.some(p => p.name === c.policy)).map(c => c.policy);
        assert.deepEqual(unknown, []);
    });

    it("uses 'X must Y' messages in every failing case", async () => {
        // The messages the policies really report, not the expectations: each names what must change.
        let checked = 0;
        for (const c of cases.filter(x => x.expect.length > 0)) {
            for (const m of await messagesOf(c.policy, c.resources, c.config)) {
                assert.match(m, /^\S.* must (not )?\S/, `${c.policy} (${c.title}): "${m}" does not read "X must Y"`);
                checked++;
            }
            // An expectation that also matches a message of nothing would prove nothing.
            for (const re of c.expect) assert.doesNotMatch("", re, `${c.policy} (${c.title}): ${re} matches an empty message`);
        }
        assert.ok(checked >= cases.filter(x => x.expect.length > 0).length, `only ${checked} messages checked`);
    });

    it("lists every policy in the README rule table", () => {
        const readme = fs.readFileSync(path.join(packRoot(), "README.md"), "utf8");
        for (const p of allPolicies) assert.ok(readme.includes(`\`${p.name}\``), `README lacks ${p.name}`);
    });

    it("never imports index.ts from the rules or the checker (it starts a server)", () => {
        const root = packRoot();
        for (const dir of ["rules", "checker", "tests"]) {
            for (const f of fs.readdirSync(path.join(root, dir), { recursive: true }) as string[]) {
                if (!f.endsWith(".ts")) continue;
                const src = fs.readFileSync(path.join(root, dir, f), "utf8");
                assert.doesNotMatch(src, /from\s+["'](\.\.\/)+index["']/, `${dir}/${f} imports index.ts`);
            }
        }
    });
});
