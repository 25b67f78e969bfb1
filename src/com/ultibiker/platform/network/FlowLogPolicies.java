package com.ultibiker.platform.network;

/** IAM documents for VPC flow logs (pure). */
final class FlowLogPolicies {

    private FlowLogPolicies() {
    }

    static String trustPolicy(String accountId) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                "Principal":{"Service":"vpc-flow-logs.amazonaws.com"},"Action":"sts:AssumeRole",\
                "Condition":{"StringEquals":{"aws:SourceAccount":"%s"}}}]}""".formatted(accountId);
    }

    static String writePolicy(String logGroupArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                "Action":["logs:CreateLogStream","logs:PutLogEvents","logs:DescribeLogGroups","logs:DescribeLogStreams"],\
                "Resource":["%s","%s:*"]}]}""".formatted(logGroupArn, logGroupArn);
    }
}
