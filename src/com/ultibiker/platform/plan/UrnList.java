package com.ultibiker.platform.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The committed URN list of a stack ({@code bin/plan <stack> --urns}, kept in
 * {@code tests/resources/urns/<stack>.txt}) and the safe-upgrade rule read from it: a stateful or
 * protected resource whose URN disappears is deleted and created anew by the engine (a rename is a
 * replacement), unless a resource of the new plan carries that URN as an alias.
 */
public final class UrnList {

    /**
     * Types whose replacement loses data or identity others depend on (databases, caches, keys,
     * buckets, zones, clusters, secrets, log data, volumes), protected in production or not.
     */
    public static final Set<String> STATEFUL_TYPES = Set.of(
            "aws:rds/instance:Instance",
            "aws:rds/cluster:Cluster",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:timestreaminfluxdb/dbInstance:DbInstance",
            "aws:kms/key:Key",
            "aws:s3/bucketV2:BucketV2",
            "aws:s3/bucket:Bucket",
            "aws:route53/zone:Zone",
            "aws:eks/cluster:Cluster",
            "aws:secretsmanager/secret:Secret",
            "aws:secretsmanager/secretVersion:SecretVersion",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:ebs/volume:Volume",
            "kubernetes:core/v1:PersistentVolumeClaim",
            "kubernetes:apps/v1:StatefulSet");

    private static final String PROTECTED = "protected";

    /** One line of the list: a URN and whether it was protected. */
    public record Entry(String urn, boolean protect) {

        public String type() {
            return EngineUrns.type(urn);
        }

        public boolean stateful() {
            return protect || STATEFUL_TYPES.contains(type());
        }
    }

    private UrnList() {
    }

    /** The command that regenerates the list of {@code stack}. */
    public static String regenerateCommand(String stack) {
        return "bin/plan " + stack + " --urns > tests/resources/urns/" + stack + ".txt";
    }

    /** The entries of a plan, sorted by URN. */
    public static List<Entry> of(Plan plan) {
        return plan.resources().stream().map(r -> new Entry(r.urn(), r.protect()))
                .sorted(Comparator.comparing(Entry::urn)).toList();
    }

    /** The list as {@code bin/plan <stack> --urns} prints it. */
    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("# Every URN of stack '").append(plan.stack()).append("' (\"protected\": protect is on).\n")
                .append("# Regenerate: ").append(regenerateCommand(plan.stack())).append('\n')
                .append("# A stateful or protected URN that disappears is a replacement: rename with an alias (common/Renames).\n");
        for (Entry e : of(plan)) {
            out.append(e.urn()).append(e.protect() ? " " + PROTECTED : "").append('\n');
        }
        return out.toString();
    }

    /** Parses a rendered list; {@code #} lines and blank lines are ignored. */
    public static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(" ");
            if (parts.length > 2 || (parts.length == 2 && !parts[1].equals(PROTECTED))) {
                throw new IllegalArgumentException("malformed URN list line (expected '<urn>' or '<urn> protected'): " + line);
            }
            entries.add(new Entry(parts[0], parts.length == 2));
        }
        return entries;
    }

    /**
     * The stateful or protected entries of {@code previous} that {@code plan} would delete: their URN
     * is neither registered nor an alias of a registered resource.
     */
    public static List<Entry> unsafeRemovals(List<Entry> previous, Plan plan) {
        Set<String> present = new TreeSet<>();
        plan.resources().forEach(r -> {
            present.add(r.urn());
            present.addAll(r.aliases());
        });
        return previous.stream().filter(Entry::stateful).filter(e -> !present.contains(e.urn())).toList();
    }

    /** What changed between the committed list and the plan: {@code added} and {@code removed} lines. */
    public static Map<String, List<String>> differences(List<Entry> previous, Plan plan) {
        Set<String> before = previous.stream().map(UrnList::line).collect(Collectors.toCollection(TreeSet::new));
        Set<String> now = of(plan).stream().map(UrnList::line).collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("added", now.stream().filter(l -> !before.contains(l)).toList());
        out.put("removed", before.stream().filter(l -> !now.contains(l)).toList());
        return out;
    }

    private static String line(Entry e) {
        return e.urn() + (e.protect() ? " " + PROTECTED : "");
    }
}
