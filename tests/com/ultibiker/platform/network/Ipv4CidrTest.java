package com.ultibiker.platform.network;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Ipv4CidrTest {

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "0.0.0.0/0", "192.168.1.128/25", "255.255.255.255/32", " 10.1.0.0/16 "})
    void parsesNetworkAddresses(String text) {
        assertEquals(text.strip(), Ipv4Cidr.of(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1/16", "10.0.0.0/33", "256.0.0.0/8", "10.0.0/16", "10.0.0.0", "ten.0.0.0/16", "", "10.0.0.0/-1"})
    void rejectsWhatIsNotANetwork(String text) {
        assertTrue(Ipv4Cidr.parse(text).isEmpty(), text);
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/16, 10.0.0.0/16, true",
            "10.0.0.0/16, 10.0.255.0/24, true",
            "10.0.0.0/16, 10.1.0.0/16, false",
            "10.0.0.0/8, 10.200.0.0/16, true",
            "10.0.128.0/17, 10.0.0.0/16, true",
            "10.0.0.0/24, 10.0.1.0/24, false"})
    void overlapIsSymmetric(String a, String b, boolean overlap) {
        assertEquals(overlap, Ipv4Cidr.of(a).overlaps(Ipv4Cidr.of(b)));
        assertEquals(overlap, Ipv4Cidr.of(b).overlaps(Ipv4Cidr.of(a)));
    }

    @Test
    void subnetCarvesTheNthBlock() {
        assertEquals("10.0.32.0/19", Ipv4Cidr.of("10.0.0.0/16").subnet(3, 1).toString());
        assertEquals("10.0.255.0/24", Ipv4Cidr.of("10.0.0.0/16").subnet(8, 255).toString());
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.of("10.0.0.0/16").subnet(3, 8));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.of("10.0.0.0/30").subnet(3, 0));
    }

    /** Containment needs both bounds: a block below the network (10.0.x in 10.1/16) is outside it too. */
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/16, 10.0.144.0/24, true",
            "10.0.0.0/16, 10.0.0.0/16,   true",
            "10.0.0.0/16, 10.0.255.0/24, true",
            "10.0.0.0/16, 10.0.0.0/15,   false",
            "10.0.0.0/16, 10.1.0.0/24,   false",
            "10.1.0.0/16, 10.0.0.0/24,   false",
            "10.1.0.0/16, 10.0.255.0/24, false",
            "10.1.0.0/16, 9.0.0.0/8,     false",
            "10.1.128.0/17, 10.1.0.0/24, false"})
    void containment(String outer, String inner, boolean contains) {
        assertEquals(contains, Ipv4Cidr.of(outer).contains(Ipv4Cidr.of(inner)));
    }
}
