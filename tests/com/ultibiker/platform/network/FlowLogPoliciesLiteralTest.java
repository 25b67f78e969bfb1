package com.ultibiker.platform.network;

import org.junit.jupiter.api.Test;

import static com.ultibiker.platform.support.JsonAssertions.assertJson;

/** VPC flow logs' role (VPC user guide, "IAM role for publishing flow logs to CloudWatch Logs"). */
class FlowLogPoliciesLiteralTest {

    @Test
    void onlyFlowLogsOfThisAccountAssumeTheRoleAndWriteToOneGroup() {
        assertJson("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"vpc-flow-logs.amazonaws.com"},
                 "Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}""",
                FlowLogPolicies.trustPolicy("123456789012"));
        String group = "arn:aws:logs:us-east-1:123456789012:log-group:/vpc/flow";
        assertJson("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Action":["logs:CreateLogStream","logs:PutLogEvents","logs:DescribeLogGroups","logs:DescribeLogStreams"],
                 "Resource":["%1$s","%1$s:*"]}]}""".formatted(group), FlowLogPolicies.writePolicy(group));
    }
}
