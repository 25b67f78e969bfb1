package com.ultibiker.platform.eks;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given CI is enabled, when the clusters are created, then the CI deploy role can manage what runs in
 * every cluster and the preview role can read it: without these entries a `pulumi up` from CI could
 * not reach the in-cluster resources of a cluster a person created.
 */
class ClusterAccessTest {

    private static final String ENTRY = "aws:eks/accessEntry:AccessEntry";
    private static final String ASSOCIATION = "aws:eks/accessPolicyAssociation:AccessPolicyAssociation";

    @Test
    void ciRolesGetAccessEntriesInEveryCluster() {
        Plan prod = StackPlans.prod();
        String deployRole = (String) prod.outputs().get("ciDeployRoleArn");
        String previewRole = (String) prod.outputs().get("ciPreviewRoleArn");
        for (String region : List.of("us-east-1", "eu-west-1")) {
            String cluster = "eks-" + region;
            assertEquals(deployRole, prod.require(ENTRY, cluster + "-ci-deploy").prop("principalArn"));
            assertEquals(previewRole, prod.require(ENTRY, cluster + "-ci-preview").prop("principalArn"));
            PlanResource admin = prod.require(ASSOCIATION, cluster + "-ci-deploy-access");
            assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", admin.prop("policyArn"));
            assertEquals("cluster", admin.prop("accessScope.type"));
            PlanResource viewer = prod.require(ASSOCIATION, cluster + "-ci-preview-access");
            assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminViewPolicy", viewer.prop("policyArn"),
                    "prod's preview role, gated by production-preview, refreshes Helm's release Secrets");
            assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
                    StackPlans.dev().require(ASSOCIATION, "eks-us-east-1-ci-preview-access").prop("policyArn"),
                    "dev's preview role serves pull requests: no Kubernetes Secrets");
            assertTrue(admin.dependencies().contains(prod.require(ENTRY, cluster + "-ci-deploy").urn()),
                    "the policy is associated after the entry exists");
        }
    }

    @Test
    void configuredAdminsKeepTheirResourceNames() {
        PlanResource entry = StackPlans.prod().require(ENTRY, "eks-us-east-1-admin-role-platform-admin");
        assertEquals("arn:aws:iam::123456789012:role/platform-admin", entry.prop("principalArn"));
        StackPlans.prod().require(ASSOCIATION, "eks-us-east-1-admin-role-platform-admin-cluster-admin");
    }
}
