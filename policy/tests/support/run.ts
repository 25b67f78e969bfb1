// Runs one policy over resources through the offline checker (the same path bin/policy-check takes).
import { allPolicies } from "../../rules/all";
import { checkPlan, PackConfig, PlanResource } from "../../checker/engine";

export function policyNamed(name: string) {
    const p = allPolicies.find(x => x.name === name);
    if (!p) throw new Error(`no policy named ${name}`);
    return p;
}

/** The messages `policy` reports over `resources` (stack taken from the first URN). */
export async function messagesOf(policy: string, resources: PlanResource[], config: PackConfig = {}): Promise<string[]> {
    const stack = /^urn:pulumi:([^:]+)::/.exec(resources[0]?.urn ?? "")?.[1] ?? "dev";
    const result = await checkPlan({ stack, resources }, [policyNamed(policy)], config);
    return result.violations.map(v => v.message);
}
