package com.ultibiker.platform.eks;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Rule: a cluster-autoscaler chart's ClusterRole must grant everything the image it runs watches, and
 * its appVersion must have the image's minor (an informer without RBAC never syncs, so nothing is
 * scaled). The chart facts are recorded with their source in {@code golden/eks/charts/cluster-autoscaler.json}.
 */
class AutoscalerChartTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts() {
        Path file = StackPlans.PROJECT_DIR.resolve("tests/resources/golden/eks/charts/cluster-autoscaler.json");
        try {
            return new Gson().fromJson(Files.readString(file), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String minor(String version) {
        String[] parts = version.replaceFirst("^v", "").split("\\.");
        return parts[0] + "." + parts[1];
    }

    /** Problems of running image {@code imageTag} on chart {@code chartVersion}; empty when they match. */
    @SuppressWarnings("unchecked")
    static List<String> mismatches(String chartVersion, String imageTag) {
        Map<String, Object> facts = facts();
        var chart = (Map<String, Object>) ((Map<String, Object>) facts.get("charts")).get(chartVersion);
        if (chart == null) {
            return List.of("chart " + chartVersion + " is not recorded; read its Chart.yaml and ClusterRole first");
        }
        List<String> out = new ArrayList<>();
        String appVersion = (String) chart.get("appVersion");
        if (!minor(appVersion).equals(minor(imageTag))) {
            out.add("chart " + chartVersion + " is built for " + appVersion + ", the image is " + imageTag);
        }
        var watches = (Map<String, List<String>>) ((Map<String, Object>) facts.get("imageWatches")).get(minor(imageTag));
        if (watches == null) {
            out.add("what image " + imageTag + " watches is not recorded");
            return out;
        }
        var grants = (Map<String, List<String>>) chart.get("clusterRoleGrants");
        watches.forEach((group, resources) -> resources.stream()
                .filter(r -> !grants.getOrDefault(group, List.of()).contains(r))
                .forEach(r -> out.add("image " + imageTag + " watches " + group + "/" + r
                        + ", which the ClusterRole of chart " + chartVersion + " does not grant")));
        return out;
    }

    @Test
    void everySupportedKubernetesMinorGetsAChartWhoseRbacCoversItsImage() {
        for (String minor : HelmCharts.supportedKubernetesVersions()) {
            HelmCharts chart = HelmCharts.clusterAutoscaler(minor).orElseThrow();
            assertEquals(List.of(), mismatches(chart.version(), HelmValues.clusterAutoscalerImageTag(minor)), minor);
        }
    }

    @Test
    void everyAutoscalerReleaseOfEveryPlanRunsAnImageItsChartCovers() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            List<PlanResource> releases = plan.where(r -> r.type().equals("kubernetes:helm.sh/v3:Release")
                    && "cluster-autoscaler".equals(r.prop("chart")));
            assertFalse(releases.isEmpty());
            for (PlanResource release : releases) {
                assertEquals(List.of(), mismatches((String) release.prop("version"), (String) release.prop("values.image.tag")),
                        plan.stack() + " " + release.name());
            }
        }
    }

    @Test
    void theRuleRefusesTheOldChartUnderTheNewImage() {
        // Issue 12.8: image v1.35.0 on chart 9.46.6 (ClusterRole without resource.k8s.io).
        assertEquals(List.of(
                "chart 9.46.6 is built for 1.32.0, the image is v1.35.0",
                "image v1.35.0 watches resource.k8s.io/deviceclasses, which the ClusterRole of chart 9.46.6 does not grant",
                "image v1.35.0 watches resource.k8s.io/resourceclaims, which the ClusterRole of chart 9.46.6 does not grant",
                "image v1.35.0 watches resource.k8s.io/resourceslices, which the ClusterRole of chart 9.46.6 does not grant"),
                mismatches("9.46.6", "v1.35.0"));
        assertEquals(List.of(), mismatches("9.54.0", "v1.35.0"));
    }
}
