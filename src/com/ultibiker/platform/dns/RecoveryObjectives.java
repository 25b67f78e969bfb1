package com.ultibiker.platform.dns;

import com.ultibiker.platform.model.StackConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recovery objectives the configuration achieves, computed from it (pure), exported as stack
 * outputs and stated in the README.
 *
 * <ul>
 *   <li>DNS failover time = detection (health check interval x failure threshold) + the time resolvers
 *       may keep the old answer (the record TTL; alias records to a load balancer are answered with the
 *       load balancer's 60 s). It must be within the RTO target.</li>
 *   <li>Data loss: the cross-region replica's lag alarm threshold must be below the RPO target, so the
 *       on-call hears about lag before a failover would lose more than the RPO.</li>
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
        int rpoTargetSeconds) {

    public static RecoveryObjectives from(StackConfig config) {
        var dns = config.dns();
        return new RecoveryObjectives(config.regions().isMultiRegion(), dns.detectionSeconds(),
                dns.cachedAnswerSeconds(), dns.failoverSeconds(), dns.rtoTargetSeconds(),
                config.observability().replicaLagSeconds(), dns.rpoTargetSeconds());
    }

    /** DNS failover completes within the RTO target (only meaningful with a standby). */
    public boolean rtoMet() {
        return standby && failoverSeconds <= rtoTargetSeconds;
    }

    /** Replica lag is alarmed on before it exceeds the RPO target (only meaningful with a standby). */
    public boolean rpoMet() {
        return standby && replicaLagAlarmSeconds < rpoTargetSeconds;
    }

    /** Stack outputs, {@code recovery.<name>}. */
    public Map<String, Object> outputs() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recovery.standby", standby);
        out.put("recovery.detectionSeconds", detectionSeconds);
        out.put("recovery.cachedAnswerSeconds", cachedAnswerSeconds);
        out.put("recovery.dnsFailoverSeconds", failoverSeconds);
        out.put("recovery.rtoTargetSeconds", rtoTargetSeconds);
        out.put("recovery.rtoMet", rtoMet());
        out.put("recovery.replicaLagAlarmSeconds", replicaLagAlarmSeconds);
        out.put("recovery.rpoTargetSeconds", rpoTargetSeconds);
        out.put("recovery.rpoMet", rpoMet());
        return out;
    }
}
