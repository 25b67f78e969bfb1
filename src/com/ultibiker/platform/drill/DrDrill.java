package com.ultibiker.platform.drill;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.timeseries.TimeSeries;
import com.ultibiker.platform.timeseries.TimeSeriesExport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The failover steps of docs/runbook-failover.md as commands for one stack's actual resources, read from its
 * plan (pure). Every command goes to the standby region or to global services' data planes (DNS lookups,
 * GitHub): nothing needs the primary region. The fail-back needs it by definition and stays in the runbook.
 */
public final class DrDrill {

    private static final String RDS = "aws:rds/instance:Instance";
    private static final String NODE_GROUP = "aws:eks/nodeGroup:NodeGroup";
    private static final String CRONJOB = "kubernetes:batch/v1:CronJob";
    private static final String INFLUX = "aws:timestreaminfluxdb/dbInstance:DbInstance";

    private DrDrill() {
    }

    /** The commands, in order; empty when the stack has no standby region (nothing to fail over to). */
    public static List<String> steps(Plan plan, String primaryRegion, String standbyRegion, String githubRepository) {
        Map<String, Object> out = plan.outputs();
        Optional<PlanResource> standby = plan.ofType(RDS).stream()
                .filter(r -> standbyRegion.equals(r.region()) && r.prop("replicateSourceDb") != null).findFirst();
        List<String> lines = new ArrayList<>();
        lines.add("# 0. Freeze deploys (docs/runbook-failover.md, step 0)");
        lines.add("gh workflow disable deploy.yml --repo " + githubRepository);
        lines.add("gh run list --workflow deploy.yml --status in_progress --repo " + githubRepository + "   # gh run cancel <id> for each");
        lines.add("");
        lines.add("# 1. Decide: DNS already answers with " + standbyRegion + "; the replica lag is the data to lose");
        String api = String.valueOf(out.get("apiUrl")).replaceFirst("^https://", "");
        lines.add("dig +short " + api + "   # expect " + out.get("loadBalancerDnsName." + standbyRegion));
        standby.ifPresent(db -> lines.add("aws cloudwatch get-metric-statistics --region " + standbyRegion
                + " --namespace AWS/RDS --metric-name ReplicaLag --dimensions Name=DBInstanceIdentifier,Value=" + db.prop("identifier")
                + " --statistics Maximum --start-time $(date -u -d '-10 min' +%FT%TZ) --end-time $(date -u +%FT%TZ) --period 60"));
        lines.add("");
        lines.add("# 2. Promote the standby (it is Multi-AZ, with the primary's backups and parameters)");
        standby.ifPresent(db -> {
            lines.add("aws rds promote-read-replica --region " + standbyRegion + " --db-instance-identifier " + db.prop("identifier")
                    + " --backup-retention-period " + db.prop("backupRetentionPeriod"));
            lines.add("aws rds wait db-instance-available --region " + standbyRegion + " --db-instance-identifier " + db.prop("identifier"));
        });
        Object secretArn = out.get("database.masterUserSecretArn." + standbyRegion);
        if (secretArn != null) {
            // By name: the ARN's last 7 characters are Secrets Manager's random suffix, unknown before the stack exists.
            String arn = String.valueOf(secretArn);
            String secret = arn.substring(arn.indexOf(":secret:") + ":secret:".length(), arn.length() - 7);
            lines.add("aws secretsmanager get-secret-value --region " + standbyRegion + " --secret-id " + secret
                    + " --query SecretString --output text   # the master credential, replicated to " + standbyRegion);
        }
        lines.addAll(timeSeriesRestore(plan, standbyRegion));
        lines.add("");
        lines.add("# 3. Scale the standby pools to the primary's sizes");
        Object cluster = out.get("eks.clusterName." + standbyRegion);
        Map<String, Map<String, Object>> primarySizes = new TreeMap<>();
        for (PlanResource ng : plan.ofType(NODE_GROUP)) {
            if (primaryRegion.equals(ng.region())) {
                primarySizes.put(pool(ng, primaryRegion), scaling(ng));
            }
        }
        for (PlanResource ng : plan.ofType(NODE_GROUP)) {
            if (!standbyRegion.equals(ng.region())) {
                continue;
            }
            Map<String, Object> size = primarySizes.getOrDefault(pool(ng, standbyRegion), scaling(ng));
            lines.add("ng=$(aws eks list-nodegroups --region " + standbyRegion + " --cluster-name " + cluster
                    + " --query \"nodegroups[?starts_with(@, '" + ng.name() + "')]|[0]\" --output text)");
            lines.add("aws eks update-nodegroup-config --region " + standbyRegion + " --cluster-name " + cluster
                    + " --nodegroup-name \"$ng\" --scaling-config minSize=" + count(size.get("minSize")) + ",maxSize="
                    + count(size.get("maxSize")) + ",desiredSize=" + count(size.get("desiredSize")));
        }
        lines.add("");
        lines.add("# 4. Verify");
        lines.add("curl -fsS " + out.get("apiUrl") + "/health");
        for (PlanResource tg : plan.ofType("aws:lb/targetGroup:TargetGroup")) {
            if (standbyRegion.equals(tg.region()) && tg.prop("name") != null) {
                lines.add("aws elbv2 describe-target-health --region " + standbyRegion + " --target-group-arn $(aws elbv2 describe-target-groups"
                        + " --region " + standbyRegion + " --names " + tg.prop("name") + " --query 'TargetGroups[0].TargetGroupArn' --output text)");
            }
        }
        lines.add("# then a write round-trip through the API; announce the data-loss window (the lag read in step 1)");
        lines.add("# 5. Fail back: docs/runbook-failover.md step 5, once " + primaryRegion + " is healthy (state import by resource id)");
        return standby.isPresent() ? lines : List.of();
    }

    /**
     * Runbook step 2b: a new Timestream for InfluxDB instance in the standby region, filled by the restore job
     * that waits suspended on the standby cluster (the newest complete export of the bucket there). Empty when the
     * plan has no restore job in that region.
     */
    static List<String> timeSeriesRestore(Plan plan, String standbyRegion) {
        Map<String, Object> out = plan.outputs();
        Optional<PlanResource> job = plan.ofType(CRONJOB).stream()
                .filter(r -> TimeSeriesExport.RESTORE_APP.equals(r.prop("metadata.name")) && !String.valueOf(r.provider()).isEmpty()
                        && String.valueOf(r.provider()).endsWith("eks-" + standbyRegion + "-k8s"))
                .findFirst();
        if (job.isEmpty()) {
            return List.of();
        }
        String ns = String.valueOf(job.get().prop("metadata.namespace"));
        Map<String, Object> restoreEnv = env(job.get(), "containers.0");
        String org = String.valueOf(restoreEnv.get("INFLUX_ORG"));
        Optional<PlanResource> primaryStore = plan.ofType(INFLUX).stream().findFirst();
        String name = primaryStore.map(db -> String.valueOf(db.prop("name")))
                .orElse(String.valueOf(out.get("timeseries.exportBucket")).replaceFirst("-influxdb-export-.*", "-influxdb"));
        String instanceClass = primaryStore.map(db -> String.valueOf(db.prop("dbInstanceType"))).orElse("db.influx.medium");
        String deployment = primaryStore.map(db -> String.valueOf(db.prop("deploymentType"))).orElse("SINGLE_AZ");
        String storage = String.valueOf(job.get().prop("spec.jobTemplate.spec.template.spec.volumes.0.ephemeral.volumeClaimTemplate.spec"
                + ".resources.requests.storage")).replace("Gi", "");
        List<?> subnets = out.get("databaseSubnetIds." + standbyRegion) instanceof List<?> l ? l : List.of();
        String bucket = String.valueOf(out.get("timeseries.exportBucket"));
        String kubectl = "kubectl --context " + standbyRegion + " -n " + ns;
        String get = "aws timestream-influxdb get-db-instance --region " + standbyRegion + " --identifier \"$id\"";
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("# 2b. Time-series store: restore the newest complete export of s3://" + bucket + "/" + TimeSeriesExport.PREFIX
                + "/ into a new instance in " + standbyRegion + " (its start time is the data to lose)");
        lines.add("aws s3api list-objects-v2 --region " + standbyRegion + " --bucket " + bucket + " --prefix " + TimeSeriesExport.PREFIX
                + "/ --delimiter / --query 'CommonPrefixes[-3:].Prefix'");
        lines.add("sg=$(aws ec2 create-security-group --region " + standbyRegion + " --vpc-id " + out.get("vpcId." + standbyRegion)
                + " --group-name " + name + "-restored --description 'InfluxDB restored: 8086 from the cluster nodes' --query GroupId --output text)");
        lines.add("aws ec2 authorize-security-group-ingress --region " + standbyRegion + " --group-id \"$sg\" --protocol tcp --port "
                + TimeSeries.PORT + " --source-group " + out.get("eks.nodeSecurityGroupId." + standbyRegion));
        lines.add("pw=$(openssl rand -hex 16)   # Timestream takes 8-64 letters and digits");
        lines.add("id=$(aws timestream-influxdb create-db-instance --region " + standbyRegion + " --name " + name
                + " --db-instance-type " + instanceClass + " --db-storage-type InfluxIOIncludedT1 --allocated-storage " + storage
                + " --deployment-type " + deployment + " --no-publicly-accessible --vpc-subnet-ids "
                + String.join(" ", subnets.stream().limit(2).map(String::valueOf).toList())
                + " --vpc-security-group-ids \"$sg\" --username " + TimeSeries.ADMIN_USER + " --password \"$pw\" --organization " + org
                + " --bucket restore-bootstrap --query id --output text)");
        lines.add("until [ \"$(" + get + " --query status --output text)\" = AVAILABLE ]; do sleep 30; done   # up to 20 min");
        lines.add("ep=$(" + get + " --query endpoint --output text)");
        lines.add(kubectl + " create secret generic " + TimeSeriesExport.RESTORE_TARGET_SECRET
                + " --from-literal=host=\"https://$ep:" + TimeSeries.PORT + "\" --from-literal=password=\"$pw\"");
        lines.add(kubectl + " create job --from=cronjob/" + TimeSeriesExport.RESTORE_APP + " " + TimeSeriesExport.RESTORE_APP + "-$(date +%s)");
        lines.add(kubectl + " wait --for=condition=complete job -l app.kubernetes.io/name=" + TimeSeriesExport.RESTORE_APP + " --timeout="
                + job.get().prop("spec.jobTemplate.spec.activeDeadlineSeconds") + "s");
        lines.add(kubectl + " run influx-token --rm -i --restart=Never --image=" + TimeSeriesExport.INFLUX_IMAGE
                + " --env=INFLUX_CONFIGS_PATH=/tmp/c -- sh -c \"influx config create --config-name t --host-url https://$ep:" + TimeSeries.PORT
                + " --org " + org + " --username-password " + TimeSeries.ADMIN_USER + ":$pw --active >/dev/null && influx auth create --org " + org
                + " --read-buckets --write-buckets --description application-failover\"   # the application's token");
        lines.add("# put https://$ep:" + TimeSeries.PORT + " and that token into the application's InfluxDB settings, then "
                + kubectl + " rollout restart deployment");
        return lines;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(PlanResource cronJob, String container) {
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        if (cronJob.prop("spec.jobTemplate.spec.template.spec." + container + ".env") instanceof List<?> list) {
            for (Object e : list) {
                Map<String, Object> m = (Map<String, Object>) e;
                env.put(String.valueOf(m.get("name")), m.get("value"));
            }
        }
        return env;
    }

    private static String pool(PlanResource nodeGroup, String region) {
        return nodeGroup.name().replaceFirst("^eks-" + region + "-", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scaling(PlanResource nodeGroup) {
        return nodeGroup.prop("scalingConfig") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String count(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(value);
    }

    /** Whole seconds as {@code 450 s}; a word (none, not applicable) as it is. */
    private static String number(Object value) {
        return value instanceof Number n ? Long.toString(n.longValue()) + " s" : String.valueOf(value);
    }

    /**
     * Which objectives hold, from stack outputs ({@code pulumi stack output --json}): one line per store and the
     * two totals. The outputs are the program's own computation ({@code recovery.*}).
     */
    public static List<String> check(Map<String, Object> outputs) {
        List<String> lines = new ArrayList<>();
        if (!outputs.containsKey("recovery.rtoMet")) {
            throw new IllegalArgumentException("no recovery.rtoMet in the outputs: not this project's stack outputs");
        }
        for (String store : List.of("postgresql", "redis", "timeseries", "buckets")) {
            String p = "recovery." + store + ".";
            if (outputs.containsKey(p + "rtoMet")) {
                lines.add(store + ": RTO " + number(outputs.get(p + "rtoSeconds")) + " " + held(outputs.get(p + "rtoMet"))
                        + ", RPO " + number(outputs.get(p + "rpoSeconds")) + " " + held(outputs.get(p + "rpoMet")) + " (" + outputs.get(p + "mechanism") + ")");
            }
        }
        lines.add("RTO target " + number(outputs.get("recovery.rtoTargetSeconds")) + ": " + held(outputs.get("recovery.rtoMet"))
                + unmet(outputs.get("recovery.rtoUnmetBy")));
        lines.add("RPO target " + number(outputs.get("recovery.rpoTargetSeconds")) + ": " + held(outputs.get("recovery.rpoMet"))
                + unmet(outputs.get("recovery.rpoUnmetBy")));
        return lines;
    }

    /** Both objectives hold. */
    public static boolean allHeld(Map<String, Object> outputs) {
        return Boolean.TRUE.equals(outputs.get("recovery.rtoMet")) && Boolean.TRUE.equals(outputs.get("recovery.rpoMet"));
    }

    private static String held(Object met) {
        return Boolean.TRUE.equals(met) ? "holds" : "DOES NOT HOLD";
    }

    private static String unmet(Object stores) {
        return stores instanceof List<?> l && !l.isEmpty() ? " (missed by " + String.join(", ", l.stream().map(String::valueOf).toList()) + ")" : "";
    }
}
