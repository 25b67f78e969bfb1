package com.ultibiker.platform.eks;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule over every role of every plan: a role EKS Pod Identity may assume is limited to this account, the
 * platform's clusters, one namespace and one service account, through the session tags Pod Identity sets
 * (EKS User Guide, "Assign an IAM role to a Kubernetes service account" / pod-id-abac: eks-cluster-name,
 * kubernetes-namespace, kubernetes-service-account). The association alone binds the role to a service
 * account, but a trust without conditions admits any association anyone in the account creates.
 */
class PodIdentityTrustTest {

    private static final List<String> REQUIRED = List.of("aws:SourceAccount", "aws:RequestTag/eks-cluster-name",
            "aws:RequestTag/kubernetes-namespace", "aws:RequestTag/kubernetes-service-account");

    @Test
    void everyRolePodIdentityMayAssumePinsAccountClusterNamespaceAndServiceAccount() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource r : plan.resources()) {
                if (!r.type().equals("aws:iam/role:Role") || !(r.props().get("assumeRolePolicy") instanceof String trust)
                        || !trust.contains("pods.eks.amazonaws.com")) {
                    continue;
                }
                checked++;
                Map<?, ?> doc = new Gson().fromJson(trust, Map.class);
                for (Object s : (List<?>) doc.get("Statement")) {
                    Map<?, ?> statement = (Map<?, ?>) s;
                    Object condition = statement.get("Condition");
                    Map<?, ?> equals = condition instanceof Map<?, ?> c && c.get("StringEquals") instanceof Map<?, ?> e ? e : Map.of();
                    for (String key : REQUIRED) {
                        if (!equals.containsKey(key)) {
                            problems.add(plan.stack() + " " + r.name() + ": trust lacks StringEquals " + key);
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 8, "the rule sees the Pod Identity roles (found " + checked + ")");
        assertEquals(List.of(), problems);
    }

    @Test
    void alertmanagerMayBeAssumedOnlyAsItsServiceAccountOnThePrimaryCluster() {
        PlanResource role = StackPlans.prod().resources().stream()
                .filter(r -> r.name().equals("observability-alertmanager-role")).findFirst().orElseThrow();
        Map<?, ?> doc = new Gson().fromJson((String) role.props().get("assumeRolePolicy"), Map.class);
        Map<?, ?> statement = (Map<?, ?>) ((List<?>) doc.get("Statement")).get(0);
        assertEquals(Map.of("StringEquals", Map.of(
                "aws:SourceAccount", "123456789012",
                "aws:RequestTag/eks-cluster-name", List.of("ultibiker-prod-us-east-1"),
                "aws:RequestTag/kubernetes-namespace", "monitoring",
                "aws:RequestTag/kubernetes-service-account", "alertmanager")), statement.get("Condition"));
    }
}
