package com.ultibiker.platform.eks;

import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.Taint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure builders of the Helm values of the platform's controllers. Rendered values are kept as golden
 * files under {@code tests/resources/golden/eks/}.
 */
public final class HelmValues {

    /** The taint that reserves the system pool for cluster add-ons and controllers. */
    public static final String CRITICAL_ADDONS_ONLY = "CriticalAddonsOnly";

    private HelmValues() {
    }

    /** Where controllers run: tolerate these taints and select nodes with these labels. */
    public record Placement(List<Taint> tolerations, Map<String, String> nodeSelector) {

        public Placement {
            tolerations = List.copyOf(tolerations);
            nodeSelector = Map.copyOf(nodeSelector);
        }

        List<Map<String, Object>> tolerationValues() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Taint t : tolerations) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", t.key());
                m.put("operator", "Equal");
                m.put("value", t.value());
                m.put("effect", t.effect().configName());
                out.add(m);
            }
            return out;
        }

        Map<String, Object> nodeSelectorValues() {
            return new java.util.TreeMap<>(nodeSelector);
        }
    }

    /**
     * The system pool: the pool tainted {@code CriticalAddonsOnly}, else one named {@code system}, else
     * the first pool. Controllers tolerate its taints and select its labels.
     */
    public static NodePoolSpec systemPool(List<NodePoolSpec> pools) {
        return pools.stream().filter(p -> p.taints().stream().anyMatch(t -> t.key().equals(CRITICAL_ADDONS_ONLY)))
                .findFirst()
                .or(() -> pools.stream().filter(p -> p.name().equals("system")).findFirst())
                .orElse(pools.get(0));
    }

    public static Placement systemPlacement(List<NodePoolSpec> pools) {
        NodePoolSpec system = systemPool(pools);
        return new Placement(system.taints(), system.labels());
    }

    /** The autoscaler's minor must match the cluster's: {@code 1.35} runs {@code v1.35.0}. */
    public static String clusterAutoscalerImageTag(String kubernetesVersion) {
        return "v" + kubernetesVersion + ".0";
    }

    /**
     * cluster-autoscaler: discovers the node groups EKS tagged for this cluster, talks to this region's
     * API, runs under the service account its Pod Identity association names.
     */
    public static Map<String, Object> clusterAutoscaler(String clusterName, String region, String kubernetesVersion,
                                                        Placement placement) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("cloudProvider", "aws");
        v.put("awsRegion", region);
        v.put("autoDiscovery", Map.of("clusterName", clusterName));
        v.put("image", Map.of("tag", clusterAutoscalerImageTag(kubernetesVersion)));
        v.put("rbac", Map.of("serviceAccount", ordered(
                "create", true,
                "name", Controller.CLUSTER_AUTOSCALER.serviceAccount())));
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("balance-similar-node-groups", true);
        args.put("expander", "least-waste");
        args.put("skip-nodes-with-system-pods", false);
        args.put("skip-nodes-with-local-storage", false);
        v.put("extraArgs", args);
        v.put("replicaCount", 1);
        v.put("tolerations", placement.tolerationValues());
        v.put("nodeSelector", placement.nodeSelectorValues());
        v.put("resources", ordered(
                "requests", ordered("cpu", "100m", "memory", "300Mi"),
                "limits", ordered("memory", "600Mi")));
        return v;
    }

    /**
     * AWS Load Balancer Controller: cluster name, region and VPC id are given explicitly because the
     * nodes' instance metadata is out of reach for pods (IMDSv2 hop limit 1).
     */
    public static Map<String, Object> loadBalancerController(String clusterName, String region, String vpcId,
                                                             Placement placement) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("clusterName", clusterName);
        v.put("region", region);
        v.put("vpcId", vpcId);
        v.put("serviceAccount", ordered(
                "create", true,
                "name", Controller.LOAD_BALANCER_CONTROLLER.serviceAccount()));
        v.put("replicaCount", 2);
        v.put("tolerations", placement.tolerationValues());
        v.put("nodeSelector", placement.nodeSelectorValues());
        v.put("resources", ordered(
                "requests", ordered("cpu", "100m", "memory", "128Mi"),
                "limits", ordered("memory", "256Mi")));
        return v;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
