package com.ultibiker.platform.common;

import com.pulumi.kubernetes.core.v1.inputs.TolerationArgs;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.Taint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a workload runs on the cluster: a node selector and the tolerations that let it onto a
 * tainted pool. Derived from a node pool's config ({@link #onPool}), so the pool's labels and taints
 * and the workloads placed on it cannot drift apart.
 *
 * @param nodeSelector node labels the pod requires (e.g. {@code role=analytics})
 * @param tolerations  taints the pod tolerates (e.g. {@code workload=analytics:NoSchedule})
 */
public record NodePlacement(Map<String, String> nodeSelector, List<Taint> tolerations) {

    public NodePlacement {
        nodeSelector = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodeSelector));
        tolerations = List.copyOf(tolerations);
    }

    /** Pods select the pool by its labels and tolerate exactly its taints. */
    public static NodePlacement onPool(NodePoolSpec pool) {
        if (pool.labels().isEmpty()) {
            throw new IllegalArgumentException("node pool " + pool.name() + " has no labels to select it by");
        }
        return new NodePlacement(new java.util.TreeMap<>(pool.labels()), pool.taints());
    }

    /** The pool named {@code name} among {@code pools}. */
    public static NodePlacement onPool(List<NodePoolSpec> pools, String name) {
        return onPool(pools.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no node pool named " + name + " in " + pools.stream().map(NodePoolSpec::name).toList())));
    }

    /** No preference: any node whose taints the pod does not need to tolerate. */
    public static NodePlacement anywhere() {
        return new NodePlacement(Map.of(), List.of());
    }

    /** The configured pool ({@code onPool}), or {@link #anywhere()} when none is configured. */
    public static NodePlacement of(List<NodePoolSpec> pools, java.util.Optional<String> pool) {
        return pool.map(p -> onPool(pools, p)).orElseGet(NodePlacement::anywhere);
    }

    public List<TolerationArgs> kubernetesTolerations() {
        return tolerations.stream().map(t -> TolerationArgs.builder()
                .key(t.key()).operator("Equal").value(t.value()).effect(t.effect().configName()).build()).toList();
    }

    /** Tolerations in the shape Helm charts take them. */
    public List<Map<String, Object>> helmTolerations() {
        return tolerations.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", t.key());
            m.put("operator", "Equal");
            m.put("value", t.value());
            m.put("effect", t.effect().configName());
            return m;
        }).toList();
    }

    /** {@code nodeSelector} and {@code tolerations} for a Helm chart's pod-spec values. */
    public Map<String, Object> helmValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodeSelector", new LinkedHashMap<>(nodeSelector));
        m.put("tolerations", helmTolerations());
        return m;
    }
}
