package com.ultibiker.platform.model;

import java.util.List;
import java.util.Map;

/**
 * @param vpcCidrs           VPC CIDR per region (one entry per region of the stack)
 * @param availabilityZones  AZ name suffixes used in every region, e.g. {@code [a, b, c]}
 * @param natGateways        NAT layout
 * @param interfaceEndpoints whether to create interface endpoints (ECR, STS, Logs)
 */
public record NetworkConfig(
        Map<String, String> vpcCidrs,
        List<String> availabilityZones,
        NatMode natGateways,
        boolean interfaceEndpoints) {

    public String cidrFor(String region) {
        String cidr = vpcCidrs.get(region);
        if (cidr == null) {
            throw new IllegalArgumentException("no VPC CIDR configured for region " + region);
        }
        return cidr;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NetworkConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private Map<String, String> vpcCidrs;
        private List<String> availabilityZones;
        private NatMode natGateways;
        private Boolean interfaceEndpoints;

        private Builder() {
        }

        public Builder vpcCidrs(Map<String, String> value) { this.vpcCidrs = value; return this; }
        public Builder availabilityZones(List<String> value) { this.availabilityZones = value; return this; }
        public Builder natGateways(NatMode value) { this.natGateways = value; return this; }
        public Builder interfaceEndpoints(boolean value) { this.interfaceEndpoints = value; return this; }

        public NetworkConfig build() {
            return new NetworkConfig(
                    Required.of(vpcCidrs, "NetworkConfig.vpcCidrs"),
                    Required.of(availabilityZones, "NetworkConfig.availabilityZones"),
                    Required.of(natGateways, "NetworkConfig.natGateways"),
                    Required.of(interfaceEndpoints, "NetworkConfig.interfaceEndpoints"));
        }
    }
}
