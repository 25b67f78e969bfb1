package com.ultibiker.platform.eks;

import com.pulumi.core.Output;

import java.util.Map;
import java.util.Objects;

/**
 * Inputs of {@link ClusterAddons}. Build with {@link #builder()}.
 *
 * @param clusterName     the cluster's name as EKS reports it (so every add-on waits for the cluster)
 * @param addonVersions   every managed add-on to its pinned version ({@code eks.addonVersions} or {@link AddonVersions})
 * @param controllerRoles the controllers' IAM roles, which the Pod Identity associations name
 */
record ClusterAddonsArgs(
        Output<String> clusterName,
        Map<String, String> addonVersions,
        ControllerRoles controllerRoles) {

    ClusterAddonsArgs {
        addonVersions = Map.copyOf(addonVersions);
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private Output<String> clusterName;
        private Map<String, String> addonVersions;
        private ControllerRoles controllerRoles;

        Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
        Builder addonVersions(Map<String, String> value) { this.addonVersions = value; return this; }
        Builder controllerRoles(ControllerRoles value) { this.controllerRoles = value; return this; }

        ClusterAddonsArgs build() {
            return new ClusterAddonsArgs(
                    Objects.requireNonNull(clusterName, "ClusterAddonsArgs.clusterName is required"),
                    Objects.requireNonNull(addonVersions, "ClusterAddonsArgs.addonVersions is required"),
                    Objects.requireNonNull(controllerRoles, "ClusterAddonsArgs.controllerRoles is required"));
        }
    }
}
