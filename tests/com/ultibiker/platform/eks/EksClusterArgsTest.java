package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link EksClusterArgs} is built by name, a forgotten field fails naming it, and what the cluster's parts
 * would only find out midway (an add-on without a pinned version, a Kubernetes minor without an autoscaler
 * chart) is refused before the component registers anything.
 */
class EksClusterArgsTest {

    private static final AwsRegion REGION = new AwsRegion("us-east-1", null, Output.of("123456789012"), Output.of("aws"));

    private static EksClusterArgs.Builder complete() {
        StackConfig config = EksClusterPlanTest.config("dev");
        var eks = config.eks();
        return EksClusterArgs.builder()
                .region(REGION)
                .clusterName("ultibiker-dev-us-east-1")
                .kubernetesVersion("1.35")
                .logTypes(eks.logTypes())
                .nodePools(eks.nodePools())
                .addonVersions(eks.addonVersions())
                .appNamespace(eks.appNamespace())
                .vpcId(Output.of("vpc-1"))
                .privateSubnetIds(Output.of(List.of("subnet-a", "subnet-b")))
                .availabilityZones(List.of("b", "a"))
                .logRetentionDays(30)
                .platformClusters(Map.of("us-east-1", "ultibiker-dev-us-east-1"))
                .autoscalingServiceLinkedRole(eks.autoscalingServiceLinkedRole())
                .tagging(Tagging.from(config))
                .protection(new StatefulProtection(false));
    }

    @Test
    void builtByNameWithTheDefaultsOfNone() {
        var args = complete().build();
        assertEquals(false, args.endpointPublicAccess());
        assertEquals(List.of(), args.publicAccessCidrs());
        assertEquals(List.of(), args.adminPrincipalArns());
        assertEquals(List.of(), args.automationAccess());
        assertEquals(java.util.Optional.empty(), args.sharedRoles());
        assertEquals(List.of("a", "b"), args.availabilityZones(), "sorted: the network's subnet order");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        var e = assertThrows(IllegalStateException.class, () -> complete().vpcId(null).build());
        assertEquals("EksClusterArgs.vpcId is required: set it on the builder", e.getMessage());
        var empty = assertThrows(IllegalStateException.class, () -> EksClusterArgs.builder().build());
        assertEquals("EksClusterArgs.region is required: set it on the builder", empty.getMessage());
        var access = assertThrows(IllegalStateException.class, () -> ClusterAccess.builder().role("ci-deploy").build());
        assertEquals("ClusterAccess.principalArn is required: set it on the builder", access.getMessage());
    }

    @Test
    void anAddonWithoutAPinnedVersionIsRefusedBeforeAnythingIsRegistered() {
        Map<String, String> versions = new HashMap<>(complete().build().addonVersions());
        versions.remove("coredns");
        var e = assertThrows(IllegalArgumentException.class, () -> complete().addonVersions(versions).build());
        assertEquals(true, e.getMessage().startsWith("EksClusterArgs.addonVersions "), e.getMessage());
        assertEquals(true, e.getMessage().contains(": no pinned version for [coredns]; every one of "
                + "[vpc-cni, coredns, kube-proxy, eks-pod-identity-agent, aws-ebs-csi-driver, amazon-cloudwatch-observability]"
                + " must be pinned"), e.getMessage());
    }

    @Test
    void aMinorWithoutAnAutoscalerChartIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> complete().kubernetesVersion("1.33").build());
        assertEquals("EksClusterArgs.kubernetesVersion 1.33: no cluster-autoscaler chart recorded; one of [1.32, 1.35]",
                e.getMessage());
    }

    @Test
    void theAddonsCreatedBeforeAndAfterTheNodesAreExactlyThePinnedOnes() {
        Set<String> created = new HashSet<>(ClusterAddons.BEFORE_NODES);
        created.addAll(ClusterAddons.AFTER_NODES);
        created.add(ContainerLogs.ADDON);
        assertEquals(ClusterAddons.BEFORE_NODES.size() + ClusterAddons.AFTER_NODES.size() + 1, created.size(), "each once");
        assertEquals(Set.of("vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent", "aws-ebs-csi-driver",
                "amazon-cloudwatch-observability"), created);
        assertEquals(Set.copyOf(AddonVersions.ADDONS), created);
    }
}
