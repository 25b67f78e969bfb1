package com.ultibiker.platform.edge;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules over every resource of every plan (SPEC, "Edge": a WAFv2 web ACL on every internet-facing load
 * balancer), then the literal values of prod's.
 */
class WebAclTest {

    static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
    static final String ASSOCIATION = "aws:wafv2/webAclAssociation:WebAclAssociation";
    static final String LOGGING = "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String LOG_POLICY = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
    static final String KEY = "aws:kms/key:Key";
    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    static final String TOPIC = "aws:sns/topic:Topic";

    private static List<Plan> plans() {
        return List.of(StackPlans.dev(), StackPlans.prod());
    }

    private static List<PlanResource> dependencies(Plan plan, PlanResource r, String type) {
        return r.dependencies().stream().map(plan::byUrn).flatMap(Optional::stream).filter(d -> d.type().equals(type)).toList();
    }

    private static List<PlanResource> dependents(Plan plan, PlanResource r, String type) {
        return plan.where(d -> d.type().equals(type) && d.dependencies().contains(r.urn()));
    }

    @Test
    void everyInternetFacingApplicationLoadBalancerHasARegionalWebAclOfItsRegion() {
        List<String> problems = new ArrayList<>();
        int balancers = 0;
        for (Plan plan : plans()) {
            for (PlanResource lb : plan.ofType(LOAD_BALANCER)) {
                if (Boolean.TRUE.equals(lb.prop("internal")) || !"application".equals(String.valueOf(lb.prop("loadBalancerType")))) {
                    continue;
                }
                balancers++;
                List<PlanResource> associations = dependents(plan, lb, ASSOCIATION);
                if (associations.size() != 1) {
                    problems.add(plan.stack() + " " + lb.name() + ": " + associations.size() + " web ACL associations, expected 1");
                    continue;
                }
                PlanResource association = associations.get(0);
                List<PlanResource> acls = dependencies(plan, association, WEB_ACL);
                if (acls.size() != 1 || !"REGIONAL".equals(acls.get(0).prop("scope")) || !lb.region().equals(acls.get(0).region())
                        || !lb.region().equals(association.region())) {
                    problems.add(plan.stack() + " " + lb.name() + ": not associated with one REGIONAL web ACL of " + lb.region());
                }
            }
        }
        assertEquals(3, balancers, "dev's one load balancer and prod's two");
        assertEquals(List.of(), problems);
    }

    @Test
    void everyWebAclLogsToAnEncryptedAwsWafLogsGroupOfItsRegionWithCredentialsRedacted() {
        List<String> problems = new ArrayList<>();
        int acls = 0;
        for (Plan plan : plans()) {
            for (PlanResource acl : plan.ofType(WEB_ACL)) {
                acls++;
                String where = plan.stack() + " " + acl.name() + ": ";
                List<PlanResource> logging = dependents(plan, acl, LOGGING);
                if (logging.size() != 1) {
                    problems.add(where + logging.size() + " logging configurations");
                    continue;
                }
                PlanResource config = logging.get(0);
                List<?> redacted = (List<?>) config.prop("redactedFields");
                List<String> headers = redacted.stream().map(f -> String.valueOf(((Map<?, ?>) ((Map<?, ?>) f).get("singleHeader")).get("name"))).toList();
                if (!headers.containsAll(List.of("authorization", "cookie"))) {
                    problems.add(where + "redacts " + headers + ", not authorization and cookie");
                }
                List<PlanResource> groups = dependencies(plan, config, LOG_GROUP);
                if (groups.size() != 1) {
                    problems.add(where + "logs to " + groups.size() + " log groups of the plan");
                    continue;
                }
                PlanResource group = groups.get(0);
                String name = String.valueOf(group.prop("name"));
                if (!name.startsWith("aws-waf-logs-") || !acl.region().equals(group.region())) {
                    problems.add(where + "log group " + name + " in " + group.region() + ": WAF needs aws-waf-logs-* of its own region");
                }
                List<PlanResource> keys = dependencies(plan, group, KEY);
                if (keys.size() != 1 || !keyLetsCloudWatchLogsEncrypt(String.valueOf(keys.get(0).prop("policy")), group.region())) {
                    problems.add(where + "log group " + name + " is not encrypted with a key logs." + group.region() + ".amazonaws.com may use");
                }
                List<PlanResource> policies = dependencies(plan, config, LOG_POLICY);
                if (policies.size() != 1 || !String.valueOf(policies.get(0).prop("policyDocument")).contains(":log-group:" + name + ":log-stream:*")) {
                    problems.add(where + "the logging configuration does not wait for a resource policy letting log delivery write " + name);
                }
            }
        }
        assertEquals(4, acls, "dev's one and prod's two REGIONAL web ACLs, prod's CLOUDFRONT one (assets)");
        assertEquals(List.of(), problems);
    }

    /** The key policy admits the region's CloudWatch Logs service, limited by the log-group encryption context. */
    static boolean keyLetsCloudWatchLogsEncrypt(String policy, String region) {
        Map<?, ?> doc = new Gson().fromJson(policy, Map.class);
        for (Object s : (List<?>) doc.get("Statement")) {
            Map<?, ?> statement = (Map<?, ?>) s;
            Object principal = statement.get("Principal") instanceof Map<?, ?> p ? p.get("Service") : null;
            if (("logs." + region + ".amazonaws.com").equals(principal) && String.valueOf(statement.get("Action")).contains("kms:GenerateDataKey")
                    && String.valueOf(statement.get("Condition")).contains("kms:EncryptionContext:aws:logs:arn")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyWebAclAlarmsOnBlockedRequestsToTheAlertTopicOfItsRegion() {
        List<String> problems = new ArrayList<>();
        for (Plan plan : plans()) {
            for (PlanResource acl : plan.ofType(WEB_ACL)) {
                List<PlanResource> alarms = plan.where(a -> a.type().equals(ALARM) && "AWS/WAFV2".equals(a.prop("namespace"))
                        && acl.prop("name").equals(a.prop("dimensions.WebACL")));
                if (alarms.size() != 1) {
                    problems.add(plan.stack() + " " + acl.name() + ": " + alarms.size() + " WAF alarms");
                    continue;
                }
                PlanResource alarm = alarms.get(0);
                List<PlanResource> topics = dependencies(plan, alarm, TOPIC);
                // CloudFront web ACLs publish in us-east-1 without a Region dimension (WAF Developer Guide,
                // "AWS WAF metrics and dimensions"): an alarm naming one would watch a metric that never exists.
                Object region = "CLOUDFRONT".equals(acl.prop("scope")) ? null : acl.region();
                if ("CLOUDFRONT".equals(acl.prop("scope")) && !WafScope.CLOUDFRONT_REGION.equals(acl.region())) {
                    problems.add(plan.stack() + " " + acl.name() + ": a CLOUDFRONT web ACL outside " + WafScope.CLOUDFRONT_REGION);
                }
                if (!"BlockedRequests".equals(alarm.prop("metricName")) || !java.util.Objects.equals(region, alarm.prop("dimensions.Region"))
                        || !"ALL".equals(alarm.prop("dimensions.Rule")) || topics.size() != 1 || !acl.region().equals(topics.get(0).region())
                        || !acl.region().equals(alarm.region())) {
                    problems.add(plan.stack() + " " + alarm.name() + ": not BlockedRequests of " + acl.prop("name") + " to a topic of " + acl.region());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void prodCountsWithTheBroadGroupsOnItsFirstRolloutAndBlocksWithTheRest() {
        PlanResource acl = StackPlans.prod().require(WEB_ACL, "waf-eu-west-1-acl");
        assertEquals("ultibiker-prod-eu-west-1", acl.prop("name"));
        assertEquals("REGIONAL", acl.prop("scope"));
        assertEquals(Map.of("allow", Map.of()), acl.prop("defaultAction"));
        List<?> rules = (List<?>) acl.prop("rules");
        assertEquals(List.of(
                        "10 AWSManagedRulesAmazonIpReputationList override none",
                        "20 rate-limit-per-ip action block",
                        "30 AWSManagedRulesCommonRuleSet override count",
                        "40 AWSManagedRulesKnownBadInputsRuleSet override none",
                        "50 AWSManagedRulesSQLiRuleSet override count"),
                rules.stream().map(r -> describe((Map<?, ?>) r)).toList());
        Map<?, ?> rate = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) rules.get(1)).get("statement")).get("rateBasedStatement");
        assertEquals("IP", rate.get("aggregateKeyType"));
        assertEquals(300, ((Number) rate.get("evaluationWindowSec")).intValue());
        assertEquals(6000, ((Number) rate.get("limit")).intValue(), "400 RPS x 5% x 300 s");
        List<?> devRules = (List<?>) StackPlans.dev().require(WEB_ACL, "waf-us-east-1-acl").prop("rules");
        assertTrue(devRules.stream().map(r -> describe((Map<?, ?>) r)).noneMatch(d -> d.contains("count")), "dev blocks with every group");
        assertEquals(200, ((Number) StackPlans.dev().require(ALARM, "waf-us-east-1-blocked-requests").prop("threshold")).intValue());
        assertEquals(1000, ((Number) StackPlans.prod().require(ALARM, "waf-eu-west-1-blocked-requests").prop("threshold")).intValue());
    }

    private static String describe(Map<?, ?> rule) {
        Object priority = ((Number) rule.get("priority")).intValue();
        if (rule.get("overrideAction") instanceof Map<?, ?> o) {
            return priority + " " + rule.get("name") + " override " + o.keySet().iterator().next();
        }
        return priority + " " + rule.get("name") + " action " + ((Map<?, ?>) rule.get("action")).keySet().iterator().next();
    }

    /**
     * A typical change (every group to block, another window and share) is an update of the web ACL: the same
     * resources, and the same name and scope (ForceNew in terraform-provider-aws internal/service/wafv2/web_acl.go)
     * and log group name (ForceNew for aws_cloudwatch_log_group), so nothing is replaced.
     */
    @Test
    void aTypicalChangeUpdatesTheWebAclInPlace() {
        Plan before = StackPlans.prod();
        Plan after = StackPlans.runWith("prod", Map.of("edge",
                "{\"waf\":{\"evaluationWindowSeconds\":60,\"perIpSharePercent\":10,\"rateLimitAction\":\"count\"}}"));
        assertEquals(before.resources().stream().map(PlanResource::urn).sorted().toList(),
                after.resources().stream().map(PlanResource::urn).sorted().toList());
        for (String type : List.of(WEB_ACL, LOG_GROUP)) {
            for (PlanResource r : before.ofType(type)) {
                PlanResource changed = after.require(type, r.name());
                assertEquals(r.prop("name"), changed.prop("name"), r.name());
                assertEquals(r.prop("scope"), changed.prop("scope"), r.name());
            }
        }
        Map<?, ?> rate = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) after.require(WEB_ACL, "waf-us-east-1-acl").prop("rules")).get(1))
                .get("statement")).get("rateBasedStatement");
        assertEquals(2400, ((Number) rate.get("limit")).intValue(), "400 RPS x 10% x 60 s");
        assertTrue(((List<?>) after.require(WEB_ACL, "waf-us-east-1-acl").prop("rules")).stream()
                .map(r -> describe((Map<?, ?>) r)).noneMatch(d -> d.contains("override count")), "without ruleGroupActions every group blocks");
    }

    @Test
    void theStackExportsTheWebAclOfEveryRegion() {
        assertEquals(List.of("webAclArn.eu-west-1", "webAclArn.us-east-1"),
                StackPlans.prod().outputs().keySet().stream().filter(k -> k.startsWith("webAclArn.")).sorted().toList());
    }
}
