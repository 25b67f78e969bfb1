// The pack loads under Pulumi's own TypeScript loader and starts its analyzer server.
import { it } from "node:test";
import * as assert from "node:assert/strict";
import { spawn } from "child_process";
import * as path from "path";

it("index.ts loads through Pulumi's ts-node path and serves the policy pack", async () => {
    const child = spawn(process.execPath, [path.join(__dirname, "support", "loadPack.js")], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", d => (out += d));
    child.stderr.on("data", d => (err += d));
    try {
        const port = await new Promise<number>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no port within 90 s; stderr: ${err}`)), 90_000);
            child.stdout.on("data", () => {
                const m = /^(\d+)\s*$/m.exec(out);
                if (m) { clearTimeout(timer); resolve(Number(m[1])); }
            });
            child.on("exit", code => { clearTimeout(timer); reject(new Error(`exited ${code} before serving; stderr: ${err}`)); });
        });
        assert.ok(port > 0 && port < 65536, `port ${port}`);
    } finally {
        child.kill();
    }
});
