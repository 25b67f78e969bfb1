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
}
