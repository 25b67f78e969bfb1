package com.ultibiker.platform.config;

import com.ultibiker.platform.network.Ipv4Cidr;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A new stack file made from an existing one ({@code bin/new-stack}): everything the stack names or claims
 * that another stack in the same account would collide on is its own. The environment (which every physical
 * name carries, {@code PhysicalNamesTest}), the VPC ranges (the next free ones of the same size, overlapping no
 * stack's {@code network.vpcCidrs}, so the VPCs can be peered or share a transit gateway), the domain (a new
 * zone, delegated later: {@code dns.delegation: pending}, README "First deploy"), the GitHub environment
 * (CI's OIDC trust is per environment) and the alert addresses. {@code secure:} values are not copied: they
 * are encrypted for the source stack's secrets provider and must be set again.
 */
public final class NewStack {

    /** What the new stack is to be. */
    public record Request(String name, String from, String domain, String githubEnvironment, List<String> alertEmails) {
    }

    /** The new file's text and what the user still has to do. */
    public record Result(String yaml, List<String> todo) {
    }

    private static final Ipv4Cidr PRIVATE_10 = Ipv4Cidr.of("10.0.0.0/8");

    private NewStack() {
    }

    /**
     * @param project  the project name ({@code Pulumi.yaml} name)
     * @param source   the parsed {@code Pulumi.<from>.yaml}
     * @param existing every stack file of the project, parsed (the source included), by stack name
     */
    public static Result generate(String project, Request request, Map<String, Object> source, Map<String, Map<String, Object>> existing) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!request.name().matches("[a-z][a-z0-9-]{0,15}")) {
            problems.add(new ConfigProblem("<name>", quote(request.name()), "[a-z][a-z0-9-]{0,15} (it becomes the environment, in every physical name)"));
        }
        if (existing.containsKey(request.name())) {
            problems.add(new ConfigProblem("<name>", quote(request.name()), "a stack that does not exist yet (Pulumi." + request.name() + ".yaml exists)"));
        }
        existing.forEach((stack, doc) -> {
            if (request.name().equals(String.valueOf(config(doc).get(project + ":environment")))) {
                problems.add(new ConfigProblem("<name>", quote(request.name()), "an environment no stack uses (" + stack + " does)"));
            }
        });
        if (request.domain() == null || request.domain().isBlank()) {
            problems.add(new ConfigProblem("--domain", ConfigProblem.MISSING, "the new stack's own domain, e.g. staging.ultibiker.io"));
        }
        if (request.alertEmails().isEmpty()) {
            problems.add(new ConfigProblem("--alert-email", ConfigProblem.MISSING, "one or more addresses for the stack's alarms"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<String> todo = new ArrayList<>();
        Map<String, Object> config = new LinkedHashMap<>();
        config(source).forEach((key, value) -> {
            if (value instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                todo.add("set " + key + " again: pulumi config set --secret -s " + request.name() + " " + key + " <value>");
            } else {
                List<String> dropped = new ArrayList<>();
                config.put(key, copy(value, key, dropped));
                dropped.forEach(path -> todo.add("set " + path + " again (a secure: value of " + request.from()
                        + ", not copied): pulumi config set --secret --path -s " + request.name() + " '" + path + "' <value>"));
            }
        });
        if (source.get("environment") != null) {
            todo.add("the source imports Pulumi ESC environments (" + source.get("environment") + "), not copied: add the new stack's own");
        }
        config.put(project + ":environment", request.name());
        section(config, project + ":network").put("vpcCidrs", freeCidrs(project, section(config, project + ":network"), existing));
        Map<String, Object> dns = section(config, project + ":dns");
        dns.put("domain", request.domain());
        dns.remove("hostedZoneId");
        dns.remove("subdomainDelegations");
        if (!dns.containsKey("parentZoneId")) {
            dns.put("delegation", "pending");
            todo.add("first up with dns.delegation pending, delegate " + request.domain() + " to the nameServers output, "
                    + "then set dns.delegation external (README, \"First deploy\")");
        }
        section(config, project + ":observability").put("alertEmails", List.copyOf(request.alertEmails()));
        todo.add("in an account another stack (or the organisation) already runs GuardDuty or Security Hub in, set "
                + "audit.guardDuty / audit.securityHub to organization: one detector and one subscription per account and region "
                + "(README, \"Audit\")");
        Map<String, Object> ci = section(config, project + ":ci");
        if (!ci.isEmpty()) {
            ci.put("githubEnvironment", request.githubEnvironment() == null || request.githubEnvironment().isBlank()
                    ? request.name() : request.githubEnvironment());
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("config", config);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(120);
        String header = "# Made by bin/new-stack " + request.name() + " --from " + request.from()
                + ": own environment, VPC ranges, domain, GitHub environment and alert addresses.\n"
                + "# Every key and its default: README.md, \"Config reference\".\n";
        String yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(doc);
        return new Result(header + yaml, List.copyOf(todo));
    }

    /**
     * For each region of the source's {@code vpcCidrs}, in order, the first network of the same size inside
     * 10.0.0.0/8, at or after the source's own, that overlaps no stack's ranges nor one already chosen.
     */
    static Map<String, String> freeCidrs(String project, Map<String, Object> network, Map<String, Map<String, Object>> existing) {
        List<Ipv4Cidr> taken = new ArrayList<>();
        for (Map<String, Object> doc : existing.values()) {
            if (config(doc).get(project + ":network") instanceof Map<?, ?> n && n.get("vpcCidrs") instanceof Map<?, ?> cidrs) {
                cidrs.values().forEach(c -> Ipv4Cidr.parse(String.valueOf(c)).ifPresent(taken::add));
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        if (!(network.get("vpcCidrs") instanceof Map<?, ?> cidrs)) {
            return chosen;
        }
        cidrs.forEach((region, text) -> {
            Ipv4Cidr own = Ipv4Cidr.of(String.valueOf(text));
            Ipv4Cidr candidate = new Ipv4Cidr(PRIVATE_10.contains(own) ? own.base() : PRIVATE_10.base(), own.prefix());
            while (overlapsAny(candidate, taken)) {
                long next = candidate.base() + candidate.size();
                if (next + candidate.size() - 1 > PRIVATE_10.last()) {
                    throw new ConfigException(List.of(new ConfigProblem(project + ":network.vpcCidrs." + region, quote(String.valueOf(text)),
                            "a free /" + own.prefix() + " in 10.0.0.0/8 (none left; set network.vpcCidrs by hand)")));
                }
                candidate = new Ipv4Cidr(next, own.prefix());
            }
            taken.add(candidate);
            chosen.put(String.valueOf(region), render(candidate));
        });
        return chosen;
    }

    /** Every stack's VPC ranges, for a check that the new one overlaps none. */
    static Set<String> cidrsOf(String project, Collection<Map<String, Object>> docs) {
        Set<String> all = new TreeSet<>();
        for (Map<String, Object> doc : docs) {
            if (config(doc).get(project + ":network") instanceof Map<?, ?> n && n.get("vpcCidrs") instanceof Map<?, ?> cidrs) {
                cidrs.values().forEach(c -> all.add(String.valueOf(c)));
            }
        }
        return all;
    }

    private static boolean overlapsAny(Ipv4Cidr candidate, List<Ipv4Cidr> taken) {
        return taken.stream().anyMatch(candidate::overlaps);
    }

    private static String render(Ipv4Cidr cidr) {
        long b = cidr.base();
        return (b >> 24 & 255) + "." + (b >> 16 & 255) + "." + (b >> 8 & 255) + "." + (b & 255) + "/" + cidr.prefix();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value instanceof Map<?, ?>) {
            return (Map<String, Object>) value;
        }
        Map<String, Object> fresh = new LinkedHashMap<>();
        config.put(key, fresh);
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Map<String, Object> doc) {
        return doc != null && doc.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
    }

    /** A deep copy without nested {@code secure:} values (their paths go to {@code dropped}). */
    private static Object copy(Object value, String path, List<String> dropped) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (v instanceof Map<?, ?> s && s.size() == 1 && s.containsKey("secure")) {
                    dropped.add(path + "." + k);
                } else {
                    out.put(String.valueOf(k), copy(v, path + "." + k, dropped));
                }
            });
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> s && s.size() == 1 && s.containsKey("secure")) {
                    dropped.add(path + "[" + i + "]");
                } else {
                    out.add(copy(l.get(i), path + "[" + i + "]", dropped));
                }
            }
            return out;
        }
        return value;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
