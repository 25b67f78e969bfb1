package com.ultibiker.platform.cost;

import com.ultibiker.platform.model.CostConfig;

import java.util.List;

/** The usage assumptions of an estimate as printed: config key, value and where the default comes from. */
public final class Assumptions {

    /** One printed assumption. */
    public record Assumption(String key, int value, String unit, String defaultSource) {
    }

    private static final String ASSUMED = "assumed";

    private Assumptions() {
    }

    public static List<Assumption> of(CostConfig c) {
        return List.of(
                new Assumption("spotDiscountPercent", c.spotDiscountPercent(), "%", "assumed (AWS: Spot is up to 90% below on-demand)"),
                new Assumption("requestsPerSecond", c.requestsPerSecond(), "req/s", "planning overview: baseline 50 RPS"),
                new Assumption("averageResponseKib", c.averageResponseKib(), "KiB", ASSUMED),
                new Assumption("concurrentConnections", c.concurrentConnections(), "connections", "planning overview: peak concurrent sessions ~500"),
                new Assumption("secondaryRegionTrafficPercent", c.secondaryRegionTrafficPercent(), "%", ASSUMED + " (EU share of ws geolocation)"),
                new Assumption("natGbPerMonthPerRegion", c.natGbPerMonthPerRegion(), "GB", ASSUMED),
                new Assumption("flowLogGbPerMonthPerVpc", c.flowLogGbPerMonthPerVpc(), "GB", ASSUMED),
                new Assumption("eksControlPlaneLogGbPerMonth", c.eksControlPlaneLogGbPerMonth(), "GB", ASSUMED),
                new Assumption("applicationLogGbPerMonth", c.applicationLogGbPerMonth(), "GB", ASSUMED),
                new Assumption("otherLogGbPerMonthPerGroup", c.otherLogGbPerMonthPerGroup(), "GB", ASSUMED),
                new Assumption("crossRegionReplicationGbPerMonth", c.crossRegionReplicationGbPerMonth(), "GB", ASSUMED),
                new Assumption("ciRunnerMinutesPerMonth", c.ciRunnerMinutesPerMonth(), "min", ASSUMED + " (per runner project)"),
                new Assumption("s3GbPerBucket", c.s3GbPerBucket(), "GB", ASSUMED),
                new Assumption("dnsQueriesMillionsPerMonth", c.dnsQueriesMillionsPerMonth(), "million", ASSUMED),
                new Assumption("staticAssetsGbPerMonth", c.staticAssetsGbPerMonth(), "GB", "planning overview: ~250 GB/month of static assets"),
                new Assumption("backupGbPerVault", c.backupGbPerVault(), "GB", ASSUMED),
                new Assumption("cloudTrailEventsMillionsPerMonth", c.cloudTrailEventsMillionsPerMonth(), "million", ASSUMED));
    }
}
