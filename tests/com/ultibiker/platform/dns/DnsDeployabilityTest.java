package com.ultibiker.platform.dns;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What Route53 and ACM need on the first {@code pulumi up}, as rules over every resource of the plans
 * (the stacks and the DNS variants: a parent zone, a pending delegation, subdomain delegations, an extra
 * geolocation continent), so a new record or certificate that breaks them fails here too.
 */
class DnsDeployabilityTest {

    static final String RECORD = "aws:route53/record:Record";
    static final String ZONE = "aws:route53/zone:Zone";
    static final String CERTIFICATE = "aws:acm/certificate:Certificate";
    static final String VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String PARENT_ZONE = "Z0PARENTZONE000000001";
    static final List<String> DEV_NAME_SERVERS = List.of("ns-101.awsdns-12.com", "ns-902.awsdns-48.net",
            "ns-1313.awsdns-36.org", "ns-1985.awsdns-56.co.uk");

    private static final class Variants {
        static final Plan PARENT = StackPlans.runWith("dev", Map.of("dns",
                "{\"domain\":\"dev.ultibiker.example.com\",\"parentZoneId\":\"" + PARENT_ZONE + "\"}"));
        static final Plan PENDING = StackPlans.runWith("dev", Map.of("dns",
                "{\"domain\":\"dev.ultibiker.example.com\",\"delegation\":\"pending\"}"));
        static final Plan PROD_VARIANT = StackPlans.runWith("prod", Map.of("dns",
                "{\"domain\":\"ultibiker.example.com\",\"delegation\":\"external\",\"wsContinents\":{\"NA\":\"us-east-1\","
                        + "\"EU\":\"eu-west-1\",\"AS\":\"eu-west-1\"},\"subdomainDelegations\":{\"dev.ultibiker.example.com\":"
                        + new com.google.gson.Gson().toJson(DEV_NAME_SERVERS) + "}}"));
    }

    private static Stream<Plan> plans() {
        return Stream.of(StackPlans.dev(), StackPlans.prod(), Variants.PARENT, Variants.PENDING, Variants.PROD_VARIANT);
    }

    private static String label(Plan plan) {
        return plan == Variants.PARENT ? "dev+parentZone" : plan == Variants.PENDING ? "dev+pending"
                : plan == Variants.PROD_VARIANT ? "prod+variant" : plan.stack();
    }

    /** Whether {@code from} depends on {@code to}, directly or through other resources. */
    static boolean dependsOn(Plan plan, PlanResource from, PlanResource to) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(from.dependencies());
        while (!todo.isEmpty()) {
            String urn = todo.pop();
            if (urn.equals(to.urn())) {
                return true;
            }
            if (seen.add(urn)) {
                plan.byUrn(urn).ifPresent(r -> todo.addAll(r.dependencies()));
            }
        }
        return false;
    }

    private static String dnsName(Object name) {
        return String.valueOf(name).toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    }

    /** The zone ids the plan's records are written into. */
    private static Set<Object> zonesOf(Plan plan) {
        Set<Object> zones = new HashSet<>();
        plan.ofType(RECORD).forEach(r -> zones.add(r.prop("zoneId")));
        return zones;
    }

    /**
     * Route53 refuses an alias to a record set of the same zone that does not exist yet ("Tried to create an
     * alias that targets ws-us-east-1.example.com., type A in zone Z..., but that target was not found",
     * ChangeResourceRecordSets, AliasTarget). Rule: every record whose alias names a record of a zone of the
     * plan depends, transitively, on every record of the plan that creates that name in that zone.
     */
    @TestFactory
    Stream<DynamicTest> everyAliasToARecordOfTheZoneWaitsForTheRecordsCreatingItsTarget() {
        return plans().flatMap(plan -> plan.ofType(RECORD).stream()
                .filter(r -> r.prop("aliases.0.name") != null && zonesOf(plan).contains(r.prop("aliases.0.zoneId")))
                .map(r -> DynamicTest.dynamicTest(label(plan) + " " + r.name(), () -> {
                    String target = dnsName(r.prop("aliases.0.name"));
                    List<PlanResource> creators = plan.where(c -> c.type().equals(RECORD) && c != r
                            && target.equals(dnsName(c.prop("name"))) && r.prop("aliases.0.zoneId").equals(c.prop("zoneId")));
                    assertFalse(creators.isEmpty(), r.name() + " aliases " + target + ", which no record of the plan creates");
                    for (PlanResource creator : creators) {
                        assertTrue(dependsOn(plan, r, creator), r.name() + " aliases " + target + " but does not depend on "
                                + creator.name() + "; its dependencies: " + r.dependencies());
                    }
                })));
    }

    @Test
    void theRuleAboveHasRecordsToCheck() {
        long aliasesToRecords = StackPlans.prod().ofType(RECORD).stream()
                .filter(r -> "Z6A625589PLAN".equals(r.prop("aliases.0.zoneId"))).count();
        assertEquals(6, aliasesToRecords, "ws A/AAAA: NA, EU, default");
        assertEquals(8, Variants.PROD_VARIANT.ofType(RECORD).stream()
                .filter(r -> "Z6A625589PLAN".equals(r.prop("aliases.0.zoneId"))).count(), "plus AS");
    }

    /**
     * ACM validates by resolving the validation CNAMEs through the public DNS; before the zone is delegated to,
     * resolvers get NXDOMAIN from the parent (and cache it), and aws_acm_certificate_validation waits its full
     * create timeout, 75 minutes (terraform-provider-aws internal/service/acm/certificate_validation.go), then
     * fails. Rule: when the plan delegates a zone it creates (an NS record named after the zone, in another
     * zone, listing the zone's name servers), every certificate validated in that zone, and its validation,
     * depend on that NS record.
     */
    @TestFactory
    Stream<DynamicTest> certificatesValidatedInACreatedZoneWaitForItsDelegation() {
        return plans().flatMap(plan -> plan.ofType(CERTIFICATE).stream().map(cert ->
                DynamicTest.dynamicTest(label(plan) + " " + cert.name(), () -> {
                    for (PlanResource ns : delegationsOfZonesValidating(plan, cert)) {
                        assertTrue(dependsOn(plan, cert, ns), cert.name() + " is requested before " + ns.name() + " delegates its zone");
                        plan.ofType(VALIDATION).stream().filter(v -> v.dependencies().contains(cert.urn())).forEach(v ->
                                assertTrue(dependsOn(plan, v, ns), v.name() + " does not wait for " + ns.name()));
                    }
                })));
    }

    /**
     * The NS records of the plan that delegate a zone the plan creates and a certificate's validation records
     * are written into: named after that zone, in another zone.
     */
    private static List<PlanResource> delegationsOfZonesValidating(Plan plan, PlanResource cert) {
        List<PlanResource> delegations = new java.util.ArrayList<>();
        for (PlanResource v : plan.where(r -> r.type().equals(RECORD) && r.dependencies().contains(cert.urn()))) {
            plan.ofType(ZONE).stream().filter(z -> v.dependencies().contains(z.urn())).forEach(zone ->
                    delegations.addAll(plan.where(r -> r.type().equals(RECORD) && "NS".equals(r.prop("type"))
                            && dnsName(zone.prop("name")).equals(dnsName(r.prop("name")))
                            && !String.valueOf(v.prop("zoneId")).equals(String.valueOf(r.prop("zoneId"))))));
        }
        return delegations.stream().distinct().toList();
    }

    @Test
    void theDelegationRuleHasADelegationToCheck() {
        assertEquals(1, delegationsOfZonesValidating(Variants.PARENT, Variants.PARENT.require(CERTIFICATE, "entry-us-east-1-cert")).size());
    }

    /** An ALB HTTPS listener needs an issued certificate: every certificate a listener uses comes through its validation. */
    @TestFactory
    Stream<DynamicTest> everyHttpsListenerUsesAValidatedCertificate() {
        return plans().flatMap(plan -> plan.ofType(LISTENER).stream().filter(l -> "HTTPS".equals(l.prop("protocol")))
                .map(l -> DynamicTest.dynamicTest(label(plan) + " " + l.name(), () ->
                        assertTrue(plan.ofType(VALIDATION).stream().anyMatch(v -> l.dependencies().contains(v.urn())),
                                l.name() + " does not take its certificate from a CertificateValidation: " + l.dependencies()))));
    }

    @Test
    void withAParentZoneTheStackWritesTheDelegationBeforeRequestingCertificates() {
        Plan plan = Variants.PARENT;
        PlanResource ns = plan.require(RECORD, "dns-zone-delegation");
        assertEquals(PARENT_ZONE, ns.prop("zoneId"));
        assertEquals("dev.ultibiker.example.com", ns.prop("name"));
        assertEquals("NS", ns.prop("type"));
        assertEquals(3600.0, ((Number) ns.prop("ttl")).doubleValue());
        assertEquals(List.of("ns-1.awsdns-00.org", "ns-2.awsdns-00.net"), ns.prop("records"), "the created zone's name servers");
        assertTrue(dependsOn(plan, plan.require(CERTIFICATE, "entry-us-east-1-cert"), ns));
        assertEquals("parentZone", plan.outputs().get("dnsDelegation"));
        assertTrue(StackPlans.dev().named(RECORD, "dns-zone-delegation").isEmpty(), "dev is delegated from prod's account");
    }

    @Test
    void aPendingDelegationCreatesTheZoneAndTheValidationRecordsButAwaitsNoCertificate() {
        Plan plan = Variants.PENDING;
        assertEquals(1, plan.ofType(ZONE).size());
        assertEquals(List.of("ns-1.awsdns-00.org", "ns-2.awsdns-00.net"), plan.outputs().get("nameServers"));
        assertEquals("pending", plan.outputs().get("dnsDelegation"));
        assertTrue(plan.ofType(VALIDATION).isEmpty(), "nothing waits on validation");
        assertTrue(plan.named(LISTENER, "entry-us-east-1-https").isEmpty(), "no HTTPS listener without a validated certificate");
        assertTrue(plan.named("aws:lb/listenerRule:ListenerRule", "entry-us-east-1-ws-rule").isEmpty());
        plan.require(CERTIFICATE, "entry-us-east-1-cert");
        plan.require(RECORD, "entry-us-east-1-validation-api");
        plan.require(LISTENER, "entry-us-east-1-http");
        // The steady state: everything a pending deploy left out is added, nothing it created is replaced.
        Set<String> pendingUrns = new HashSet<>();
        plan.resources().forEach(r -> pendingUrns.add(r.urn()));
        List<String> added = StackPlans.dev().resources().stream().map(PlanResource::urn).filter(u -> !pendingUrns.contains(u)).sorted().toList();
        // The assets distribution needs an issued certificate too: it, its origin access control, log delivery and
        // alias records come with the validation.
        assertEquals(List.of("assets-cert-validation", "assets-cdn", "assets-oac", "assets-log-delivery", "assets-log-destination",
                        "assets-log-source", "assets-a", "assets-aaaa",
                        "entry-us-east-1-cert-validation", "entry-us-east-1-https", "entry-us-east-1-ws-rule"),
                added.stream().map(u -> u.substring(u.lastIndexOf("::") + 2)).toList());
    }

    @Test
    void subdomainDelegationsAreNsRecordsInTheParentZone() {
        PlanResource ns = Variants.PROD_VARIANT.require(RECORD, "dns-zone-delegation-dev");
        assertEquals("Z6A625589PLAN", ns.prop("zoneId"), "prod's own zone");
        assertEquals("dev.ultibiker.example.com", ns.prop("name"));
        assertEquals("NS", ns.prop("type"));
        assertEquals(DEV_NAME_SERVERS, ns.prop("records"));
        assertEquals(Optional.empty(), StackPlans.prod().named(RECORD, "dns-zone-delegation-dev"));
    }
}
