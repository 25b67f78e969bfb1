package com.ultibiker.platform.config;

import com.pulumi.aws.enums.Region;
import com.ultibiker.platform.model.NodePoolSpec;
import com.ultibiker.platform.network.Ipv4Cidr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Small pure checks. Each returns what is allowed when the value is not, or empty when it is fine;
 * the parser turns a non-empty answer into a {@link ConfigProblem} naming the key.
 */
public final class Checks {

    /**
     * CloudWatch Logs accepts only these retention periods (CloudWatch Logs API Reference, PutRetentionPolicy,
     * retentionInDays: "Valid values are: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096,
     * 1827, 2192, 2557, 2922, 3288, and 3653"; terraform-provider-aws validates retention_in_days against the same list).
     */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public static final Pattern EC2_INSTANCE_TYPE =
            Pattern.compile("[a-z][a-z0-9-]*\\d[a-z0-9-]*\\.(nano|micro|small|medium|\\d*x?large|metal(-\\d+xl)?)");
    public static final Pattern RDS_INSTANCE_CLASS =
            Pattern.compile("db\\.[a-z][a-z0-9-]*\\d[a-z0-9-]*\\.(micro|small|medium|\\d*x?large)");
    public static final Pattern CACHE_NODE_TYPE =
            Pattern.compile("cache\\.[a-z][a-z0-9-]*\\d[a-z0-9-]*\\.(micro|small|medium|\\d*x?large)");
    public static final Pattern INFLUX_INSTANCE_CLASS =
            Pattern.compile("db\\.influx\\.(medium|\\d*x?large)");
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,23}");
    /** A Kubernetes namespace name: an RFC 1123 label (Kubernetes, "Namespaces": at most 63 characters). */
    public static final Pattern KUBERNETES_NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    public static final Pattern IAM_PRINCIPAL_ARN =
            Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]+");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    public static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    public static final Pattern HOSTED_ZONE_ID = Pattern.compile("Z[A-Z0-9]{4,31}");
    public static final Pattern DAILY_WINDOW = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d");
    public static final Pattern WEEKLY_WINDOW = Pattern.compile(
            "(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):[0-5]\\d");
    public static final Pattern K8S_VERSION = Pattern.compile("1\\.(\\d{2})");
    public static final int MIN_K8S_MINOR = 32;
    public static final Set<String> EKS_LOG_TYPES = Set.of("api", "audit", "authenticator", "controllerManager", "scheduler");
    public static final List<String> REQUIRED_EKS_LOG_TYPES = List.of("api", "audit", "authenticator");
    public static final String WORLD = "0.0.0.0/0";
    /** Route53 geolocation continent codes. */
    public static final List<String> CONTINENTS = List.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");
    /** ELB security policies that offer TLS 1.3 (and nothing older than TLS 1.2). */
    public static final Pattern TLS13_POLICY = Pattern.compile("ELBSecurityPolicy-TLS13-1-[23]-[0-9A-Za-z-]+");

    private Checks() {
    }

    public static List<String> knownRegions() {
        return Arrays.stream(Region.values()).map(Region::getValue).sorted().toList();
    }

    public static Optional<String> region(String region) {
        return knownRegions().contains(region) ? Optional.empty()
                : Optional.of("an AWS region, one of " + String.join(", ", knownRegions()));
    }

    public static Optional<String> range(long value, long min, long max) {
        return value >= min && value <= max ? Optional.empty() : Optional.of("a whole number from " + min + " to " + max);
    }

    public static Optional<String> atLeast(long value, long min) {
        return value >= min ? Optional.empty() : Optional.of("a whole number >= " + min);
    }

    public static Optional<String> oneOf(int value, List<Integer> allowed) {
        return allowed.contains(value) ? Optional.empty() : Optional.of("one of " + allowed);
    }

    public static Optional<String> matches(String value, Pattern pattern, String description) {
        return pattern.matcher(value).matches() ? Optional.empty() : Optional.of(description);
    }

    public static Optional<String> cidr(String value) {
        return Ipv4Cidr.parse(value).isPresent() ? Optional.empty()
                : Optional.of("an IPv4 network in CIDR notation with no host bits set, e.g. 10.0.0.0/16");
    }

    /**
     * The documentation ranges no real client has: RFC 5737 TEST-NET-1, -2, -3 and RFC 3849's IPv6
     * documentation prefix. A CIDR inside one opens something to nobody (or to whoever later gets the range).
     */
    public static final List<String> DOCUMENTATION_RANGES =
            List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32");

    /** The documentation range (RFC 5737, RFC 3849) that {@code cidr} lies in, or empty when it lies in none. */
    public static Optional<String> documentationRange(String cidr) {
        String v = cidr == null ? "" : cidr.strip();
        var v4 = Ipv4Cidr.parse(v.contains("/") ? v : v + "/32");
        if (v4.isPresent()) {
            return DOCUMENTATION_RANGES.stream().limit(3)
                    .filter(range -> Ipv4Cidr.of(range).contains(v4.get())).findFirst();
        }
        int slash = v.indexOf('/');
        String address = slash < 0 ? v : v.substring(0, slash);
        if (!address.contains(":") || !address.matches("[0-9A-Fa-f:]+")) {
            return Optional.empty();
        }
        int prefix;
        try {
            prefix = slash < 0 ? 128 : Integer.parseInt(v.substring(slash + 1));
            byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
            boolean inside = bytes.length == 16 && prefix >= 32
                    && bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8;
            return inside ? Optional.of(DOCUMENTATION_RANGES.get(3)) : Optional.empty();
        } catch (NumberFormatException | java.net.UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    /** What is allowed instead of a CIDR inside a documentation range, or empty when {@code cidr} is not in one. */
    public static Optional<String> notDocumentation(String cidr) {
        return documentationRange(cidr).map(range -> "a CIDR real clients are in, not inside documentation range " + range
                + (range.contains(":") ? " (RFC 3849)" : " (RFC 5737)") + ": no runner or laptop has these addresses,"
                + " so nobody could connect; your operators' egress CIDRs, or a private endpoint reached by in-VPC runners");
    }

    public static Optional<String> kubernetesVersion(String value) {
        var m = K8S_VERSION.matcher(value);
        if (m.matches() && Integer.parseInt(m.group(1)) >= MIN_K8S_MINOR) {
            return Optional.empty();
        }
        return Optional.of("a Kubernetes minor version 1." + MIN_K8S_MINOR + " or newer, e.g. 1.35");
    }

    public static Optional<String> postgresVersion(String value) {
        var m = Pattern.compile("(\\d{2})(\\.\\d{1,2})?").matcher(value);
        if (m.matches() && Integer.parseInt(m.group(1)) >= 14) {
            return Optional.empty();
        }
        return Optional.of("a supported PostgreSQL version, major 14 or newer (e.g. 16 or 16.4)");
    }

    private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /**
     * Whether a daily window ({@code hh:mm-hh:mm}, every day) and a weekly window
     * ({@code ddd:hh:mm-ddd:hh:mm}) share any minute, wrapping past midnight and past Sunday. RDS and
     * ElastiCache reject a maintenance window that overlaps the backup or snapshot window. Both must
     * match {@link #DAILY_WINDOW} and {@link #WEEKLY_WINDOW}.
     */
    public static boolean windowsOverlap(String daily, String weekly) {
        String[] d = daily.split("-");
        int dStart = minutes(d[0]);
        int dEnd = minutes(d[1]);
        if (dEnd <= dStart) {
            dEnd += 1440;
        }
        String[] w = weekly.split("-");
        int wStart = WEEKDAYS.indexOf(w[0].substring(0, 3)) * 1440 + minutes(w[0].substring(4));
        int wEnd = WEEKDAYS.indexOf(w[1].substring(0, 3)) * 1440 + minutes(w[1].substring(4));
        if (wEnd <= wStart) {
            wEnd += 7 * 1440;
        }
        for (int day = -1; day <= 14; day++) {
            int start = day * 1440 + dStart;
            int end = day * 1440 + dEnd;
            if (start < wEnd && wStart < end) {
                return true;
            }
        }
        return false;
    }

    private static int minutes(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    public static Optional<String> continent(String code) {
        return CONTINENTS.contains(code) ? Optional.empty()
                : Optional.of("a Route53 continent code, one of " + CONTINENTS);
    }

    /** A pool to place a workload on: one of eks.nodePools, with labels to select it by. */
    public static Optional<String> placementPool(String pool, List<NodePoolSpec> pools) {
        var match = pools.stream().filter(p -> p.name().equals(pool)).findFirst();
        if (match.isEmpty()) {
            return Optional.of("the name of a pool in eks.nodePools: " + pools.stream().map(NodePoolSpec::name).toList());
        }
        if (match.get().labels().isEmpty()) {
            return Optional.of("a pool with labels to select it by (eks.nodePools " + pool + " has none)");
        }
        return Optional.empty();
    }

    /** A production stack must page someone: at least one alert recipient. */
    public static Optional<String> alertRecipients(List<String> emails, boolean production) {
        return production && emails.isEmpty()
                ? Optional.of("at least one email address in a production stack, so alarms reach someone")
                : Optional.empty();
    }

    /**
     * Entries of a list whose resource names would collide: entry {@code i} maps to the same name fragment
     * as an earlier entry (e.g. {@code a.b@example.com} and {@code a-b@example.com} both become
     * {@code a-b-at-example-com}). Two registrations of one URN are refused by the engine, so the parser
     * refuses the later entry. Keyed by index, valued by what is allowed.
     *
     * @param listKey  the list's key for the message, e.g. {@code alertEmails}
     * @param fragment the name fragment the component derives from an entry (one of {@code Naming}'s)
     */
    public static Map<Integer, String> nameCollisions(List<String> values, Function<String, String> fragment, String listKey) {
        Map<Integer, String> collisions = new LinkedHashMap<>();
        Map<String, Integer> firstByName = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String name = fragment.apply(values.get(i));
            Integer first = firstByName.putIfAbsent(name, i);
            if (first != null) {
                String same = values.get(first).equals(values.get(i)) ? "each entry once" : "an entry whose resource name differs from";
                collisions.put(i, same + " " + listKey + "[" + first + "] (" + values.get(first) + "): both map to the resource name part '"
                        + name + "', and one resource name cannot be registered twice");
            }
        }
        return collisions;
    }

    public static Optional<String> nodeScaling(int min, int max, int desired) {
        if (min < 0 || max < 1) {
            return Optional.of("minSize >= 0 and maxSize >= 1");
        }
        if (min > max) {
            return Optional.of("minSize <= maxSize (minSize is " + min + ", maxSize " + max + ")");
        }
        if (desired < min || desired > max) {
            return Optional.of("desiredSize within [minSize, maxSize] = [" + min + ", " + max + "]");
        }
        return Optional.empty();
    }
}
