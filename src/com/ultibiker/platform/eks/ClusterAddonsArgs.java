package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.model.ApplicationLogsConfig;
import com.ultibiker.platform.model.Required;

import java.util.Map;

/**
 * Inputs of {@link ClusterAddons}. Build with {@link #builder()}.
 *
 * @param clusterName     the cluster's name as EKS reports it (so every add-on waits for the cluster)
 * @param addonVersions   every managed add-on to its pinned version ({@code eks.addonVersions} or {@link AddonVersions})
 * @param controllerRoles the controllers' IAM roles, which the Pod Identity associations name
 * @param physicalName    the cluster's physical name, known before deployment (the container log groups carry it)
 * @param applicationLogs whether the CloudWatch Observability add-on ships container logs, and which namespaces are system
 * @param logsKeyArn      the cluster's logs key, which encrypts the container log groups
 * @param logRetentionDays retention of the container log groups (the environment's)
 */
record ClusterAddonsArgs(
        Output<String> clusterName,
        Map<String, String> addonVersions,
        ControllerRoles controllerRoles,
        String physicalName,
        ApplicationLogsConfig applicationLogs,
        Output<String> logsKeyArn,
        int logRetentionDays) {

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
        private String physicalName;
        private ApplicationLogsConfig applicationLogs;
        private Output<String> logsKeyArn;
        private Integer logRetentionDays;

        private Builder() {
        }

        Builder clusterName(Output<String> value) { this.clusterName = value; return this; }
        Builder addonVersions(Map<String, String> value) { this.addonVersions = value; return this; }
        Builder controllerRoles(ControllerRoles value) { this.controllerRoles = value; return this; }
        Builder physicalName(String value) { this.physicalName = value; return this; }
        Builder applicationLogs(ApplicationLogsConfig value) { this.applicationLogs = value; return this; }
        Builder logsKeyArn(Output<String> value) { this.logsKeyArn = value; return this; }
        Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }

        ClusterAddonsArgs build() {
            return new ClusterAddonsArgs(
                    Required.of(clusterName, "ClusterAddonsArgs.clusterName"),
                    Required.of(addonVersions, "ClusterAddonsArgs.addonVersions"),
                    Required.of(controllerRoles, "ClusterAddonsArgs.controllerRoles"),
                    Required.of(physicalName, "ClusterAddonsArgs.physicalName"),
                    Required.of(applicationLogs, "ClusterAddonsArgs.applicationLogs"),
                    Required.of(logsKeyArn, "ClusterAddonsArgs.logsKeyArn"),
                    Required.of(logRetentionDays, "ClusterAddonsArgs.logRetentionDays"));
        }
    }
}
