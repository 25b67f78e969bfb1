package com.ultibiker.platform.network;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv6 subnetting for the block AWS assigns to a VPC (a /56). Pure: no Pulumi types. Results are in
 * the canonical compressed form (RFC 5952) because that is how AWS reports them back: any other
 * spelling would show as a change, and a subnet's IPv6 block change replaces nothing but is noisy.
 */
public final class Ipv6Cidr {

    private Ipv6Cidr() {
    }

    /**
     * The {@code index}-th /{@code newPrefix} inside {@code parent}, e.g. the 2nd /64 of
     * {@code 2600:1f18:0:1200::/56} is {@code 2600:1f18:0:1201::/64}.
     */
    public static String subnet(String parent, int newPrefix, int index) {
        int slash = parent.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not an IPv6 CIDR: " + parent);
        }
        int prefix = Integer.parseInt(parent.substring(slash + 1));
        if (newPrefix < prefix || newPrefix > 128) {
            throw new IllegalArgumentException("/" + newPrefix + " does not fit in " + parent);
        }
        if (index < 0 || BigInteger.valueOf(index).bitLength() > newPrefix - prefix) {
            throw new IllegalArgumentException(parent + " has " + BigInteger.ONE.shiftLeft(newPrefix - prefix)
                    + " /" + newPrefix + " subnets; index " + index + " is out of range");
        }
        BigInteger base = toBigInteger(parent.substring(0, slash));
        BigInteger hostBits = BigInteger.ONE.shiftLeft(128 - prefix).subtract(BigInteger.ONE);
        if (!base.and(hostBits).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException("host bits set in " + parent);
        }
        BigInteger address = base.add(BigInteger.valueOf(index).shiftLeft(128 - newPrefix));
        return format(address) + "/" + newPrefix;
    }

    static BigInteger toBigInteger(String address) {
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed.getAddress().length != 16 || !address.contains(":")) {
                throw new IllegalArgumentException("not an IPv6 address: " + address);
            }
            return new BigInteger(1, parsed.getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 address: " + address, e);
        }
    }

    /** RFC 5952: lowercase, no leading zeros, the longest run (>= 2) of zero groups as {@code ::}. */
    static String format(BigInteger address) {
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = address.and(BigInteger.valueOf(0xffff)).intValue();
            address = address.shiftRight(16);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
