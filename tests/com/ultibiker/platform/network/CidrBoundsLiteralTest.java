package com.ultibiker.platform.network;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CIDR arithmetic at its edges: first and last address, the last network number, the full prefix. */
class CidrBoundsLiteralTest {

    private static Ipv4Cidr v4(String s) {
        return Ipv4Cidr.of(s);
    }

    @Test
    void aNetworkContainsItselfAndNetworksSharingEitherEdge() {
        assertTrue(v4("10.0.0.0/16").contains(v4("10.0.0.0/16")));
        assertTrue(v4("10.0.0.0/16").contains(v4("10.0.0.0/24")), "same first address");
        assertTrue(v4("10.0.0.0/16").contains(v4("10.0.255.0/24")), "same last address");
        assertFalse(v4("10.0.0.0/16").contains(v4("10.1.0.0/24")));
        assertFalse(v4("10.0.1.0/24").contains(v4("10.0.0.0/16")));
    }

    @Test
    void networksOverlapWhenTheyShareOneAddress() {
        assertTrue(v4("10.0.0.0/24").overlaps(v4("10.0.0.255/32")), "the last address");
        assertTrue(v4("10.0.0.255/32").overlaps(v4("10.0.0.0/24")));
        assertFalse(v4("10.0.0.0/24").overlaps(v4("10.0.1.0/24")), "adjacent networks");
        assertFalse(v4("10.0.1.0/24").overlaps(v4("10.0.0.0/24")));
    }

    @Test
    void subnetsUpToTheLastNumberAndTheFullPrefix() {
        assertEquals("10.0.255.0/24", v4("10.0.0.0/16").subnet(8, 255).toString());
        assertEquals("10.0.0.0/16", v4("10.0.0.0/16").subnet(0, 0).toString());
        assertEquals("10.0.0.7/32", v4("10.0.0.0/24").subnet(8, 7).toString());
        assertThrows(IllegalArgumentException.class, () -> v4("10.0.0.0/16").subnet(8, 256));
        assertThrows(IllegalArgumentException.class, () -> v4("10.0.0.0/16").subnet(8, -1));
        assertThrows(IllegalArgumentException.class, () -> v4("10.0.0.0/24").subnet(9, 0));
        assertThrows(IllegalArgumentException.class, () -> v4("10.0.0.0/16").subnet(-1, 0));
    }

    @Test
    void ipv6SubnetsUpToTheFullPrefix() {
        assertEquals("2001:db8:0:1200::/56", Ipv6Cidr.subnet("2001:db8:0:1200::/56", 56, 0));
        assertEquals("2001:db8:0:12ff::/64", Ipv6Cidr.subnet("2001:db8:0:1200::/56", 64, 255));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet("2001:db8:0:1200::/56", 64, 256));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet("2001:db8:0:1200::/56", 55, 0));
        assertEquals("2001:db8::1/128", Ipv6Cidr.subnet("2001:db8::/127", 128, 1));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet("2001:db8::/127", 129, 0));
    }
}
