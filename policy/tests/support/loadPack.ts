// Loads the pack the way `pulumi preview --policy-pack policy` does (@pulumi/pulumi's
// run-policy-pack: ts-node with type checking over the pack's tsconfig, then require(packDir)).
// Creating the PolicyPack starts the analyzer's gRPC server and prints its port on stdout; the
// caller kills this process after reading it.
import * as path from "path";
import { packRoot } from "../../rules/tagging";

const root = packRoot();
process.chdir(root);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsutils = require(path.join(root, "node_modules", "@pulumi", "pulumi", "tsutils.js"));
const { tsnodeRequire, typescriptRequire } = tsutils.typeScriptRequireStrings();
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(tsnodeRequire).register({
    typeCheck: true,
    skipProject: false,
    compiler: typescriptRequire,
    compilerOptions: {
        target: "ES2020",
        module: "nodenext",
        moduleResolution: "nodenext",
        sourceMap: "true",
        ...tsutils.loadTypeScriptCompilerOptions("tsconfig.json"),
    },
});
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(root);
