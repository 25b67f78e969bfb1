package com.ultibiker.platform.eks;

import com.pulumi.aws.eks.outputs.ClusterCertificateAuthority;
import com.pulumi.aws.eks.outputs.ClusterIdentity;
import com.pulumi.aws.eks.outputs.ClusterIdentityOidc;
import com.pulumi.aws.eks.outputs.ClusterVpcConfig;
import com.pulumi.test.Mocks;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Attributes AWS computes for every EKS cluster (certificate authority, OIDC issuer, cluster security
 * group; terraform-provider-aws {@code internal/service/eks/cluster.go} marks them Computed) are never
 * replaced by {@code ""} when absent: a kubeconfig without a CA, an OIDC provider without a URL or a launch
 * template naming an empty group would fail later, far from the cause. The program stops instead,
 * naming the resource and the attribute.
 */
class ClusterAttributesTest {

    private static final String RESOURCE = "eks-us-east-1-cluster";

    @Test
    void presentAttributesPassThrough() {
        assertEquals("UExBTi1DQQ==", ControlPlane.certificateAuthorityData(RESOURCE,
                ClusterCertificateAuthority.builder().data("UExBTi1DQQ==").build()));
        assertEquals("https://oidc.eks.us-east-1.amazonaws.com/id/ABC", ControlPlane.oidcIssuer(RESOURCE, List.of(
                ClusterIdentity.builder().oidcs(ClusterIdentityOidc.builder()
                        .issuer("https://oidc.eks.us-east-1.amazonaws.com/id/ABC").build()).build())));
        assertEquals("sg-0123", ControlPlane.clusterSecurityGroupId(RESOURCE,
                vpcConfig().clusterSecurityGroupId("sg-0123").build()));
    }

    @Test
    void aMissingCertificateAuthorityFailsNamingTheResourceAndAttribute() {
        assertMissing("certificateAuthority.data", () -> ControlPlane.certificateAuthorityData(RESOURCE,
                ClusterCertificateAuthority.builder().build()));
        assertMissing("certificateAuthority.data", () -> ControlPlane.certificateAuthorityData(RESOURCE,
                ClusterCertificateAuthority.builder().data("").build()));
        assertMissing("certificateAuthority.data", () -> ControlPlane.certificateAuthorityData(RESOURCE, null));
    }

    @Test
    void aMissingOidcIssuerFailsNamingTheResourceAndAttribute() {
        assertMissing("identities[0].oidcs[0].issuer", () -> ControlPlane.oidcIssuer(RESOURCE, List.of()));
        assertMissing("identities[0].oidcs[0].issuer", () -> ControlPlane.oidcIssuer(RESOURCE,
                List.of(ClusterIdentity.builder().oidcs(List.of()).build())));
        assertMissing("identities[0].oidcs[0].issuer", () -> ControlPlane.oidcIssuer(RESOURCE,
                List.of(ClusterIdentity.builder().oidcs(ClusterIdentityOidc.builder().build()).build())));
    }

    @Test
    void aMissingClusterSecurityGroupFailsNamingTheResourceAndAttribute() {
        assertMissing("vpcConfig.clusterSecurityGroupId", () -> ControlPlane.clusterSecurityGroupId(RESOURCE,
                vpcConfig().build()));
        assertMissing("vpcConfig.clusterSecurityGroupId", () -> ControlPlane.clusterSecurityGroupId(RESOURCE, null));
    }

    /** The whole program, with EKS answering without one attribute: the run fails and says which. */
    @ParameterizedTest
    @ValueSource(strings = {"certificateAuthority.data", "identities[0].oidcs[0].issuer", "vpcConfig.clusterSecurityGroupId"})
    void aClusterAnsweredWithoutTheAttributeStopsTheProgram(String attribute) {
        var failure = assertThrows(RuntimeException.class, () -> PlanRunner.run(StackPlans.withConfig("dev", Map.of()),
                PlatformStack::stack, plan -> new ClusterAnsweredWithout(plan, attribute)));
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("aws:eks/cluster:Cluster " + RESOURCE + ": AWS returned no " + attribute)) {
                return;
            }
        }
        fail("no failure names " + RESOURCE + " and " + attribute + ": " + failure);
    }

    private static ClusterVpcConfig.Builder vpcConfig() {
        return ClusterVpcConfig.builder().subnetIds(List.of("subnet-1")).securityGroupIds(List.of())
                .endpointPrivateAccess(true).endpointPublicAccess(false).publicAccessCidrs(List.of()).vpcId("vpc-1");
    }

    private static void assertMissing(String attribute, org.junit.jupiter.api.function.Executable call) {
        var e = assertThrows(IllegalStateException.class, call);
        assertTrue(e.getMessage().startsWith("aws:eks/cluster:Cluster eks-us-east-1-cluster: AWS returned no " + attribute + " "),
                e.getMessage());
    }

    /** The plan's mock engine, except that EKS returns the cluster without {@code attribute}. */
    private record ClusterAnsweredWithout(Mocks plan, String attribute) implements Mocks {

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return plan.newResourceAsync(args).thenApply(result -> {
                if (!args.type.equals("aws:eks/cluster:Cluster")) {
                    return result;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> state = new LinkedHashMap<>((Map<String, Object>) result.state);
                switch (attribute) {
                    case "certificateAuthority.data" -> state.put("certificateAuthority", Map.of());
                    case "identities[0].oidcs[0].issuer" -> state.put("identities", List.of());
                    case "vpcConfig.clusterSecurityGroupId" -> {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> vpc = new LinkedHashMap<>((Map<String, Object>) state.get("vpcConfig"));
                        vpc.remove("clusterSecurityGroupId");
                        state.put("vpcConfig", vpc);
                    }
                    default -> throw new IllegalArgumentException(attribute);
                }
                return ResourceResult.of(result.id, state);
            });
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            return plan.callAsync(args);
        }
    }
}
