package com.ultibiker.platform.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Mermaid flowchart of a plan at the level a reviewer reads: one node per top-level component and
 * region it has resources in (a component spanning regions, such as the database with its
 * cross-region replica, gets a node in each), grouped by region (Route53 and IAM are global), data
 * stores drawn as cylinders, entry points as stadiums reached from the clients, and an arrow
 * {@code A --> B} wherever a resource of A depends on a resource of B (through an input, an explicit
 * dependency or its provider). Pure: the same plan gives the same text.
 */
public final class PlanDiagram {

    static final String GLOBAL = "global";
    static final Set<String> DATA_STORE_TYPES = Set.of("aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:timestreaminfluxdb/dbInstance:DbInstance", "kubernetes:apps/v1:StatefulSet");
    static final Set<String> ENTRY_TYPES = Set.of("aws:lb/loadBalancer:LoadBalancer", "aws:route53/zone:Zone",
            "aws:cloudfront/distribution:Distribution");

    /** One node: a component's resources in one region ({@code split}: the component has nodes in several regions). */
    record Node(String component, String componentType, String region, List<PlanResource> resources, boolean split) {
        String id() {
            return sanitize(split ? component + "__" + region : component);
        }

        boolean dataStore() {
            return resources.stream().anyMatch(r -> DATA_STORE_TYPES.contains(r.type()));
        }

        boolean entryPoint() {
            return resources.stream().anyMatch(r -> ENTRY_TYPES.contains(r.type()) && !Boolean.TRUE.equals(r.prop("internal")));
        }
    }

    private PlanDiagram() {
    }

    public static String render(Plan plan, String primaryRegion) {
        Map<String, PlanResource> byUrn = plan.resources().stream().collect(Collectors.toMap(PlanResource::urn, Function.identity(), (a, b) -> a));
        Map<String, String> componentOf = new LinkedHashMap<>();
        Map<String, String> componentType = new TreeMap<>();
        for (PlanResource r : plan.resources()) {
            topComponent(r, byUrn).ifPresent(c -> {
                componentOf.put(r.urn(), c.name());
                componentType.put(c.name(), c.type());
            });
        }
        Map<String, String> homeRegion = homeRegions(plan, componentOf, primaryRegion);
        Map<String, String> nodeOf = new LinkedHashMap<>();
        Map<String, List<PlanResource>> members = new TreeMap<>();
        Map<String, String[]> keys = new TreeMap<>();
        for (PlanResource r : plan.resources()) {
            String component = componentOf.get(r.urn());
            if (component == null || !r.custom()) {
                continue;
            }
            String region = regionOf(r, byUrn, componentOf, homeRegion);
            String key = component + "|" + region;
            nodeOf.put(r.urn(), key);
            members.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            keys.put(key, new String[] {component, region});
        }
        Map<String, Long> nodesPerComponent = keys.values().stream().collect(Collectors.groupingBy(k -> k[0], Collectors.counting()));
        List<Node> nodes = keys.entrySet().stream().map(e -> new Node(e.getValue()[0], componentType.get(e.getValue()[0]), e.getValue()[1],
                members.get(e.getKey()), nodesPerComponent.get(e.getValue()[0]) > 1)).toList();
        Map<String, Node> nodeByKey = new LinkedHashMap<>();
        nodes.forEach(n -> nodeByKey.put(n.component() + "|" + n.region(), n));

        TreeSet<String> edges = new TreeSet<>();
        for (PlanResource r : plan.resources()) {
            String from = nodeOf.get(r.urn());
            if (from == null) {
                continue;
            }
            List<String> targets = new ArrayList<>(r.dependencies());
            if (r.provider() != null) {
                targets.add(r.provider());
            }
            for (String dep : targets) {
                String to = nodeOf.get(dep);
                if (to == null && byUrn.containsKey(dep) && componentOf.containsKey(dep)) {
                    // a provider or component: its component's node in the provider's region
                    String c = componentOf.get(dep);
                    to = c + "|" + homeRegion.getOrDefault(c, primaryRegion);
                    if (!nodeByKey.containsKey(to)) {
                        to = null;
                    }
                }
                if (to != null && !to.equals(from)) {
                    edges.add(nodeByKey.get(from).id() + " --> " + nodeByKey.get(to).id());
                }
            }
        }

        StringBuilder out = new StringBuilder();
        out.append("flowchart LR\n");
        out.append("  clients((clients))\n");
        List<String> regions = nodes.stream().map(Node::region).distinct()
                .sorted(Comparator.comparing((String r) -> r.equals(GLOBAL) ? 0 : r.equals(primaryRegion) ? 1 : 2).thenComparing(r -> r)).toList();
        for (String region : regions) {
            String title = region.equals(GLOBAL) ? "global: Route53, IAM" : region + (region.equals(primaryRegion) ? " (primary)" : " (standby)");
            out.append("  subgraph ").append(sanitize("region_" + region)).append("[\"").append(title).append("\"]\n");
            for (Node n : nodes) {
                if (n.region().equals(region)) {
                    out.append("    ").append(n.id()).append(shape(n, label(n))).append('\n');
                }
            }
            out.append("  end\n");
        }
        for (Node n : nodes) {
            if (n.entryPoint()) {
                out.append("  clients --> ").append(n.id()).append('\n');
            }
        }
        edges.forEach(e -> out.append("  ").append(e).append('\n'));
        return out.toString();
    }

    private static Optional<PlanResource> topComponent(PlanResource r, Map<String, PlanResource> byUrn) {
        PlanResource current = r;
        while (true) {
            PlanResource parent = current.parent() == null ? null : byUrn.get(current.parent());
            if (parent == null) {
                return Optional.empty();
            }
            if (parent.type().equals("pulumi:pulumi:Stack")) {
                return current.custom() || !current.type().startsWith("ultibiker:") ? Optional.empty() : Optional.of(current);
            }
            current = parent;
        }
    }

    static boolean isGlobal(PlanResource r) {
        return r.type().startsWith("aws:route53/") || r.type().startsWith("aws:iam/");
    }

    /** The region most of a component's regional AWS resources are in (its Kubernetes resources run there too). */
    private static Map<String, String> homeRegions(Plan plan, Map<String, String> componentOf, String primaryRegion) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (PlanResource r : plan.resources()) {
            String c = componentOf.get(r.urn());
            if (c != null && r.region() != null && r.custom() && !isGlobal(r)) {
                counts.computeIfAbsent(c, k -> new TreeMap<>()).merge(r.region(), 1L, Long::sum);
            }
        }
        Map<String, String> home = new TreeMap<>();
        counts.forEach((c, byRegion) -> home.put(c, byRegion.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(e -> e.getKey().equals(primaryRegion)))
                .map(Map.Entry::getKey).orElse(primaryRegion)));
        return home;
    }

    /**
     * A regional resource's region; a global one (Route53, IAM) belongs to its component's home region,
     * and only components made of global resources alone (zone, DNS failover, CI access) are drawn as global.
     */
    private static String regionOf(PlanResource r, Map<String, PlanResource> byUrn, Map<String, String> componentOf, Map<String, String> home) {
        if (isGlobal(r)) {
            return home.getOrDefault(componentOf.get(r.urn()), GLOBAL);
        }
        if (r.region() != null) {
            return r.region();
        }
        // A Kubernetes resource runs in the region of the cluster whose provider it uses.
        String providerComponent = r.provider() == null ? null : componentOf.get(r.provider());
        String c = providerComponent != null ? providerComponent : componentOf.get(r.urn());
        return home.getOrDefault(c, GLOBAL);
    }

    private static String shape(Node n, String label) {
        String quoted = "\"" + label + "\"";
        if (n.dataStore()) {
            return "[(" + quoted + ")]";
        }
        if (n.entryPoint()) {
            return "([" + quoted + "])";
        }
        return "[" + quoted + "]";
    }

    static String label(Node n) {
        String type = n.componentType().substring(n.componentType().lastIndexOf(':') + 1);
        List<String> lines = new ArrayList<>();
        lines.add("<b>" + n.component() + "</b> " + type);
        for (PlanResource r : n.resources()) {
            switch (r.type()) {
                case "aws:rds/instance:Instance" -> lines.add("PostgreSQL " + r.prop("instanceClass")
                        + (Boolean.TRUE.equals(r.prop("multiAz")) ? " Multi-AZ" : "") + (r.prop("replicateSourceDb") != null ? " replica" : ""));
                case "aws:elasticache/replicationGroup:ReplicationGroup" -> lines.add("Redis " + r.prop("nodeType") + " x" + number(r.prop("numCacheClusters")));
                case "aws:timestreaminfluxdb/dbInstance:DbInstance" -> lines.add("Timestream InfluxDB " + r.prop("dbInstanceType"));
                case "kubernetes:apps/v1:StatefulSet" -> lines.add("StatefulSet " + r.name());
                case "aws:lb/loadBalancer:LoadBalancer" -> lines.add(Boolean.TRUE.equals(r.prop("internal")) ? "internal ALB" : "public ALB");
                case "aws:route53/zone:Zone" -> lines.add("hosted zone " + r.prop("name"));
                case "aws:cloudfront/distribution:Distribution" -> lines.add("CloudFront " + r.prop("priceClass"));
                case "aws:eks/cluster:Cluster" -> lines.add("EKS " + r.prop("version"));
                case "aws:ec2/vpc:Vpc" -> lines.add("VPC " + r.prop("cidrBlock"));
                default -> { }
            }
        }
        long pools = n.resources().stream().filter(r -> r.type().equals("aws:eks/nodeGroup:NodeGroup")).count();
        if (pools > 0) {
            lines.add(pools + " node pools");
        }
        long nats = n.resources().stream().filter(r -> r.type().equals("aws:ec2/natGateway:NatGateway")).count();
        if (nats > 0) {
            lines.add(nats + " NAT gateway" + (nats > 1 ? "s" : ""));
        }
        long checks = n.resources().stream().filter(r -> r.type().equals("aws:route53/healthCheck:HealthCheck")).count();
        if (checks > 0) {
            lines.add(checks + " health check" + (checks > 1 ? "s" : ""));
        }
        return String.join("<br/>", lines).replace("\"", "'");
    }

    private static String number(Object v) {
        return v instanceof Number num ? String.valueOf(num.longValue()) : String.valueOf(v);
    }

    static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9_]", "_");
    }
}
