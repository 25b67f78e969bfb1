package com.ultibiker.platform.ci;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 (IAM gaps): the deploy role's writes reach this stack's resources only. Every IAM write action of the
 * generated deploy policy, evaluated as IAM would (RequestEvaluation), is refused on another stack's role, policy or
 * OIDC provider (tagged with another Environment, carrying another boundary) and, but for the documented residue of
 * tag-on-create, on an untagged outside one; the scoped EKS, RDS and EC2 changes likewise. A deploy job that could
 * tag an outside role with this stack's tags could then pass it to a service or rewrite its trust (a tag-based trust
 * rewrite); {@link #theOldUnrestrictedTaggingStatementIsCaught} plants last session's statement back.
 */
class CiDeployScopeTest {

    static final String ACCOUNT = "123456789012";
    static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/ultibiker-prod-permissions-boundary";
    /** The tags an attacker would add: this stack's. */
    static final Map<String, String> ATTACKER_REQUEST = Map.of("aws:RequestTag/Environment", "prod", "aws:RequestTag/Project", "ultibiker",
            "aws:RequestedRegion", "us-east-1", "iam:PassedToService", "codebuild.amazonaws.com");

    static List<String> deployDocuments(Plan plan) {
        return CiRoles.documents(plan, "ultibiker-prod-github-deploy");
    }

    /** The IAM actions the deploy policy names that change something (all but Get and List). */
    static Set<String> iamWrites(List<String> docs) {
        Set<String> out = new TreeSet<>();
        for (String doc : docs) {
            for (var st : PolicyEvaluation.statements(doc)) {
                PolicyEvaluation.strings(st.get("Action")).stream().filter(a -> a.startsWith("iam:") && !CiPolicies.isRead(a)).forEach(out::add);
            }
        }
        return out;
    }

    /** The ARN of an outside resource of the kind {@code action} acts on. */
    static String outsideArn(String action) {
        String iam = "arn:aws:iam::" + ACCOUNT + ":";
        if (action.contains("ServiceLinkedRole")) {
            return iam + "role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing";
        }
        if (action.contains("OpenIDConnectProvider")) {
            return iam + "oidc-provider/login.example.org";
        }
        if (action.contains("Policy") && !action.contains("Role")) {
            return iam + "policy/other-team-admin";
        }
        return iam + "role/other-team-admin";
    }

    static Map<String, String> context(Map<String, String> resourceTags, String boundary) {
        Map<String, String> c = new HashMap<>(ATTACKER_REQUEST);
        resourceTags.forEach((k, v) -> {
            c.put("aws:ResourceTag/" + k, v);
            c.put("iam:ResourceTag/" + k, v);
        });
        if (boundary != null) {
            c.put("iam:PermissionsBoundary", boundary);
        }
        return c;
    }

    static final Map<String, String> ANOTHER_STACK = Map.of("Environment", "staging", "Project", "ultibiker");
    static final Map<String, String> THIS_STACK = Map.of("Environment", "prod", "Project", "ultibiker");
    static final String ANOTHER_BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/ultibiker-staging-permissions-boundary";

    /** Actions that create a new resource (nothing outside is touched; their tags are checked as request tags). */
    static boolean creates(String action) {
        return action.startsWith("iam:Create") && !action.equals("iam:CreatePolicyVersion");
    }

    /**
     * What the deploy documents allow on another stack's resources, and on untagged outside ones. Creates make a new
     * resource (one of an existing name fails at AWS); {@link #createsNeedThisStacksBoundaryOrTags} checks them.
     */
    static List<String> reach(List<String> docs, Set<String> actions) {
        List<String> out = new ArrayList<>();
        for (String action : actions.stream().filter(a -> !creates(a)).toList()) {
            String arn = outsideArn(action);
            if (RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, arn, context(ANOTHER_STACK, ANOTHER_BOUNDARY)))) {
                out.add(action + " on another stack's " + arn);
            }
            if (RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, arn, context(Map.of(), null)))) {
                out.add(action + " on an untagged outside " + arn);
            }
        }
        return out;
    }

    @Test
    void everyIamWriteOfTheDeployPolicyIsRefusedOnAnotherStacksResourcesAndTagOnCreateIsTheOnlyResidue() {
        List<String> docs = deployDocuments(StackPlans.prod());
        Set<String> writes = iamWrites(docs);
        assertTrue(writes.containsAll(List.of("iam:TagRole", "iam:UntagRole", "iam:TagPolicy", "iam:UpdateAssumeRolePolicy", "iam:PassRole",
                "iam:DeletePolicy", "iam:CreatePolicyVersion", "iam:DeleteOpenIDConnectProvider", "iam:DeleteServiceLinkedRole")), writes.toString());
        // Tag-on-create: IAM authorizes the tags of CreateRole/CreatePolicy/CreateOpenIDConnectProvider through the Tag*
        // action on a resource that has no tags yet (openshift/installer#1073: "not authorized to perform iam:TagRole" on
        // CreateRole), and no condition key tells that apart from an existing untagged resource (TagRole's keys are
        // aws:RequestTag, aws:TagKeys, iam:RoleTemplateARN; no iam:PermissionsBoundary). docs/ci-permissions.md.
        assertEquals(List.of(
                "iam:TagOpenIDConnectProvider on an untagged outside arn:aws:iam::123456789012:oidc-provider/login.example.org",
                "iam:TagPolicy on an untagged outside arn:aws:iam::123456789012:policy/other-team-admin",
                "iam:TagRole on an untagged outside arn:aws:iam::123456789012:role/other-team-admin"), reach(docs, writes));
    }

    @Test
    void createsNeedThisStacksBoundaryOrTags() {
        List<String> docs = deployDocuments(StackPlans.prod());
        String iam = "arn:aws:iam::" + ACCOUNT + ":";
        Map<String, String> otherTags = new HashMap<>(ATTACKER_REQUEST);
        otherTags.put("aws:RequestTag/Environment", "staging");
        assertEquals(List.of(false, false, false), List.of(
                RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:CreateRole", iam + "role/x", context(Map.of(), ANOTHER_BOUNDARY))),
                RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:CreatePolicy", iam + "policy/x", otherTags)),
                RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:CreateOpenIDConnectProvider", iam + "oidc-provider/x", otherTags))),
                "a role without this stack's boundary, a policy or provider without its tags");
        assertEquals(List.of(true, true, true), List.of(
                RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:CreateRole", iam + "role/x", context(Map.of(), BOUNDARY))),
                RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:CreatePolicy", iam + "policy/x", ATTACKER_REQUEST)),
                RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:CreateServiceLinkedRole",
                        iam + "role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling", ATTACKER_REQUEST))));
        assertEquals(false, RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:CreateServiceLinkedRole", iam + "role/x", ATTACKER_REQUEST)),
                "service-linked roles only on their path");
    }

    @Test
    void taggingAnUntaggedOutsideRoleWithThisStacksTagsGivesNoRightOnIt() {
        List<String> docs = deployDocuments(StackPlans.prod());
        // After the residual TagRole, the role carries this stack's tags but not its boundary:
        Map<String, String> retagged = context(THIS_STACK, null);
        List<String> granted = new ArrayList<>();
        for (String action : List.of("iam:UpdateAssumeRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRole", "iam:UpdateRole",
                "iam:DetachRolePolicy", "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary")) {
            if (RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, "arn:aws:iam::" + ACCOUNT + ":role/other-team-admin", retagged))) {
                granted.add(action);
            }
        }
        assertEquals(List.of(), granted, "role rights follow the boundary, which only CreateRole can put on a role");
        // PassRole still follows the role's tags (its condition keys are iam:PassedToService and iam:AssociatedResourceArn only):
        assertTrue(RequestEvaluation.allowed(docs, new RequestEvaluation.Request("iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/other-team-admin", retagged)),
                "the documented residue: a retagged untagged outside role can be passed to the listed services");
    }

    @Test
    void theDeployRoleStillManagesThisStacksOwnIamResources() {
        List<String> docs = deployDocuments(StackPlans.prod());
        List<String> refused = new ArrayList<>();
        for (String action : iamWrites(docs)) {
            String arn = outsideArn(action).replace("other-team-admin", "eks-us-east-1-node-role-1a2b3c4").replace("login.example.org",
                    "oidc.eks.us-east-1.amazonaws.com/id/ABC").replace("elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing",
                    "autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling");
            Map<String, String> own = context(creates(action) ? Map.of() : THIS_STACK, arn.contains("aws-service-role") ? null : BOUNDARY);
            if (!RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, arn, own))) {
                refused.add(action);
            }
        }
        assertEquals(List.of(), refused, "every IAM write of the table still works on this stack's roles, policies and providers");
    }

    @Test
    void theScopedEksRdsAndEc2ChangesAreRefusedOnAnotherStacksResources() {
        List<String> docs = deployDocuments(StackPlans.prod());
        List<String> reached = new ArrayList<>();
        for (String action : CiPolicies.OWN_REGIONAL_CHANGES) {
            String arn = "arn:aws:" + action.substring(0, action.indexOf(':')) + ":us-east-1:" + ACCOUNT + ":x/other";
            assertTrue(RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, arn, context(THIS_STACK, null))), action + " on its own");
            if (RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, arn, context(ANOTHER_STACK, null)))
                    || RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, arn, context(Map.of(), null)))) {
                reached.add(action);
            }
        }
        for (String action : List.of("ec2:CreateTags", "eks:TagResource", "rds:AddTagsToResource", "ec2:DeleteTags", "eks:UntagResource")) {
            String arn = "arn:aws:" + action.substring(0, action.indexOf(':')) + ":us-east-1:" + ACCOUNT + ":x/other";
            if (RequestEvaluation.allowed(docs, new RequestEvaluation.Request(action, arn, context(ANOTHER_STACK, null)))) {
                reached.add(action + " (retagging another stack's resource into this one)");
            }
        }
        assertEquals(List.of(), reached);
        assertTrue(CiPolicies.OWN_REGIONAL_CHANGES.containsAll(List.of("eks:DeleteCluster", "rds:DeleteDBInstance", "rds:ModifyDBInstance",
                "ec2:DeleteVpc", "eks:UpdateClusterConfig")));
    }

    @Test
    void theOldUnrestrictedTaggingStatementIsCaught() {
        List<String> docs = new ArrayList<>(deployDocuments(StackPlans.prod()));
        // last session's GlobalServices statement: IAM tagging on any resource
        docs.add("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"GlobalServices\",\"Effect\":\"Allow\",\"Action\":[\"iam:TagPolicy\","
                + "\"iam:TagRole\",\"iam:UntagPolicy\"],\"Resource\":\"*\"}]}");
        List<String> reached = reach(docs, iamWrites(docs));
        assertTrue(reached.contains("iam:TagRole on another stack's arn:aws:iam::123456789012:role/other-team-admin"), reached.toString());
        assertTrue(reached.contains("iam:UntagPolicy on another stack's arn:aws:iam::123456789012:policy/other-team-admin"), reached.toString());
    }
}
