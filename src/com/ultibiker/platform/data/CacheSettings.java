package com.ultibiker.platform.data;

import com.ultibiker.platform.model.CacheConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Pure rules for the Redis replication groups: parameter family and values, users, log types. */
public final class CacheSettings {

    public static final String ENGINE = "redis";
    public static final int PORT = 6379;
    /** Log types delivered to CloudWatch Logs, each to its own encrypted group. */
    public static final List<String> LOG_TYPES = List.of("slow-log", "engine-log");
    /**
     * ACL of the application user: every key and command except the dangerous ones (FLUSHALL, KEYS,
     * CONFIG, DEBUG, ...).
     */
    public static final String APP_ACCESS_STRING = "on ~* +@all -@dangerous";
    /**
     * ACL of the user named {@code default} that a user group must contain: switched off, so an
     * unauthenticated connection can do nothing.
     */
    public static final String DISABLED_DEFAULT_ACCESS_STRING = "off -@all";

    /**
     * Inputs of a user that ElastiCache stores in its own canonical form: it rewrites an access string
     * (adding the channel rules Redis 6.2+ has, expanding aliases), and the provider has no diff suppression
     * for it (terraform-provider-aws #20334), so every run would show the users as changed and update them.
     * Ignored after creation; the values above are what each user is created with. To change a user's
     * permissions, create a user with a new id (in the user group beside the old one), move clients, then
     * remove the old one: never edit the constants expecting an update.
     */
    public static final List<String> REWRITTEN_BY_ELASTICACHE = List.of("accessString");

    private static final Pattern VERSION = Pattern.compile("(\\d)(\\.\\d+)?");

    private CacheSettings() {
    }

    /** {@code 7.1} → {@code redis7} (ElastiCache names Redis 6+ families by major). */
    public static String parameterGroupFamily(String engineVersion) {
        var m = VERSION.matcher(engineVersion);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 6) {
            throw new IllegalArgumentException("not a Redis 6+ version: " + engineVersion);
        }
        return ENGINE + m.group(1);
    }

    /** Parameter values: commands slower than 10 ms go to the slow log, which keeps the last 128. */
    public static Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("slowlog-log-slower-than", "10000");
        p.put("slowlog-max-len", "128");
        return p;
    }

    public static String logGroupName(String replicationGroupId, String logType) {
        return "/aws/elasticache/" + replicationGroupId + "/" + logType;
    }

    /** IAM-authenticated users must have user name = user id; both are the application user's id. */
    public static String appUserId(String replicationGroupId) {
        return replicationGroupId + "-app";
    }

    public static String defaultUserId(String replicationGroupId) {
        return replicationGroupId + "-default";
    }

    public static String userGroupId(String replicationGroupId) {
        return replicationGroupId + "-users";
    }

    /** Automatic failover needs a replica to fail over to; Multi-AZ needs automatic failover. */
    public static boolean failoverPossible(int numNodes) {
        return numNodes >= CacheConfig.MIN_NODES_FOR_FAILOVER;
    }
}
