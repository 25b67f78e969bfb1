package com.ultibiker.platform.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example values the shipped stack files hold, which plan offline but must not reach AWS: reserved
 * example domains (RFC 2606/6761; Route53 answers CreateHostedZone for them with InvalidDomainName,
 * boto/boto#2098, awslabs/aws-saas-boost#404 "is reserved by AWS!"), AWS's documentation account id, the
 * RFC 5737 documentation address ranges and the project's own example GitHub repository.
 * {@code pulumi preview}/{@code up} ({@code PlatformStack#deploy}) refuses them; the offline plan does not look.
 */
public final class Placeholders {

    /** The account id AWS's documentation uses in example ARNs. */
    public static final String EXAMPLE_ACCOUNT = "123456789012";
    /** The GitHub repository the shipped stack files name for CI's OIDC trust. */
    public static final String EXAMPLE_REPOSITORY = "ultibiker/ultibiker-platform";

    private static final List<String> RESERVED_DOMAINS = List.of("example.com", "example.net", "example.org");
    private static final List<String> RESERVED_TLDS = List.of("example", "test", "invalid", "localhost");
    /** RFC 5737 TEST-NET-1, -2, -3. */
    private static final List<String> DOCUMENTATION_RANGES = List.of("192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24");
    private static final Pattern EXAMPLE_ACCOUNT_ID = Pattern.compile("(?<![0-9])" + EXAMPLE_ACCOUNT + "(?![0-9])");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+\\.?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");

    /** Why a value is an example and what to set instead. */
    public record Placeholder(String why, String instead) {
    }

    private Placeholders() {
    }

    /** The placeholder a single configuration value is, if it is one. */
    public static Optional<Placeholder> classify(String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase(EXAMPLE_REPOSITORY)) {
            return Optional.of(new Placeholder("the example repository shipped with the project: CI's OIDC trust would admit "
                    + "its workflows, not yours", "your GitHub repository, as owner/name"));
        }
        if (EXAMPLE_ACCOUNT_ID.matcher(v).find()) {
            return Optional.of(new Placeholder("AWS's documentation account id " + EXAMPLE_ACCOUNT + ", not your account",
                    "an ARN in your account (aws sts get-caller-identity)"));
        }
        int at = v.lastIndexOf('@');
        if (at > 0 && reservedDomain(v.substring(at + 1))) {
            return Optional.of(new Placeholder("an address at a reserved example domain (RFC 2606): alert mail to it is never delivered",
                    "an address your on-call team reads (SNS mails it a subscription confirmation to accept)"));
        }
        if (at < 0 && HOSTNAME.matcher(v).matches() && reservedDomain(v)) {
            return Optional.of(new Placeholder("a reserved example domain (RFC 2606): Route53 refuses a hosted zone for it "
                    + "(InvalidDomainName) and no registrar delegates it", "a domain you own, or a subdomain of one"));
        }
        if (inDocumentationRange(v)) {
            return Optional.of(new Placeholder("an RFC 5737 documentation range: no real client has these addresses, "
                    + "so nobody could reach what it opens", "your operators' egress CIDRs (office, VPN, CI runners)"));
        }
        return Optional.empty();
    }

    /**
     * Every placeholder in a stack's project configuration as {@code PulumiConfigSource} reads it (top-level key
     * to text, sections as JSON), with the key path a user would set ({@code project:section.key[i]}); mapping
     * keys that are placeholders (e.g. a delegated subdomain) are reported at their mapping.
     */
    public static List<ConfigProblem> find(String project, Map<String, String> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        raw.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String key = project + ":" + e.getKey();
            String text = e.getValue();
            JsonElement json = null;
            if (text != null && (text.startsWith("{") || text.startsWith("["))) {
                try {
                    json = JsonParser.parseString(text);
                } catch (JsonParseException notJson) {
                    json = null;
                }
            }
            if (json == null) {
                check(problems, key, text);
            } else {
                walk(problems, key, json);
            }
        });
        return problems;
    }

    /** Throws one {@link ConfigException} naming every placeholder; nothing to do when there is none. */
    public static void refuse(String project, Map<String, String> raw) {
        List<ConfigProblem> problems = find(project, raw);
        if (!problems.isEmpty()) {
            throw new ConfigException("The stack still holds the project's example values (" + problems.size()
                    + (problems.size() == 1 ? " key" : " keys") + " to set before a real preview or up; "
                    + "bin/plan accepts them, AWS would not):", problems);
        }
    }

    private static void walk(List<ConfigProblem> problems, String path, JsonElement json) {
        if (json.isJsonObject()) {
            json.getAsJsonObject().entrySet().forEach(e -> {
                check(problems, path, e.getKey());
                walk(problems, path + "." + e.getKey(), e.getValue());
            });
        } else if (json.isJsonArray()) {
            var array = json.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                walk(problems, path + "[" + i + "]", array.get(i));
            }
        } else if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
            check(problems, path, json.getAsString());
        }
    }

    private static void check(List<ConfigProblem> problems, String path, String value) {
        if (value != null) {
            classify(value).ifPresent(p -> problems.add(new ConfigProblem(path,
                    "\"" + value + "\" (" + p.why() + ")", p.instead())));
        }
    }

    private static boolean reservedDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        d = d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
        for (String reserved : RESERVED_DOMAINS) {
            if (d.equals(reserved) || d.endsWith("." + reserved)) {
                return true;
            }
        }
        return RESERVED_TLDS.contains(d.substring(d.lastIndexOf('.') + 1));
    }

    private static boolean inDocumentationRange(String value) {
        long[] range = ipv4Range(value);
        if (range == null) {
            return false;
        }
        for (String doc : DOCUMENTATION_RANGES) {
            long[] d = ipv4Range(doc);
            if (d[0] <= range[0] && range[1] <= d[1]) {
                return true;
            }
        }
        return false;
    }

    /** First and last address of an IPv4 address or CIDR, or null when the value is neither. */
    private static long[] ipv4Range(String value) {
        Matcher m = IPV4.matcher(value);
        if (!m.matches()) {
            return null;
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            address = address << 8 | octet;
        }
        int prefix = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
        if (prefix > 32) {
            return null;
        }
        long size = 1L << (32 - prefix);
        long first = address & ~(size - 1) & 0xFFFFFFFFL;
        return new long[] {first, first + size - 1};
    }
}
