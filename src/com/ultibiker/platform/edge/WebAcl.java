package com.ultibiker.platform.edge;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.ManagedRuleGroup;
import com.ultibiker.platform.model.WafAction;
import com.ultibiker.platform.model.WafConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The WAFv2 web ACL (scope REGIONAL) in front of one region's public load balancer. The load balancer is
 * this program's own ({@link PublicEntryPoint}: Pulumi creates it; the AWS Load Balancer Controller only
 * registers pods into its target groups through TargetGroupBindings), so the web ACL is attached with a
 * {@code WebAclAssociation} to its ARN; the controller's {@code alb.ingress.kubernetes.io/wafv2-acl-arn}
 * annotation applies only to load balancers it creates from an Ingress.
 *
 * <ul>
 *   <li>Rules, in priority order: the Amazon IP reputation list, a per-address rate rule sized by
 *   {@link WafRateLimit}, the core rule set, known bad inputs, SQL injection. Each managed group blocks with its
 *   own actions or, for a first rollout, only counts ({@code edge.waf.ruleGroupActions}); the default action is
 *   allow. Capacity: {@link #capacityUnits()} of the 1,500 WCUs a web ACL has at the base price.</li>
 *   <li>Traffic logs to the KMS-encrypted log group {@code aws-waf-logs-<prefix>-<region>} with the
 *   {@code authorization} and {@code cookie} headers redacted, written by log delivery under a resource policy
 *   managed here ({@link WafNames#logDeliveryPolicy}).</li>
 *   <li>An alarm to the region's alert topic when more than {@code edge.waf.blockedRequestsAlarm} requests are
 *   blocked in 5 minutes.</li>
 * </ul>
 */
public final class WebAcl extends ComponentResource {

    public static final String TYPE = "ultibiker:edge:WebAcl";
    /** WAF's base cost of a rate-based statement without scope-down or custom keys (WAF Developer Guide). */
    public static final int RATE_RULE_CAPACITY_UNITS = 2;
    /** Web ACL capacity included in the base price (WAFv2 API reference, DescribeManagedRuleGroup: "The WCU limit for web ACLs is 1,500"). */
    public static final int BASE_CAPACITY_UNITS = 1500;
    public static final String RATE_RULE = "rate-limit-per-ip";
    /** Name part of the CLOUDFRONT web ACL, where a REGIONAL one has its region: {@code <prefix>-cloudfront}. */
    public static final String CLOUDFRONT_LABEL = "cloudfront";
    /** Headers that carry credentials: kept out of the logs. */
    public static final List<String> REDACTED_HEADERS = List.of("authorization", "cookie");

    /** Managed groups in evaluation order, the rate rule after the cheap IP reputation list. */
    static final List<ManagedRuleGroup> GROUP_ORDER = List.of(ManagedRuleGroup.IP_REPUTATION,
            ManagedRuleGroup.COMMON, ManagedRuleGroup.KNOWN_BAD_INPUTS, ManagedRuleGroup.SQL_INJECTION);

    private final Output<String> arn;

    public WebAcl(String name, WebAclArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var region = args.region();
        var tagging = args.tagging();
        var settings = args.settings();
        // The CLOUDFRONT ACL lives in us-east-1 beside that region's REGIONAL one: its own label keeps the
        // log group, its policy and the alarm apart (WAF names are unique per scope, log groups per region).
        String label = args.scope() == WafScope.CLOUDFRONT ? CLOUDFRONT_LABEL : region.name();
        String aclName = WafNames.webAclName(args.physicalPrefix(), label);

        String aclResource = Naming.child(name, "acl");
        var acl = new com.pulumi.aws.wafv2.WebAcl(aclResource, com.pulumi.aws.wafv2.WebAclArgs.builder()
                .name(aclName)
                .description("Public entry of " + aclName + ": AWS managed rules and a per-address rate limit")
                .scope(args.scope().name())
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(rules(aclName, settings))
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true)
                        .metricName(aclName)
                        .sampledRequestsEnabled(true)
                        .build())
                .tags(tagging.tags(aclResource))
                .build(), region.child(this));
        this.arn = acl.arn();

        args.loadBalancerArn().ifPresent(loadBalancer ->
                new WebAclAssociation(Naming.child(name, "association"), WebAclAssociationArgs.builder()
                        .resourceArn(loadBalancer)
                        .webAclArn(acl.arn())
                        .build(), region.child(this)));

        String keyName = Naming.child(name, "logs-key");
        var key = EncryptionKeys.create(keyName, "Encrypts the WAF traffic logs of " + aclName, this, region, tagging,
                args.protection(), scope -> List.of(
                        KeyPolicies.ServiceGrant.cloudWatchLogs(scope.partition(), scope.region(), scope.accountId())));
        String logGroupName = WafNames.logGroupName(args.physicalPrefix(), label);
        String groupResource = Naming.child(name, "logs");
        var logGroup = new LogGroup(groupResource, LogGroupArgs.builder()
                .name(logGroupName)
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(key.arn())
                .tags(tagging.tags(groupResource, Map.of("Purpose", "waf-traffic-logs")))
                .build(), region.child(this));
        var deliveryPolicy = new LogResourcePolicy(Naming.child(name, "logs-policy"), LogResourcePolicyArgs.builder()
                .policyName(aclName + "-waf-logs")
                .policyDocument(Output.tuple(region.partition(), region.accountId()).applyValue(t ->
                        WafNames.logDeliveryPolicy(t.t1, region.name(), t.t2, logGroupName)))
                .build(), region.child(this));
        List<WebAclLoggingConfigurationRedactedFieldArgs> redacted = new ArrayList<>();
        for (String header : REDACTED_HEADERS) {
            redacted.add(WebAclLoggingConfigurationRedactedFieldArgs.builder()
                    .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder().name(header).build())
                    .build());
        }
        new WebAclLoggingConfiguration(Naming.child(name, "logging"), WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logGroup.arn().applyValue(List::of))
                .redactedFields(redacted)
                .build(), region.childOf(this).dependsOn(deliveryPolicy).build());

        String alarmResource = Naming.child(name, "blocked-requests");
        Output<List<String>> actions = args.alertTopicArn().applyValue(List::of);
        new MetricAlarm(alarmResource, MetricAlarmArgs.builder()
                .name(args.physicalPrefix() + "-waf-" + label + "-blocked-requests")
                .alarmDescription("WAF " + aclName + ": more than " + settings.blockedRequestsAlarm()
                        + " requests blocked in 5 minutes (an attack, or a rule blocking real traffic)")
                .namespace("AWS/WAFV2")
                .metricName("BlockedRequests")
                .dimensions(args.scope() == WafScope.CLOUDFRONT
                        ? Map.of("WebACL", aclName, "Rule", "ALL")
                        : Map.of("WebACL", aclName, "Region", region.name(), "Rule", "ALL"))
                .statistic("Sum")
                .comparisonOperator("GreaterThanThreshold")
                .threshold((double) settings.blockedRequestsAlarm())
                .period(300)
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .treatMissingData("notBreaching")
                .actionsEnabled(true)
                .alarmActions(actions)
                .okActions(actions)
                .tags(tagging.tags(alarmResource))
                .build(), region.child(this));

        registerOutputs(Map.of("webAclArn", arn));
    }

    /** The rules of the web ACL, in priority order (priorities 10, 20, ...). */
    static List<WebAclRuleArgs> rules(String aclName, WafConfig settings) {
        List<WebAclRuleArgs> rules = new ArrayList<>();
        int priority = 10;
        rules.add(managedGroupRule(aclName, ManagedRuleGroup.IP_REPUTATION, settings, priority));
        priority += 10;
        boolean countOnly = settings.rateLimitAction() == WafAction.COUNT;
        rules.add(WebAclRuleArgs.builder()
                .name(RATE_RULE)
                .priority(priority)
                .action(countOnly
                        ? WebAclRuleActionArgs.builder().count(WebAclRuleActionCountArgs.builder().build()).build()
                        : WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder()
                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                .aggregateKeyType("IP")
                                .limit((int) WafRateLimit.perAddressLimit(settings.designCapacityRps(),
                                        settings.perIpSharePercent(), settings.evaluationWindowSeconds()))
                                .evaluationWindowSec(settings.evaluationWindowSeconds())
                                .build())
                        .build())
                .visibilityConfig(ruleVisibility(aclName, RATE_RULE))
                .build());
        for (ManagedRuleGroup group : GROUP_ORDER.subList(1, GROUP_ORDER.size())) {
            priority += 10;
            rules.add(managedGroupRule(aclName, group, settings, priority));
        }
        return rules;
    }

    private static WebAclRuleArgs managedGroupRule(String aclName, ManagedRuleGroup group, WafConfig settings, int priority) {
        boolean countOnly = settings.action(group) == WafAction.COUNT;
        return WebAclRuleArgs.builder()
                .name(group.awsName())
                .priority(priority)
                .overrideAction(countOnly
                        ? WebAclRuleOverrideActionArgs.builder().count(WebAclRuleOverrideActionCountArgs.builder().build()).build()
                        : WebAclRuleOverrideActionArgs.builder().none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                .statement(WebAclRuleStatementArgs.builder()
                        .managedRuleGroupStatement(WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                                .vendorName(ManagedRuleGroup.VENDOR)
                                .name(group.awsName())
                                .build())
                        .build())
                .visibilityConfig(ruleVisibility(aclName, group.awsName()))
                .build();
    }

    private static WebAclRuleVisibilityConfigArgs ruleVisibility(String aclName, String rule) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true)
                .metricName(WafNames.entityName(aclName + "-" + rule))
                .sampledRequestsEnabled(true)
                .build();
    }

    /** Web ACL capacity units the rules need: every managed group's WCUs plus the rate rule's. */
    public static int capacityUnits() {
        int total = RATE_RULE_CAPACITY_UNITS;
        for (ManagedRuleGroup group : GROUP_ORDER) {
            total += group.capacityUnits();
        }
        return total;
    }

    public Output<String> arn() {
        return arn;
    }
}
