package com.ultibiker.platform.storage;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.ReplicationConfiguration;
import com.pulumi.aws.ecr.ReplicationConfigurationArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationRuleArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationRuleDestinationArgs;
import com.pulumi.aws.ecr.inputs.ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.EcrConfig;
import com.ultibiker.platform.model.RegistryReplication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform services' image repositories (issue 19.3): {@code <project>/<env>/<service>} per service of
 * {@code ecr.repositories}, in the primary region and, with a standby, the same names in the standby region
 * (its cluster pulls there while the primary is down). Every repository: IMMUTABLE tags, scan on push, SSE-KMS
 * under the region's own key, the shared lifecycle ({@link StoragePolicies#lifecyclePolicy}), protected in
 * production. With {@code ecr.registryReplication: managed} the primary registry's replication configuration
 * copies every image pushed to this stack's repositories (prefix {@code <project>/<env>/}) to the standby region.
 *
 * <p>Why the standby repositories are created here, and the replication waits for them: repositories that
 * replication creates get no tag immutability, no scanning and AES256, not KMS (ECR User Guide, "Private image
 * replication": "Repository settings aren't replicated"); replicating into an existing repository keeps its
 * settings, so replicated images are encrypted with the standby region's key. A repository created by
 * replication first would also make this program's CreateRepository fail (RepositoryAlreadyExistsException).
 *
 * <p>ForceNew in terraform-provider-aws ({@code internal/service/ecr/repository.go}): {@code name} and
 * {@code encryption_configuration}. A changed key or encryption type would replace the repository and delete
 * every image in it: both are fixed here, never from config ({@code StorageTest} holds every repository's
 * ForceNew inputs constant across config changes). Tag mutability and scanning update in place.
 */
public final class ContainerRegistry extends ComponentResource {

    public static final String TYPE = "ultibiker:storage:ContainerRegistry";

    private final Map<String, Output<String>> repositoryUrls = new LinkedHashMap<>();
    private final List<String> repositoryNames = new ArrayList<>();

    public ContainerRegistry(String name, ContainerRegistryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        var naming = Naming.of(args.tagging());
        repositoryNames.addAll(repositoryNames(naming, args.settings()));
        List<Resource> standbyRepositories = new ArrayList<>();
        args.standby().ifPresent(standby -> standbyRepositories.addAll(repositories(name, standby, args).values()));
        repositories(name, args.region(), args).forEach((service, repo) -> repositoryUrls.put(service, repo.repositoryUrl()));
        args.standby().filter(s -> args.settings().registryReplication() == RegistryReplication.MANAGED).ifPresent(standby -> {
            var region = args.region();
            String replicationName = Naming.child(name, "replication");
            new ReplicationConfiguration(replicationName, ReplicationConfigurationArgs.builder()
                    .replicationConfiguration(ReplicationConfigurationReplicationConfigurationArgs.builder()
                            .rules(ReplicationConfigurationReplicationConfigurationRuleArgs.builder()
                                    .destinations(ReplicationConfigurationReplicationConfigurationRuleDestinationArgs.builder()
                                            .region(standby.name())
                                            .registryId(region.accountId())
                                            .build())
                                    .repositoryFilters(ReplicationConfigurationReplicationConfigurationRuleRepositoryFilterArgs.builder()
                                            .filter(repositoryPrefix(naming))
                                            .filterType("PREFIX_MATCH")
                                            .build())
                                    .build())
                            .build())
                    .build(), region.childOf(this).dependsOn(standbyRepositories).build());
        });
        registerOutputs(Map.of("repositoryUrls", Output.all(new ArrayList<>(repositoryUrls.values()))));
    }

    /** The prefix of every repository of the stack, {@code <project>/<env>/}: the replication rule's filter. */
    static String repositoryPrefix(Naming naming) {
        return naming.path() + "/";
    }

    private Map<String, Repository> repositories(String name, AwsRegion region, ContainerRegistryArgs args) {
        var tagging = args.tagging();
        var protection = args.protection();
        Key key = EncryptionKeys.create(Naming.child(name, region.name() + "-key"), "Encrypts the container images of "
                + name + " in " + region.name(), this, region, tagging, protection, scope -> List.of());
        String lifecycle = StoragePolicies.lifecyclePolicy(args.settings().untaggedExpiryDays(), args.settings().keepTaggedImages());
        var naming = Naming.of(tagging);
        Map<String, Repository> out = new LinkedHashMap<>();
        for (String service : args.settings().repositories()) {
            String repoName = Naming.child(name, region.name() + "-" + service);
            var repo = new Repository(repoName, RepositoryArgs.builder()
                    .name(naming.path(service))
                    .imageTagMutability("IMMUTABLE")
                    .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                    // ForceNew: set once, never from config (see the class comment).
                    .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                            .encryptionType("KMS")
                            .kmsKey(key.arn())
                            .build())
                    .forceDelete(!protection.production())
                    .tags(tagging.tags(repoName, Map.of("Service", service)))
                    .build(), protection.options(region.childOf(this)).build());
            new LifecyclePolicy(repoName + "-lifecycle", LifecyclePolicyArgs.builder()
                    .repository(repo.name())
                    .policy(lifecycle)
                    .build(), region.child(this));
            out.put(service, repo);
        }
        return out;
    }

    /** The primary region's repository URL per service, e.g. {@code <account>.dkr.ecr.us-east-1.amazonaws.com/ultibiker/prod/api}. */
    public Map<String, Output<String>> repositoryUrls() {
        return Map.copyOf(repositoryUrls);
    }

    /** The repositories' names, {@code <project>/<env>/<service>}, the same in every region. */
    public List<String> repositoryNames() {
        return List.copyOf(repositoryNames);
    }

    /** The names the registry gives {@code settings}' repositories (pure: CI's push grant needs them before they exist). */
    public static List<String> repositoryNames(Naming naming, EcrConfig settings) {
        return settings.repositories().stream().map(naming::path).toList();
    }

    /** The ARNs of the primary region's repositories (what CI may push to), without waiting for them to exist. */
    public static Output<List<String>> primaryRepositoryArns(AwsRegion region, List<String> names) {
        return Output.tuple(region.partition(), region.accountId()).applyValue(t -> names.stream()
                .map(n -> "arn:" + t.t1 + ":ecr:" + region.name() + ":" + t.t2 + ":repository/" + n).toList());
    }
}
