package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.Required;

import java.util.List;

/**
 * Inputs of {@link NodePools}. Build with {@link #builder()}.
 *
 * @param clusterName       physical cluster name (descriptions, autoscaler discovery tags, the live desired size)
 * @param controlPlane      the cluster the node groups join: its name, version and cluster security group
 * @param pools             one managed node group each (EksClusterArgs requires at least one)
 * @param vpcId             VPC of the node security group
 * @param privateSubnetIds  the network's private subnets, one per AZ in the order of {@code availabilityZones}
 * @param availabilityZones the network's AZ suffixes, sorted; a pool's group runs in the subnets of its own AZs
 * @param controllerRoles   the roles of the stack: the EBS key names the account's Auto Scaling service-linked role
 * @param after             what every node group waits for (the add-ons nodes need to become Ready); default none
 */
record NodePoolsArgs(
        String clusterName,
        ControlPlane controlPlane,
        List<NodePoolSpec> pools,
        Output<String> vpcId,
        Output<List<String>> privateSubnetIds,
        List<String> availabilityZones,
        ControllerRoles controllerRoles,
        List<Resource> after) {

    NodePoolsArgs {
        pools = List.copyOf(pools);
        availabilityZones = availabilityZones.stream().sorted().toList();
        after = List.copyOf(after);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NodePoolsArgs} by name; {@link #build()} names a required field left unset. */
    static final class Builder {
        private String clusterName;
        private ControlPlane controlPlane;
        private List<NodePoolSpec> pools;
        private Output<String> vpcId;
        private Output<List<String>> privateSubnetIds;
        private List<String> availabilityZones;
        private ControllerRoles controllerRoles;
        private List<Resource> after = List.of();

        private Builder() {
        }

        Builder clusterName(String value) { this.clusterName = value; return this; }
        Builder controlPlane(ControlPlane value) { this.controlPlane = value; return this; }
        Builder pools(List<NodePoolSpec> value) { this.pools = value; return this; }
        Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        Builder privateSubnetIds(Output<List<String>> value) { this.privateSubnetIds = value; return this; }
        Builder availabilityZones(List<String> value) { this.availabilityZones = value; return this; }
        Builder controllerRoles(ControllerRoles value) { this.controllerRoles = value; return this; }
        Builder after(List<Resource> value) { this.after = value; return this; }

        NodePoolsArgs build() {
            return new NodePoolsArgs(
                    Required.of(clusterName, "NodePoolsArgs.clusterName"),
                    Required.of(controlPlane, "NodePoolsArgs.controlPlane"),
                    Required.of(pools, "NodePoolsArgs.pools"),
                    Required.of(vpcId, "NodePoolsArgs.vpcId"),
                    Required.of(privateSubnetIds, "NodePoolsArgs.privateSubnetIds"),
                    Required.of(availabilityZones, "NodePoolsArgs.availabilityZones"),
                    Required.of(controllerRoles, "NodePoolsArgs.controllerRoles"),
                    Required.of(after, "NodePoolsArgs.after"));
        }
    }
}
