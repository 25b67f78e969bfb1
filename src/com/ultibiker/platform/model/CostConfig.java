package com.ultibiker.platform.model;

/**
 * Usage assumptions of the monthly cost estimate ({@code bin/cost}); config section {@code cost}. They
 * change no resource. Defaults marked "planning" come from the planning overview's traffic profile
 * (seeds/003); the others are this project's assumptions, printed as such with every estimate.
 *
 * @param spotDiscountPercent              Spot price below on-demand for {@code SPOT} node pools; default 60 (0–90)
 * @param requestsPerSecond                average API/WebSocket requests per second over the month; default 50 (planning: baseline 50 RPS)
 * @param averageResponseKib               average response size; default 8 KiB (assumed)
 * @param concurrentConnections            concurrent client connections (load balancer LCUs); default 500 (planning: peak concurrent sessions)
 * @param secondaryRegionTrafficPercent    share of client traffic the secondary region serves (ws EU); default 20 (assumed)
 * @param natGbPerMonthPerRegion           data through the NAT gateways of one region; default 100 GB (assumed)
 * @param flowLogGbPerMonthPerVpc          VPC flow log ingestion per VPC; default 30 GB (assumed)
 * @param eksControlPlaneLogGbPerMonth     control-plane log ingestion per EKS cluster; default 20 GB (assumed)
 * @param applicationLogGbPerMonth         application log ingestion of a region at full traffic; default 50 GB (assumed)
 * @param otherLogGbPerMonthPerGroup       ingestion of every other log group (RDS, ElastiCache); default 1 GB (assumed)
 * @param crossRegionReplicationGbPerMonth database replication traffic to a cross-region replica; default 100 GB (assumed)
 * @param s3GbPerBucket                    stored data per S3 bucket; default 50 GB (assumed)
 * @param ciRunnerMinutesPerMonth          build minutes per CI runner project, when the plan has runners; default 1,000 (assumed)
 * @param dnsQueriesMillionsPerMonth       DNS queries answered by the hosted zone; default 20 million (assumed)
 * @param staticAssetsGbPerMonth           static assets delivered through a CDN, when the plan has one; default 250 GB (planning)
 * @param backupGbPerVault                 backup storage per AWS Backup vault, when the plan has one; default 500 GB (assumed)
 * @param cloudTrailEventsMillionsPerMonth CloudTrail events GuardDuty analyses per region, when the plan has a detector; default 2 million (assumed)
 */
public record CostConfig(
        int spotDiscountPercent,
        int requestsPerSecond,
        int averageResponseKib,
        int concurrentConnections,
        int secondaryRegionTrafficPercent,
        int natGbPerMonthPerRegion,
        int flowLogGbPerMonthPerVpc,
        int eksControlPlaneLogGbPerMonth,
        int applicationLogGbPerMonth,
        int otherLogGbPerMonthPerGroup,
        int crossRegionReplicationGbPerMonth,
        int ciRunnerMinutesPerMonth,
        int s3GbPerBucket,
        int dnsQueriesMillionsPerMonth,
        int staticAssetsGbPerMonth,
        int backupGbPerVault,
        int cloudTrailEventsMillionsPerMonth) {
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CostConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private Integer spotDiscountPercent;
        private Integer requestsPerSecond;
        private Integer averageResponseKib;
        private Integer concurrentConnections;
        private Integer secondaryRegionTrafficPercent;
        private Integer natGbPerMonthPerRegion;
        private Integer flowLogGbPerMonthPerVpc;
        private Integer eksControlPlaneLogGbPerMonth;
        private Integer applicationLogGbPerMonth;
        private Integer otherLogGbPerMonthPerGroup;
        private Integer crossRegionReplicationGbPerMonth;
        private Integer ciRunnerMinutesPerMonth;
        private Integer s3GbPerBucket;
        private Integer dnsQueriesMillionsPerMonth;
        private Integer staticAssetsGbPerMonth;
        private Integer backupGbPerVault;
        private Integer cloudTrailEventsMillionsPerMonth;

        private Builder() {
        }

        public Builder spotDiscountPercent(int value) { this.spotDiscountPercent = value; return this; }
        public Builder requestsPerSecond(int value) { this.requestsPerSecond = value; return this; }
        public Builder averageResponseKib(int value) { this.averageResponseKib = value; return this; }
        public Builder concurrentConnections(int value) { this.concurrentConnections = value; return this; }
        public Builder secondaryRegionTrafficPercent(int value) { this.secondaryRegionTrafficPercent = value; return this; }
        public Builder natGbPerMonthPerRegion(int value) { this.natGbPerMonthPerRegion = value; return this; }
        public Builder flowLogGbPerMonthPerVpc(int value) { this.flowLogGbPerMonthPerVpc = value; return this; }
        public Builder eksControlPlaneLogGbPerMonth(int value) { this.eksControlPlaneLogGbPerMonth = value; return this; }
        public Builder applicationLogGbPerMonth(int value) { this.applicationLogGbPerMonth = value; return this; }
        public Builder otherLogGbPerMonthPerGroup(int value) { this.otherLogGbPerMonthPerGroup = value; return this; }
        public Builder crossRegionReplicationGbPerMonth(int value) { this.crossRegionReplicationGbPerMonth = value; return this; }
        public Builder ciRunnerMinutesPerMonth(int value) { this.ciRunnerMinutesPerMonth = value; return this; }
        public Builder s3GbPerBucket(int value) { this.s3GbPerBucket = value; return this; }
        public Builder dnsQueriesMillionsPerMonth(int value) { this.dnsQueriesMillionsPerMonth = value; return this; }
        public Builder staticAssetsGbPerMonth(int value) { this.staticAssetsGbPerMonth = value; return this; }
        public Builder backupGbPerVault(int value) { this.backupGbPerVault = value; return this; }
        public Builder cloudTrailEventsMillionsPerMonth(int value) { this.cloudTrailEventsMillionsPerMonth = value; return this; }

        public CostConfig build() {
            return new CostConfig(
                    Required.of(spotDiscountPercent, "CostConfig.spotDiscountPercent"),
                    Required.of(requestsPerSecond, "CostConfig.requestsPerSecond"),
                    Required.of(averageResponseKib, "CostConfig.averageResponseKib"),
                    Required.of(concurrentConnections, "CostConfig.concurrentConnections"),
                    Required.of(secondaryRegionTrafficPercent, "CostConfig.secondaryRegionTrafficPercent"),
                    Required.of(natGbPerMonthPerRegion, "CostConfig.natGbPerMonthPerRegion"),
                    Required.of(flowLogGbPerMonthPerVpc, "CostConfig.flowLogGbPerMonthPerVpc"),
                    Required.of(eksControlPlaneLogGbPerMonth, "CostConfig.eksControlPlaneLogGbPerMonth"),
                    Required.of(applicationLogGbPerMonth, "CostConfig.applicationLogGbPerMonth"),
                    Required.of(otherLogGbPerMonthPerGroup, "CostConfig.otherLogGbPerMonthPerGroup"),
                    Required.of(crossRegionReplicationGbPerMonth, "CostConfig.crossRegionReplicationGbPerMonth"),
                    Required.of(ciRunnerMinutesPerMonth, "CostConfig.ciRunnerMinutesPerMonth"),
                    Required.of(s3GbPerBucket, "CostConfig.s3GbPerBucket"),
                    Required.of(dnsQueriesMillionsPerMonth, "CostConfig.dnsQueriesMillionsPerMonth"),
                    Required.of(staticAssetsGbPerMonth, "CostConfig.staticAssetsGbPerMonth"),
                    Required.of(backupGbPerVault, "CostConfig.backupGbPerVault"),
                    Required.of(cloudTrailEventsMillionsPerMonth, "CostConfig.cloudTrailEventsMillionsPerMonth"));
        }
    }
}
