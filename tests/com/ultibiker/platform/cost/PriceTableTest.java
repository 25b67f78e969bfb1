package com.ultibiker.platform.cost;

import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanJson;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed price table against every stack's plan: every AWS type priced or listed, every price sourced. */
class PriceTableTest {

    static final PriceTable TABLE = PriceTable.load();

    static Estimate estimate(String stack) {
        Plan plan = "prod".equals(stack) ? StackPlans.prod() : StackPlans.dev();
        StackConfig config = StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile(stack).projectConfig());
        return Estimate.of(PlanReader.parse(PlanJson.render(plan)), TABLE, config.cost(), config.regions().primary());
    }

    /** Fails when a plan gains an AWS type the table neither prices nor lists (it names the types to add). */
    @ParameterizedTest(name = "every AWS type of the {0} plan is priced or listed as not priced")
    @ValueSource(strings = {"dev", "prod"})
    void everyAwsTypeOfThePlanIsPricedOrListedAsNotPriced(String stack) {
        Estimate e = estimate(stack);
        assertEquals(List.of(), e.unknownTypes(), "add a pricing function (cost/Pricing) or a notPriced entry with the reason to resources/cost/aws-prices.json");
        assertTrue(e.totalUsd() > 0);
    }

    /** A node group without its launch template's volumes would silently drop their cost: the link must hold for every pool. */
    @ParameterizedTest(name = "every node group of the {0} plan is priced with its instances and its root volumes")
    @ValueSource(strings = {"dev", "prod"})
    void everyNodeGroupIsPricedWithItsInstancesAndRootVolumes(String stack) {
        List<ResourceCost> groups = estimate(stack).costs().stream().filter(c -> c.type().equals("aws:eks/nodeGroup:NodeGroup")).toList();
        assertFalse(groups.isEmpty());
        for (ResourceCost g : groups) {
            assertTrue(g.lines().stream().anyMatch(l -> l.priceKey().startsWith("ec2.") && l.quantity() > 0), g.name() + ": " + g.lines());
            assertTrue(g.lines().stream().anyMatch(l -> l.priceKey().equals("ebs.gp3") && l.quantity() > 0), g.name() + " has no root volume line: " + g.lines());
        }
    }

    /** A replica has no allocatedStorage of its own: its source must be found, or its storage would cost nothing. */
    @ParameterizedTest(name = "every RDS instance of the {0} plan pays for its storage, a cross-region replica for replication")
    @ValueSource(strings = {"dev", "prod"})
    void everyRdsInstancePaysForStorageAndCrossRegionReplication(String stack) {
        for (ResourceCost db : estimate(stack).costs().stream().filter(c -> c.type().equals("aws:rds/instance:Instance")).toList()) {
            assertTrue(db.lines().stream().anyMatch(l -> l.priceKey().startsWith("rds.gp") && l.quantity() > 0), db.name() + ": " + db.lines());
        }
        if (stack.equals("prod")) {
            ResourceCost standby = estimate(stack).costs().stream().filter(c -> c.name().equals("database-replica-standby")).findFirst().orElseThrow();
            assertTrue(standby.lines().stream().anyMatch(l -> l.priceKey().equals("dataTransfer.interRegion")), standby.lines().toString());
        }
    }

    @Test
    void aTypeTheTableDoesNotKnowIsReported() {
        var plan = new PlanReader.PlanDocument("t", List.of(
                new PlannedResource("urn:a", "aws:example/widget:Widget", "w", "us-east-1", null, List.of(), Map.of()),
                new PlannedResource("urn:b", "aws:iam/role:Role", "r", "us-east-1", null, List.of(), Map.of())));
        Estimate e = Estimate.of(plan, TABLE, PricingTest.USAGE, "us-east-1");
        assertEquals(List.of("aws:example/widget:Widget"), e.unknownTypes());
        assertEquals(Map.of("aws:iam/role:Role", 1L), e.notPriced());
    }

    @Test
    void noTypeIsBothPricedAndListedAsNotPriced() {
        Set<String> both = new TreeSet<>(Pricing.pricedTypes());
        both.retainAll(TABLE.notPriced().keySet());
        assertEquals(Set.of(), both);
    }

    @Test
    void everyPriceHasADateASourceAndAVerificationStatus() {
        LocalDate.parse(TABLE.asOf());
        assertEquals(730, TABLE.hoursPerMonth());
        List<String> problems = new ArrayList<>();
        for (Price p : TABLE.prices()) {
            if (p.source() == null || !p.source().startsWith("https://")) {
                problems.add(p.key() + ": source must be an https URL");
            }
            if (!Set.of("aws-page", "secondary", "unverified").contains(p.verification())) {
                problems.add(p.key() + ": verification must be aws-page, secondary or unverified, was " + p.verification());
            }
            if (p.evidence() == null || p.evidence().isBlank()) {
                problems.add(p.key() + ": evidence (what the source says, or why it could not be checked) is missing");
            }
            boolean bothRegions = p.usd().containsKey("*") || (p.usd().containsKey("us-east-1") && p.usd().containsKey("eu-west-1"));
            if (!bothRegions || p.usd().values().stream().anyMatch(v -> v == null || v < 0)) {
                problems.add(p.key() + ": needs a non-negative price for us-east-1 and eu-west-1 (or '*')");
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(TABLE.prices().size(), TABLE.prices().stream().map(Price::key).distinct().count(), "price keys are unique");
    }

    @Test
    void everyNotPricedEntryGivesAReason() {
        TABLE.notPriced().forEach((type, why) -> {
            assertTrue(type.startsWith("aws:"), type);
            assertFalse(why == null || why.isBlank(), type + " needs a reason");
        });
    }

    @Test
    void aMissingPriceNamesTheKeyAndRegion() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(PriceTable.MissingPriceException.class, () -> TABLE.usd("ec2.x9.huge", "eu-west-1"));
        assertTrue(e.getMessage().contains("'ec2.x9.huge' in eu-west-1"), e.getMessage());
    }

    @Test
    void theDifferenceFromAnotherPlanIsTheChangeOfItsResources() {
        PlannedResource key = new PlannedResource("urn:k", "aws:kms/key:Key", "k", "us-east-1", null, List.of(), Map.of());
        PlannedResource eip = new PlannedResource("urn:e", "aws:ec2/eip:Eip", "e", "us-east-1", null, List.of(), Map.of());
        Estimate before = Estimate.of(new PlanReader.PlanDocument("t", List.of(key)), TABLE, PricingTest.USAGE, "us-east-1");
        Estimate after = Estimate.of(new PlanReader.PlanDocument("t", List.of(key, eip)), TABLE, PricingTest.USAGE, "us-east-1");
        String text = CostReport.text(after, TABLE, java.util.Optional.of(before), "main.json");
        assertTrue(text.contains("Difference from main.json: $1.00 -> $4.65 (+$3.65 per month)"), text);
        String md = CostReport.markdown(after, TABLE, java.util.Optional.of(before), "main");
        assertTrue(md.contains("| e | $0.00 | $3.65 | +$3.65 |"), md);
        assertTrue(md.contains("| k | $1.00 | $1.00 | $0.00 |"), md);
    }
}
