package com.ultibiker.platform.observability;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In the real stacks, TimeSeries and Observability are wired to the cluster and data stores they serve. */
class StackWiringTest {

    @Test
    void inClusterResourcesUseThePrimaryClustersProviderAndWaitForTheCluster() {
        Plan dev = StackPlans.dev();
        PlanResource sts = dev.require("kubernetes:apps/v1:StatefulSet", "timeseries-statefulset");
        PlanResource release = dev.require("kubernetes:helm.sh/v3:Release", "observability-kube-prometheus-stack");
        String eksProvider = dev.ofType("pulumi:providers:kubernetes").stream()
                .filter(p -> dev.topComponent(p).map(c -> c.name().equals("eks-us-east-1")).orElse(false))
                .findFirst().orElseThrow().urn();
        assertEquals(eksProvider, sts.provider());
        assertEquals(eksProvider, release.provider());
        PlanResource timeseries = dev.require("ultibiker:timeseries:TimeSeries", "timeseries");
        // Depending on the cluster component waits for its children: the namespace, the pools, the storage classes.
        for (var needed : List.of(dev.require("kubernetes:core/v1:Namespace", "eks-us-east-1-app-namespace"),
                dev.require("aws:eks/nodeGroup:NodeGroup", "eks-us-east-1-analytics"),
                dev.require("kubernetes:storage.k8s.io/v1:StorageClass", "eks-us-east-1-storageclass-gp3-retain"))) {
            assertTrue(timeseries.dependencies().contains(needed.urn()), "TimeSeries does not wait for " + needed.name());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void timestreamAdmitsThePrimaryClustersNodes() {
        Plan prod = StackPlans.prod();
        PlanResource sg = prod.require("aws:ec2/securityGroup:SecurityGroup", "timeseries-sg");
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) sg.prop("ingress");
        assertEquals(List.of(prod.outputs().get("eks.nodeSecurityGroupId.us-east-1")), ingress.get(0).get("securityGroups"));
        assertEquals(prod.outputs().get("vpcId.us-east-1"), sg.prop("vpcId"));
        assertEquals(List.of("network-us-east-1-database-us-east-1a-id", "network-us-east-1-database-us-east-1b-id"),
                prod.require("aws:timestreaminfluxdb/dbInstance:DbInstance", "timeseries-influxdb").prop("vpcSubnetIds"),
                "pinned to the first two database subnets by AZ name");
    }

    @Test
    void alarmsWatchTheStacksDatabaseInstancesAndCacheNodes() {
        Plan prod = StackPlans.prod();
        String primary = (String) prod.require("aws:rds/instance:Instance", "database-primary").prop("identifier");
        assertEquals(Map.of("DBInstanceIdentifier", primary),
                prod.require("aws:cloudwatch/metricAlarm:MetricAlarm", "observability-rds-primary-cpu").prop("dimensions"));
        for (String replica : List.of("analytics", "standby")) {
            PlanResource alarm = prod.require("aws:cloudwatch/metricAlarm:MetricAlarm", "observability-rds-" + replica + "-replica-lag");
            String id = (String) ((Map<?, ?>) alarm.prop("dimensions")).get("DBInstanceIdentifier");
            assertTrue(prod.where(r -> r.type().equals("aws:rds/instance:Instance") && id.equals(r.prop("identifier"))).size() == 1,
                    "no RDS instance " + id);
        }
        String group = (String) prod.ofType("aws:elasticache/replicationGroup:ReplicationGroup").get(0).prop("replicationGroupId");
        assertEquals(Map.of("CacheClusterId", group + "-001"),
                prod.require("aws:cloudwatch/metricAlarm:MetricAlarm", "observability-redis-primary-001-cpu").prop("dimensions"));
    }

    @Test
    void everyDnsHealthCheckAlarmsInUsEast1() {
        Plan prod = StackPlans.prod();
        for (PlanResource check : prod.ofType("aws:route53/healthCheck:HealthCheck")) {
            PlanResource alarm = prod.require("aws:cloudwatch/metricAlarm:MetricAlarm", "observability-route53-" + check.name() + "-health");
            assertEquals("us-east-1", alarm.region());
            assertEquals(Map.of("HealthCheckId", check.name() + "-id"), alarm.prop("dimensions"));
        }
        assertEquals(2, prod.ofType("aws:route53/healthCheck:HealthCheck").size());
    }
}
