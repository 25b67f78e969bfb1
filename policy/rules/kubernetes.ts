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

interface BatchWorkloadConfig {
    exemptImages: string[];
}

const BATCH_TYPES = ["kubernetes:batch/v1:CronJob", "kubernetes:batch/v1:Job"];
/** A digest, or an exact major.minor.patch release tag (optionally with a variant suffix such as -alpine). */
const PINNED_IMAGE = /.+(@sha256:[0-9a-f]{64}|:\d+\.\d+\.\d+(-[a-z0-9.]+)?)$/;

/**
 * CronJobs and Jobs: every container (init containers too) requests and limits CPU and memory (a namespace
 * ResourceQuota refuses pods that do not), runs a pinned image, the pod names its service account (the one its
 * Pod Identity association is for), and a run has a deadline (activeDeadlineSeconds) and a retry bound.
 */
export const batchWorkloadBounded = resourceRule<BatchWorkloadConfig>({
    name: "kubernetes-batch-workload-bounded",
    description:
        "Kubernetes CronJobs and Jobs must request and limit cpu and memory in every container, pin every image " +
        "(a digest or an exact x.y.z tag), name a service account, and bound a run (activeDeadlineSeconds, backoffLimit).",
    types: BATCH_TYPES,
    configSchema: {
        exemptImages: {
            type: "array",
            items: { type: "string" },
            default: [],
            description: "Images allowed without a digest or an exact release tag.",
        },
    },
    check: ({ type, props, config }) => {
        const jobTemplate = type.endsWith(":CronJob") ? props.spec?.jobTemplate : undefined;
        const job = type.endsWith(":CronJob") ? jobTemplate?.spec : props.spec;
        const pod = job?.template?.spec;
        // Unknown at preview at any level: nothing to check yet.
        if ([props.spec, jobTemplate, job, job?.template, pod].some(isUnknown)) return [];
        if (pod === undefined) return ["a batch workload must have a pod template"];
        const out: string[] = [];
        const containers = [...asArray(pod.initContainers), ...asArray(pod.containers)];
        for (const c of containers) {
            if (isUnknown(c)) continue;
            const name = c?.name ?? "(unnamed)";
            for (const kind of ["requests", "limits"]) {
                for (const resource of ["cpu", "memory"]) {
                    const v = c?.resources?.[kind]?.[resource];
                    if (v === undefined) out.push(`container ${name} must set resources.${kind}.${resource}`);
                }
            }
            const image = c?.image;
            if (!isUnknown(image) && !asArray(config.exemptImages).includes(image) && !PINNED_IMAGE.test(String(image))) {
                out.push(`container ${name} must pin its image to a digest or an exact x.y.z tag (found ${JSON.stringify(image)})`);
            }
        }
        if (pod.serviceAccountName === undefined) out.push("the pod must name its service account (serviceAccountName)");
        if (job?.activeDeadlineSeconds === undefined) out.push("a run must have a deadline (activeDeadlineSeconds)");
        if (job?.backoffLimit === undefined) out.push("a run must bound its retries (backoffLimit; the default is 6)");
        return out;
    },
});

export const kubernetesPolicies = [storageClassEncrypted, batchWorkloadBounded];
