// Kubernetes resources the platform registers through its Kubernetes provider.
import { asArray, isUnknown, resourceRule } from "./common";

export const T = {
    storageClass: "kubernetes:storage.k8s.io/v1:StorageClass",
} as const;

interface StorageClassConfig {
    exemptProvisioners: string[];
}

/** StorageClasses create encrypted volumes. */
export const storageClassEncrypted = resourceRule<StorageClassConfig>({
    name: "storageclass-encrypted",
    description:
        "Kubernetes StorageClasses must set parameters.encrypted to \"true\" (EBS CSI volumes encrypted), unless their " +
        "provisioner is listed in exemptProvisioners.",
    types: [T.storageClass],
    configSchema: {
        exemptProvisioners: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Provisioners that take no `encrypted` parameter (e.g. efs.csi.aws.com, which encrypts per file system).",
        },
    },
    check: ({ props, config }) => {
        if (asArray(config.exemptProvisioners).includes(props.provisioner)) return [];
        const params = props.parameters;
        if (isUnknown(params)) return [];
        const enc = params?.encrypted;
        if (enc === "true" || isUnknown(enc)) return [];
        return [`StorageClass parameters.encrypted must be "true" (found ${enc === undefined ? "unset" : JSON.stringify(enc)})`];
    },
});

export const kubernetesPolicies = [storageClassEncrypted];
