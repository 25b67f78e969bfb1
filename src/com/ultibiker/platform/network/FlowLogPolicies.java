package com.ultibiker.platform.network;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;

/** IAM documents for VPC flow logs (pure). */
final class FlowLogPolicies {

    private FlowLogPolicies() {
    }

    static String trustPolicy(String accountId) {
        return PolicyDocument.of(Statement.allow()
                .principal(Principal.service("vpc-flow-logs.amazonaws.com"))
                .action("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build()).toCompactJson();
    }

    static String writePolicy(String logGroupArn) {
        return PolicyDocument.of(Statement.allow()
                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogGroups", "logs:DescribeLogStreams")
                .resources(logGroupArn, logGroupArn + ":*")
                .build()).toCompactJson();
    }
}
