package com.ultibiker.platform.data;

import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Cache}: one Redis replication group in one region. Build with {@link #builder()}.
 *
 * @param replicationGroupId    physical id, e.g. {@code ultibiker-prod-redis}; also prefixes the users
 *                              and user group (at most 32 characters so theirs stay within 40)
 * @param placement             region, network (private subnets) and clients admitted on 6379
 * @param engineVersion         Redis 7 version, e.g. {@code 7.1}
 * @param nodeType              e.g. {@code cache.r7g.large}
 * @param numNodes              primary plus replicas, 1 to 6
 * @param automaticFailover     promote a replica when the primary fails; needs {@code numNodes >= 2}
 * @param multiAz               spread nodes over AZs; needs {@code automaticFailover}
 * @param snapshotRetentionDays daily snapshots kept, 0 to 35 (0 disables snapshots)
 * @param snapshotWindow        daily UTC window, e.g. {@code 03:00-05:00}
 * @param maintenanceWindow     weekly UTC window, e.g. {@code sun:05:00-sun:06:00}; must not overlap the snapshot window
 * @param logRetentionDays      retention of the slow-log and engine-log groups
 */
public record CacheArgs(
        String replicationGroupId,
        DataPlacement placement,
        String engineVersion,
        String nodeType,
        int numNodes,
        boolean automaticFailover,
        boolean multiAz,
        int snapshotRetentionDays,
        String snapshotWindow,
        String maintenanceWindow,
        int logRetentionDays,
        Tagging tagging,
        StatefulProtection protection) {

    static final Pattern ID = Pattern.compile("[a-z](?!.*--)[a-z0-9-]{0,31}(?<!-)");

    public CacheArgs {
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(tagging, "tagging");
        Objects.requireNonNull(protection, "protection");
        require(ID.matcher(replicationGroupId).matches(), "replicationGroupId", replicationGroupId,
                "a letter, then lowercase letters, digits and single hyphens, at most 32 characters");
        require(numNodes >= 1 && numNodes <= 6, "numNodes", numNodes, "1 to 6");
        require(!automaticFailover || CacheSettings.failoverPossible(numNodes), "numNodes", numNodes,
                "at least 2 when automaticFailover is on");
        require(!multiAz || automaticFailover, "multiAz", multiAz, "false unless automaticFailover is on");
        require(snapshotRetentionDays >= 0 && snapshotRetentionDays <= 35, "snapshotRetentionDays", snapshotRetentionDays, "0 to 35");
        CacheSettings.parameterGroupFamily(engineVersion);
    }

    private static void require(boolean ok, String field, Object value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("CacheArgs." + field + " = " + value + ": expected " + allowed);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CacheArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String replicationGroupId;
        private DataPlacement placement;
        private String engineVersion;
        private String nodeType;
        private Integer numNodes;
        private Boolean automaticFailover;
        private Boolean multiAz;
        private Integer snapshotRetentionDays;
        private String snapshotWindow;
        private String maintenanceWindow;
        private Integer logRetentionDays;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder replicationGroupId(String value) { this.replicationGroupId = value; return this; }
        public Builder placement(DataPlacement value) { this.placement = value; return this; }
        public Builder engineVersion(String value) { this.engineVersion = value; return this; }
        public Builder nodeType(String value) { this.nodeType = value; return this; }
        public Builder numNodes(int value) { this.numNodes = value; return this; }
        public Builder automaticFailover(boolean value) { this.automaticFailover = value; return this; }
        public Builder multiAz(boolean value) { this.multiAz = value; return this; }
        public Builder snapshotRetentionDays(int value) { this.snapshotRetentionDays = value; return this; }
        public Builder snapshotWindow(String value) { this.snapshotWindow = value; return this; }
        public Builder maintenanceWindow(String value) { this.maintenanceWindow = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public CacheArgs build() {
            return new CacheArgs(
                    Required.of(replicationGroupId, "CacheArgs.replicationGroupId"),
                    Required.of(placement, "CacheArgs.placement"),
                    Required.of(engineVersion, "CacheArgs.engineVersion"),
                    Required.of(nodeType, "CacheArgs.nodeType"),
                    Required.of(numNodes, "CacheArgs.numNodes"),
                    Required.of(automaticFailover, "CacheArgs.automaticFailover"),
                    Required.of(multiAz, "CacheArgs.multiAz"),
                    Required.of(snapshotRetentionDays, "CacheArgs.snapshotRetentionDays"),
                    Required.of(snapshotWindow, "CacheArgs.snapshotWindow"),
                    Required.of(maintenanceWindow, "CacheArgs.maintenanceWindow"),
                    Required.of(logRetentionDays, "CacheArgs.logRetentionDays"),
                    Required.of(tagging, "CacheArgs.tagging"),
                    Required.of(protection, "CacheArgs.protection"));
        }
    }
}
