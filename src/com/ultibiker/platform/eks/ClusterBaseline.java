package com.ultibiker.platform.eks;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.storage.v1.StorageClass;
import com.pulumi.kubernetes.storage.v1.StorageClassArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.ultibiker.platform.backup.BackupTag;
import com.ultibiker.platform.tagging.Tagging;

/**
 * What every cluster runs before anything else may use it, installed through the cluster's own
 * Kubernetes providers: the StorageClasses ({@link EksCluster#STORAGE_CLASS_GP3} default,
 * {@link EksCluster#STORAGE_CLASS_GP3_RETAIN}), the application namespace with its quota and limits,
 * and the controllers as Helm releases on the system pool (the AWS Load Balancer Controller,
 * cluster-autoscaler).
 *
 * <p>Two providers on the same kubeconfig. The bootstrap provider installs the baseline; the AWS Load
 * Balancer Controller registers a mutating webhook on every Service with failurePolicy Fail, so no
 * Service may be created before its pods answer. The provider everyone else gets
 * ({@link #kubernetesProvider()}) therefore exists only once the whole baseline is ready: a resource
 * cannot be created before its provider, so every Service and chart of every component waits, without
 * each having to remember a dependsOn.
 */
final class ClusterBaseline {

    private final Provider kubernetesProvider;
    private final Release loadBalancerController;

    ClusterBaseline(ClusterScope scope, ClusterBaselineArgs args) {
        var region = scope.region();
        var nodeGroups = args.nodePools().nodeGroups();
        var bootstrap = new Provider(scope.child("k8s-bootstrap"), ProviderArgs.builder()
                .kubeconfig(args.kubeconfig())
                .enableServerSideApply(true)
                // Without the creator's bootstrap permission, the deployer reaches the API only through its
                // access entry and policy association: nothing inside the cluster before they exist.
                .build(), CustomResourceOptions.builder().parent(scope.parent())
                .dependsOn(ClusterScope.concat(nodeGroups, args.access().policyAssociations())).build());

        List<Resource> baseline = new ArrayList<>();
        baseline.addAll(storageClasses(scope, args.nodePools().ebsKeyArn(), bootstrap));
        baseline.addAll(appNamespace(scope, args, bootstrap));

        List<Resource> clusterReady = new ArrayList<>(nodeGroups);
        clusterReady.add(args.nodeAddons().coreDns());
        var placement = HelmValues.systemPlacement(args.nodePools().pools());
        // The release completes only when the controller's Deployment is ready (skipAwait false, atomic):
        // from then on its webhook answers.
        this.loadBalancerController = helmRelease(scope, HelmCharts.LOAD_BALANCER_CONTROLLER,
                args.vpcId().applyValue(vpc -> HelmValues.loadBalancerController(args.clusterName(), region.name(), vpc, placement)),
                bootstrap, ClusterScope.concat(clusterReady, List.of(args.addons().podIdentity(Controller.LOAD_BALANCER_CONTROLLER))));
        baseline.add(loadBalancerController);
        baseline.add(args.nodeAddons().ebsCsiDriver());
        baseline.addAll(clusterReady);

        this.kubernetesProvider = new Provider(scope.child("k8s"), ProviderArgs.builder()
                .kubeconfig(args.kubeconfig())
                .enableServerSideApply(true)
                .build(), CustomResourceOptions.builder().parent(scope.parent()).dependsOn(baseline).build());

        HelmCharts autoscalerChart = HelmCharts.clusterAutoscaler(args.kubernetesVersion()).orElseThrow(() ->
                new IllegalArgumentException("no cluster-autoscaler chart for Kubernetes " + args.kubernetesVersion()));
        // The autoscaler chart creates a Service (metrics): through the provider that waits for the controller.
        helmRelease(scope, autoscalerChart,
                Output.of(HelmValues.clusterAutoscaler(args.clusterName(), region.name(), args.kubernetesVersion(), placement)),
                kubernetesProvider, List.of(args.addons().podIdentity(Controller.CLUSTER_AUTOSCALER)));
    }

    private static List<Resource> storageClasses(ClusterScope scope, Output<String> ebsKeyArn, Provider provider) {
        List<Resource> created = new ArrayList<>();
        for (String cls : List.of(EksCluster.STORAGE_CLASS_GP3, EksCluster.STORAGE_CLASS_GP3_RETAIN)) {
            boolean retain = cls.equals(EksCluster.STORAGE_CLASS_GP3_RETAIN);
            var meta = ObjectMetaArgs.builder().name(cls);
            if (!retain) {
                meta.annotations(Map.of("storageclass.kubernetes.io/is-default-class", "true"));
            }
            created.add(new StorageClass(scope.child("storageclass-" + cls), StorageClassArgs.builder()
                    .metadata(meta.build())
                    .provisioner("ebs.csi.aws.com")
                    // Volumes of the retained class hold data that outlives its pods: the EBS CSI driver tags each one
                    // it provisions with the backup tag (parameters are immutable: adding one replaces the class,
                    // which existing volumes do not notice; they keep their tags, see the CHANGELOG).
                    .parameters(ebsKeyArn.applyValue(arn -> retain
                            ? withBackupTag(storageClassParameters(arn), scope.tagging()) : storageClassParameters(arn)))
                    .reclaimPolicy(retain ? "Retain" : "Delete")
                    .volumeBindingMode("WaitForFirstConsumer")
                    .allowVolumeExpansion(true)
                    .build(), scope.kubernetes(provider, List.of())));
        }
        return created;
    }

    private static Map<String, String> withBackupTag(Map<String, String> parameters, Tagging tagging) {
        Map<String, String> p = new LinkedHashMap<>(parameters);
        p.putAll(BackupTag.storageClassParameter(tagging));
        return p;
    }

    /** Parameters of both StorageClasses: gp3, encrypted with the cluster's EBS key. */
    static Map<String, String> storageClassParameters(String ebsKeyArn) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "gp3");
        p.put("fsType", "ext4");
        p.put("encrypted", "true");
        p.put("kmsKeyId", ebsKeyArn);
        return p;
    }

    private static List<Resource> appNamespace(ClusterScope scope, ClusterBaselineArgs args, Provider provider) {
        var spec = args.appNamespace();
        var ns = new Namespace(scope.child("app-namespace"), NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder()
                        .name(spec.name())
                        .labels(Map.of(
                                "pod-security.kubernetes.io/enforce", "baseline",
                                "pod-security.kubernetes.io/warn", "restricted"))
                        .build())
                .build(), scope.kubernetes(provider, List.of()));
        Map<String, String> hard = new LinkedHashMap<>();
        hard.put("requests.cpu", spec.requestsCpu());
        hard.put("requests.memory", spec.requestsMemory());
        hard.put("limits.cpu", spec.limitsCpu());
        hard.put("limits.memory", spec.limitsMemory());
        hard.put("pods", String.valueOf(spec.maxPods()));
        var quota = new ResourceQuota(scope.child("app-quota"), ResourceQuotaArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(spec.name() + "-quota").namespace(spec.name()).build())
                .spec(ResourceQuotaSpecArgs.builder().hard(hard).build())
                .build(), scope.kubernetes(provider, List.of(ns)));
        var limits = new LimitRange(scope.child("app-limits"), LimitRangeArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(spec.name() + "-limits").namespace(spec.name()).build())
                .spec(LimitRangeSpecArgs.builder().limits(LimitRangeItemArgs.builder()
                        .type("Container")
                        .defaultRequest(Map.of("cpu", spec.defaultRequestCpu(), "memory", spec.defaultRequestMemory()))
                        .default_(Map.of("cpu", spec.defaultLimitCpu(), "memory", spec.defaultLimitMemory()))
                        .build()).build())
                .build(), scope.kubernetes(provider, List.of(ns)));
        return List.of(ns, quota, limits);
    }

    private static Release helmRelease(ClusterScope scope, HelmCharts chart, Output<Map<String, Object>> values,
                                       Provider provider, List<Resource> dependsOn) {
        return new Release(scope.child(chart.release()), ReleaseArgs.builder()
                .name(chart.release())
                .chart(chart.chart())
                .version(chart.version())
                .repositoryOpts(RepositoryOptsArgs.builder().repo(chart.repository()).build())
                .namespace(chart.namespace())
                .values(values)
                .atomic(true)
                .skipAwait(false)
                .waitForJobs(true)
                .cleanupOnFail(true)
                .maxHistory(10)
                .timeout(600)
                .build(), scope.kubernetes(provider, dependsOn));
    }

    /**
     * The provider every Kubernetes resource outside the baseline is created through: it exists only after
     * the whole baseline (node groups, add-ons, StorageClasses, application namespace and the load balancer
     * controller's webhook).
     */
    Provider kubernetesProvider() {
        return kubernetesProvider;
    }

    /** The AWS Load Balancer Controller release: done when its webhook answers. */
    Release loadBalancerController() {
        return loadBalancerController;
    }
}
