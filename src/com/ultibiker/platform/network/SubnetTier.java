package com.ultibiker.platform.network;

/**
 * The subnet tiers of a VPC and the fixed block each one owns, relative to the VPC prefix.
 * A tier's subnet in the AZ of slot {@code i} (the AZ letter: a = 0, b = 1, ...) is always network
 * {@code firstNetNum + i} at {@code newBits} below the VPC, so adding, removing or reordering AZs, or
 * adding a tier, never moves an existing subnet. For a /16:
 * <pre>
 * private   /19  x.x.0.0   .. x.x.127.255  (AZ a..d)   ~8k addresses per AZ for VPC CNI pods
 * public    /24  x.x.128.0 .. x.x.143.255  (16 slots, a..d used)
 * database  /24  x.x.144.0 .. x.x.159.255  (16 slots, a..d used)
 * free           x.x.160.0 .. x.x.255.255  room for future tiers
 * </pre>
 * New tiers must take a block from the free range; never change the numbers of an existing tier.
 */
public enum SubnetTier {
    PRIVATE("private", 3, 0, 4),
    PUBLIC("public", 8, 128, 16),
    DATABASE("database", 8, 144, 16);

    private final String role;
    private final int newBits;
    private final int firstNetNum;
    private final int maxAzs;

    SubnetTier(String role, int newBits, int firstNetNum, int maxAzs) {
        this.role = role;
        this.newBits = newBits;
        this.firstNetNum = firstNetNum;
        this.maxAzs = maxAzs;
    }

    /** Used in resource names and the {@code Tier} tag. */
    public String role() {
        return role;
    }

    public int newBits() {
        return newBits;
    }

    public int firstNetNum() {
        return firstNetNum;
    }

    public int maxAzs() {
        return maxAzs;
    }
}
