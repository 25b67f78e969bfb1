package com.ultibiker.platform.network;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 network in CIDR notation. Pure value type: no Pulumi types. */
public record Ipv4Cidr(long base, int prefix) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 0..32, was " + prefix);
        }
        if ((base & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("host bits set in " + render(base) + "/" + prefix);
        }
    }

    /**
     * Parses {@code a.b.c.d/n}; empty when the text is not a network address (bad octets, bad
     * prefix, or host bits set such as {@code 10.0.0.1/16}).
     */
    public static Optional<Ipv4Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long base = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            base = (base << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (base & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Ipv4Cidr(base, prefix));
    }

    public static Ipv4Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 network: " + text));
    }

    public long size() {
        return 1L << (32 - prefix);
    }

    public long last() {
        return base + size() - 1;
    }

    public boolean contains(Ipv4Cidr other) {
        return other.base >= base && other.last() <= last();
    }

    public boolean overlaps(Ipv4Cidr other) {
        return base <= other.last() && other.base <= last();
    }

    /** The {@code netNum}-th network of prefix {@code prefix + newBits} inside this one. */
    public Ipv4Cidr subnet(int newBits, int netNum) {
        int newPrefix = prefix + newBits;
        if (newBits < 0 || newPrefix > 32) {
            throw new IllegalArgumentException("cannot add " + newBits + " bits to /" + prefix);
        }
        if (netNum < 0 || netNum >= (1L << newBits)) {
            throw new IllegalArgumentException(
                    "network number " + netNum + " does not fit in " + newBits + " bits of " + this);
        }
        return new Ipv4Cidr(base + ((long) netNum << (32 - newPrefix)), newPrefix);
    }

    @Override
    public String toString() {
        return render(base) + "/" + prefix;
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String render(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }
}
