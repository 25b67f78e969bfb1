package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.model.Required;

import java.util.Map;

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

    /** Builds {@link ClusterAddonsArgs} by name; {@link #build()} names a required field left unset. */
    static final class Builder {
        private Output<String> clusterName;
        private Map<String, String> addonVersions;
        private ControllerRoles controllerRoles;

        private Builder() {
        }

        Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
        Builder addonVersions(Map<String, String> value) { this.addonVersions = value; return this; }
        Builder controllerRoles(ControllerRoles value) { this.controllerRoles = value; return this; }

        ClusterAddonsArgs build() {
            return new ClusterAddonsArgs(
                    Required.of(clusterName, "ClusterAddonsArgs.clusterName"),
                    Required.of(addonVersions, "ClusterAddonsArgs.addonVersions"),
                    Required.of(controllerRoles, "ClusterAddonsArgs.controllerRoles"));
        }
    }
}
