package com.ultibiker.platform.model;

import java.util.List;
import java.util.Map;

/**
 * One managed node group.
 *
 * @param maxUnavailablePercent share of nodes replaced at once during a rolling update
 * @param diskSizeGib           size of the encrypted gp3 root volume
 * @param availabilityZones     AZ suffixes of the private subnets the group runs in, sorted (default: every AZ of the network)
 */
public record NodePoolSpec(
        String name,
        List<String> instanceTypes,
        CapacityType capacityType,
        int minSize,
        int maxSize,
        int desiredSize,
        List<Taint> taints,
        Map<String, String> labels,
        int maxUnavailablePercent,
        int diskSizeGib,
        List<String> availabilityZones) {

    public NodePoolSpec {
        availabilityZones = List.copyOf(availabilityZones);
    }

    public boolean schedulesApplicationPods() {
        return taints.stream().noneMatch(t -> t.effect() == TaintEffect.NO_SCHEDULE || t.effect() == TaintEffect.NO_EXECUTE);
    }
}
