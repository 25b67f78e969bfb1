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
 * @param backup      AWS Backup vaults, plan and lock
 * @param audit       CloudTrail, GuardDuty and Security Hub: by this stack or left to the organisation
 * @param uploads     the user-content bucket
 * @param ecr         the services' image repositories
 * @param assets      static assets: S3 (replicated to the secondary region) behind CloudFront
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
        CostConfig cost,
        BackupConfig backup,
        AuditConfig audit,
        UploadsConfig uploads,
        EcrConfig ecr,
        AssetsConfig assets) {

    /** The regions this stack runs in, primary first. */
    public List<String> regionList() {
        return regions.all();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link StackConfig} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String project;
        private String environment;
        private Boolean production;
        private Regions regions;
        private Integer logRetentionDays;
        private TagsConfig tags;
        private NetworkConfig network;
        private EksConfig eks;
        private DatabaseConfig database;
        private CacheConfig cache;
        private TimeSeriesConfig timeseries;
        private ObservabilityConfig observability;
        private DnsConfig dns;
        private CiConfig ci;
        private EdgeConfig edge;
        private CostConfig cost;
        private BackupConfig backup;
        private AuditConfig audit;
        private UploadsConfig uploads;
        private EcrConfig ecr;
        private AssetsConfig assets;

        private Builder() {
        }

        public Builder project(String value) { this.project = value; return this; }
        public Builder environment(String value) { this.environment = value; return this; }
        public Builder production(boolean value) { this.production = value; return this; }
        public Builder regions(Regions value) { this.regions = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tags(TagsConfig value) { this.tags = value; return this; }
        public Builder network(NetworkConfig value) { this.network = value; return this; }
        public Builder eks(EksConfig value) { this.eks = value; return this; }
        public Builder database(DatabaseConfig value) { this.database = value; return this; }
        public Builder cache(CacheConfig value) { this.cache = value; return this; }
        public Builder timeseries(TimeSeriesConfig value) { this.timeseries = value; return this; }
        public Builder observability(ObservabilityConfig value) { this.observability = value; return this; }
        public Builder dns(DnsConfig value) { this.dns = value; return this; }
        public Builder ci(CiConfig value) { this.ci = value; return this; }
        public Builder edge(EdgeConfig value) { this.edge = value; return this; }
        public Builder cost(CostConfig value) { this.cost = value; return this; }
        public Builder backup(BackupConfig value) { this.backup = value; return this; }
        public Builder audit(AuditConfig value) { this.audit = value; return this; }
        public Builder uploads(UploadsConfig value) { this.uploads = value; return this; }
        public Builder ecr(EcrConfig value) { this.ecr = value; return this; }
        public Builder assets(AssetsConfig value) { this.assets = value; return this; }

        public StackConfig build() {
            return new StackConfig(
                    Required.of(project, "StackConfig.project"),
                    Required.of(environment, "StackConfig.environment"),
                    Required.of(production, "StackConfig.production"),
                    Required.of(regions, "StackConfig.regions"),
                    Required.of(logRetentionDays, "StackConfig.logRetentionDays"),
                    Required.of(tags, "StackConfig.tags"),
                    Required.of(network, "StackConfig.network"),
                    Required.of(eks, "StackConfig.eks"),
                    Required.of(database, "StackConfig.database"),
                    Required.of(cache, "StackConfig.cache"),
                    Required.of(timeseries, "StackConfig.timeseries"),
                    Required.of(observability, "StackConfig.observability"),
                    Required.of(dns, "StackConfig.dns"),
                    Required.of(ci, "StackConfig.ci"),
                    Required.of(edge, "StackConfig.edge"),
                    Required.of(cost, "StackConfig.cost"),
                    Required.of(backup, "StackConfig.backup"),
                    Required.of(audit, "StackConfig.audit"),
                    Required.of(uploads, "StackConfig.uploads"),
                    Required.of(ecr, "StackConfig.ecr"),
                    Required.of(assets, "StackConfig.assets"));
        }
    }
}
