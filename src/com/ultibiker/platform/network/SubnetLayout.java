package com.ultibiker.platform.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pure subnet allocation for a VPC; see {@link SubnetTier} for the layout. */
public final class SubnetLayout {

    /** Largest VPC we lay out: a /16 is the biggest block AWS allows. */
    public static final int MIN_VPC_PREFIX = 16;
    /** Smallest: public subnets become /27, the smallest an ALB accepts. */
    public static final int MAX_VPC_PREFIX = 19;

    private SubnetLayout() {
    }

    public static Ipv4Cidr cidr(Ipv4Cidr vpc, SubnetTier tier, int azIndex) {
        Optional<String> problem = check(vpc, azIndex + 1);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return vpc.subnet(tier.newBits(), tier.firstNetNum() + azIndex);
    }

    /** Every subnet of the VPC for {@code azCount} AZs, tier by tier. */
    public static List<Subnet> allocate(Ipv4Cidr vpc, int azCount) {
        List<Subnet> subnets = new ArrayList<>();
        for (SubnetTier tier : SubnetTier.values()) {
            for (int az = 0; az < azCount; az++) {
                subnets.add(new Subnet(tier, az, cidr(vpc, tier, az)));
            }
        }
        return List.copyOf(subnets);
    }

    /** Why a VPC cannot hold {@code azCount} AZs, or empty if it can. */
    public static Optional<String> check(Ipv4Cidr vpc, int azCount) {
        if (vpc.prefix() < MIN_VPC_PREFIX || vpc.prefix() > MAX_VPC_PREFIX) {
            return Optional.of("a VPC prefix between /" + MIN_VPC_PREFIX + " and /" + MAX_VPC_PREFIX
                    + " (a /" + vpc.prefix() + " gives public subnets of /" + (vpc.prefix() + SubnetTier.PUBLIC.newBits())
                    + "; ALB subnets need /27 or larger, and AWS VPCs are at most /16)");
        }
        int maxAzs = maxAzs();
        if (azCount < 1 || azCount > maxAzs) {
            return Optional.of("1 to " + maxAzs + " availability zones (private subnets reserve "
                    + maxAzs + " slots); found " + azCount);
        }
        return Optional.empty();
    }

    public static int maxAzs() {
        int max = Integer.MAX_VALUE;
        for (SubnetTier tier : SubnetTier.values()) {
            max = Math.min(max, tier.maxAzs());
        }
        return max;
    }

    public record Subnet(SubnetTier tier, int azIndex, Ipv4Cidr cidr) {
    }
}
