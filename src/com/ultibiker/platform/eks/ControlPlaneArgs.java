package com.ultibiker.platform.eks;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link ControlPlane}. Build with {@link #builder()}; values come validated from {@link EksClusterArgs}.
 *
 * @param clusterName          physical cluster name
 * @param kubernetesVersion    control plane version, e.g. {@code 1.35}
 * @param endpointPublicAccess whether the API server has a public endpoint; default false (the private one is always on)
 * @param publicAccessCidrs    who may reach the public endpoint; sent only when it is on; default none
 * @param privateSubnetIds     subnets of the control-plane ENIs
 * @param logTypes             control-plane log types sent to CloudWatch Logs
 * @param logRetentionDays     retention of the control-plane log group
 */
record ControlPlaneArgs(
        String clusterName,
        String kubernetesVersion,
        boolean endpointPublicAccess,
        List<String> publicAccessCidrs,
        Output<List<String>> privateSubnetIds,
        List<String> logTypes,
        int logRetentionDays) {

    ControlPlaneArgs {
        publicAccessCidrs = List.copyOf(publicAccessCidrs);
        logTypes = List.copyOf(logTypes);
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private String clusterName;
        private String kubernetesVersion;
        private boolean endpointPublicAccess;
        private List<String> publicAccessCidrs = List.of();
        private Output<List<String>> privateSubnetIds;
        private List<String> logTypes;
        private Integer logRetentionDays;

        Builder clusterName(String value) { this.clusterName = value; return this; }
        Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        Builder endpointPublicAccess(boolean value) { this.endpointPublicAccess = value; return this; }
        Builder publicAccessCidrs(List<String> value) { this.publicAccessCidrs = value; return this; }
        Builder privateSubnetIds(Output<List<String>> value) { this.privateSubnetIds = value; return this; }
        Builder logTypes(List<String> value) { this.logTypes = value; return this; }
        Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }

        ControlPlaneArgs build() {
            return new ControlPlaneArgs(
                    Objects.requireNonNull(clusterName, "ControlPlaneArgs.clusterName is required"),
                    Objects.requireNonNull(kubernetesVersion, "ControlPlaneArgs.kubernetesVersion is required"),
                    endpointPublicAccess,
                    Objects.requireNonNull(publicAccessCidrs, "ControlPlaneArgs.publicAccessCidrs must not be null"),
                    Objects.requireNonNull(privateSubnetIds, "ControlPlaneArgs.privateSubnetIds is required"),
                    Objects.requireNonNull(logTypes, "ControlPlaneArgs.logTypes is required"),
                    Objects.requireNonNull(logRetentionDays, "ControlPlaneArgs.logRetentionDays is required"));
        }
    }
}
