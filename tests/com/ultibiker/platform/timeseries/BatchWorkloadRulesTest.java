package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules every CronJob and Job of every stack's plan obeys, so the next batch workload is held to them too:
 * <ul>
 *   <li>every container (init containers included) requests and limits CPU and memory: the application
 *   namespace has a ResourceQuota on both, which refuses pods that do not (Kubernetes, "Resource Quotas");</li>
 *   <li>every image is pinned: a digest, or an exact {@code major.minor.patch} release tag; never {@code latest}
 *   or a floating {@code 2.7};</li>
 *   <li>the pod runs as a named service account that exists in its namespace and has an EKS Pod Identity
 *   association on the cluster it runs on (the role its AWS calls need), and the workload depends on that
 *   association, so its first pod is not created before credentials can be injected;</li>
 *   <li>a run has a deadline and a CronJob never overlaps itself (Forbid), so a hung run cannot block the
 *   schedule forever.</li>
 * </ul>
 */
class BatchWorkloadRulesTest {

    private static final List<String> BATCH = List.of("kubernetes:batch/v1:CronJob", "kubernetes:batch/v1:Job");
    private static final String POD_IDENTITY = "aws:eks/podIdentityAssociation:PodIdentityAssociation";
    private static final Pattern PINNED = Pattern.compile(".+(@sha256:[0-9a-f]{64}|:\\d+\\.\\d+\\.\\d+(-[a-z0-9.]+)?)");
    private static final Pattern K8S_PROVIDER = Pattern.compile(".*::eks-([a-z0-9-]+)-k8s$");

    private static Stream<Plan> plans() {
        return Stream.of(StackPlans.dev(), StackPlans.prod());
    }

    private static List<PlanResource> batch(Plan plan) {
        return plan.where(r -> BATCH.contains(r.type()));
    }

    /** The pod spec of a CronJob or a Job. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> podSpec(PlanResource workload) {
        Object spec = workload.type().endsWith(":CronJob")
                ? workload.prop("spec.jobTemplate.spec.template.spec") : workload.prop("spec.template.spec");
        assertNotNull(spec, workload.urn() + " has no pod template");
        return (Map<String, Object>) spec;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> pod) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (String key : List.of("initContainers", "containers")) {
            if (pod.get(key) instanceof List<?> list) {
                list.forEach(c -> all.add((Map<String, Object>) c));
            }
        }
        return all;
    }

    static String clusterRegion(PlanResource kubernetesResource) {
        Matcher m = K8S_PROVIDER.matcher(String.valueOf(kubernetesResource.provider()));
        assertTrue(m.matches(), kubernetesResource.urn() + " goes through " + kubernetesResource.provider());
        return m.group(1);
    }

    @Test
    void bothStacksHaveABatchWorkloadToCheck() {
        plans().forEach(plan -> assertFalse(batch(plan).isEmpty(), plan.stack()));
    }

    @TestFactory
    Stream<DynamicTest> everyContainerRequestsAndLimitsCpuAndMemory() {
        return plans().flatMap(plan -> batch(plan).stream().flatMap(w -> containers(podSpec(w)).stream()
                .map(c -> DynamicTest.dynamicTest(plan.stack() + " " + w.name() + "/" + c.get("name"), () -> {
                    Map<?, ?> resources = (Map<?, ?>) c.get("resources");
                    assertNotNull(resources, w.urn() + " " + c.get("name") + ": no resources");
                    for (String kind : List.of("requests", "limits")) {
                        Map<?, ?> values = (Map<?, ?>) resources.get(kind);
                        assertNotNull(values, c.get("name") + ": no " + kind);
                        assertNotNull(values.get("cpu"), c.get("name") + ": no " + kind + ".cpu");
                        assertNotNull(values.get("memory"), c.get("name") + ": no " + kind + ".memory");
                    }
                }))));
    }

    @TestFactory
    Stream<DynamicTest> everyImageIsPinnedToADigestOrAnExactRelease() {
        return plans().flatMap(plan -> batch(plan).stream().flatMap(w -> containers(podSpec(w)).stream()
                .map(c -> DynamicTest.dynamicTest(plan.stack() + " " + w.name() + "/" + c.get("name"), () -> {
                    String image = String.valueOf(c.get("image"));
                    assertTrue(isPinned(image), w.urn() + " " + c.get("name") + ": image " + image
                            + " is not pinned (a digest, or an exact x.y.z tag)");
                }))));
    }

    static boolean isPinned(String image) {
        return PINNED.matcher(image).matches();
    }

    @Test
    void pinningRefusesFloatingTags() {
        assertTrue(isPinned("influxdb:2.7.12"));
        assertTrue(isPinned("amazon/aws-cli:2.27.26@sha256:883c40732eac4a6fb15822f8023d6da591e188507d65e28af5471dfcf1d6b607"));
        assertTrue(isPinned("influxdb:2.7.12-alpine"));
        for (String floating : List.of("influxdb", "influxdb:latest", "influxdb:2.7", "influxdb:2", "amazon/aws-cli:2.27")) {
            assertFalse(isPinned(floating), floating);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPodRunsAsAServiceAccountWithAPodIdentityAssociationOnItsCluster() {
        return plans().flatMap(plan -> batch(plan).stream().map(w -> DynamicTest.dynamicTest(plan.stack() + " " + w.name(), () -> {
            Object account = podSpec(w).get("serviceAccountName");
            assertNotNull(account, w.urn() + ": runs as the namespace's default service account");
            Object namespace = w.prop("metadata.namespace");
            String region = clusterRegion(w);
            Optional<PlanResource> serviceAccount = plan.ofType("kubernetes:core/v1:ServiceAccount").stream()
                    .filter(sa -> account.equals(sa.prop("metadata.name")) && namespace.equals(sa.prop("metadata.namespace"))
                            && region.equals(clusterRegion(sa)))
                    .findFirst();
            assertTrue(serviceAccount.isPresent(), w.urn() + ": no ServiceAccount " + namespace + "/" + account + " in the plan");
            Optional<PlanResource> association = plan.ofType(POD_IDENTITY).stream()
                    .filter(a -> account.equals(a.prop("serviceAccount")) && namespace.equals(a.prop("namespace"))
                            && region.equals(a.region()))
                    .findFirst();
            assertTrue(association.isPresent(), w.urn() + ": no Pod Identity association for " + namespace + "/" + account
                    + " in " + region);
            assertEquals(plan.outputs().get("eks.clusterName." + region), association.get().prop("clusterName"),
                    "the association is on the cluster the workload runs on");
            assertTrue(w.dependencies().contains(association.get().urn()), w.urn() + " must depend on " + association.get().urn());
        })));
    }

    @TestFactory
    Stream<DynamicTest> everyRunHasADeadlineAndACronJobNeverOverlapsItself() {
        return plans().flatMap(plan -> batch(plan).stream().map(w -> DynamicTest.dynamicTest(plan.stack() + " " + w.name(), () -> {
            String job = w.type().endsWith(":CronJob") ? "spec.jobTemplate.spec." : "spec.";
            assertTrue(w.prop(job + "activeDeadlineSeconds") instanceof Number, w.urn() + ": no activeDeadlineSeconds");
            assertTrue(w.prop(job + "backoffLimit") instanceof Number, w.urn() + ": no backoffLimit (default 6 retries)");
            if (w.type().endsWith(":CronJob")) {
                assertEquals("Forbid", w.prop("spec.concurrencyPolicy"), w.urn());
                assertTrue(w.prop("spec.startingDeadlineSeconds") instanceof Number, w.urn() + ": no startingDeadlineSeconds");
                assertEquals("Etc/UTC", w.prop("spec.timeZone"), w.urn() + ": the schedule's time zone is explicit");
            }
        })));
    }
}
