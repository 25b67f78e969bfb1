package com.ultibiker.platform.data;

import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.Statement;
import com.ultibiker.platform.model.Required;

import java.util.List;

/** Pure builders of the IAM documents the data stores need. */
public final class DataPolicies {

    /** AWS managed policy that lets RDS enhanced monitoring publish to CloudWatch Logs. */
    public static final String ENHANCED_MONITORING_POLICY = "policy/service-role/AmazonRDSEnhancedMonitoringRole";

    private DataPolicies() {
    }

    /** Trust policy of the enhanced-monitoring role: only RDS monitoring, only on behalf of this account. */
    public static String monitoringTrustPolicy(String accountId) {
        return PolicyDocument.of(Statement.allow()
                .sid("RdsEnhancedMonitoring")
                .principal(Principal.service("monitoring.rds.amazonaws.com"))
                .action("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build()).toCompactJson();
    }

    /** ARN of the enhanced-monitoring managed policy in {@code partition}. */
    public static String monitoringPolicyArn(String partition) {
        return "arn:" + partition + ":iam::aws:" + ENHANCED_MONITORING_POLICY;
    }

    /**
     * Lets a principal (e.g. a workload's Pod Identity role) open IAM-authenticated connections to one
     * replication group as one ElastiCache user, and nothing else.
     */
    public static String cacheConnectPolicy(String replicationGroupArn, String userArn) {
        return PolicyDocument.of(Statement.allow()
                .sid("ConnectAsCacheUser")
                .action("elasticache:Connect")
                .resources(replicationGroupArn, userArn)
                .build()).toCompactJson();
    }

    /**
     * Lets a principal connect with IAM database authentication as {@code dbUser} to each instance.
     *
     * @param instances the instances' locations: partition, region, account and RDS resource id ({@code db-...})
     */
    public static String rdsConnectPolicy(List<RdsInstanceRef> instances, String dbUser) {
        return PolicyDocument.of(Statement.allow()
                .sid("ConnectAsDatabaseUser")
                .action("rds-db:connect")
                .resources(instances.stream().map(i -> "arn:" + i.partition() + ":rds-db:" + i.region() + ":"
                        + i.accountId() + ":dbuser:" + i.resourceId() + "/" + dbUser).toList())
                .build()).toCompactJson();
    }

    /** Where an RDS instance lives, as an IAM database-authentication ARN needs it. */
    public record RdsInstanceRef(String partition, String region, String accountId, String resourceId) {

        /** Built by name: four strings a positional list would take in any order. */
        public static Builder builder() {
            return new Builder();
        }

        public static final class Builder {
            private String partition;
            private String region;
            private String accountId;
            private String resourceId;

            private Builder() {
            }

            public Builder partition(String value) {
                this.partition = value;
                return this;
            }

            public Builder region(String value) {
                this.region = value;
                return this;
            }

            public Builder accountId(String value) {
                this.accountId = value;
                return this;
            }

            public Builder resourceId(String value) {
                this.resourceId = value;
                return this;
            }

            public RdsInstanceRef build() {
                return new RdsInstanceRef(Required.of(partition, "RdsInstanceRef.partition"),
                        Required.of(region, "RdsInstanceRef.region"), Required.of(accountId, "RdsInstanceRef.accountId"),
                        Required.of(resourceId, "RdsInstanceRef.resourceId"));
            }
        }
    }
}
