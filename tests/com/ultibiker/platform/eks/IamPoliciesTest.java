package com.ultibiker.platform.eks;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IAM documents as pure functions: golden files, trust conditions, real actions, no broad grants. */
class IamPoliciesTest {

    private static final String ACCOUNT = "123456789012";
    private static final Map<String, String> CLUSTERS = new LinkedHashMap<>(Map.of(
            "us-east-1", "ultibiker-prod-us-east-1", "eu-west-1", "ultibiker-prod-eu-west-1"));
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/ebs";

    /** Every document the component renders, by golden file name. */
    static Map<String, String> rendered() {
        Map<String, String> docs = new LinkedHashMap<>();
        docs.put("cluster-trust.json", IamPolicies.clusterTrust(ACCOUNT).toJson());
        docs.put("node-trust.json", IamPolicies.nodeTrust().toJson());
        for (Controller c : Controller.values()) {
            docs.put(c.role() + "-trust.json", IamPolicies.podIdentityTrust(ACCOUNT, List.copyOf(CLUSTERS.values()), c).toJson());
        }
        docs.put("cluster-autoscaler-policy.json", IamPolicies.clusterAutoscaler("aws", ACCOUNT, CLUSTERS).toJson());
        docs.put("aws-load-balancer-controller-policy.json", IamPolicies.loadBalancerController("aws").toJson());
        docs.put("ebs-csi-driver-policy.json", IamPolicies.ebsCsiDriver("aws").toJson());
        docs.put("cloudwatch-agent-policy.json", ContainerLogs.agentPolicy("aws", ACCOUNT, CLUSTERS).toJson());
        docs.put("ebs-key-use-policy.json", IamPolicies.ebsKeyUse(List.of(KEY)).toJson());
        docs.put("cluster-encryption-policy.json", IamPolicies.clusterEncryption(KEY).toJson());
        docs.put("ebs-key-policy.json", IamPolicies.ebsKeyPolicy("aws", ACCOUNT, IamPolicies.autoscalingServiceRoleArn("aws", ACCOUNT)));
        return docs;
    }

    @Test
    void renderedDocumentsMatchTheirGoldenFiles() {
        rendered().forEach((file, json) -> Golden.assertMatches("eks/iam/" + file, json));
    }

    @Test
    void everyActionIsADocumentedIamAction() {
        List<String> problems = new ArrayList<>();
        rendered().forEach((file, json) -> IamActionCatalog.actionsIn(json).forEach(action ->
                IamActionCatalog.problem(action).ifPresent(p -> problems.add(file + ": " + p))));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2:DescribeInstancez", "autoscaling:SetDesiredCapacit", "elasticloadbalancing:CreateLoadBalancers",
            "kms:ReEncrypt?x*", "eks:describeNodegroup", "s3:GetObject", "DescribeInstances"})
    void theCatalogRejectsTyposAndUnknownServices(String action) {
        assertTrue(IamActionCatalog.problem(action).isPresent(), action + " should be rejected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ec2:DescribeInstances", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:*"})
    void theCatalogAcceptsDocumentedActionsAndMatchingWildcards(String action) {
        assertTrue(IamActionCatalog.problem(action).isEmpty(), () -> IamActionCatalog.problem(action).orElse(""));
    }

    @Test
    void controllerPoliciesNeverGrantAServiceWildcard() {
        for (String json : List.of(IamPolicies.clusterAutoscaler("aws", ACCOUNT, CLUSTERS).toJson(),
                IamPolicies.loadBalancerController("aws").toJson(), IamPolicies.ebsCsiDriver("aws").toJson(),
                IamPolicies.ebsKeyUse(List.of(KEY)).toJson())) {
            for (String action : IamActionCatalog.actionsIn(json)) {
                assertFalse(action.endsWith(":*") || action.equals("*"), "broad action " + action);
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void podIdentityTrustIsLimitedToTheAccountTheClustersAndTheServiceAccount() {
        var doc = new Gson().fromJson(IamPolicies.podIdentityTrust(ACCOUNT, List.copyOf(CLUSTERS.values()),
                Controller.LOAD_BALANCER_CONTROLLER).toJson(), Map.class);
        var statement = ((List<Map<String, Object>>) doc.get("Statement")).get(0);
        assertEquals(Map.of("Service", "pods.eks.amazonaws.com"), statement.get("Principal"));
        assertEquals(List.of("sts:AssumeRole", "sts:TagSession"), statement.get("Action"));
        var equals = ((Map<String, Map<String, Object>>) statement.get("Condition")).get("StringEquals");
        assertEquals(ACCOUNT, equals.get("aws:SourceAccount"));
        assertEquals(List.of("ultibiker-prod-eu-west-1", "ultibiker-prod-us-east-1"), equals.get(IamPolicies.TAG_CLUSTER));
        assertEquals("kube-system", equals.get(IamPolicies.TAG_NAMESPACE));
        assertEquals("aws-load-balancer-controller", equals.get(IamPolicies.TAG_SERVICE_ACCOUNT));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAutoscalerChangesOnlyGroupsOwnedByAPlatformCluster() {
        var doc = new Gson().fromJson(IamPolicies.clusterAutoscaler("aws", ACCOUNT, CLUSTERS).toJson(), Map.class);
        var statements = (List<Map<String, Object>>) doc.get("Statement");
        var mutating = statements.stream().filter(s -> String.valueOf(s.get("Action")).contains("SetDesiredCapacity")).toList();
        assertEquals(2, mutating.size(), "one scaling statement per cluster");
        for (var s : mutating) {
            var equals = ((Map<String, Map<String, Object>>) s.get("Condition")).get("StringEquals");
            String region = String.valueOf(s.get("Resource")).split(":")[3];
            assertEquals("owned", equals.get("aws:ResourceTag/k8s.io/cluster-autoscaler/" + CLUSTERS.get(region)), s.toString());
            assertTrue(String.valueOf(s.get("Resource")).startsWith("arn:aws:autoscaling:" + region + ":" + ACCOUNT + ":autoScalingGroup:"));
        }
    }

    @Test
    void theAutoscalingServiceLinkedRoleHasItsFixedPath() {
        assertEquals("arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
                IamPolicies.autoscalingServiceRoleArn("aws", ACCOUNT));
        assertEquals("arn:aws-us-gov:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
                IamPolicies.autoscalingServiceRoleArn("aws-us-gov", ACCOUNT));
    }

    @Test
    void theEbsKeyLetsAutoScalingLaunchEncryptedVolumes() {
        String policy = IamPolicies.ebsKeyPolicy("aws", ACCOUNT, IamPolicies.autoscalingServiceRoleArn("aws", ACCOUNT));
        assertTrue(policy.contains("arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling"));
        assertTrue(policy.contains("\"kms:GrantIsForAWSResource\": true"));
    }
}
