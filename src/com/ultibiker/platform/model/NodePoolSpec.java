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

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NodePoolSpec} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String name;
        private List<String> instanceTypes;
        private CapacityType capacityType;
        private Integer minSize;
        private Integer maxSize;
        private Integer desiredSize;
        private List<Taint> taints;
        private Map<String, String> labels;
        private Integer maxUnavailablePercent;
        private Integer diskSizeGib;
        private List<String> availabilityZones;

        private Builder() {
        }

        public Builder name(String value) { this.name = value; return this; }
        public Builder instanceTypes(List<String> value) { this.instanceTypes = value; return this; }
        public Builder capacityType(CapacityType value) { this.capacityType = value; return this; }
        public Builder minSize(int value) { this.minSize = value; return this; }
        public Builder maxSize(int value) { this.maxSize = value; return this; }
        public Builder desiredSize(int value) { this.desiredSize = value; return this; }
        public Builder taints(List<Taint> value) { this.taints = value; return this; }
        public Builder labels(Map<String, String> value) { this.labels = value; return this; }
        public Builder maxUnavailablePercent(int value) { this.maxUnavailablePercent = value; return this; }
        public Builder diskSizeGib(int value) { this.diskSizeGib = value; return this; }
        public Builder availabilityZones(List<String> value) { this.availabilityZones = value; return this; }

        public NodePoolSpec build() {
            return new NodePoolSpec(
                    Required.of(name, "NodePoolSpec.name"),
                    Required.of(instanceTypes, "NodePoolSpec.instanceTypes"),
                    Required.of(capacityType, "NodePoolSpec.capacityType"),
                    Required.of(minSize, "NodePoolSpec.minSize"),
                    Required.of(maxSize, "NodePoolSpec.maxSize"),
                    Required.of(desiredSize, "NodePoolSpec.desiredSize"),
                    Required.of(taints, "NodePoolSpec.taints"),
                    Required.of(labels, "NodePoolSpec.labels"),
                    Required.of(maxUnavailablePercent, "NodePoolSpec.maxUnavailablePercent"),
                    Required.of(diskSizeGib, "NodePoolSpec.diskSizeGib"),
                    Required.of(availabilityZones, "NodePoolSpec.availabilityZones"));
        }
    }
}
