package com.ultibiker.platform.common;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The policy model renders exactly what its statements say, in IAM's element order, the same text every run. */
class PolicyDocumentTest {

    @Test
    void elementsAreWrittenInIamsOrderAndInTheFormGiven() {
        Statement statement = Statement.deny()
                .condition("Bool", "aws:SecureTransport", "false")
                .resources("arn:aws:s3:::b", "arn:aws:s3:::b/*")
                .action("s3:*")
                .principal(Principal.anyone())
                .sid("DenyInsecureTransport")
                .build();
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyInsecureTransport\",\"Effect\":\"Deny\","
                        + "\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::b\",\"arn:aws:s3:::b/*\"],"
                        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}",
                PolicyDocument.of(statement).toCompactJson());
    }

    @Test
    void oneActionOrResourceInAListStaysAnArray() {
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"kms:*\"],\"Resource\":[\"*\"]}]}",
                PolicyDocument.of(Statement.allow().actions(List.of("kms:*")).resources(List.of("*")).build()).toCompactJson());
    }

    @Test
    void trustPoliciesHaveNoResourceAndConditionsGroupByOperatorInTheOrderGiven() {
        Statement trust = Statement.allow()
                .principal(Principal.federated("arn:aws:iam::123456789012:oidc-provider/x"))
                .action("sts:AssumeRoleWithWebIdentity")
                .condition("StringEquals", "x:aud", "sts.amazonaws.com")
                .condition("ArnLike", "aws:SourceArn", "arn:aws:*")
                .condition("StringEquals", "x:sub", List.of("a", "b"))
                .condition("Bool", "kms:GrantIsForAWSResource", true)
                .build();
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/x\"},"
                        + "\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                        + "\"Condition\":{\"StringEquals\":{\"x:aud\":\"sts.amazonaws.com\",\"x:sub\":[\"a\",\"b\"]},"
                        + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:*\"},\"Bool\":{\"kms:GrantIsForAWSResource\":true}}}]}",
                PolicyDocument.of(trust).toCompactJson());
    }

    @Test
    void prettyIsTheGoldenFileForm() {
        assertEquals("""
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {
                      "Sid": "EksNodes",
                      "Effect": "Allow",
                      "Principal": {
                        "Service": "ec2.amazonaws.com"
                      },
                      "Action": "sts:AssumeRole"
                    }
                  ]
                }""", PolicyDocument.of(Statement.allow().sid("EksNodes").principal(Principal.service("ec2.amazonaws.com"))
                .action("sts:AssumeRole").build()).toJson());
    }

    @Test
    void actionsListsEveryStatementsActionsInOrder() {
        var doc = PolicyDocument.of(
                Statement.allow().actions("a:One", "a:Two").resource("*").build(),
                Statement.deny().action("b:Three").resource("*").build());
        assertEquals(List.of("a:One", "a:Two", "b:Three"), doc.actions());
    }

    @Test
    void incompleteOrContradictoryStatementsAreRefusedWhenBuilt() {
        assertEquals("statement Read: missing required field actions (action(...) or actions(...))",
                assertThrows(IllegalStateException.class, () -> Statement.allow().sid("Read").resource("*").build()).getMessage());
        assertEquals("statement Read: actions already set",
                assertThrows(IllegalStateException.class, () -> Statement.allow().sid("Read").action("s3:GetObject").action("s3:ListBucket")).getMessage());
        assertEquals("statement Read: resources already set",
                assertThrows(IllegalStateException.class, () -> Statement.allow().sid("Read").resource("a").resources("b", "c")).getMessage());
        assertEquals("statement X: condition StringEquals k given twice",
                assertThrows(IllegalArgumentException.class, () -> Statement.allow().sid("X").action("s3:GetObject")
                        .condition("StringEquals", "k", "1").condition("StringEquals", "k", "2").build()).getMessage());
        assertEquals("condition StringEquals k: a list value must be non-empty strings",
                assertThrows(IllegalArgumentException.class, () -> new Statement.Condition("StringEquals", "k", List.of())).getMessage());
        assertEquals("condition NumericLessThan k: value 3 must be a string, a boolean or a list of strings",
                assertThrows(IllegalArgumentException.class, () -> new Statement.Condition("NumericLessThan", "k", 3)).getMessage());
        assertEquals("a policy document needs at least one statement",
                assertThrows(IllegalArgumentException.class, () -> PolicyDocument.of(List.of())).getMessage());
    }

    @Test
    void principalsAreOneOfIamsKinds() {
        assertEquals("principal type Group: expected AWS, Service, Federated or *",
                assertThrows(IllegalArgumentException.class, () -> new Principal("Group", "arn:aws:iam::1:group/x")).getMessage());
        assertEquals("principal AWS *: * is only for everyone",
                assertThrows(IllegalArgumentException.class, () -> Principal.aws("*")).getMessage());
        assertEquals(new Principal("Service", "logs.amazonaws.com"), Principal.service("logs.amazonaws.com"));
    }
}
