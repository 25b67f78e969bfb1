package com.ultibiker.platform.data;

import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.DatabaseConfig;
import com.ultibiker.platform.model.ReplicaSpec;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Inputs of {@link Database}. Build with {@link #builder()}.
 *
 * @param identifier       physical RDS identifier of the primary, e.g. {@code ultibiker-prod-postgres};
 *                         replicas are {@code <identifier>-<replica name>}
 * @param databaseName     the initial database, e.g. {@code ultibiker}
 * @param masterUsername   master user name (not a secret); its password is generated into Secrets Manager
 *                         and passed to RDS as a secret (see {@link Database})
 * @param primary          region, network and clients of the primary (and of same-region replicas)
 * @param secondaries      placements of other regions, by region name; required for every region a
 *                         replica of {@code settings} runs in other than the primary's; default none
 * @param settings         sizes, windows, retention and replicas (validated stack config)
 * @param logRetentionDays retention of the exported PostgreSQL log groups
 */
public record DatabaseArgs(
        String identifier,
        String databaseName,
        String masterUsername,
        DataPlacement primary,
        Map<String, DataPlacement> secondaries,
        DatabaseConfig settings,
        int logRetentionDays,
        Tagging tagging,
        StatefulProtection protection) {

    /** RDS identifiers: a letter, then letters, digits and single hyphens, at most 63 characters. */
    static final Pattern IDENTIFIER = Pattern.compile("[a-z](?!.*--)[a-z0-9-]{0,62}(?<!-)");
    static final Pattern SQL_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");

    public DatabaseArgs {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tagging, "tagging");
        Objects.requireNonNull(protection, "protection");
        secondaries = Map.copyOf(secondaries);
        require(IDENTIFIER.matcher(identifier).matches(), "identifier", identifier, "an RDS identifier (lowercase, digits, hyphens)");
        require(SQL_NAME.matcher(databaseName).matches(), "databaseName", databaseName, "a letter then letters, digits or _");
        require(SQL_NAME.matcher(masterUsername).matches(), "masterUsername", masterUsername, "a letter then letters, digits or _");
        for (ReplicaSpec replica : settings.replicas()) {
            boolean placed = replica.region().equals(primary.regionName()) || secondaries.containsKey(replica.region());
            require(placed, "settings.replicas." + replica.name() + ".region", replica.region(),
                    "the primary region or a region in secondaries " + secondaries.keySet());
            String id = DatabaseSettings.replicaIdentifier(identifier, replica.name());
            require(IDENTIFIER.matcher(id).matches(), "replica identifier", id, "an RDS identifier of at most 63 characters");
        }
    }

    /** The placement of {@code region}: the primary's or a secondary's. */
    public DataPlacement placement(String region) {
        if (region.equals(primary.regionName())) {
            return primary;
        }
        DataPlacement p = secondaries.get(region);
        if (p == null) {
            throw new IllegalArgumentException("no placement for region " + region);
        }
        return p;
    }

    private static void require(boolean ok, String field, String value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("DatabaseArgs." + field + " = " + value + ": expected " + allowed);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DatabaseArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String identifier;
        private String databaseName;
        private String masterUsername;
        private DataPlacement primary;
        private Map<String, DataPlacement> secondaries = Map.of();
        private DatabaseConfig settings;
        private Integer logRetentionDays;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder identifier(String value) { this.identifier = value; return this; }
        public Builder databaseName(String value) { this.databaseName = value; return this; }
        public Builder masterUsername(String value) { this.masterUsername = value; return this; }
        public Builder primary(DataPlacement value) { this.primary = value; return this; }
        public Builder secondaries(Map<String, DataPlacement> value) { this.secondaries = value; return this; }
        public Builder settings(DatabaseConfig value) { this.settings = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public DatabaseArgs build() {
            return new DatabaseArgs(
                    Required.of(identifier, "DatabaseArgs.identifier"),
                    Required.of(databaseName, "DatabaseArgs.databaseName"),
                    Required.of(masterUsername, "DatabaseArgs.masterUsername"),
                    Required.of(primary, "DatabaseArgs.primary"),
                    secondaries,
                    Required.of(settings, "DatabaseArgs.settings"),
                    Required.of(logRetentionDays, "DatabaseArgs.logRetentionDays"),
                    Required.of(tagging, "DatabaseArgs.tagging"),
                    Required.of(protection, "DatabaseArgs.protection"));
        }
    }
}
