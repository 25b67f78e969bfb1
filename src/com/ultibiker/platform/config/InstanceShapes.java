package com.ultibiker.platform.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * vCPU and memory of the EC2 instance types node pools may mix. cluster-autoscaler sizes a node group
 * from one of its instance types, so every type of a pool must have the same shape (SPEC.md, EKS).
 *
 * <p>Source: the instance table cluster-autoscaler itself sizes groups with,
 * {@code kubernetes/autoscaler: cluster-autoscaler/cloudprovider/aws/ec2_instance_types.go} (generated
 * from the AWS Pricing API; commit 01c0d41c60619978f6845664b197354c995cc5af), read 2026-12-01. The AWS
 * provider SDK does not carry instance specifications. Families: burstable t3/t3a, compute c5/c5a/c6i/c6a,
 * general m5/m5a/m6i/m6a, memory r5/r5a/r6i, sizes large to 2xlarge (plus t3 medium). A type not listed
 * is accepted in a pool of one type only.
 */
public final class InstanceShapes {

    /** vCPUs and memory in MiB. */
    public record Shape(int vcpu, int memoryMib) {
        @Override
        public String toString() {
            return vcpu + " vCPU, " + memoryMib + " MiB";
        }
    }

    private static final Map<String, Shape> SHAPES = table();

    private InstanceShapes() {
    }

    private static Map<String, Shape> table() {
        Map<String, Shape> t = new TreeMap<>();
        // memory MiB per vCPU: t and c families 2048, m 4096, r 8192; sizes double from large to 2xlarge.
        for (String family : List.of("t3", "t3a")) {
            t.put(family + ".medium", new Shape(2, 4096));
            t.put(family + ".large", new Shape(2, 8192));
            t.put(family + ".xlarge", new Shape(4, 16384));
            t.put(family + ".2xlarge", new Shape(8, 32768));
        }
        family(t, List.of("c5", "c5a", "c6i", "c6a"), 2048);
        family(t, List.of("m5", "m5a", "m6i", "m6a"), 4096);
        family(t, List.of("r5", "r5a", "r6i"), 8192);
        return Map.copyOf(t);
    }

    private static void family(Map<String, Shape> t, List<String> families, int mibPerVcpu) {
        for (String family : families) {
            t.put(family + ".large", new Shape(2, 2 * mibPerVcpu));
            t.put(family + ".xlarge", new Shape(4, 4 * mibPerVcpu));
            t.put(family + ".2xlarge", new Shape(8, 8 * mibPerVcpu));
        }
    }

    public static Optional<Shape> of(String instanceType) {
        return Optional.ofNullable(SHAPES.get(instanceType));
    }

    /** The recorded types with {@code shape}, in order: what a pool of that shape may mix. */
    public static List<String> withShape(Shape shape) {
        return new TreeMap<>(SHAPES).entrySet().stream().filter(e -> e.getValue().equals(shape)).map(Map.Entry::getKey).toList();
    }

    public static Map<String, Shape> all() {
        return SHAPES;
    }
}
