package com.ultibiker.platform.assets;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What CloudFront, ACM, Route53 and S3 need of a distribution on the first {@code pulumi up}, on the second one and
 * on a typical change, as rules over every distribution, certificate, record and bucket policy of the plans (the
 * stacks, prod with another price class, and dev with a pending delegation), so the next distribution that breaks one
 * fails here too. Sources: CloudFront API reference (DistributionConfig, OriginGroups, ViewerCertificate),
 * terraform-provider-aws {@code internal/service/cloudfront/distribution.go} (only {@code staging} is ForceNew;
 * {@code origin} and {@code origin_group} are sets, an origin group's {@code member} a list of exactly two).
 */
class CloudFrontDeployabilityTest {

    static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    static final String CERTIFICATE = "aws:acm/certificate:Certificate";
    static final String VALIDATION = "aws:acm/certificateValidation:CertificateValidation";
    static final String RECORD = "aws:route53/record:Record";
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
    static final String LOG_SOURCE = "aws:cloudwatch/logDeliverySource:LogDeliverySource";
    static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
    /** Distribution inputs that replace the distribution when changed (distribution.go: ForceNew). */
    static final Set<String> FORCE_NEW = Set.of("staging");
    /** The only region CloudFront takes ACM certificates and CLOUDFRONT web ACLs from. */
    static final String US_EAST_1 = "us-east-1";

    private static final class Variants {
        static final Plan PRICE_CLASS = StackPlans.runWith("prod", Map.of("assets", "{\"enabled\":true,\"priceClass\":\"PriceClass_200\"}"));
        static final Plan PENDING = StackPlans.runWith("dev", Map.of("dns",
                "{\"domain\":\"dev.ultibiker.example.com\",\"delegation\":\"pending\"}"));
    }

    private static List<Plan> plans() {
        return List.of(StackPlans.dev(), StackPlans.prod(), Variants.PRICE_CLASS, Variants.PENDING);
    }

    private static String label(Plan plan) {
        return plan == Variants.PRICE_CLASS ? "prod+PriceClass_200" : plan == Variants.PENDING ? "dev+pending" : plan.stack();
    }

    /** Every resource {@code from} depends on, directly or through others. */
    static Set<String> closure(Plan plan, PlanResource from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(from.dependencies());
        while (!todo.isEmpty()) {
            String urn = todo.pop();
            if (seen.add(urn)) {
                plan.byUrn(urn).ifPresent(r -> todo.addAll(r.dependencies()));
            }
        }
        return seen;
    }

    private static List<PlanResource> direct(Plan plan, PlanResource r, String type) {
        return r.dependencies().stream().map(plan::byUrn).flatMap(Optional::stream).filter(d -> d.type().equals(type)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object v) {
        return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** Whether certificate name {@code name} (possibly {@code *.x}) covers host {@code host} (one label for a wildcard). */
    static boolean covers(String name, String host) {
        String n = name.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (n.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(n.substring(2));
        }
        return n.equals(h);
    }

    @Test
    void theRuleOfCoveringNamesIsACertificatesOneLabelWildcard() {
        assertTrue(covers("assets.example.com", "ASSETS.example.com"));
        assertTrue(covers("*.example.com", "assets.example.com"));
        assertFalse(covers("*.example.com", "a.assets.example.com"));
        assertFalse(covers("*.example.com", "example.com"));
        assertFalse(covers("api.example.com", "assets.example.com"));
    }

    /**
     * CloudFront takes a certificate only from ACM in us-east-1, issued ("InvalidViewerCertificate: The specified SSL
     * certificate doesn't exist, isn't in us-east-1 region, isn't valid", distribution.go): a distribution names the
     * ARN a CertificateValidation returns (so it is created after ACM issued it), of a certificate in us-east-1 that
     * covers every alias ("CNAMEAlreadyExists"/"InvalidViewerCertificate" otherwise).
     */
    @Test
    void everyDistributionNamesAValidatedUsEast1CertificateCoveringEveryAlias() {
        List<String> problems = new ArrayList<>();
        int distributions = 0;
        for (Plan plan : plans()) {
            for (PlanResource d : plan.ofType(DISTRIBUTION)) {
                distributions++;
                String where = label(plan) + " " + d.name() + ": ";
                String arn = String.valueOf(d.prop("viewerCertificate.acmCertificateArn"));
                if (!arn.startsWith("arn:aws:acm:" + US_EAST_1 + ":")) {
                    problems.add(where + "viewer certificate " + arn + " is not an ACM certificate of us-east-1");
                }
                List<PlanResource> validations = direct(plan, d, VALIDATION);
                if (validations.size() != 1 || !arn.equals(validations.get(0).prop("certificateArn"))) {
                    problems.add(where + "does not name the certificate a CertificateValidation returns");
                    continue;
                }
                List<PlanResource> certs = direct(plan, validations.get(0), CERTIFICATE);
                if (certs.size() != 1 || !US_EAST_1.equals(certs.get(0).region())) {
                    problems.add(where + "its certificate is not requested in us-east-1");
                    continue;
                }
                List<String> names = new ArrayList<>();
                names.add(String.valueOf(certs.get(0).prop("domainName")));
                names.addAll(strings(certs.get(0).prop("subjectAlternativeNames")));
                for (String alias : strings(d.prop("aliases"))) {
                    if (names.stream().noneMatch(n -> covers(n, alias))) {
                        problems.add(where + "alias " + alias + " is not covered by its certificate " + names);
                    }
                }
            }
        }
        assertEquals(3, distributions, "dev's, prod's and prod+PriceClass_200's (a pending delegation has none)");
        assertEquals(List.of(), problems);
    }

    /** A pending delegation cannot issue the certificate: no distribution yet, the record is written, nothing waits. */
    @Test
    void aPendingDelegationWritesTheAssetsValidationRecordButCreatesNoDistribution() {
        Plan plan = Variants.PENDING;
        assertTrue(plan.ofType(DISTRIBUTION).isEmpty());
        assertEquals(US_EAST_1, plan.require(CERTIFICATE, "assets-cert").region());
        plan.require(RECORD, "assets-validation");
        assertTrue(plan.named(VALIDATION, "assets-cert-validation").isEmpty());
        assertFalse(plan.outputs().containsKey("assets.distributionDomainName"));
        // the buckets still refuse plain HTTP and admit nobody else
        String policy = String.valueOf(plan.require(BUCKET_POLICY, "assets-bucket-policy").prop("policy"));
        assertTrue(policy.contains("DenyInsecureTransport") && !policy.contains("cloudfront"), policy);
    }

    /**
     * An alias to a distribution names CloudFront's zone (Route53 API reference, AliasTarget: Z2FDTNDATAQYW2) and is
     * created after the distribution whose name it answers with.
     */
    @Test
    void everyAliasToCloudFrontNamesItsZoneAndComesAfterTheDistribution() {
        List<String> problems = new ArrayList<>();
        int aliases = 0;
        for (Plan plan : plans()) {
            for (PlanResource r : plan.ofType(RECORD)) {
                for (Map<String, Object> alias : list(r.prop("aliases"))) {
                    if (!String.valueOf(alias.get("name")).endsWith(".cloudfront.net")) {
                        continue;
                    }
                    aliases++;
                    if (!"Z2FDTNDATAQYW2".equals(alias.get("zoneId"))) {
                        problems.add(label(plan) + " " + r.name() + ": alias zone " + alias.get("zoneId"));
                    }
                    if (direct(plan, r, DISTRIBUTION).isEmpty()) {
                        problems.add(label(plan) + " " + r.name() + ": does not wait for the distribution");
                    }
                }
            }
        }
        assertEquals(6, aliases, "A and AAAA of dev, prod and prod+PriceClass_200");
        assertEquals(List.of(), problems);
    }

    private static final Pattern DISTRIBUTION_ARN = Pattern.compile("arn:aws:cloudfront::(\\d{12}):distribution/([A-Za-z0-9-]+)");

    /**
     * A bucket policy that admits a distribution (AWS:SourceArn) is created after it, and no distribution waits for a
     * bucket policy (the distribution does not need one to be created: the pair would be a cycle). The ARN it names is
     * the ARN of a distribution of the plan (the mock answers arn:aws:cloudfront::&lt;account&gt;:distribution/&lt;id&gt;).
     */
    @Test
    void everyBucketPolicyAdmittingADistributionComesAfterItAndNoDistributionWaitsForAPolicy() {
        List<String> problems = new ArrayList<>();
        int admitting = 0;
        for (Plan plan : plans()) {
            for (PlanResource policy : plan.ofType(BUCKET_POLICY)) {
                Matcher m = DISTRIBUTION_ARN.matcher(String.valueOf(policy.prop("policy")));
                if (!m.find()) {
                    continue;
                }
                admitting++;
                String id = m.group(2);
                List<PlanResource> named = direct(plan, policy, DISTRIBUTION);
                if (named.size() != 1 || !id.equals(named.get(0).name() + "-id")) {
                    problems.add(label(plan) + " " + policy.name() + ": names distribution " + id + " without depending on it");
                }
            }
            for (PlanResource d : plan.ofType(DISTRIBUTION)) {
                for (String urn : closure(plan, d)) {
                    if (urn.contains("$" + BUCKET_POLICY + "::") || urn.contains("::" + BUCKET_POLICY + "::")) {
                        problems.add(label(plan) + " " + d.name() + " waits for bucket policy " + urn);
                    }
                }
            }
        }
        assertEquals(5, admitting, "dev's bucket, prod's bucket and replica, prod+PriceClass_200's two");
        assertEquals(List.of(), problems);
    }

    /**
     * CloudFront fails over to an origin group's second member only for GET, HEAD and OPTIONS (Developer Guide,
     * "Request and response behavior for origin groups"): a behavior on an origin group allows nothing else. The group
     * has exactly two members (OriginGroupMembers: Quantity 2), fails over only on codes CloudFront accepts, and its
     * members are buckets of two different regions, the primary's first: the point is surviving the primary's S3.
     */
    @Test
    void everyOriginGroupFailsOverFromThePrimaryRegionToAnotherOnFailoverMethodsOnly() {
        List<String> problems = new ArrayList<>();
        int groups = 0;
        for (Plan plan : plans()) {
            for (PlanResource d : plan.ofType(DISTRIBUTION)) {
                String where = label(plan) + " " + d.name() + ": ";
                Map<String, String> originDomains = new LinkedHashMap<>();
                list(d.prop("origins")).forEach(o -> originDomains.put(String.valueOf(o.get("originId")), String.valueOf(o.get("domainName"))));
                Map<String, Map<String, Object>> byGroup = new LinkedHashMap<>();
                list(d.prop("originGroups")).forEach(g -> byGroup.put(String.valueOf(g.get("originId")), g));
                List<Map<String, Object>> behaviors = new ArrayList<>();
                if (d.prop("defaultCacheBehavior") instanceof Map<?, ?> b) {
                    @SuppressWarnings("unchecked") Map<String, Object> dcb = (Map<String, Object>) b;
                    behaviors.add(dcb);
                }
                behaviors.addAll(list(d.prop("orderedCacheBehaviors")));
                for (Map<String, Object> b : behaviors) {
                    if (byGroup.containsKey(String.valueOf(b.get("targetOriginId")))) {
                        Set<String> failoverMethods = Set.copyOf(CloudFrontSettings.ALLOWED_METHODS);
                        if (!failoverMethods.containsAll(strings(b.get("allowedMethods"))) || !failoverMethods.containsAll(strings(b.get("cachedMethods")))) {
                            problems.add(where + "a behavior on an origin group allows " + b.get("allowedMethods"));
                        }
                    }
                }
                for (var group : byGroup.values()) {
                    groups++;
                    List<String> members = list(group.get("members")).stream().map(m -> String.valueOf(m.get("originId"))).toList();
                    List<Integer> codes = ((List<?>) ((Map<?, ?>) group.get("failoverCriteria")).get("statusCodes")).stream()
                            .map(c -> ((Number) c).intValue()).toList();
                    if (!List.of(400, 403, 404, 416, 500, 502, 503, 504).containsAll(codes) || codes.isEmpty()) {
                        problems.add(where + "fails over on " + codes);
                    }
                    if (members.size() != 2) {
                        problems.add(where + members.size() + " members");
                        continue;
                    }
                    String first = regionOf(originDomains.get(members.get(0)));
                    String second = regionOf(originDomains.get(members.get(1)));
                    String primary = String.valueOf(plan.outputs().get("regions")).replaceAll("^\\[|,.*|]$", "");
                    if (!primary.equals(first) || Objects.equals(first, second)) {
                        problems.add(where + "fails over from " + first + " to " + second + " (primary " + primary + ")");
                    }
                }
            }
        }
        assertEquals(2, groups, "prod's and prod+PriceClass_200's (dev has no secondary region)");
        assertEquals(List.of(), problems);
    }

    /** The region of an S3 regional endpoint {@code <bucket>.s3.<region>.amazonaws.com}. */
    static String regionOf(String domain) {
        Matcher m = Pattern.compile("\\.s3\\.([a-z0-9-]+)\\.amazonaws\\.com$").matcher(String.valueOf(domain));
        return m.find() ? m.group(1) : "?";
    }

    /**
     * Changing the price class is an UpdateDistribution: the same resources, and of the distribution's inputs only
     * {@code priceClass} moves (none that is ForceNew).
     */
    @Test
    void aPriceClassChangeUpdatesTheDistributionInPlace() {
        Plan before = StackPlans.prod();
        Plan after = Variants.PRICE_CLASS;
        assertEquals(before.resources().stream().map(PlanResource::urn).sorted().toList(),
                after.resources().stream().map(PlanResource::urn).sorted().toList());
        PlanResource was = before.require(DISTRIBUTION, "assets-cdn");
        PlanResource now = after.require(DISTRIBUTION, "assets-cdn");
        Set<String> changed = new HashSet<>(was.props().keySet());
        changed.addAll(now.props().keySet());
        changed.removeIf(k -> Objects.equals(was.props().get(k), now.props().get(k)));
        assertEquals(Set.of("priceClass"), changed);
        assertTrue(changed.stream().noneMatch(FORCE_NEW::contains));
        assertEquals("PriceClass_100", was.prop("priceClass"));
        for (PlanResource r : before.where(x -> x.custom() && x.urn().contains("ultibiker:assets:Assets"))) {
            PlanResource other = after.byUrn(r.urn()).orElseThrow();
            if (!r.type().equals(DISTRIBUTION)) {
                assertEquals(new Gson().toJson(r.props()), new Gson().toJson(other.props()), r.name() + " must not change");
            }
        }
    }

    /**
     * A second {@code up} sends the same inputs: the managed policy ids are literals (nothing looked up), the origin
     * group's members keep their order, and a second plan of the same config gives the same inputs.
     */
    @Test
    void aSecondUpSendsTheSameDistributionInputs() {
        Plan again = StackPlans.runWith("prod", Map.of());
        for (PlanResource r : StackPlans.prod().where(x -> x.custom() && x.urn().contains("ultibiker:assets:Assets"))) {
            assertEquals(new Gson().toJson(r.props()), new Gson().toJson(again.byUrn(r.urn()).orElseThrow().props()), r.name());
        }
        PlanResource d = StackPlans.prod().require(DISTRIBUTION, "assets-cdn");
        assertEquals("658327ea-f89d-4fab-a63d-7e88639e58f6", d.prop("defaultCacheBehavior.cachePolicyId"), "managed CachingOptimized");
        assertEquals("67f7725c-6f97-4210-82d7-5512b31e9d03", d.prop("defaultCacheBehavior.responseHeadersPolicyId"), "managed SecurityHeadersPolicy");
        assertEquals(List.of("primary", "replica"), list(d.prop("originGroups.0.members")).stream().map(m -> m.get("originId")).toList());
    }

    /** The distribution's log delivery source and its web ACL live where CloudFront reads them: us-east-1. */
    @Test
    void everyCloudFrontLogSourceAndWebAclIsInUsEast1() {
        List<String> problems = new ArrayList<>();
        for (Plan plan : plans()) {
            for (PlanResource s : plan.ofType(LOG_SOURCE)) {
                if (!direct(plan, s, DISTRIBUTION).isEmpty() && !US_EAST_1.equals(s.region())) {
                    problems.add(label(plan) + " " + s.name() + " in " + s.region());
                }
            }
            for (PlanResource d : plan.ofType(DISTRIBUTION)) {
                for (PlanResource acl : direct(plan, d, WEB_ACL)) {
                    if (!"CLOUDFRONT".equals(acl.prop("scope")) || !US_EAST_1.equals(acl.region())) {
                        problems.add(label(plan) + " " + d.name() + ": web ACL " + acl.name() + " " + acl.prop("scope") + " in " + acl.region());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
