package com.ultibiker.platform.data;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.network.Network;

import java.util.List;
import java.util.Objects;

/**
 * Where a data store runs in one region and who may reach it.
 *
 * @param region                 region and explicit provider every resource there is created through
 * @param network                the region's VPC (database subnets for RDS, private subnets for Redis)
 * @param clientSecurityGroupIds security groups admitted on the store's port, typically the EKS node
 *                               security group of the region; empty admits nobody (no CIDR is ever used)
 */
public record DataPlacement(AwsRegion region, Network network, List<Output<String>> clientSecurityGroupIds) {

    public DataPlacement {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(network, "network");
        clientSecurityGroupIds = List.copyOf(clientSecurityGroupIds);
        if (!network.regionName().equals(region.name())) {
            throw new IllegalArgumentException("network " + network.regionName() + " is not in region " + region.name());
        }
    }

    public String regionName() {
        return region.name();
    }
}
