package com.ultibiker.platform.eks;

import com.ultibiker.platform.plan.Plan;
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
 * Rules over every cluster of every plan: EKS creates no access entry of its own (the creator's bootstrap
 * entry is off), no two access entries of a cluster name one principal (EKS refuses the second,
 * {@code ResourceInUseException}), and nothing inside a cluster is created before the access entries that
 * let the deployer in. Plus the deployer as AWS reports it on a later up ({@link ExistingAccount}).
 */
class ClusterAdminsTest {

    static final String ENTRY = "aws:eks/accessEntry:AccessEntry";

    /** Principals with more than one access entry in a cluster, as "cluster: principal". */
    static List<String> duplicateEntries(Plan plan) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (PlanResource e : plan.ofType(ENTRY)) {
            seen.merge(e.prop("clusterName") + ": " + e.prop("principalArn"), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        seen.forEach((k, n) -> {
            if (n > 1) {
                out.add(plan.stack() + " " + k);
            }
        });
        return out;
    }

    @Test
    void everyClusterManagesAllItsEntriesEachPrincipalOnceAndLetsTheDeployerInFirst() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            assertEquals(List.of(), duplicateEntries(plan));
            for (PlanResource cluster : plan.ofType("aws:eks/cluster:Cluster")) {
                assertEquals(false, cluster.prop("accessConfig.bootstrapClusterCreatorAdminPermissions"), cluster.name());
            }
            for (PlanResource provider : plan.ofType("pulumi:providers:kubernetes")) {
                if (!provider.name().startsWith("eks-")) {
                    continue;
                }
                String region = provider.name().replaceFirst("^eks-", "").replaceFirst("-k8s(-bootstrap)?$", "");
                Set<String> waits = ServicesAfterControllerTest.waitsFor(plan, provider);
                plan.where(r -> r.type().equals("aws:eks/accessPolicyAssociation:AccessPolicyAssociation")
                                && r.name().startsWith("eks-" + region + "-"))
                        .forEach(assoc -> assertTrue(waits.contains(assoc.urn()), provider.name() + " waits for " + assoc.name()));
            }
        }
    }

    private static final Map<String, Object> NO_ARGS = Map.of();

    static Map<String, Object> callerIdentity(String arn) {
        return Map.of("accountId", "123456789012", "arn", arn, "userId", "AROAPLAN:session", "id", "123456789012");
    }

    static Map<String, Object> sessionContext(String sessionArn, String issuerArn) {
        return Map.of("arn", sessionArn, "issuerArn", issuerArn, "issuerId", "AROAPLAN", "issuerName",
                issuerArn.substring(issuerArn.lastIndexOf('/') + 1), "sessionName", "session", "id", sessionArn);
    }

    private static List<String> adminEntries(Plan plan, String region) {
        return plan.ofType(ENTRY).stream().filter(e -> e.name().startsWith("eks-" + region + "-admin-"))
                .map(e -> (String) e.prop("principalArn")).sorted().toList();
    }

    @Test
    void aPersonDeployingThroughAnSsoRoleGetsTheRoleWithItsPathNotTheSession() {
        String session = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_0123abcd/alice@example.com";
        String role = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123abcd";
        Plan plan = ExistingAccount.builder()
                .answer("aws:index/getCallerIdentity:getCallerIdentity", call -> callerIdentity(session))
                .answer("aws:iam/getSessionContext:getSessionContext", call -> {
                    assertEquals(session, call.args.get("arn"));
                    return sessionContext(session, role);
                })
                .plan("dev", Map.of());
        assertEquals(List.of(role), adminEntries(plan, "us-east-1"));
        assertEquals(List.of(), duplicateEntries(plan));
    }

    @Test
    void theCiDeployRoleGetsNoSecondEntry() {
        String session = "arn:aws:sts::123456789012:assumed-role/ultibiker-prod-github-deploy/GitHubActions";
        String role = "arn:aws:iam::123456789012:role/ultibiker-prod-github-deploy";
        Plan plan = ExistingAccount.builder()
                .answer("aws:index/getCallerIdentity:getCallerIdentity", call -> callerIdentity(session))
                .answer("aws:iam/getSessionContext:getSessionContext", call -> sessionContext(session, role))
                .plan("prod", Map.of());
        for (String region : List.of("us-east-1", "eu-west-1")) {
            assertEquals(List.of("arn:aws:iam::123456789012:role/platform-admin"), adminEntries(plan, region));
        }
        assertEquals(List.of(), duplicateEntries(plan));
    }

    @Test
    void aConfiguredAdminWhoDeploysHasOneEntry() {
        String session = "arn:aws:sts::123456789012:assumed-role/platform-admin/bob";
        Plan plan = ExistingAccount.builder()
                .answer("aws:index/getCallerIdentity:getCallerIdentity", call -> callerIdentity(session))
                .answer("aws:iam/getSessionContext:getSessionContext",
                        call -> sessionContext(session, "arn:aws:iam::123456789012:role/platform-admin"))
                .plan("prod", Map.of());
        assertEquals(List.of("arn:aws:iam::123456789012:role/platform-admin"), adminEntries(plan, "us-east-1"));
    }

    @Test
    void adminsAreTheConfiguredOnesAndTheDeployerOnceUnlessItIsACiRole() {
        var ci = Set.of("arn:aws:iam::1:role/ci");
        assertEquals(List.of("arn:aws:iam::1:role/a", "arn:aws:iam::1:user/me"),
                ClusterAdmins.admins(List.of("arn:aws:iam::1:role/a"), "arn:aws:iam::1:user/me", ci));
        assertEquals(List.of("arn:aws:iam::1:role/a"), ClusterAdmins.admins(List.of("arn:aws:iam::1:role/a"), "arn:aws:iam::1:role/a", ci));
        assertEquals(List.of("arn:aws:iam::1:role/a"), ClusterAdmins.admins(List.of("arn:aws:iam::1:role/a"), "arn:aws:iam::1:role/ci", ci));
        assertEquals(java.util.Optional.of("arn:aws-us-gov:iam::123456789012:role/x"),
                ClusterAdmins.roleArnBeside("arn:aws-us-gov:sts::123456789012:assumed-role/y/s", "x"));
    }
}
