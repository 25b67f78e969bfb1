// Every rule: its passing and failing cases from tests/support/cases.ts.
import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { cases } from "./support/cases";
import { messagesOf } from "./support/run";

const byPolicy = new Map<string, typeof cases>();
for (const c of cases) byPolicy.set(c.policy, [...(byPolicy.get(c.policy) ?? []), c]);

for (const [policy, list] of byPolicy) {
    describe(policy, () => {
        for (const c of list) {
            it(`${c.expect.length === 0 ? "passes" : "fails"}: ${c.title}`, async () => {
                const messages = await messagesOf(policy, c.resources, c.config);
                assert.equal(messages.length, c.expect.length, `expected ${c.expect.length} violation(s), got: ${JSON.stringify(messages)}`);
                c.expect.forEach((re, i) => assert.match(messages[i], re));
            });
        }
    });
}
