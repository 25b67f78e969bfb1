package com.ultibiker.platform.drill;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;

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
