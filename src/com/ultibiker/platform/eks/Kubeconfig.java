package com.ultibiker.platform.eks;

import com.ultibiker.platform.common.JsonDocuments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a kubeconfig for an EKS cluster that authenticates with {@code aws eks get-token} (exec
 * credential plugin), so no long-lived token is ever stored: whoever runs Pulumi or kubectl needs AWS
 * credentials mapped to an access entry.
 */
public final class Kubeconfig {

    private Kubeconfig() {
    }

    public static String render(String clusterName, String region, String endpoint, String certificateAuthorityData) {
        Map<String, Object> exec = new LinkedHashMap<>();
        exec.put("apiVersion", "client.authentication.k8s.io/v1beta1");
        exec.put("command", "aws");
        exec.put("args", List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region, "--output", "json"));
        exec.put("interactiveMode", "Never");
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(Map.of("name", clusterName, "cluster",
                Map.of("server", endpoint, "certificate-authority-data", certificateAuthorityData))));
        config.put("contexts", List.of(Map.of("name", clusterName, "context",
                Map.of("cluster", clusterName, "user", clusterName))));
        config.put("current-context", clusterName);
        config.put("users", List.of(Map.of("name", clusterName, "user", Map.of("exec", exec))));
        return JsonDocuments.compact(config);
    }
}
