// The CrossGuard entry point: `pulumi preview --policy-pack policy`. Creating a PolicyPack starts
// the analyzer's gRPC server and never returns, so nothing (tests, the offline checker) imports
// this file; they import rules/all.ts instead.
import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./rules/all";

new PolicyPack("ultibiker-platform", {
    description: "Guard rails of the ultibiker platform: encryption, tagging, exposure, data protection, Kubernetes, deployability.",
    enforcementLevel: "mandatory",
    policies: allPolicies,
});
