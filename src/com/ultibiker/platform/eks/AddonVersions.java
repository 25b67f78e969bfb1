package com.ultibiker.platform.eks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pinned versions of the managed add-ons. Nothing follows EKS's current default: a default that moves
 * would upgrade vpc-cni or coredns on a no-change {@code up}. Each stack pins its versions in
 * {@code eks.addonVersions}; the defaults below fill what a stack leaves out, for the Kubernetes minors
 * they are known to be valid for, and a bump is a reviewed change of a stack file or of this table.
 *
 * <p>Source of the 1.35 defaults: versions an EKS 1.35 cluster ran (EKS managed add-on builds,
 * recorded 2026-12-01). Check a new set with
 * {@code aws eks describe-addon-versions --kubernetes-version 1.35 --addon-name <name>
 * --query 'addons[].addonVersions[].[addonVersion, compatibilities[0].defaultVersion]'} before bumping.
 */
public final class AddonVersions {

    /** Managed add-ons the platform installs. */
    public static final List<String> ADDONS = List.of(
            "vpc-cni", "coredns", "kube-proxy", "eks-pod-identity-agent", "aws-ebs-csi-driver", ContainerLogs.ADDON);

    /** What EKS calls an add-on version, e.g. {@code v1.21.1-eksbuild.3}. */
    public static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)-eksbuild\\.(\\d+)");

    private static final Map<String, Map<String, String>> DEFAULTS = Map.of(
            "1.35", Map.of(
                    "vpc-cni", "v1.21.1-eksbuild.3",
                    "coredns", "v1.13.2-eksbuild.1",
                    "kube-proxy", "v1.35.0-eksbuild.2",
                    "eks-pod-identity-agent", "v1.3.10-eksbuild.3",
                    "aws-ebs-csi-driver", "v1.57.1-eksbuild.1",
                    // Chart 6.3.0 of aws-observability/helm-charts (Pod Identity from add-on 3.1.0; containerInsights,
                    // applicationSignals and containerLogs switches of its configuration, see ContainerLogs).
                    ContainerLogs.ADDON, "v6.3.0-eksbuild.1"));

    private AddonVersions() {
    }

    /** The default version of {@code addon} for a Kubernetes minor, if one is recorded. */
    public static Optional<String> defaultFor(String kubernetesVersion, String addon) {
        return Optional.ofNullable(DEFAULTS.getOrDefault(kubernetesVersion, Map.of()).get(addon));
    }

    /**
     * kube-proxy is built per Kubernetes minor ({@code v1.35.x-eksbuild.n} for 1.35; EKS User Guide,
     * "Manage kube-proxy": the add-on version matches the cluster's minor): empty when {@code version}
     * fits {@code kubernetesVersion}, else what is allowed.
     */
    public static Optional<String> kubeProxyMismatch(String kubernetesVersion, String version) {
        var m = VERSION.matcher(version);
        if (m.matches() && (m.group(1) + "." + m.group(2)).equals(kubernetesVersion)) {
            return Optional.empty();
        }
        return Optional.of("a kube-proxy build of the cluster's minor, v" + kubernetesVersion + ".<patch>-eksbuild.<n>");
    }
}
