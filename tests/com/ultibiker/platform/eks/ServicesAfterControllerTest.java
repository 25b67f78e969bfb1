package com.ultibiker.platform.eks;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule over every plan: every Kubernetes Service and every Helm release (charts create Services) other
 * than the AWS Load Balancer Controller itself is created after that controller's release. The
 * controller registers a mutating webhook on Services with failurePolicy Fail (chart 1.13.0 values,
 * {@code serviceMutatorWebhookConfig.failurePolicy: Fail}); a Service created before its pods answer is
 * refused. "After" is what the engine enforces: a dependency, or a provider that itself waits. Managed
 * add-ons apply manifests too: each is done before the controller's release begins, or begins after it.
 */
class ServicesAfterControllerTest {

    static final String RELEASE = "kubernetes:helm.sh/v3:Release";
    static final String CONTROLLER_CHART = "aws-load-balancer-controller";
    /**
     * Managed add-ons whose manifests hold a Service: coredns ({@code kube-dns}) and the CloudWatch Observability
     * add-on (chart 6.3.0 {@code templates/operator-service.yaml}, the operator's webhook).
     */
    static final Set<String> ADDONS_WITH_SERVICES = Set.of("coredns", "amazon-cloudwatch-observability");

    /** Every URN {@code r} waits for: its dependencies and its provider, transitively. */
    static Set<String> waitsFor(Plan plan, PlanResource r) {
        Set<String> seen = new HashSet<>();
        Deque<PlanResource> todo = new ArrayDeque<>(List.of(r));
        while (!todo.isEmpty()) {
            PlanResource current = todo.pop();
            List<String> edges = new ArrayList<>(current.dependencies());
            if (current.provider() != null) {
                edges.add(current.provider());
            }
            for (String urn : edges) {
                if (seen.add(urn)) {
                    plan.byUrn(urn).ifPresent(todo::push);
                }
            }
        }
        return seen;
    }

    static List<String> createdTooEarly(Plan plan) {
        List<String> controllers = plan.where(r -> r.type().equals(RELEASE) && CONTROLLER_CHART.equals(r.prop("chart")))
                .stream().map(PlanResource::urn).toList();
        List<String> out = new ArrayList<>();
        for (PlanResource r : plan.where(r -> r.type().equals("kubernetes:core/v1:Service")
                || (r.type().equals(RELEASE) && !CONTROLLER_CHART.equals(r.prop("chart"))))) {
            Set<String> before = waitsFor(plan, r);
            if (controllers.stream().noneMatch(before::contains)) {
                out.add(plan.stack() + " " + r.type() + " " + r.name());
            }
        }
        // A managed add-on that ships a Service applies it while it is created: it either finishes before the
        // controller's release starts (the controller waits for it) or starts after the release.
        Set<String> beforeControllers = new HashSet<>();
        controllers.forEach(urn -> plan.byUrn(urn).ifPresent(c -> beforeControllers.addAll(waitsFor(plan, c))));
        for (PlanResource addon : plan.ofType("aws:eks/addon:Addon")) {
            if (!ADDONS_WITH_SERVICES.contains(String.valueOf(addon.prop("addonName")))) {
                continue;
            }
            if (!beforeControllers.contains(addon.urn()) && controllers.stream().noneMatch(waitsFor(plan, addon)::contains)) {
                out.add(plan.stack() + " " + addon.type() + " " + addon.name() + " (concurrent with the controller's release)");
            }
        }
        return out;
    }

    @Test
    void everyServiceAndChartWaitsForTheLoadBalancerControllersWebhook() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            assertEquals(List.of(), createdTooEarly(plan));
        }
    }

    @Test
    void theRuleSeesTheServicesOfEveryComponent() {
        Plan dev = StackPlans.dev();
        List<String> names = dev.where(r -> r.type().equals("kubernetes:core/v1:Service") || r.type().equals(RELEASE))
                .stream().map(PlanResource::name).sorted().toList();
        assertTrue(names.containsAll(List.of("eks-us-east-1-cluster-autoscaler", "observability-kube-prometheus-stack",
                "timeseries-service", "timeseries-headless")), names.toString());
    }

    @Test
    void theControllerReleaseWaitsForItsPodsToBeReady() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource lbc : plan.where(r -> r.type().equals(RELEASE) && CONTROLLER_CHART.equals(r.prop("chart")))) {
                assertEquals(false, lbc.prop("skipAwait"), lbc.name());
                assertEquals(true, lbc.prop("atomic"), lbc.name());
                assertFalse(waitsFor(plan, lbc).contains(plan.require("pulumi:providers:kubernetes",
                        lbc.name().replace("-aws-load-balancer-controller", "-k8s")).urn()), "no cycle through the waiting provider");
            }
        }
    }
}
