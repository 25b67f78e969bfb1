package com.ultibiker.platform.model;

import java.util.List;

/**
 * The whole typed configuration of one stack. Built only by the parser ({@code config.StackConfigParser}), which holds
 * every default; a value of this type has passed validation.
 *
 * @param environment the environment name used in tags and names (e.g. {@code dev}); not derived from the stack name
 * @param production  whether this stack holds production data: protects stateful resources, enables
 *                    deletion protection and final snapshots, refuses a world-open EKS endpoint
 * @param cost        usage assumptions of the cost estimate only; no resource reads them
 */
public record StackConfig(
        String project,
        String environment,
        boolean production,
        Regions regions,
        int logRetentionDays,
        TagsConfig tags,
        NetworkConfig network,
        EksConfig eks,
        DatabaseConfig database,
        CacheConfig cache,
        TimeSeriesConfig timeseries,
        ObservabilityConfig observability,
        DnsConfig dns,
        CiConfig ci,
        EdgeConfig edge,
        CostConfig cost) {

    /** The regions this stack runs in, primary first. */
    public List<String> regionList() {
        return regions.all();
    }
}
