package com.ultibiker.platform.eks;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanMocks;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule over every KMS key of every plan: each AWS principal its policy names is the account root, or an
 * IAM role the key waits for in the plan. KMS validates principals when the policy is set and refuses one
 * that does not exist ({@code MalformedPolicyDocumentException}, AWS KMS Developer Guide, "Key policies":
 * "the principal ... must exist"), so a role created by the stack must be created first, and a role AWS
 * creates lazily (a service-linked role) must be created by the stack. Service principals are always valid.
 */
class KeyPolicyPrincipalsTest {

    private static final String ACCOUNT = PlanMocks.ACCOUNT_ID;

    /**
     * Names of service-linked roles by service (the fixed names in each service's documentation; EC2 Auto
     * Scaling User Guide, "Service-linked roles for Amazon EC2 Auto Scaling").
     */
    private static final Map<String, String> SERVICE_LINKED_ROLE_NAMES = Map.of(
            "autoscaling.amazonaws.com", "AWSServiceRoleForAutoScaling");

    /** ARN of every IAM role the plan creates, to the role resource. */
    static Map<String, PlanResource> rolesByArn(Plan plan) {
        Map<String, PlanResource> out = new LinkedHashMap<>();
        for (PlanResource role : plan.ofType("aws:iam/role:Role")) {
            Object name = role.prop("name") != null ? role.prop("name") : role.name();
            String path = role.prop("path") == null ? "" : String.valueOf(role.prop("path")).replaceFirst("^/", "");
            out.put("arn:aws:iam::" + ACCOUNT + ":role/" + path + name, role);
        }
        for (PlanResource slr : plan.ofType("aws:iam/serviceLinkedRole:ServiceLinkedRole")) {
            String service = String.valueOf(slr.prop("awsServiceName"));
            out.put("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/" + service + "/"
                    + SERVICE_LINKED_ROLE_NAMES.getOrDefault(service, "unknown-service-linked-role-of-" + service), slr);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<String> awsPrincipals(String policy) {
        List<String> out = new ArrayList<>();
        Map<String, Object> doc = new Gson().fromJson(policy, Map.class);
        for (Map<String, Object> statement : (List<Map<String, Object>>) doc.get("Statement")) {
            Object principal = statement.get("Principal");
            if (principal instanceof Map<?, ?> m) {
                Object aws = m.get("AWS");
                if (aws instanceof List<?> l) {
                    l.forEach(a -> out.add(String.valueOf(a)));
                } else if (aws != null) {
                    out.add(String.valueOf(aws));
                }
            } else if (principal != null) {
                out.add(String.valueOf(principal));
            }
        }
        return out;
    }

    static List<String> principalsThatMayNotExist(Plan plan) {
        Map<String, PlanResource> roles = rolesByArn(plan);
        List<String> out = new ArrayList<>();
        for (PlanResource key : plan.ofType("aws:kms/key:Key")) {
            Set<String> waits = ServicesAfterControllerTest.waitsFor(plan, key);
            for (String principal : new java.util.LinkedHashSet<>(awsPrincipals(String.valueOf(key.prop("policy"))))) {
                if (principal.equals("arn:aws:iam::" + ACCOUNT + ":root")) {
                    continue;
                }
                PlanResource role = roles.get(principal);
                if (role == null) {
                    out.add(plan.stack() + " " + key.name() + ": " + principal + " is not created by the plan");
                } else if (!waits.contains(role.urn())) {
                    out.add(plan.stack() + " " + key.name() + ": " + principal + " may not exist yet (the key does not wait for "
                            + role.name() + ")");
                }
            }
        }
        return out;
    }

    @Test
    void everyKeyPolicyNamesOnlyPrincipalsThatExistBeforeTheKey() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            assertEquals(List.of(), principalsThatMayNotExist(plan));
        }
    }

    @Test
    void theAutoscalingRoleIsCreatedOncePerStackKeptOnDestroyAndBothEbsKeysWaitForIt() {
        Plan plan = StackPlans.prod();
        List<PlanResource> slrs = plan.ofType("aws:iam/serviceLinkedRole:ServiceLinkedRole");
        assertEquals(List.of("eks-us-east-1-autoscaling-service-role"), slrs.stream().map(PlanResource::name).toList());
        assertEquals("autoscaling.amazonaws.com", slrs.get(0).prop("awsServiceName"));
        assertTrue(slrs.get(0).retainOnDelete(), "other Auto Scaling groups of the account use it");
        for (String region : List.of("us-east-1", "eu-west-1")) {
            PlanResource key = plan.require("aws:kms/key:Key", "eks-" + region + "-ebs-key");
            assertTrue(awsPrincipals(String.valueOf(key.prop("policy"))).contains(
                    "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"));
            assertTrue(key.dependencies().contains(slrs.get(0).urn()), region);
        }
    }
}
