package com.ultibiker.platform.model;

import java.util.List;

/**
 * CodeBuild-hosted GitHub Actions runners inside the stack's VPCs (section {@code ci.runners}, docs/ci-setup.md),
 * one per region whose Kubernetes API is private, so CI reaches it. Read by the parser ({@code config.StackConfigParser}),
 * which holds the defaults; used by {@link com.ultibiker.platform.ci.CiRunners}.
 *
 * @param enabled     create the runners; default: on when CI is on and the cluster API is private (prod)
 * @param connection  whether the GitHub connections completed their handshake; default {@code pending} (a first
 *                    {@code up} creates the connections only), {@code available} after the console handshake
 * @param computeType CodeBuild compute type of the runner builds; default {@link #DEFAULT_COMPUTE_TYPE}
 * @param image       CodeBuild curated image of the runner builds; default {@link #DEFAULT_IMAGE}
 */
public record CiRunnersConfig(boolean enabled, RunnerConnection connection, String computeType, String image) {

    /**
     * Linux container compute types of CodeBuild's on-demand EC2 mode (CodeBuild User Guide, "Build environment
     * compute modes and types"; the API's ComputeType enum also holds ARM, Lambda and GPU sizes that need other images).
     */
    public static final List<String> COMPUTE_TYPES = List.of("BUILD_GENERAL1_SMALL", "BUILD_GENERAL1_MEDIUM",
            "BUILD_GENERAL1_LARGE", "BUILD_GENERAL1_XLARGE", "BUILD_GENERAL1_2XLARGE");
    /**
     * Curated x86_64 Linux images the GitHub Actions runner supports (CodeBuild User Guide, "Compute images supported
     * with the CodeBuild-hosted GitHub Actions runner"): Ubuntu 22.04 (standard:7.0) and Amazon Linux 2023 (5.0).
     */
    public static final List<String> IMAGES = List.of("aws/codebuild/standard:7.0", "aws/codebuild/amazonlinux-x86_64-standard:5.0");
    /** 4 vCPUs, 7 GB: bin/test and a prod {@code up} (Maven, Node, the Pulumi engine) without swapping. */
    public static final String DEFAULT_COMPUTE_TYPE = "BUILD_GENERAL1_MEDIUM";
    /** Ubuntu, like the ubuntu-24.04 GitHub-hosted runners the other jobs use (bash, coreutils, the AWS CLI v2, Maven). */
    public static final String DEFAULT_IMAGE = "aws/codebuild/standard:7.0";

    public static CiRunnersConfig off() {
        return builder().enabled(false).connection(RunnerConnection.PENDING).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CiRunnersConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private Boolean enabled;
        private RunnerConnection connection;
        private String computeType = DEFAULT_COMPUTE_TYPE;
        private String image = DEFAULT_IMAGE;

        private Builder() {
        }

        public Builder enabled(boolean value) { this.enabled = value; return this; }
        public Builder connection(RunnerConnection value) { this.connection = value; return this; }
        public Builder computeType(String value) { this.computeType = value; return this; }
        public Builder image(String value) { this.image = value; return this; }

        public CiRunnersConfig build() {
            return new CiRunnersConfig(
                    Required.of(enabled, "CiRunnersConfig.enabled"),
                    Required.of(connection, "CiRunnersConfig.connection"),
                    Required.of(computeType, "CiRunnersConfig.computeType"),
                    Required.of(image, "CiRunnersConfig.image"));
        }
    }

    /** Whether the runner projects and their webhooks exist (runners on, connections available). */
    public boolean projects() {
        return enabled && connection == RunnerConnection.AVAILABLE;
    }
}
