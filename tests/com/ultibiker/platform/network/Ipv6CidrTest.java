package com.ultibiker.platform.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Ipv6CidrTest {

    @ParameterizedTest
    @CsvSource({
            "2600:1f18:abcd:1200::/56, 64, 0, 2600:1f18:abcd:1200::/64",
            "2600:1f18:abcd:1200::/56, 64, 1, 2600:1f18:abcd:1201::/64",
            "2600:1f18:abcd:1200::/56, 64, 255, 2600:1f18:abcd:12ff::/64",
            "2001:db8::/56, 64, 2, 2001:db8:0:2::/64",
            "2001:0DB8:0000:0000::/56, 64, 16, 2001:db8:0:10::/64",
            "2001:db8:0:0:1::/80, 96, 0, 2001:db8:0:0:1::/96",
            "2001:db8:0:0:1::/127, 128, 1, 2001:db8::1:0:0:1/128"})
    void subnetsAreCanonicalAndInsideTheParent(String parent, int prefix, int index, String expected) {
        assertEquals(expected, Ipv6Cidr.subnet(parent, prefix, index));
    }

    @Test
    void anIndexBeyondTheParentIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet("2001:db8::/56", 64, 256));
        assertEquals("2001:db8::/56 has 256 /64 subnets; index 256 is out of range", e.getMessage());
    }

    @Test
    void hostBitsAndIpv4AreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet("2001:db8::1/56", 64, 0));
        assertThrows(IllegalArgumentException.class, () -> Ipv6Cidr.subnet("10.0.0.0/16", 24, 0));
    }
}
