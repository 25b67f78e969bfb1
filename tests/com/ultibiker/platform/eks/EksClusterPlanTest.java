package com.ultibiker.platform.eks;

import com.google.gson.Gson;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import com.ultibiker.platform.tagging.TaggableTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Given the repository's dev and prod stacks, when planned under mocks, then every EKS cluster has the
 * inputs issue 4 asks for. Each test reads resource inputs, not counts.
 */
class EksClusterPlanTest {

    private static final String P = "ultibiker-platform";
    private static final String CLUSTER = "aws:eks/cluster:Cluster";
    private static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    private static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

    static Plan plan(String stack) {
        return stack.equals("prod") ? StackPlans.prod() : StackPlans.dev();
    }

    static StackConfig config(String stack) {
        return StackConfigParser.parse(P, StackPlans.stackFile(stack).projectConfig());
    }

    static List<String> regions(String stack) {
        return config(stack).regionList();
    }

    static String component(String region) {
        return "eks-" + region;
    }

    static List<NodePoolSpec> pools(String stack, String region) {
        StackConfig c = config(stack);
        return region.equals(c.regions().primary()) ? c.eks().nodePools() : c.eks().standbyNodePools();
    }

    static PlanResource componentOf(Plan plan, String region) {
        return plan.require(EksCluster.TYPE, component(region));
    }

    static List<PlanResource> within(Plan plan, String region) {
        PlanResource c = componentOf(plan, region);
        return plan.where(r -> r != c && plan.isWithin(r, c));
    }

    /** Plan numbers arrive as Integer, Long or Double depending on the path; compare them as ints. */
    static int num(Object value) {
        return ((Number) value).intValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(Object text) {
        return new Gson().fromJson(String.valueOf(text), Map.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void oneClusterPerRegionNamedLikeTheNetworkTagsIt(String stack) {
        Plan plan = plan(stack);
        List<PlanResource> clusters = plan.ofType(CLUSTER);
        assertEquals(regions(stack).size(), clusters.size());
        for (String region : regions(stack)) {
            String name = PlatformStack.clusterName(config(stack), region);
            PlanResource cluster = plan.require(CLUSTER, component(region) + "-cluster");
            assertEquals(name, cluster.prop("name"));
            assertEquals(region, cluster.region());
            assertEquals(componentOf(plan, region).urn(), cluster.parent());
            long tagged = plan.ofType("aws:ec2/subnet:Subnet").stream()
                    .filter(s -> region.equals(s.region()) && "shared".equals(s.tags().get("kubernetes.io/cluster/" + name))).count();
            assertEquals(6, tagged, "public and private subnets of " + region + " tagged for " + name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void theControlPlaneIsPrivateEncryptedAndLogged(String stack) {
        Plan plan = plan(stack);
        StackConfig c = config(stack);
        for (String region : regions(stack)) {
            PlanResource cluster = plan.require(CLUSTER, component(region) + "-cluster");
            assertEquals(c.eks().version(), cluster.prop("version"));
            assertEquals(true, cluster.prop("vpcConfig.endpointPrivateAccess"));
            assertEquals(c.eks().endpointPublicAccess(), cluster.prop("vpcConfig.endpointPublicAccess"));
            // Sent only with a public endpoint: without one AWS keeps its default, which admits no one.
            assertEquals(c.eks().endpointPublicAccess() ? c.eks().publicAccessCidrs() : null, cluster.prop("vpcConfig.publicAccessCidrs"));
            if (c.production() && c.eks().endpointPublicAccess()) {
                assertFalse(((List<String>) cluster.prop("vpcConfig.publicAccessCidrs")).contains("0.0.0.0/0"));
            }
            List<String> privateSubnets = plan.ofType("aws:ec2/subnet:Subnet").stream()
                    .filter(s -> region.equals(s.region()) && "private".equals(s.tags().get("Tier")))
                    .map(s -> s.name() + "-id").sorted().toList();
            assertEquals(privateSubnets, ((List<String>) cluster.prop("vpcConfig.subnetIds")).stream().sorted().toList());

            assertEquals(List.of("secrets"), cluster.prop("encryptionConfig.resources"));
            PlanResource secretsKey = plan.require("aws:kms/key:Key", component(region) + "-secrets-key");
            assertEquals(true, secretsKey.prop("enableKeyRotation"));
            assertEquals("arn:aws:kms:" + region + ":123456789012:key/" + secretsKey.name() + "-id",
                    cluster.prop("encryptionConfig.provider.keyArn"));

            List<String> logTypes = (List<String>) cluster.prop("enabledClusterLogTypes");
            assertTrue(logTypes.containsAll(List.of("api", "audit", "authenticator")), logTypes.toString());
            assertEquals(c.eks().logTypes(), logTypes);
            PlanResource logs = plan.require("aws:cloudwatch/logGroup:LogGroup", component(region) + "-control-plane-logs");
            assertEquals("/aws/eks/" + cluster.prop("name") + "/cluster", logs.prop("name"));
            assertEquals(c.logRetentionDays(), num(logs.prop("retentionInDays")));
            assertNotNull(logs.prop("kmsKeyId"));
            assertTrue(cluster.dependencies().contains(logs.urn()), "the log group exists before the cluster");

            assertEquals("API", cluster.prop("accessConfig.authenticationMode"));
            assertEquals("STANDARD", cluster.prop("upgradePolicy.supportType"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void adminPrincipalsGetClusterAdminThroughAccessEntries(String stack) {
        Plan plan = plan(stack);
        List<String> admins = config(stack).eks().adminPrincipalArns();
        for (String region : regions(stack)) {
            // Entries of configured people; the stack's own CI roles are covered by ClusterAccessTest.
            List<PlanResource> entries = within(plan, region).stream()
                    .filter(r -> r.type().equals("aws:eks/accessEntry:AccessEntry") && r.name().contains("-admin-")).toList();
            // The configured admins and the identity running the plan (the offline plan's caller), each once.
            List<String> expected = new ArrayList<>(admins);
            expected.add("arn:aws:iam::123456789012:user/plan");
            assertEquals(expected.stream().sorted().toList(), entries.stream().map(e -> (String) e.prop("principalArn")).sorted().toList());
            for (PlanResource entry : entries) {
                assertEquals("STANDARD", entry.prop("type"));
                PlanResource assoc = plan.require("aws:eks/accessPolicyAssociation:AccessPolicyAssociation", entry.name() + "-cluster-admin");
                assertEquals(entry.prop("principalArn"), assoc.prop("principalArn"));
                assertEquals("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", assoc.prop("policyArn"));
                assertEquals("cluster", assoc.prop("accessScope.type"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void clusterAndNodeRolesCarryOnlyTheirManagedPolicies(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"), attachedTo(plan, component(region) + "-cluster-role"));
            assertEquals(Set.of("arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
                    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly"), attachedTo(plan, component(region) + "-node-role"));
            Map<String, Object> trust = json(plan.require("aws:iam/role:Role", component(region) + "-cluster-role").prop("assumeRolePolicy"));
            assertTrue(trust.toString().contains("eks.amazonaws.com"));
            Map<String, Object> nodeTrust = json(plan.require("aws:iam/role:Role", component(region) + "-node-role").prop("assumeRolePolicy"));
            assertTrue(nodeTrust.toString().contains("ec2.amazonaws.com"));
        }
    }

    private static Set<String> attachedTo(Plan plan, String roleName) {
        return plan.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> roleName.equals(a.prop("role")))
                .map(a -> (String) a.prop("policyArn")).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void nodeGroupsFollowTheirPoolsTaintsAndScaling(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            List<NodePoolSpec> pools = pools(stack, region);
            List<PlanResource> groups = within(plan, region).stream().filter(r -> r.type().equals(NODE_GROUP)).toList();
            assertEquals(pools.stream().map(p -> component(region) + "-" + p.name()).sorted().toList(),
                    groups.stream().map(PlanResource::name).sorted().toList());
            for (NodePoolSpec pool : pools) {
                PlanResource g = plan.require(NODE_GROUP, component(region) + "-" + pool.name());
                String what = stack + " " + region + " " + pool.name();
                assertEquals(pool.minSize(), num(g.prop("scalingConfig.minSize")), what);
                assertEquals(pool.maxSize(), num(g.prop("scalingConfig.maxSize")), what);
                assertEquals(pool.desiredSize(), num(g.prop("scalingConfig.desiredSize")), what);
                assertEquals(List.of("scalingConfig.desiredSize"), g.ignoreChanges(), what + ": the autoscaler owns desired size");
                assertEquals(pool.maxUnavailablePercent(), num(g.prop("updateConfig.maxUnavailablePercentage")), what);
                assertEquals(pool.capacityType().configName(), g.prop("capacityType"), what);
                assertEquals(pool.instanceTypes(), g.prop("instanceTypes"), what);
                assertEquals(pool.labels(), g.prop("labels"), what);
                List<Map<String, Object>> taints = g.prop("taints") == null ? List.of() : (List<Map<String, Object>>) g.prop("taints");
                assertEquals(pool.taints().stream().map(t -> t.key() + "=" + t.value() + ":" + t.effect().eksName()).toList(),
                        taints.stream().map(t -> t.get("key") + "=" + t.get("value") + ":" + t.get("effect")).toList(), what);
                assertEquals("ultibiker-" + config(stack).environment() + "-" + region, g.prop("clusterName"));
                assertEquals("true", g.tags().get("k8s.io/cluster-autoscaler/enabled"), what);
                assertEquals("owned", g.tags().get("k8s.io/cluster-autoscaler/" + g.prop("clusterName")), what);
                assertEquals(component(region) + "-" + pool.name() + "-lt-id", g.prop("launchTemplate.id"), what + ": template by id");
                assertEquals("1", g.prop("launchTemplate.version"), what + ": the template's latest version");
                assertEquals(pool.name() + "-", g.prop("nodeGroupNamePrefix"), what);
                List<String> subnets = (List<String>) g.prop("subnetIds");
                assertTrue(subnets.stream().allMatch(s -> s.contains("-private-")), what + " in private subnets: " + subnets);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void launchTemplatesRequireImdsV2AndEncryptRootVolumesWithoutPublicIps(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            String ebsKeyArn = "arn:aws:kms:" + region + ":123456789012:key/" + component(region) + "-ebs-key-id";
            for (NodePoolSpec pool : pools(stack, region)) {
                PlanResource lt = plan.require(LAUNCH_TEMPLATE, component(region) + "-" + pool.name() + "-lt");
                assertEquals("required", lt.prop("metadataOptions.httpTokens"));
                assertEquals(1, num(lt.prop("metadataOptions.httpPutResponseHopLimit")));
                assertEquals("enabled", lt.prop("metadataOptions.httpEndpoint"));
                List<Map<String, Object>> devices = (List<Map<String, Object>>) lt.prop("blockDeviceMappings");
                assertEquals(1, devices.size());
                assertEquals("/dev/xvda", devices.get(0).get("deviceName"));
                Map<String, Object> ebs = (Map<String, Object>) devices.get(0).get("ebs");
                assertEquals("gp3", ebs.get("volumeType"));
                assertEquals("true", ebs.get("encrypted"));
                assertEquals(ebsKeyArn, ebs.get("kmsKeyId"));
                assertEquals(pool.diskSizeGib(), num(ebs.get("volumeSize")));
                assertEquals("false", lt.prop("networkInterfaces.0.associatePublicIpAddress"));
                List<String> groups = (List<String>) lt.prop("networkInterfaces.0.securityGroups");
                assertEquals(List.of(component(region) + "-node-sg-id", component(region) + "-cluster-cluster-sg-id"), groups);
                assertEquals(Set.of("instance", "volume", "network-interface"), ((List<Map<String, Object>>) lt.prop("tagSpecifications"))
                        .stream().map(t -> (String) t.get("resourceType")).collect(Collectors.toSet()));
            }
            PlanResource key = plan.require("aws:kms/key:Key", component(region) + "-ebs-key");
            assertEquals(true, key.prop("enableKeyRotation"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theNodeSecurityGroupIsExportedForDataStores(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            PlanResource sg = plan.require("aws:ec2/securityGroup:SecurityGroup", component(region) + "-node-sg");
            assertEquals("network-" + region + "-vpc-id", sg.prop("vpcId"));
            assertEquals(null, sg.prop("ingress"), "rules are standalone resources (SecurityGroupRulesTest)");
            assertEquals(sg.name() + "-id", plan.outputs().get("eks.nodeSecurityGroupId." + region));
            assertFalse(sg.tags().keySet().stream().anyMatch(k -> k.startsWith("kubernetes.io/cluster/")),
                    "only the cluster security group may carry the cluster tag (load balancer controller)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theCoreAddOnsAreManagedWithConflictResolution(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            List<PlanResource> addons = within(plan, region).stream().filter(r -> r.type().equals("aws:eks/addon:Addon")).toList();
            assertEquals(new TreeSet<>(List.of("vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent", "aws-ebs-csi-driver",
                            "amazon-cloudwatch-observability")),
                    addons.stream().map(a -> (String) a.prop("addonName")).collect(Collectors.toCollection(TreeSet::new)));
            for (PlanResource a : addons) {
                assertEquals("OVERWRITE", a.prop("resolveConflictsOnCreate"), a.name());
                assertEquals("OVERWRITE", a.prop("resolveConflictsOnUpdate"), a.name());
                assertEquals(config(stack).eks().addonVersions().get((String) a.prop("addonName")), a.prop("addonVersion"), a.name() + ": pinned");
            }
            PlanResource systemGroup = within(plan, region).stream().filter(r -> r.type().equals(NODE_GROUP)).findFirst().orElseThrow();
            for (String before : ClusterAddons.BEFORE_NODES) {
                assertTrue(systemGroup.dependencies().contains(plan.require("aws:eks/addon:Addon", component(region) + "-" + before).urn()),
                        before + " before the nodes");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void controllersUseOnePodIdentityRoleEachWhoseTrustNamesTheirServiceAccount(String stack) {
        Plan plan = plan(stack);
        String primary = config(stack).regions().primary();
        List<String> clusterNames = regions(stack).stream().map(r -> PlatformStack.clusterName(config(stack), r)).sorted().toList();
        for (Controller controller : Controller.values()) {
            PlanResource role = plan.require("aws:iam/role:Role", component(primary) + "-" + controller.role() + "-role");
            Map<String, Object> statement = ((List<Map<String, Object>>) json(role.prop("assumeRolePolicy")).get("Statement")).get(0);
            assertEquals(Map.of("Service", "pods.eks.amazonaws.com"), statement.get("Principal"));
            assertEquals(List.of("sts:AssumeRole", "sts:TagSession"), statement.get("Action"));
            Map<String, Object> equals = ((Map<String, Map<String, Object>>) statement.get("Condition")).get("StringEquals");
            assertEquals("123456789012", equals.get("aws:SourceAccount"));
            assertEquals(clusterNames, equals.get(IamPolicies.TAG_CLUSTER));
            assertEquals(controller.namespace(), equals.get(IamPolicies.TAG_NAMESPACE));
            assertEquals(controller.serviceAccount(), equals.get(IamPolicies.TAG_SERVICE_ACCOUNT));
            for (String region : regions(stack)) {
                PlanResource assoc = plan.require("aws:eks/podIdentityAssociation:PodIdentityAssociation",
                        component(region) + "-" + controller.role() + "-pod-identity");
                assertEquals("arn:aws:iam::123456789012:role/" + role.name(), assoc.prop("roleArn"), "every cluster uses the one role");
                assertEquals(controller.namespace(), assoc.prop("namespace"));
                assertEquals(controller.serviceAccount(), assoc.prop("serviceAccount"));
            }
        }
        assertEquals(Controller.values().length, plan.ofType("aws:iam/policy:Policy").stream()
                .filter(p -> p.name().startsWith("eks-")).count(), "one policy per controller, shared by the regions");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyIamActionTheClustersUseIsDocumented(String stack) {
        Plan plan = plan(stack);
        List<String> problems = new ArrayList<>();
        for (String region : regions(stack)) {
            for (PlanResource r : within(plan, region)) {
                Object doc = switch (r.type()) {
                    case "aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:kms/key:Key" -> r.prop("policy");
                    case "aws:iam/role:Role" -> r.prop("assumeRolePolicy");
                    default -> null;
                };
                if (doc != null) {
                    IamActionCatalog.actionsIn(String.valueOf(doc)).forEach(a ->
                            IamActionCatalog.problem(a).ifPresent(p -> problems.add(r.name() + ": " + p)));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void helmReleasesArePinnedAndConfiguredForTheirCluster(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            String clusterName = PlatformStack.clusterName(config(stack), region);
            NodePoolSpec system = HelmValues.systemPool(pools(stack, region));
            String k8sProvider = plan.require("pulumi:providers:kubernetes", component(region) + "-k8s").urn();

            PlanResource ca = plan.require("kubernetes:helm.sh/v3:Release", component(region) + "-cluster-autoscaler");
            assertEquals("9.54.0", ca.prop("version"), "the first chart whose ClusterRole matches cluster-autoscaler 1.35");
            assertEquals("v1.35.0", ca.prop("values.image.tag"));
            assertEquals("https://kubernetes.github.io/autoscaler", ca.prop("repositoryOpts.repo"));
            assertEquals(clusterName, ca.prop("values.autoDiscovery.clusterName"));
            assertEquals(region, ca.prop("values.awsRegion"));
            assertEquals(podIdentityServiceAccount(plan, region, Controller.CLUSTER_AUTOSCALER), ca.prop("values.rbac.serviceAccount.name"));
            assertEquals("kube-system", ca.prop("namespace"));

            PlanResource lbc = plan.require("kubernetes:helm.sh/v3:Release", component(region) + "-aws-load-balancer-controller");
            assertEquals(HelmCharts.LOAD_BALANCER_CONTROLLER.version(), lbc.prop("version"));
            assertEquals("https://aws.github.io/eks-charts", lbc.prop("repositoryOpts.repo"));
            assertEquals(clusterName, lbc.prop("values.clusterName"));
            assertEquals(region, lbc.prop("values.region"));
            assertEquals("network-" + region + "-vpc-id", lbc.prop("values.vpcId"));
            assertEquals(podIdentityServiceAccount(plan, region, Controller.LOAD_BALANCER_CONTROLLER), lbc.prop("values.serviceAccount.name"));

            String bootstrap = plan.require("pulumi:providers:kubernetes", component(region) + "-k8s-bootstrap").urn();
            assertEquals(bootstrap, lbc.provider(), "the controller installs through the bootstrap provider");
            assertEquals(k8sProvider, ca.provider(), "the autoscaler through the provider that waits for the controller");
            for (PlanResource release : List.of(ca, lbc)) {
                assertEquals(system.labels(), release.prop("values.nodeSelector"), release.name() + " on the system pool");
                List<Map<String, Object>> tolerations = (List<Map<String, Object>>) release.prop("values.tolerations");
                assertEquals(system.taints().stream().map(t -> t.key() + "=" + t.value() + ":" + t.effect().configName()).toList(),
                        tolerations.stream().map(t -> t.get("key") + "=" + t.get("value") + ":" + t.get("effect")).toList(), release.name());
                assertTrue(ServicesAfterControllerTest.waitsFor(plan, release)
                        .contains(plan.require("aws:eks/addon:Addon", component(region) + "-coredns").urn()), release.name());
            }
        }
    }

    private static String podIdentityServiceAccount(Plan plan, String region, Controller controller) {
        return (String) plan.require("aws:eks/podIdentityAssociation:PodIdentityAssociation",
                component(region) + "-" + controller.role() + "-pod-identity").prop("serviceAccount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void storageClassesAreEncryptedGp3WaitingForTheirConsumer(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            String k8sProvider = plan.require("pulumi:providers:kubernetes", component(region) + "-k8s-bootstrap").urn();
            String ebsKeyArn = "arn:aws:kms:" + region + ":123456789012:key/" + component(region) + "-ebs-key-id";
            PlanResource gp3 = plan.require("kubernetes:storage.k8s.io/v1:StorageClass", component(region) + "-storageclass-gp3");
            PlanResource retain = plan.require("kubernetes:storage.k8s.io/v1:StorageClass", component(region) + "-storageclass-gp3-retain");
            assertEquals("gp3", gp3.prop("metadata.name"));
            assertEquals("gp3-retain", retain.prop("metadata.name"));
            assertEquals("Delete", gp3.prop("reclaimPolicy"));
            assertEquals("Retain", retain.prop("reclaimPolicy"));
            assertEquals("true", defaultAnnotation(gp3));
            assertEquals(null, defaultAnnotation(retain), "only gp3 is the default");
            for (PlanResource sc : List.of(gp3, retain)) {
                assertEquals("ebs.csi.aws.com", sc.prop("provisioner"));
                assertEquals("WaitForFirstConsumer", sc.prop("volumeBindingMode"));
                assertEquals("gp3", sc.prop("parameters.type"));
                assertEquals("true", sc.prop("parameters.encrypted"));
                assertEquals(ebsKeyArn, sc.prop("parameters.kmsKeyId"));
                assertEquals(k8sProvider, sc.provider());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Object defaultAnnotation(PlanResource sc) {
        Object annotations = sc.prop("metadata.annotations");
        return annotations instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("storageclass.kubernetes.io/is-default-class") : null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theApplicationNamespaceHasQuotaAndLimitsFromConfig(String stack) {
        Plan plan = plan(stack);
        var spec = config(stack).eks().appNamespace();
        for (String region : regions(stack)) {
            PlanResource ns = plan.require("kubernetes:core/v1:Namespace", component(region) + "-app-namespace");
            assertEquals(spec.name(), ns.prop("metadata.name"));
            PlanResource quota = plan.require("kubernetes:core/v1:ResourceQuota", component(region) + "-app-quota");
            assertEquals(spec.name(), quota.prop("metadata.namespace"));
            assertEquals(spec.requestsCpu(), hard(quota, "requests.cpu"));
            assertEquals(spec.limitsMemory(), hard(quota, "limits.memory"));
            assertEquals(String.valueOf(spec.maxPods()), hard(quota, "pods"));
            PlanResource limits = plan.require("kubernetes:core/v1:LimitRange", component(region) + "-app-limits");
            assertEquals("Container", limits.prop("spec.limits.0.type"));
            assertEquals(spec.defaultLimitCpu(), limits.prop("spec.limits.0.default.cpu"));
            assertEquals(spec.defaultRequestMemory(), limits.prop("spec.limits.0.defaultRequest.memory"));
            assertTrue(quota.dependencies().contains(ns.urn()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Object hard(PlanResource quota, String key) {
        return ((Map<String, Object>) quota.prop("spec.hard")).get(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kubernetesResourcesGoThroughTheirClustersProviders(String stack) {
        Plan plan = plan(stack);
        for (String region : regions(stack)) {
            String bootstrap = plan.require("pulumi:providers:kubernetes", component(region) + "-k8s-bootstrap").urn();
            String k8sProvider = plan.require("pulumi:providers:kubernetes", component(region) + "-k8s").urn();
            List<PlanResource> kube = within(plan, region).stream().filter(r -> r.type().startsWith("kubernetes:")).toList();
            assertEquals(List.of("eks-" + region + "-app-limits", "eks-" + region + "-app-namespace", "eks-" + region + "-app-quota",
                            "eks-" + region + "-aws-load-balancer-controller", "eks-" + region + "-storageclass-gp3",
                            "eks-" + region + "-storageclass-gp3-retain"),
                    kube.stream().filter(r -> r.provider().equals(bootstrap)).map(PlanResource::name).sorted().toList(), "the baseline");
            assertEquals(List.of("eks-" + region + "-cluster-autoscaler"),
                    kube.stream().filter(r -> r.provider().equals(k8sProvider)).map(PlanResource::name).toList());
            assertEquals(7, kube.size());
            List<String> waited = plan.require("pulumi:providers:kubernetes", component(region) + "-k8s").dependencies();
            kube.stream().filter(r -> r.provider().equals(bootstrap))
                    .forEach(r -> assertTrue(waited.contains(r.urn()), "the shared provider waits for " + r.name()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void clustersAndKeysAreProtectedOnlyInProduction(String stack) {
        Plan plan = plan(stack);
        boolean production = config(stack).production();
        for (String region : regions(stack)) {
            List<PlanResource> stateful = within(plan, region).stream()
                    .filter(r -> r.type().equals(CLUSTER) || r.type().equals("aws:kms/key:Key")).toList();
            assertEquals(4, stateful.size(), "cluster and its secrets, logs and EBS keys");
            stateful.forEach(r -> assertEquals(production, r.protect(), r.name()));
            within(plan, region).stream().filter(r -> r.type().equals(NODE_GROUP))
                    .forEach(r -> assertFalse(r.protect(), r.name() + " is replaceable"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTaggableAwsResourceCarriesTheRequiredTags(String stack) {
        Plan plan = plan(stack);
        List<String> missing = new ArrayList<>();
        for (String region : regions(stack)) {
            for (PlanResource r : within(plan, region)) {
                if (TaggableTypes.isTaggable(r.type())) {
                    for (String tag : List.of("Project", "Environment", "Owner", "CostCenter", "ManagedBy", "Name")) {
                        if (!r.tags().containsKey(tag)) {
                            missing.add(r.name() + " lacks " + tag);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    @SuppressWarnings("unchecked")
    void dataStoresAdmitOnlyTheNodeSecurityGroupOfTheirRegion(String stack) {
        Plan plan = plan(stack);
        List<PlanResource> dataGroups = plan.ofType("aws:ec2/securityGroup:SecurityGroup").stream()
                .filter(sg -> sg.prop("ingress") instanceof List<?> l && ((List<Map<String, Object>>) l).stream()
                        .anyMatch(rule -> List.of(5432, 6379).contains(num(rule.get("fromPort")))))
                .toList();
        assertFalse(dataGroups.isEmpty());
        for (PlanResource sg : dataGroups) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) sg.prop("ingress")) {
                assertEquals(List.of(component(sg.region()) + "-node-sg-id"), rule.get("securityGroups"), sg.name());
                assertEquals(null, rule.get("cidrBlocks"), sg.name() + " admits no CIDR");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theStandbyClusterSharesTheControllerRolesOfThePrimary() {
        Plan plan = StackPlans.prod();
        PlanResource standby = componentOf(plan, "eu-west-1");
        List<String> standbyRoles = plan.where(r -> r.type().equals("aws:iam/role:Role") && plan.isWithin(r, standby))
                .stream().map(PlanResource::name).sorted().toList();
        assertEquals(List.of("eks-eu-west-1-cluster-role", "eks-eu-west-1-node-role"), standbyRoles);
        PlanResource keyUse = plan.require("aws:iam/rolePolicy:RolePolicy", "eks-eu-west-1-ebs-csi-key-use");
        assertEquals("eks-us-east-1-ebs-csi-driver-role-id", keyUse.prop("role"), "the shared role");
        assertTrue(String.valueOf(keyUse.prop("policy")).contains("arn:aws:kms:eu-west-1:123456789012:key/eks-eu-west-1-ebs-key-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyAddOnRunsItsPinnedVersionNeverEksesMovingDefault(String stack) {
        // Rule over every add-on of the plan: a literal EKS build, kube-proxy of the cluster's minor. The offline
        // plan answers EKS's default-version lookup with v0.0.0-eksbuild.plan, so an add-on following it fails here.
        Plan plan = plan(stack);
        List<PlanResource> addons = plan.ofType("aws:eks/addon:Addon");
        assertEquals(6 * regions(stack).size(), addons.size());
        for (PlanResource addon : addons) {
            String version = String.valueOf(addon.prop("addonVersion"));
            assertTrue(AddonVersions.VERSION.matcher(version).matches() && !version.startsWith("v0.0.0"), addon.name() + ": " + version);
            if ("kube-proxy".equals(addon.prop("addonName"))) {
                assertEquals(java.util.Optional.empty(), AddonVersions.kubeProxyMismatch(config(stack).eks().version(), version));
            }
        }
        assertEquals("v1.21.1-eksbuild.3", plan.require("aws:eks/addon:Addon", "eks-us-east-1-vpc-cni").prop("addonVersion"));
        assertEquals("v1.13.2-eksbuild.1", plan.require("aws:eks/addon:Addon", "eks-us-east-1-coredns").prop("addonVersion"));
    }

    @org.junit.jupiter.api.Test
    void aStackThatPinsNothingGetsTheRecordedDefaultsOfItsKubernetesMinor() {
        String eks = StackPlans.stackFile("dev").projectConfig().get("eks");
        String unpinned = eks.replaceAll("\"addonVersions\":\\{[^}]*},?", "");
        Plan plan = StackPlans.runWith("dev", Map.of("eks", unpinned));
        assertEquals("v1.35.0-eksbuild.2", plan.require("aws:eks/addon:Addon", "eks-us-east-1-kube-proxy").prop("addonVersion"));
        assertEquals("v1.57.1-eksbuild.1", plan.require("aws:eks/addon:Addon", "eks-us-east-1-aws-ebs-csi-driver").prop("addonVersion"));
    }
}
