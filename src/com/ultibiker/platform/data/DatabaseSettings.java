package com.ultibiker.platform.data;

import com.ultibiker.platform.common.PasswordPolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Pure rules for the PostgreSQL instances: parameter group family and values, log exports, names. */
public final class DatabaseSettings {

    public static final String ENGINE = "postgres";
    public static final int PORT = 5432;
    /** CloudWatch log exports of every instance; each goes to a pre-created, encrypted log group. */
    public static final List<String> LOG_EXPORTS = List.of("postgresql", "upgrade");
    public static final String STORAGE_TYPE = "gp3";
    /** RSA 2048 CA valid to 2061; the RDS default may be an older CA depending on account age. */
    public static final String CA_CERTIFICATE = "rds-ca-rsa2048-g1";

    /** The master password: RDS for PostgreSQL takes 8-128 printable ASCII characters except / " @ and space. */
    public static final PasswordPolicy MASTER_PASSWORD = PasswordPolicy.withPunctuation(40);

    private static final Pattern VERSION = Pattern.compile("(\\d{1,2})(\\.\\d{1,2})?");

    private DatabaseSettings() {
    }

    /** A PostgreSQL database name from the project name: letters, digits and underscores, starting with a letter. */
    public static String databaseName(String project) {
        String cleaned = project.replaceAll("[^A-Za-z0-9_]", "_");
        return Character.isLetter(cleaned.isEmpty() ? '0' : cleaned.charAt(0)) ? cleaned : "db_" + cleaned;
    }

    /** {@code 16} or {@code 16.4} → {@code postgres16} (RDS names PostgreSQL 10+ families by major). */
    public static String parameterGroupFamily(String engineVersion) {
        var m = VERSION.matcher(engineVersion);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 10) {
            throw new IllegalArgumentException("not a PostgreSQL 10+ version: " + engineVersion);
        }
        return ENGINE + Integer.parseInt(m.group(1));
    }

    /**
     * Parameter values, in a fixed order: TLS required for every connection; statements slower than
     * {@code slowStatementMillis} logged; lock waits longer than the deadlock timeout logged.
     * All are dynamic, so they apply without a reboot.
     */
    public static Map<String, String> parameters(int slowStatementMillis) {
        if (slowStatementMillis < 1) {
            throw new IllegalArgumentException("slowStatementMillis must be >= 1: " + slowStatementMillis);
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rds.force_ssl", "1");
        p.put("log_min_duration_statement", Integer.toString(slowStatementMillis));
        p.put("log_lock_waits", "1");
        return p;
    }

    /** The log group RDS writes an export to; it must exist under this exact name to get our retention and key. */
    public static String logGroupName(String instanceIdentifier, String export) {
        return "/aws/rds/instance/" + instanceIdentifier + "/" + export;
    }

    /** Physical identifier of a read replica, e.g. {@code ultibiker-prod-postgres-analytics}. */
    public static String replicaIdentifier(String primaryIdentifier, String replicaName) {
        return primaryIdentifier + "-" + replicaName;
    }
}
