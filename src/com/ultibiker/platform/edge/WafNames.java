package com.ultibiker.platform.edge;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

import java.util.regex.Pattern;

/**
 * Names and documents of a region's web ACL (pure). WAFv2 entity and metric names are 1–128 characters of
 * {@code [0-9A-Za-z_-]} (WAFv2 API reference, CreateWebACL Name and VisibilityConfig.MetricName; the same in
 * terraform-provider-aws {@code internal/service/wafv2/web_acl.go} and {@code schemas.go}); the web ACL's name
 * and scope are ForceNew there, so the name is derived from what never changes (project, environment,
 * region). WAF delivers logs only to a destination whose name starts with {@code aws-waf-logs-} (WAFv2 API
 * reference, LoggingConfiguration).
 */
public final class WafNames {

    public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";
    /** The service that writes vended logs (WAF's among them) into CloudWatch Logs. */
    public static final String LOG_DELIVERY_SERVICE = "delivery.logs.amazonaws.com";
    static final Pattern ENTITY_NAME = Pattern.compile("[0-9A-Za-z_-]{1,128}");
    /** CloudWatch Logs: 1–512 characters of {@code [.\-_/#A-Za-z0-9]} (CreateLogGroup logGroupName). */
    static final Pattern LOG_GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");

    private WafNames() {
    }

    /** {@code <prefix>-<region>}, e.g. {@code ultibiker-prod-us-east-1}. */
    public static String webAclName(String physicalPrefix, String region) {
        return entityName(physicalPrefix + "-" + region);
    }

    /** A web ACL or rule metric name, checked against the WAFv2 pattern. */
    public static String entityName(String name) {
        if (!ENTITY_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("WAF name " + name + ": 1-128 characters of letters, digits, '-' and '_'");
        }
        return name;
    }

    /** {@code aws-waf-logs-<prefix>-<region>}: the prefix WAF requires of a log destination. */
    public static String logGroupName(String physicalPrefix, String region) {
        String name = LOG_GROUP_PREFIX + physicalPrefix + "-" + region;
        if (!LOG_GROUP_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("log group name " + name + ": 1-512 characters of letters, digits and . - _ / #");
        }
        return name;
    }

    /**
     * The log group resource policy that lets WAF's log delivery write into {@code logGroupName} only, for this
     * account and region. Without one, WAF's PutLoggingConfiguration adds the account-wide {@code AWSWAF-LOGS}
     * policy itself (CloudWatch Logs User Guide, "Logs sent to CloudWatch Logs": the policy AWS creates grants
     * {@code delivery.logs.amazonaws.com} logs:CreateLogStream and logs:PutLogEvents on the group's streams,
     * with aws:SourceAccount and aws:SourceArn conditions), which nothing here manages, grows with every web
     * ACL and fails once it outgrows the policy size limit (Pulumi AWS docs, wafv2.WebAclLoggingConfiguration).
     */
    public static String logDeliveryPolicy(String partition, String region, String accountId, String logGroupName) {
        String logs = "arn:" + partition + ":logs:" + region + ":" + accountId;
        return PolicyDocument.of(Statement.allow()
                .sid("AwsWafLogDelivery")
                .principal(Principal.service(LOG_DELIVERY_SERVICE))
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resource(logs + ":log-group:" + logGroupName + ":log-stream:*")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition("ArnLike", "aws:SourceArn", logs + ":*")
                .build()).toCompactJson();
    }
}
