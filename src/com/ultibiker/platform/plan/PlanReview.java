package com.ultibiker.platform.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.ultibiker.platform.common.PolicyDocument;
import com.ultibiker.platform.common.Statement;

import java.util.ArrayList;
import java.util.Collection;
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
 * What a reviewer must see before approving a plan, as text lines (pure: the same plan gives the same
 * lines): the sizes that drive cost and capacity per component, every protected resource, everything
 * reachable from the internet, and every IAM role someone other than the account's own identities can
 * assume (GitHub through OIDC, pods through EKS Pod Identity or IRSA, AWS services) with what it may do.
 */
public final class PlanReview {

    static final String ROLE = "aws:iam/role:Role";
    static final String ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    static final String INLINE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    static final String MANAGED_POLICY = "aws:iam/policy:Policy";
    static final String POD_IDENTITY = "aws:eks/podIdentityAssociation:PodIdentityAssociation";
    /** Actions of one service listed by name before the rest are counted. */
    static final int ACTIONS_SHOWN = 6;

    private PlanReview() {
    }

    /** Sizes per top-level component and region: instance types and counts, storage, log retention. */
    public static List<String> sizes(Plan plan) {
        Map<String, PlanResource> byUrn = byUrn(plan);
        Map<String, List<String>> byComponent = new TreeMap<>();
        for (PlanResource r : plan.resources()) {
            size(r, plan, byUrn).ifPresent(line -> byComponent
                    .computeIfAbsent(plan.topComponent(r).map(c -> c.type() + " " + c.name()).orElse("(stack)")
                            + (r.region() == null ? "" : " in " + r.region()), k -> new ArrayList<>())
                    .add(line));
        }
        List<String> out = new ArrayList<>();
        byComponent.forEach((component, lines) -> {
            out.add(component);
            lines.stream().sorted().forEach(l -> out.add("  " + l));
        });
        return out;
    }

    private static Optional<String> size(PlanResource r, Plan plan, Map<String, PlanResource> byUrn) {
        return switch (r.type()) {
            case "aws:eks/cluster:Cluster" -> Optional.of("EKS cluster " + r.prop("name") + ": Kubernetes " + r.prop("version"));
            case "aws:eks/nodeGroup:NodeGroup" -> Optional.of("node group " + r.name() + ": " + join(r.prop("instanceTypes"), "/")
                    + " " + r.prop("scalingConfig.minSize") + "-" + r.prop("scalingConfig.maxSize") + " nodes (desired "
                    + r.prop("scalingConfig.desiredSize") + "), " + r.prop("capacityType")
                    + rootVolume(r, byUrn).map(v -> ", root " + v).orElse(""));
            case "aws:rds/instance:Instance" -> Optional.of("RDS " + r.prop("identifier") + ": " + r.prop("instanceClass")
                    + (r.prop("replicateSourceDb") != null ? " read replica of " + shortArn(r.prop("replicateSourceDb"))
                        : " " + r.prop("engine") + " " + r.prop("engineVersion"))
                    + ", storage " + (r.prop("allocatedStorage") == null ? "from its source" : r.prop("allocatedStorage") + " GiB")
                    + " up to " + r.prop("maxAllocatedStorage") + " GiB " + r.prop("storageType")
                    + (Boolean.TRUE.equals(r.prop("multiAz")) ? ", Multi-AZ" : ", single-AZ"));
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> Optional.of("ElastiCache " + r.prop("replicationGroupId") + ": "
                    + r.prop("nodeType") + " x " + r.prop("numCacheClusters")
                    + (Boolean.TRUE.equals(r.prop("multiAzEnabled")) ? ", Multi-AZ" : ", single-AZ"));
            case "aws:timestreaminfluxdb/dbInstance:DbInstance" -> Optional.of("Timestream for InfluxDB " + r.prop("name") + ": "
                    + r.prop("dbInstanceType") + ", " + r.prop("allocatedStorage") + " GiB " + r.prop("dbStorageType") + ", "
                    + r.prop("deploymentType"));
            case "kubernetes:apps/v1:StatefulSet" -> Optional.of("StatefulSet " + r.prop("metadata.namespace") + "/"
                    + r.prop("metadata.name") + ": " + r.prop("spec.replicas") + " replica(s)" + claims(r));
            case "aws:ec2/natGateway:NatGateway" -> Optional.of("NAT gateway " + r.name());
            case "aws:lb/loadBalancer:LoadBalancer" -> Optional.of(r.prop("loadBalancerType") + " load balancer " + r.name());
            case "aws:cloudwatch/logGroup:LogGroup" -> Optional.of("log group " + r.prop("name") + ": kept "
                    + r.prop("retentionInDays") + " days");
            default -> Optional.empty();
        };
    }

    private static Optional<String> rootVolume(PlanResource nodeGroup, Map<String, PlanResource> byUrn) {
        return nodeGroup.dependencies().stream().map(byUrn::get)
                .filter(d -> d != null && d.type().equals("aws:ec2/launchTemplate:LaunchTemplate"))
                .findFirst()
                .map(lt -> lt.prop("blockDeviceMappings.0.ebs.volumeSize") + " GiB " + lt.prop("blockDeviceMappings.0.ebs.volumeType"));
    }

    private static String claims(PlanResource statefulSet) {
        if (!(statefulSet.prop("spec.volumeClaimTemplates") instanceof List<?> templates)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < templates.size(); i++) {
            String base = "spec.volumeClaimTemplates." + i + ".";
            out.append(", volume ").append(statefulSet.prop(base + "metadata.name")).append(" ")
                    .append(statefulSet.prop(base + "spec.resources.requests.storage")).append(" ")
                    .append(statefulSet.prop(base + "spec.storageClassName"));
        }
        return out.toString();
    }

    /** Every resource registered with {@code protect}. */
    public static List<String> protectedResources(Plan plan) {
        return plan.resources().stream().filter(PlanResource::protect)
                .map(r -> r.type() + " " + r.name()).sorted().toList();
    }

    /** The web ACL a load balancer is associated with ({@code web ACL <name>}), or {@code NO web ACL}. */
    static String webAclOf(Plan plan, PlanResource loadBalancer) {
        return plan.where(a -> a.type().equals("aws:wafv2/webAclAssociation:WebAclAssociation")
                        && a.dependencies().contains(loadBalancer.urn())).stream()
                .flatMap(a -> a.dependencies().stream()).map(plan::byUrn).flatMap(java.util.Optional::stream)
                .filter(d -> d.type().equals("aws:wafv2/webAcl:WebAcl"))
                .map(acl -> "web ACL " + acl.prop("name")).findFirst().orElse("NO web ACL");
    }

    /** Public endpoints, open ports and public APIs. */
    public static List<String> internetReachable(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanResource r : plan.resources()) {
            switch (r.type()) {
                case "aws:lb/loadBalancer:LoadBalancer" -> {
                    if (!Boolean.TRUE.equals(r.prop("internal"))) {
                        out.add("load balancer " + r.name() + ": internet-facing, " + r.prop("ipAddressType") + ", " + webAclOf(plan, r));
                    }
                }
                case "aws:cloudfront/distribution:Distribution" -> out.add("CloudFront distribution " + r.name() + ": "
                        + join(r.prop("aliases"), ", ") + ", viewer TLS " + r.prop("viewerCertificate.minimumProtocolVersion") + ", "
                        + r.dependencies().stream().map(plan::byUrn).flatMap(java.util.Optional::stream)
                                .filter(d -> d.type().equals("aws:wafv2/webAcl:WebAcl")).findFirst()
                                .map(acl -> "web ACL " + acl.prop("name")).orElse("NO web ACL"));
                case "aws:eks/cluster:Cluster" -> {
                    if (Boolean.TRUE.equals(r.prop("vpcConfig.endpointPublicAccess"))) {
                        out.add("EKS API " + r.prop("name") + ": public endpoint from " + join(r.prop("vpcConfig.publicAccessCidrs"), ", "));
                    }
                }
                case "aws:rds/instance:Instance", "aws:timestreaminfluxdb/dbInstance:DbInstance" -> {
                    if (Boolean.TRUE.equals(r.prop("publiclyAccessible"))) {
                        out.add(r.type() + " " + r.name() + ": publicly accessible");
                    }
                }
                case "aws:ec2/securityGroup:SecurityGroup" -> {
                    if (r.prop("ingress") instanceof List<?> rules) {
                        for (Object rule : rules) {
                            if (rule instanceof Map<?, ?> m) {
                                openFrom(m.get("cidrBlocks"), m.get("ipv6CidrBlocks")).ifPresent(from -> out.add("security group "
                                        + r.name() + ": " + ports(m.get("protocol"), m.get("fromPort"), m.get("toPort")) + " from " + from));
                            }
                        }
                    }
                }
                case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" -> openFrom(r.prop("cidrIpv4"), r.prop("cidrIpv6"))
                        .ifPresent(from -> out.add("security group rule " + r.name() + ": "
                                + ports(r.prop("ipProtocol"), r.prop("fromPort"), r.prop("toPort")) + " from " + from));
                case "aws:ec2/securityGroupRule:SecurityGroupRule" -> {
                    if ("ingress".equals(r.prop("type"))) {
                        openFrom(r.prop("cidrBlocks"), r.prop("ipv6CidrBlocks")).ifPresent(from -> out.add("security group rule "
                                + r.name() + ": " + ports(r.prop("protocol"), r.prop("fromPort"), r.prop("toPort")) + " from " + from));
                    }
                }
                case "kubernetes:core/v1:Service" -> {
                    Object type = r.prop("spec.type");
                    if ("LoadBalancer".equals(type) || "NodePort".equals(type)) {
                        out.add("Kubernetes Service " + r.prop("metadata.namespace") + "/" + r.prop("metadata.name") + ": " + type);
                    }
                }
                default -> {
                }
            }
        }
        return out.stream().sorted().toList();
    }

    private static Optional<String> openFrom(Object ipv4, Object ipv6) {
        List<String> open = new ArrayList<>();
        for (Object cidrs : new Object[] {ipv4, ipv6}) {
            for (Object c : asList(cidrs)) {
                if ("0.0.0.0/0".equals(c) || "::/0".equals(c)) {
                    open.add(c.toString());
                }
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", open));
    }

    private static List<?> asList(Object value) {
        if (value instanceof Collection<?> c) {
            return List.copyOf(c);
        }
        return value == null ? List.of() : List.of(value);
    }

    private static String ports(Object protocol, Object from, Object to) {
        String p = String.valueOf(protocol);
        if (p.equals("-1") || p.equals("all")) {
            return "all traffic";
        }
        return p + " " + (String.valueOf(from).equals(String.valueOf(to)) ? number(from) : number(from) + "-" + number(to));
    }

    private static String number(Object value) {
        return value instanceof Number n ? String.valueOf(n.longValue()) : String.valueOf(value);
    }

    /**
     * Every role another principal assumes: its trust (who, under which conditions) and what it may do
     * (managed policy ARNs, and the actions of inline and customer-managed policies by service).
     */
    public static List<String> assumableRoles(Plan plan) {
        Map<String, PlanResource> byUrn = byUrn(plan);
        Map<String, List<String>> pods = new TreeMap<>();
        Map<String, List<String>> grants = new TreeMap<>();
        for (PlanResource r : plan.resources()) {
            Optional<PlanResource> role = r.dependencies().stream().map(byUrn::get)
                    .filter(d -> d != null && d.type().equals(ROLE)).findFirst();
            if (role.isEmpty()) {
                continue;
            }
            String key = role.get().urn();
            switch (r.type()) {
                case POD_IDENTITY -> pods.computeIfAbsent(key, k -> new ArrayList<>()).add(
                        "pod identity " + r.prop("clusterName") + " " + r.prop("namespace") + "/" + r.prop("serviceAccount"));
                case ATTACHMENT -> {
                    Optional<PlanResource> managed = r.dependencies().stream().map(byUrn::get)
                            .filter(d -> d != null && d.type().equals(MANAGED_POLICY)).findFirst();
                    grants.computeIfAbsent(key, k -> new ArrayList<>()).add(managed
                            .map(p -> "policy " + p.name() + ": " + actions(p.prop("policy")))
                            .orElse("managed policy " + r.prop("policyArn")));
                }
                case INLINE_POLICY -> grants.computeIfAbsent(key, k -> new ArrayList<>())
                        .add("inline " + r.name() + ": " + actions(r.prop("policy")));
                default -> {
                }
            }
        }
        List<String> out = new ArrayList<>();
        plan.ofType(ROLE).stream()
                .sorted(java.util.Comparator.comparing(PlanResource::name))
                .forEach(role -> {
                    List<String> trust = trust(role.prop("assumeRolePolicy"));
                    if (trust.isEmpty()) {
                        return;
                    }
                    out.add("role " + role.name() + (role.prop("name") != null ? " (" + role.prop("name") + ")" : ""));
                    trust.forEach(t -> out.add("  assumed by " + t));
                    pods.getOrDefault(role.urn(), List.of()).stream().sorted().forEach(p -> out.add("  via " + p));
                    List<String> may = grants.getOrDefault(role.urn(), List.of());
                    if (may.isEmpty()) {
                        out.add("  may: nothing attached");
                    }
                    may.stream().sorted().forEach(g -> out.add("  may: " + g));
                });
        return out;
    }

    /** Who a trust policy lets in: federated identity providers, AWS services and other accounts, with conditions. */
    static List<String> trust(Object policy) {
        List<String> out = new ArrayList<>();
        for (JsonObject statement : statements(policy)) {
            if (!Statement.Effect.ALLOW.json().equals(text(statement.get(Statement.EFFECT))) || !(statement.get(Statement.PRINCIPAL) instanceof JsonObject principal)) {
                continue;
            }
            String conditions = conditions(statement.get(Statement.CONDITION));
            for (String kind : List.of("Federated", "Service", "AWS")) {
                for (String who : strings(principal.get(kind))) {
                    out.add(kind.toLowerCase() + " " + who + (conditions.isEmpty() ? " (no condition)" : " if " + conditions));
                }
            }
        }
        return out;
    }

    private static String conditions(JsonElement condition) {
        if (!(condition instanceof JsonObject operators)) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String operator : new TreeSet<>(operators.keySet())) {
            if (operators.get(operator) instanceof JsonObject keys) {
                for (String key : new TreeSet<>(keys.keySet())) {
                    parts.add(key + " " + operator + " " + String.join(" | ", strings(keys.get(key))));
                }
            }
        }
        return String.join(", ", parts);
    }

    /**
     * A policy's allowed actions by service: how many, how many of them on {@code "Resource": "*"}, and the
     * names up to {@link #ACTIONS_SHOWN}, then a count of the rest.
     */
    static String actions(Object policy) {
        Map<String, Set<String>> byService = new TreeMap<>();
        Map<String, Set<String>> unscoped = new TreeMap<>();
        for (JsonObject statement : statements(policy)) {
            if (!Statement.Effect.ALLOW.json().equals(text(statement.get(Statement.EFFECT)))) {
                continue;
            }
            boolean anyResource = strings(statement.get(Statement.RESOURCE)).contains("*");
            for (String action : strings(statement.get(Statement.ACTION))) {
                int colon = action.indexOf(':');
                String service = colon < 0 ? action : action.substring(0, colon);
                byService.computeIfAbsent(service, k -> new TreeSet<>()).add(colon < 0 ? action : action.substring(colon + 1));
                if (anyResource) {
                    unscoped.computeIfAbsent(service, k -> new TreeSet<>()).add(action);
                }
            }
        }
        if (byService.isEmpty()) {
            return "no allowed action";
        }
        return byService.entrySet().stream().map(e -> {
            List<String> names = List.copyOf(e.getValue());
            String shown = String.join(" ", names.subList(0, Math.min(ACTIONS_SHOWN, names.size())))
                    + (names.size() > ACTIONS_SHOWN ? " +" + (names.size() - ACTIONS_SHOWN) + " more" : "");
            int onAny = unscoped.getOrDefault(e.getKey(), Set.of()).size();
            return e.getKey() + " (" + names.size() + (onAny > 0 ? ", " + onAny + " on any resource" : "") + "): " + shown;
        }).collect(Collectors.joining("; "));
    }

    private static List<JsonObject> statements(Object policy) {
        if (!(policy instanceof String json) || !json.trim().startsWith("{")) {
            return List.of();
        }
        JsonElement statement = JsonParser.parseString(json).getAsJsonObject().get(PolicyDocument.STATEMENT);
        List<JsonObject> out = new ArrayList<>();
        if (statement instanceof JsonObject one) {
            out.add(one);
        } else if (statement != null && statement.isJsonArray()) {
            statement.getAsJsonArray().forEach(s -> {
                if (s instanceof JsonObject o) {
                    out.add(o);
                }
            });
        }
        return out;
    }

    private static List<String> strings(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return List.of();
        }
        if (value.isJsonArray()) {
            List<String> out = new ArrayList<>();
            value.getAsJsonArray().forEach(v -> out.add(v.getAsString()));
            return out;
        }
        return List.of(value.getAsString());
    }

    private static String text(JsonElement value) {
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static String join(Object list, String separator) {
        return list instanceof Collection<?> c ? c.stream().map(String::valueOf).collect(Collectors.joining(separator)) : String.valueOf(list);
    }

    private static String shortArn(Object source) {
        String s = String.valueOf(source);
        return s.startsWith("arn:") ? s.substring(s.lastIndexOf(':') + 1) + " (" + s.split(":")[3] + ")" : s;
    }

    private static Map<String, PlanResource> byUrn(Plan plan) {
        return plan.resources().stream().collect(Collectors.toMap(PlanResource::urn, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
