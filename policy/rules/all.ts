// Every policy of the pack, in report order. Imported by index.ts, the offline checker and tests.
import type { Policies } from "@pulumi/policy";
import { auditPolicies } from "./audit";
import { backupPolicies } from "./backup";
import { dataProtectionPolicies } from "./dataProtection";
import { deployabilityPolicies } from "./deployability";
import { edgePolicies } from "./edge";
import { encryptionPolicies } from "./encryption";
import { exposurePolicies } from "./exposure";
import { kubernetesPolicies } from "./kubernetes";
import { storagePolicies } from "./storage";
import { taggingPolicies } from "./tagging";

export const allPolicies: Policies = [
    ...encryptionPolicies,
    ...storagePolicies,
    ...taggingPolicies,
    ...exposurePolicies,
    ...edgePolicies,
    ...dataProtectionPolicies,
    ...backupPolicies,
    ...auditPolicies,
    ...kubernetesPolicies,
    ...deployabilityPolicies,
];
