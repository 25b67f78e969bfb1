package com.ultibiker.platform.ci;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.eks.EksCluster;
import com.ultibiker.platform.model.CiRunnersConfig;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.network.Network;
import com.ultibiker.platform.tagging.Tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of {@link CiRunners}. Build with {@link #builder()}.
 *
 * @param sites            one per region whose cluster API is private, the primary first: the runner's region, the
 *                         network it runs in (private subnets) and the cluster whose security group admits it
 * @param githubRepository {@code owner/name} or {@code owner@<id>/name@<id>} ({@code ci.githubRepository}): the
 *                         repository whose workflow jobs the runners take
 * @param settings         {@code ci.runners}: connection state, compute type, image
 * @param logRetentionDays retention of the runners' build logs
 * @param tagging          the stack's tags and names
 * @param protection       protects the connections in production (a new one needs a new console handshake)
 */
public record CiRunnersArgs(List<Site> sites, String githubRepository, CiRunnersConfig settings, int logRetentionDays,
                            Tagging tagging, StatefulProtection protection) {

    /** The longest job a runner takes: deploy jobs time out after 180 minutes; CodeBuild's default would stop them at 60. */
    public static final int BUILD_TIMEOUT_MINUTES = 240;
    /** At most this many runner builds at once per region (the stack's jobs are serialised by their concurrency groups). */
    public static final int CONCURRENT_BUILDS = 3;

    /**
     * One region's runner.
     *
     * @param region  the region and its provider
     * @param network the VPC and private subnets the builds run in
     * @param cluster the region's cluster: its security group admits the runner on 443
     */
    public record Site(AwsRegion region, Network network, EksCluster cluster) {
    }

    public CiRunnersArgs {
        sites = List.copyOf(sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("CiRunnersArgs.sites: at least one region with a private cluster API");
        }
    }

    /** {@code <project>-<env>-runner-<region>}: the CodeBuild project, and the runs-on label {@code codebuild-<this>-...}. */
    public static String projectName(Naming naming, String region) {
        return naming.physical("runner-" + region);
    }

    /** {@code owner/name} of the repository, without the numeric ids of immutable subject claims. */
    public static String repositoryPath(String githubRepository) {
        return githubRepository.replaceAll("@[0-9]+", "");
    }

    public Naming naming() {
        return Naming.of(tagging);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CiRunnersArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private final List<Site> sites = new ArrayList<>();
        private String githubRepository;
        private CiRunnersConfig settings;
        private Integer logRetentionDays;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder site(AwsRegion region, Network network, EksCluster cluster) {
            sites.add(new Site(region, network, cluster));
            return this;
        }

        public Builder githubRepository(String value) { this.githubRepository = value; return this; }
        public Builder settings(CiRunnersConfig value) { this.settings = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public CiRunnersArgs build() {
            return new CiRunnersArgs(sites,
                    Required.of(githubRepository, "CiRunnersArgs.githubRepository"),
                    Required.of(settings, "CiRunnersArgs.settings"),
                    Required.of(logRetentionDays, "CiRunnersArgs.logRetentionDays"),
                    Required.of(tagging, "CiRunnersArgs.tagging"),
                    Required.of(protection, "CiRunnersArgs.protection"));
        }
    }
}
