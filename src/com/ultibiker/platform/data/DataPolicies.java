package com.ultibiker.platform.data;

import com.ultibiker.platform.common.JsonDocuments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure builders of the IAM documents the data stores need. */
public final class DataPolicies {

    /** AWS managed policy that lets RDS enhanced monitoring publish to CloudWatch Logs. */
    public static final String ENHANCED_MONITORING_POLICY = "policy/service-role/AmazonRDSEnhancedMonitoringRole";

    private DataPolicies() {
    }

    /** Trust policy of the enhanced-monitoring role: only RDS monitoring, only on behalf of this account. */
    public static String monitoringTrustPolicy(String accountId) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "RdsEnhancedMonitoring");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", "monitoring.rds.amazonaws.com"));
        statement.put("Action", "sts:AssumeRole");
        statement.put("Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", accountId)));
        return document(List.of(statement));
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
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "ConnectAsCacheUser");
        statement.put("Effect", "Allow");
        statement.put("Action", "elasticache:Connect");
        statement.put("Resource", List.of(replicationGroupArn, userArn));
        return document(List.of(statement));
    }

    /**
     * Lets a principal connect with IAM database authentication as {@code dbUser} to each instance.
     *
     * @param instances the instances' locations: partition, region, account and RDS resource id ({@code db-...})
     */
    public static String rdsConnectPolicy(List<RdsInstanceRef> instances, String dbUser) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "ConnectAsDatabaseUser");
        statement.put("Effect", "Allow");
        statement.put("Action", "rds-db:connect");
        statement.put("Resource", instances.stream().map(i -> "arn:" + i.partition() + ":rds-db:" + i.region() + ":"
                + i.accountId() + ":dbuser:" + i.resourceId() + "/" + dbUser).toList());
        return document(List.of(statement));
    }

    /** Where an RDS instance lives, as an IAM database-authentication ARN needs it. */
    public record RdsInstanceRef(String partition, String region, String accountId, String resourceId) {
    }

    private static String document(List<Map<String, Object>> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return JsonDocuments.compact(doc);
    }
}
