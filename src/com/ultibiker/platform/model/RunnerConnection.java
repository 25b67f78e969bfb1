package com.ultibiker.platform.model;

/**
 * The state of a region's CodeConnections connection to GitHub, as the operator reports it ({@code ci.runners.connection}).
 * AWS creates a connection PENDING; only the one-time handshake in the console makes it AVAILABLE (AWS Developer
 * Tools console guide, "Update a pending connection"), and CodeBuild can neither create a runner project nor its
 * webhook through a pending one (its CreateWebhook answers "Access denied to connection": terraform-provider-aws
 * issue #40656; aws-ia/terraform-aws-control_tower_account_factory issue #589).
 */
public enum RunnerConnection implements ConfigEnum {
    /** First {@code up}: create the connections (and the runners' network and role), no project, no webhook. */
    PENDING("pending"),
    /** The handshake is done in every region: create the runner projects and their webhooks. */
    AVAILABLE("available");

    private final String configName;

    RunnerConnection(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
