package com.ultibiker.platform.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The AWS managed rule groups every web ACL runs (vendor {@code AWS}, no subscription fee), with the web ACL
 * capacity units each needs. WCUs from the AWS WAF Developer Guide, "AWS Managed Rules rule groups list"
 * (baseline: Core rule set 700, Known bad inputs 200, Amazon IP reputation list 25; use-case: SQL database 200).
 */
public enum ManagedRuleGroup {
    /** Core rule set: OWASP Top 10 style exploitation (XSS, LFI/RFI, size limits, bad user agents). */
    COMMON("AWSManagedRulesCommonRuleSet", 700),
    /** Request patterns known to be invalid or exploitative (Log4j/Log4Shell, Java deserialization, localhost Host). */
    KNOWN_BAD_INPUTS("AWSManagedRulesKnownBadInputsRuleSet", 200),
    /** Sources on Amazon's threat-intelligence lists (bots, reconnaissance, DDoS). */
    IP_REPUTATION("AWSManagedRulesAmazonIpReputationList", 25),
    /** SQL injection in query arguments, body, cookies and URI. */
    SQL_INJECTION("AWSManagedRulesSQLiRuleSet", 200);

    public static final String VENDOR = "AWS";

    private final String awsName;
    private final int capacityUnits;

    ManagedRuleGroup(String awsName, int capacityUnits) {
        this.awsName = awsName;
        this.capacityUnits = capacityUnits;
    }

    /** The group's name in the WAFv2 API ({@code ManagedRuleGroupStatement.Name}), also its config key. */
    public String awsName() {
        return awsName;
    }

    public int capacityUnits() {
        return capacityUnits;
    }

    public static Optional<ManagedRuleGroup> byAwsName(String name) {
        return Arrays.stream(values()).filter(g -> g.awsName.equals(name)).findFirst();
    }
}
