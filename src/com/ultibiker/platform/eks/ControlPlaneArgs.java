package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.model.Required;

import java.util.List;

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

    /** Builds {@link ControlPlaneArgs} by name; {@link #build()} names a required field left unset. */
    static final class Builder {
        private String clusterName;
        private String kubernetesVersion;
        private boolean endpointPublicAccess;
        private List<String> publicAccessCidrs = List.of();
        private Output<List<String>> privateSubnetIds;
        private List<String> logTypes;
        private Integer logRetentionDays;

        private Builder() {
        }

        Builder clusterName(String value) { this.clusterName = value; return this; }
        Builder kubernetesVersion(String value) { this.kubernetesVersion = value; return this; }
        Builder endpointPublicAccess(boolean value) { this.endpointPublicAccess = value; return this; }
        Builder publicAccessCidrs(List<String> value) { this.publicAccessCidrs = value; return this; }
        Builder privateSubnetIds(Output<List<String>> value) { this.privateSubnetIds = value; return this; }
        Builder logTypes(List<String> value) { this.logTypes = value; return this; }
        Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }

        ControlPlaneArgs build() {
            return new ControlPlaneArgs(
                    Required.of(clusterName, "ControlPlaneArgs.clusterName"),
                    Required.of(kubernetesVersion, "ControlPlaneArgs.kubernetesVersion"),
                    endpointPublicAccess,
                    Required.of(publicAccessCidrs, "ControlPlaneArgs.publicAccessCidrs"),
                    Required.of(privateSubnetIds, "ControlPlaneArgs.privateSubnetIds"),
                    Required.of(logTypes, "ControlPlaneArgs.logTypes"),
                    Required.of(logRetentionDays, "ControlPlaneArgs.logRetentionDays"));
        }
    }
}
