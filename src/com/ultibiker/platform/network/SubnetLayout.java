package com.ultibiker.platform.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pure subnet allocation for a VPC; see {@link SubnetTier} for the layout.
 *
 * <p>A subnet's block is fixed by its tier and its AZ <em>letter</em> ({@code a} is slot 0, {@code b}
 * slot 1, ...), never by the letter's position in the configured list: removing, adding or reordering
 * AZs leaves every remaining subnet's CIDR as it was. A subnet's CIDR cannot change in place (EC2 has no
 * API for it; the provider replaces the subnet, and with it everything running in it), so this is what
 * keeps a typical AZ change from replacing nodes and databases. For {@code [a, b, c]} the slots equal
 * the list positions, so the stacks created before this rule keep their CIDRs.
 */
public final class SubnetLayout {

    /** Largest VPC we lay out: a /16 is the biggest block AWS allows. */
    public static final int MIN_VPC_PREFIX = 16;
    /** Smallest: public subnets become /27, the smallest an ALB accepts. */
    public static final int MAX_VPC_PREFIX = 19;

    private SubnetLayout() {
    }

    /** The AZ letters a layout can place, {@code a} up to the tier with the fewest slots (private: 4, so a-d). */
    public static List<String> letters() {
        List<String> letters = new ArrayList<>();
        for (int slot = 0; slot < maxAzs(); slot++) {
            letters.add(String.valueOf((char) ('a' + slot)));
        }
        return List.copyOf(letters);
    }

    /** The slot of an AZ letter: {@code a -> 0}, {@code b -> 1}, ... */
    public static int slot(String letter) {
        if (!letters().contains(letter)) {
            throw new IllegalArgumentException("AZ letter " + letter + " is not one of " + letters());
        }
        return letter.charAt(0) - 'a';
    }

    public static Ipv4Cidr cidr(Ipv4Cidr vpc, SubnetTier tier, int slot) {
        Optional<String> problem = checkVpc(vpc);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        if (slot < 0 || slot >= maxAzs()) {
            throw new IllegalArgumentException("AZ slot " + slot + " is outside 0.." + (maxAzs() - 1));
        }
        return vpc.subnet(tier.newBits(), tier.firstNetNum() + slot);
    }

    /** Every subnet of the VPC for the AZ letters, tier by tier, in the letters' order. */
    public static List<Subnet> allocate(Ipv4Cidr vpc, List<String> azLetters) {
        check(vpc, azLetters).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        List<Subnet> subnets = new ArrayList<>();
        for (SubnetTier tier : SubnetTier.values()) {
            for (String letter : azLetters) {
                int slot = slot(letter);
                subnets.add(new Subnet(tier, letter, slot, cidr(vpc, tier, slot)));
            }
        }
        return List.copyOf(subnets);
    }

    /** Why a VPC cannot hold subnets in these AZ letters, or empty if it can. */
    public static Optional<String> check(Ipv4Cidr vpc, List<String> azLetters) {
        Optional<String> vpcProblem = checkVpc(vpc);
        if (vpcProblem.isPresent()) {
            return vpcProblem;
        }
        if (azLetters.isEmpty()) {
            return Optional.of("at least one availability zone");
        }
        Set<String> seen = new HashSet<>();
        for (String letter : azLetters) {
            if (!letters().contains(letter)) {
                return Optional.of("AZ letters from " + letters() + " (a subnet's block is fixed by its AZ letter; the private tier has "
                        + maxAzs() + " slots); found " + letter);
            }
            if (!seen.add(letter)) {
                return Optional.of("each AZ letter once; found " + letter + " twice");
            }
        }
        return Optional.empty();
    }

    /** Why a VPC block cannot be laid out (its prefix), or empty if it can. */
    public static Optional<String> checkVpc(Ipv4Cidr vpc) {
        if (vpc.prefix() < MIN_VPC_PREFIX || vpc.prefix() > MAX_VPC_PREFIX) {
            return Optional.of("a VPC prefix between /" + MIN_VPC_PREFIX + " and /" + MAX_VPC_PREFIX
                    + " (a /" + vpc.prefix() + " gives public subnets of /" + (vpc.prefix() + SubnetTier.PUBLIC.newBits())
                    + "; ALB subnets need /27 or larger, and AWS VPCs are at most /16)");
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

    /**
     * @param letter the AZ letter ({@code a}); the region is prefixed to make the AZ name
     * @param slot   the letter's fixed slot in every tier's block ({@code a -> 0})
     */
    public record Subnet(SubnetTier tier, String letter, int slot, Ipv4Cidr cidr) {
    }
}
