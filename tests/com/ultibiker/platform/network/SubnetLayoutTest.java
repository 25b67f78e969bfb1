package com.ultibiker.platform.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubnetLayoutTest {

    /** Known-good layouts: the numbers a reviewer can check by hand. */
    @ParameterizedTest(name = "{0} {1} slot {2} -> {3}")
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

    /** Property: for any supported VPC and any set of AZ letters, every subnet lies inside the VPC and none overlap. */
    @Test
    void subnetsAreAlwaysInsideTheVpcAndDisjoint() {
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            int prefix = SubnetLayout.MIN_VPC_PREFIX + random.nextInt(SubnetLayout.MAX_VPC_PREFIX - SubnetLayout.MIN_VPC_PREFIX + 1);
            long base = (random.nextLong() & 0xFFFFFFFFL) & (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
            Ipv4Cidr vpc = new Ipv4Cidr(base, prefix);
            List<String> letters = new ArrayList<>(List.of("a", "b", "c", "d"));
            Collections.shuffle(letters, random);
            letters = letters.subList(0, 1 + random.nextInt(letters.size()));
            List<SubnetLayout.Subnet> subnets = SubnetLayout.allocate(vpc, letters);
            assertEquals(letters.size() * SubnetTier.values().length, subnets.size());
            for (int i = 0; i < subnets.size(); i++) {
                assertTrue(vpc.contains(subnets.get(i).cidr()), subnets.get(i) + " outside " + vpc);
                for (int j = i + 1; j < subnets.size(); j++) {
                    assertFalse(subnets.get(i).cidr().overlaps(subnets.get(j).cidr()),
                            subnets.get(i) + " overlaps " + subnets.get(j) + " in " + vpc);
                }
            }
        }
    }

    /** The block of every (tier, AZ letter) of 10.10.0.0/16, written out by hand. */
    private static final Map<String, String> DEV_BLOCKS = Map.ofEntries(
            Map.entry("private/a", "10.10.0.0/19"), Map.entry("private/b", "10.10.32.0/19"),
            Map.entry("private/c", "10.10.64.0/19"), Map.entry("private/d", "10.10.96.0/19"),
            Map.entry("public/a", "10.10.128.0/24"), Map.entry("public/b", "10.10.129.0/24"),
            Map.entry("public/c", "10.10.130.0/24"), Map.entry("public/d", "10.10.131.0/24"),
            Map.entry("database/a", "10.10.144.0/24"), Map.entry("database/b", "10.10.145.0/24"),
            Map.entry("database/c", "10.10.146.0/24"), Map.entry("database/d", "10.10.147.0/24"));

    private static Map<String, String> blocks(Ipv4Cidr vpc, List<String> letters) {
        Map<String, String> blocks = new LinkedHashMap<>();
        SubnetLayout.allocate(vpc, letters).forEach(s -> blocks.put(s.tier().role() + "/" + s.letter(), s.cidr().toString()));
        return blocks;
    }

    /** Today's stacks ([a, b, c]) keep the CIDRs they were created with. */
    @Test
    void todaysThreeAzLayoutKeepsItsCidrs() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("private/a", "10.10.0.0/19");
        expected.put("private/b", "10.10.32.0/19");
        expected.put("private/c", "10.10.64.0/19");
        expected.put("public/a", "10.10.128.0/24");
        expected.put("public/b", "10.10.129.0/24");
        expected.put("public/c", "10.10.130.0/24");
        expected.put("database/a", "10.10.144.0/24");
        expected.put("database/b", "10.10.145.0/24");
        expected.put("database/c", "10.10.146.0/24");
        assertEquals(expected, blocks(Ipv4Cidr.of("10.10.0.0/16"), List.of("a", "b", "c")));
    }

    /** The example: dropping AZ a must leave b at 10.10.32.0/19, not move it to 10.10.0.0/19. */
    @Test
    void removingTheFirstAzKeepsTheOthersWhereTheyWere() {
        assertEquals(Map.of("private/b", "10.10.32.0/19", "private/c", "10.10.64.0/19",
                        "public/b", "10.10.129.0/24", "public/c", "10.10.130.0/24",
                        "database/b", "10.10.145.0/24", "database/c", "10.10.146.0/24"),
                blocks(Ipv4Cidr.of("10.10.0.0/16"), List.of("b", "c")));
    }

    /**
     * Property, exhaustive: for every ordered choice of AZ letters (all 64 non-empty ordered subsets of a-d:
     * removals, additions, reorderings), every (tier, letter) has the block of the hand-written table.
     */
    @Test
    void removingAddingOrReorderingAzsNeverChangesTheCidrOfARemainingSubnet() {
        Ipv4Cidr vpc = Ipv4Cidr.of("10.10.0.0/16");
        List<List<String>> choices = orderedSubsets(List.of("a", "b", "c", "d"));
        assertEquals(64, choices.size());
        for (List<String> letters : choices) {
            blocks(vpc, letters).forEach((subnet, cidr) ->
                    assertEquals(DEV_BLOCKS.get(subnet), cidr, subnet + " moved with AZs " + letters));
        }
    }

    private static List<List<String>> orderedSubsets(List<String> items) {
        List<List<String>> out = new ArrayList<>();
        for (String first : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(first);
            out.add(List.of(first));
            for (List<String> tail : orderedSubsets(rest)) {
                List<String> choice = new ArrayList<>();
                choice.add(first);
                choice.addAll(tail);
                out.add(choice);
            }
        }
        return out;
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
        List<String> abc = List.of("a", "b", "c");
        var tooSmall = SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/20"), abc);
        assertTrue(tooSmall.orElseThrow().contains("/28"), tooSmall.get());
        assertTrue(SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/8"), abc).isPresent());
        assertEquals(Optional.of("AZ letters from [a, b, c, d] (a subnet's block is fixed by its AZ letter; the private tier has 4 slots); found e"),
                SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/16"), List.of("a", "e")));
        assertEquals(Optional.of("each AZ letter once; found b twice"), SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/16"), List.of("b", "b")));
        assertTrue(SubnetLayout.check(Ipv4Cidr.of("10.0.0.0/16"), abc).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SubnetLayout.allocate(Ipv4Cidr.of("10.0.0.0/16"), List.of("e")));
        assertThrows(IllegalArgumentException.class, () -> SubnetLayout.cidr(Ipv4Cidr.of("10.0.0.0/16"), SubnetTier.PRIVATE, 4));
    }
}
