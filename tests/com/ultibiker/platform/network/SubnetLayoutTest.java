package com.ultibiker.platform.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubnetLayoutTest {

    /** Known-good layouts: the numbers a reviewer can check by hand. */
    @ParameterizedTest(name = "{0} {1} az{2} -> {3}")
    @CsvSource({
            "10.0.0.0/16,  PRIVATE,  0, 10.0.0.0/19",
            "10.0.0.0/16,  PRIVATE,  1, 10.0.32.0/19",
            "10.0.0.0/16,  PRIVATE,  2, 10.0.64.0/19",
            "10.0.0.0/16,  PRIVATE,  3, 10.0.96.0/19",
            "10.0.0.0/16,  PUBLIC,   0, 10.0.128.0/24",
            "10.0.0.0/16,  PUBLIC,   2, 10.0.130.0/24",
            "10.0.0.0/16,  DATABASE, 0, 10.0.144.0/24",
            "10.0.0.0/16,  DATABASE, 2, 10.0.146.0/24",
            "10.10.0.0/16, PRIVATE,  1, 10.10.32.0/19",
            "10.1.0.0/16,  DATABASE, 1, 10.1.145.0/24",
            "172.16.0.0/17, PRIVATE, 1, 172.16.16.0/20",
            "172.16.0.0/17, PUBLIC,  0, 172.16.64.0/25",
            "192.168.0.0/18, DATABASE, 0, 192.168.36.0/26",
            "192.168.0.0/19, PUBLIC,  0, 192.168.16.0/27",
            "192.168.0.0/19, PRIVATE, 3, 192.168.12.0/22"})
    void knownLayouts(String vpc, SubnetTier tier, int az, String expected) {
        assertEquals(expected, SubnetLayout.cidr(Ipv4Cidr.of(vpc), tier, az).toString());
    }

    @Test
    void privateSubnetsAreLargeEnoughForVpcCniPods() {
        var priv = SubnetLayout.cidr(Ipv4Cidr.of("10.0.0.0/16"), SubnetTier.PRIVATE, 0);
        assertTrue(priv.size() >= 8192, "a /19 gives ~8k pod IPs per AZ, was " + priv);
    }

    /** Property: for any supported VPC and AZ count, every subnet lies inside the VPC and none overlap. */
    @Test
    void subnetsAreAlwaysInsideTheVpcAndDisjoint() {
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            int prefix = SubnetLayout.MIN_VPC_PREFIX + random.nextInt(SubnetLayout.MAX_VPC_PREFIX - SubnetLayout.MIN_VPC_PREFIX + 1);
            long base = (random.nextLong() & 0xFFFFFFFFL) & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            Ipv4Cidr vpc = new Ipv4Cidr(base, prefix);
            int azs = 1 + random.nextInt(SubnetLayout.maxAzs());
            List<SubnetLayout.Subnet> subnets = SubnetLayout.allocate(vpc, azs);
            assertEquals(azs * SubnetTier.values().length, subnets.size());
            for (int i = 0; i < subnets.size(); i++) {
                assertTrue(vpc.contains(subnets.get(i).cidr()), subnets.get(i) + " outside " + vpc);
                for (int j = i + 1; j < subnets.size(); j++) {
                    assertFalse(subnets.get(i).cidr().overlaps(subnets.get(j).cidr()),
                            subnets.get(i) + " overlaps " + subnets.get(j) + " in " + vpc);
                }
            }
        }
    }

    /** Stability: adding an AZ never moves an existing subnet. */
    @Test
    void addingAnAzKeepsEveryExistingCidr() {
        Ipv4Cidr vpc = Ipv4Cidr.of("10.0.0.0/16");
        for (int azs = 1; azs < SubnetLayout.maxAzs(); azs++) {
            List<SubnetLayout.Subnet> before = SubnetLayout.allocate(vpc, azs);
            List<SubnetLayout.Subnet> after = SubnetLayout.allocate(vpc, azs + 1);
            assertTrue(after.containsAll(before), "growing from " + azs + " AZs moved a subnet");
        }
    }

    /**
     * Stability: the block of each tier is fixed, so adding a tier (a new enum constant taking a free
     * block) cannot move the others. These numbers must never change.
     */
    @Test
    void tierBlocksArePinned() {
        assertEquals(List.of("PRIVATE:3:0", "PUBLIC:8:128", "DATABASE:8:144"),
                java.util.Arrays.stream(SubnetTier.values()).map(t -> t.name() + ":" + t.newBits() + ":" + t.firstNetNum()).toList());
    }

    @Test
    void tiersNeverShareAddressSpaceEvenAtMaximumAzs() {
        Ipv4Cidr vpc = Ipv4Cidr.of("10.0.0.0/16");
        for (SubnetTier a : SubnetTier.values()) {
            for (SubnetTier b : SubnetTier.values()) {
                if (a.ordinal() < b.ordinal()) {
                    for (int i = 0; i < a.maxAzs(); i++) {
                        for (int j = 0; j < b.maxAzs(); j++) {
                            assertFalse(vpc.subnet(a.newBits(), a.firstNetNum() + i).overlaps(vpc.subnet(b.newBits(), b.firstNetNum() + j)),
                                    a + " az" + i + " overlaps " + b + " az" + j);
                        }
                    }
                }
            }
        }
    }

    @Test
    void explainsWhyAVpcIsTooSmallOrTooBig() {
        var tooSmall = SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/20"), 3);
        assertTrue(tooSmall.orElseThrow().contains("/28"), tooSmall.get());
        assertTrue(SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/8"), 3).isPresent());
        assertTrue(SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/16"), 5).orElseThrow().contains("1 to 4"));
        assertTrue(SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/16"), 3).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SubnetLayout.cidr(Ipv4Cidr.of("10.0.0.0/16"), SubnetTier.PRIVATE, 4));
    }
}
