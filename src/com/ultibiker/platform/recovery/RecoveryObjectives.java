package com.ultibiker.platform.recovery;

import com.ultibiker.platform.backup.BackupRules;
import com.ultibiker.platform.model.ReplicaSpec;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.model.TimeSeriesEngine;
import com.ultibiker.platform.timeseries.ExportSchedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The recovery objectives the configuration achieves, per data store, computed from it (pure), exported as
 * stack outputs ({@code recovery.*}) and stated in the README. {@code rtoMet}/{@code rpoMet} hold only when
 * there is a standby region and every store meets the target; otherwise {@code rtoUnmetBy}/{@code rpoUnmetBy}
 * name the stores that do not.
 *
 * <ul>
 *   <li>DNS failover = detection (health check interval x failure threshold) + the time resolvers may keep
 *   the old answer (alias records to a load balancer are answered with its 60 s). Reads move in that time.</li>
 *   <li>PostgreSQL writes need the cross-region replica promoted by the runbook: detection + the decision +
 *   the promotion + repointing the writers ({@link #DECISION_SECONDS}, {@link #PROMOTION_SECONDS},
 *   {@link #CUTOVER_SECONDS}: the runbook's budgets). Data loss is the replica lag, alarmed at
 *   {@code observability.replicaLagSeconds}.</li>
 *   <li>Redis is a cache: nothing is copied; the standby region's own cache starts empty.</li>
 *   <li>The time-series store: its export job's copy in the secondary region, restored by the runbook.</li>
 *   <li>A store backed up only by AWS Backup: the newest copy in the secondary region is up to a day (plus the job
 *   windows) old.</li>
 * </ul>
 *
 * @param standby whether a secondary region exists; without it there is nothing to fail over to
 */
public record RecoveryObjectives(
        boolean standby,
        int detectionSeconds,
        int cachedAnswerSeconds,
        int failoverSeconds,
        int rtoTargetSeconds,
        int replicaLagAlarmSeconds,
        int rpoTargetSeconds,
        List<StoreObjective> stores) {

    /** Runbook step 1, "Decide": alerts read, DNS checked, replica lag read (its budget). */
    public static final int DECISION_SECONDS = 60;
    /**
     * Runbook step 2: {@code promote-read-replica} until the instance is available; RDS documents it as taking
     * "a few minutes" (RDS User Guide, "Promoting a read replica to be a standalone DB instance"); the runbook
     * budgets 4.
     */
    public static final int PROMOTION_SECONDS = 240;
    /** Runbook step 2, last part: the writers pointed at the promoted instance and restarted. */
    public static final int CUTOVER_SECONDS = 60;

    public RecoveryObjectives {
        stores = List.copyOf(stores);
    }

    public static RecoveryObjectives from(StackConfig config) {
        var dns = config.dns();
        List<StoreObjective> stores = new ArrayList<>(List.of(postgresql(config), redis(config), timeSeries(config), buckets(config)));
        assets(config).ifPresent(stores::add);
        return new RecoveryObjectives(config.regions().isMultiRegion(), dns.detectionSeconds(),
                dns.cachedAnswerSeconds(), dns.failoverSeconds(), dns.rtoTargetSeconds(),
                config.observability().replicaLagSeconds(), dns.rpoTargetSeconds(), stores);
    }

    static StoreObjective postgresql(StackConfig config) {
        Optional<String> secondary = config.regions().secondary();
        Optional<ReplicaSpec> standbyReplica = secondary.flatMap(region -> config.database().replicas().stream()
                .filter(r -> r.region().equals(region)).findFirst());
        var dns = config.dns();
        if (standbyReplica.isPresent()) {
            ReplicaSpec replica = standbyReplica.get();
            int rto = dns.detectionSeconds() + DECISION_SECONDS + PROMOTION_SECONDS + CUTOVER_SECONDS;
            return new StoreObjective("postgresql",
                    "cross-region read replica " + replica.name() + " in " + replica.region()
                            + " (asynchronous streaming replication), promoted by docs/runbook-failover.md",
                    true, OptionalInt.of(config.observability().replicaLagSeconds()), OptionalInt.of(rto),
                    "RPO: the replica lag at the failure, alarmed above observability.replicaLagSeconds. RTO for writes: "
                            + "detection " + dns.detectionSeconds() + " s + decision " + DECISION_SECONDS + " s + promotion "
                            + PROMOTION_SECONDS + " s + repointing the writers " + CUTOVER_SECONDS + " s; reads are served by the "
                            + "replica after the DNS failover (" + dns.failoverSeconds() + " s)");
        }
        return backedUpOnly("postgresql", config, "RDS automated backups and AWS Backup recovery points");
    }

    static StoreObjective redis(StackConfig config) {
        Optional<String> secondary = config.regions().secondary();
        boolean standbyCache = secondary.isPresent() && config.cache().standby().isPresent();
        String note = "a cache: it holds nothing that must survive a failover. The application must tolerate an empty "
                + "cache (every entry rebuilt from PostgreSQL, more database load while it warms) and the loss of "
                + "anything kept only in Redis (sessions, rate-limit counters)";
        return new StoreObjective("redis",
                standbyCache ? "none (a cache): " + secondary.get() + " runs its own empty cache (cache.standby)"
                        : "none (a cache)" + (secondary.isPresent() ? "; no cache in " + secondary.get() + " (cache.standby unset)" : ""),
                false, OptionalInt.empty(),
                standbyCache ? OptionalInt.of(config.dns().failoverSeconds()) : OptionalInt.empty(), note);
    }

    /**
     * The export job ({@code timeseries/TimeSeriesExport}) copies the whole store with {@code influx backup} every
     * {@code timeseries.exportIntervalMinutes} to a bucket in the secondary region, whatever the engine. RPO: the
     * export's bound ({@link ExportSchedule#rpoSeconds}). RTO: the runbook's restore into a new Timestream for
     * InfluxDB instance in the secondary region (the application speaks the InfluxDB v2 API to either engine):
     * detection + decision + creating the instance + download and restore by storage size + repointing the writers.
     */
    static StoreObjective timeSeries(StackConfig config) {
        var settings = config.timeseries();
        Optional<String> secondary = config.regions().secondary();
        String engine = settings.engine() == TimeSeriesEngine.KUBERNETES ? "InfluxDB on the cluster" : "Timestream for InfluxDB";
        String export = "influx backup of the whole store (" + engine + ") every " + settings.exportIntervalMinutes()
                + " min by the export CronJob";
        if (secondary.isEmpty()) {
            return new StoreObjective("timeseries", export + ", to a bucket in " + config.regions().primary()
                    + "; no copy outside " + config.regions().primary(), true, OptionalInt.empty(), OptionalInt.empty(),
                    "nothing to restore from in another region");
        }
        var dns = config.dns();
        int restore = ExportSchedule.INSTANCE_CREATE_SECONDS + ExportSchedule.RESTORE_SECONDS_PER_GIB * settings.storageGib();
        int rto = dns.detectionSeconds() + DECISION_SECONDS + restore + CUTOVER_SECONDS;
        return new StoreObjective("timeseries", export + ", to a bucket in " + secondary.get()
                + ", restored into a new Timestream for InfluxDB instance there by docs/runbook-failover.md",
                true, OptionalInt.of(ExportSchedule.rpoSeconds(settings)), OptionalInt.of(rto),
                "RPO: interval " + settings.exportIntervalMinutes() * 60 + " s + start deadline "
                        + ExportSchedule.STARTING_DEADLINE_SECONDS + " s + export timeout " + settings.exportTimeoutMinutes() * 60
                        + " s; a missed export alarms after " + ExportSchedule.MISSED_INTERVALS_TO_ALARM + " intervals. RTO: detection "
                        + dns.detectionSeconds() + " s + decision " + DECISION_SECONDS + " s + creating the instance "
                        + ExportSchedule.INSTANCE_CREATE_SECONDS + " s + download and restore " + ExportSchedule.RESTORE_SECONDS_PER_GIB + " s/GiB x "
                        + settings.storageGib() + " GiB + repointing the writers " + CUTOVER_SECONDS + " s; sensor writes fail "
                        + "(or are buffered by the application) until then");
    }

    /**
     * S3 Replication does not bound its lag without Replication Time Control (not enabled): most objects arrive
     * within seconds to minutes; with RTC AWS commits to 15 minutes (S3 User Guide, "Meeting compliance requirements
     * with S3 Replication Time Control"). The figure claimed is that 15 minutes.
     */
    static final int S3_REPLICATION_SECONDS = 900;

    /**
     * The uploads bucket holds application data (the log buckets stay in their region): with {@code uploads.replicate}
     * its replica in the secondary region serves as soon as the DNS fails over; otherwise only AWS Backup has it.
     */
    static StoreObjective buckets(StackConfig config) {
        Optional<String> secondary = config.regions().secondary();
        if (config.uploads().replicate() && secondary.isPresent()) {
            return new StoreObjective("buckets", "S3 Replication of the uploads bucket to its replica in " + secondary.get()
                    + " (asynchronous, delete markers included); the access-log and Timestream log buckets stay in their region",
                    true, OptionalInt.of(S3_REPLICATION_SECONDS), OptionalInt.of(config.dns().failoverSeconds()),
                    "RPO: S3 Replication's lag, unbounded without Replication Time Control (15 minutes with it); RTO: the "
                            + "standby's workloads use the replica as soon as the DNS fails over. Writes into the replica are not "
                            + "replicated back");
        }
        return backedUpOnly("buckets", config, "AWS Backup recovery points of the uploads bucket");
    }

    /**
     * Static assets (when {@code assets.enabled}): reproducible content the pipeline publishes (no Backup tag), read
     * through CloudFront, whose origin group reads the replica per request when the primary bucket fails: reads
     * recover at once, with no DNS change and no runbook step.
     */
    static Optional<StoreObjective> assets(StackConfig config) {
        if (!config.assets().enabled()) {
            return Optional.empty();
        }
        Optional<String> secondary = config.regions().secondary();
        if (secondary.isEmpty()) {
            return Optional.of(new StoreObjective("assets", "bucket versioning only; no copy outside " + config.regions().primary(),
                    false, OptionalInt.empty(), OptionalInt.empty(),
                    "reproducible content: republish it from the pipeline into a new region's bucket"));
        }
        return Optional.of(new StoreObjective("assets", "S3 Replication of the assets bucket to its replica in " + secondary.get()
                + "; CloudFront's origin group reads the replica when the primary answers 403, 404 or 5xx", false,
                OptionalInt.empty(), OptionalInt.of(0),
                "reads fail over per request inside CloudFront (RTO 0, no DNS change); S3 Replication without Replication "
                        + "Time Control has no time bound, so an asset published just before the loss may be missing from the "
                        + "replica: republish it (reproducible content); publishing waits for the primary region"));
    }

    /** A store whose only copy in the secondary region is AWS Backup's daily cross-region copy. */
    private static StoreObjective backedUpOnly(String store, StackConfig config, String what) {
        Optional<String> secondary = config.regions().secondary();
        if (!config.backup().enabled() || secondary.isEmpty()) {
            return new StoreObjective(store, what + "; no copy outside " + config.regions().primary(), true,
                    OptionalInt.empty(), OptionalInt.empty(), "nothing to restore from in another region");
        }
        return new StoreObjective(store, what + ", copied daily to the vault in " + secondary.get(), true,
                OptionalInt.of(BackupRules.dailyRecoveryPointAgeSeconds()), OptionalInt.empty(),
                "RPO: a day between recovery points plus the job windows; RTO: a restore from the copy (hours), no "
                        + "objective is claimed");
    }

    /** Reads and WebSockets: DNS failover completes within the RTO target (only meaningful with a standby). */
    public boolean dnsRtoMet() {
        return standby && failoverSeconds <= rtoTargetSeconds;
    }

    /** The stores that miss the RTO target (all of them without a standby). */
    public List<String> rtoUnmetBy() {
        List<String> out = new ArrayList<>();
        stores.forEach(s -> {
            if (!standby || !s.rtoMet(rtoTargetSeconds)) {
                out.add(s.store());
            }
        });
        return out;
    }

    /** The stores that miss the RPO target (every store that holds data, without a standby). */
    public List<String> rpoUnmetBy() {
        List<String> out = new ArrayList<>();
        stores.forEach(s -> {
            if (!standby ? s.holdsData() : !s.rpoMet(rpoTargetSeconds)) {
                out.add(s.store());
            }
        });
        return out;
    }

    /** Every store serves again in the secondary region within the RTO target. */
    public boolean rtoMet() {
        return standby && dnsRtoMet() && rtoUnmetBy().isEmpty();
    }

    /** Every store that holds data loses less than the RPO target. */
    public boolean rpoMet() {
        return standby && rpoUnmetBy().isEmpty();
    }

    /** Stack outputs, {@code recovery.<name>} and {@code recovery.<store>.<name>}. */
    public Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recovery.standby", standby);
        out.put("recovery.detectionSeconds", detectionSeconds);
        out.put("recovery.cachedAnswerSeconds", cachedAnswerSeconds);
        out.put("recovery.dnsFailoverSeconds", failoverSeconds);
        out.put("recovery.dnsRtoMet", dnsRtoMet());
        out.put("recovery.rtoTargetSeconds", rtoTargetSeconds);
        out.put("recovery.rtoMet", rtoMet());
        out.put("recovery.rtoUnmetBy", rtoUnmetBy());
        out.put("recovery.replicaLagAlarmSeconds", replicaLagAlarmSeconds);
        out.put("recovery.rpoTargetSeconds", rpoTargetSeconds);
        out.put("recovery.rpoMet", rpoMet());
        out.put("recovery.rpoUnmetBy", rpoUnmetBy());
        for (StoreObjective store : stores) {
            out.putAll(store.outputs(rtoTargetSeconds, rpoTargetSeconds));
        }
        return out;
    }
}
