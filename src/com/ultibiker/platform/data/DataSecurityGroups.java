package com.ultibiker.platform.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * The security group in front of a data store: one ingress rule per client security group on the
 * store's port, never a CIDR; no egress (RDS and ElastiCache answer on the connections they accept,
 * security groups are stateful). The rules are inline so the group's whole policy is one input.
 */
final class DataSecurityGroups {

    private DataSecurityGroups() {
    }

    static SecurityGroup create(String name, String service, int port, DataPlacement placement, Resource parent,
                                Tagging tagging) {
        List<SecurityGroupIngressArgs> ingress = new ArrayList<>();
        for (Output<String> client : placement.clientSecurityGroupIds()) {
            ingress.add(SecurityGroupIngressArgs.builder()
                    .description(service + " from an allowed client security group")
                    .protocol("tcp")
                    .fromPort(port)
                    .toPort(port)
                    .securityGroups(client.applyValue(List::of))
                    .build());
        }
        return new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(placement.network().vpcId())
                .description(service + " " + port + " from the platform client security groups only")
                .ingress(ingress)
                .egress(List.of())
                .revokeRulesOnDelete(true)
                .tags(tagging.tags(name))
                .build(), placement.region().child(parent));
    }
}
