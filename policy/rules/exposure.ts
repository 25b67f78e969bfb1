// Network exposure: world-open ingress, public databases, the EKS public endpoint.
import {
    asArray,
    asNumber,
    isExplicitlyTrue,
    isSet,
    isUnknown,
    resourceRule,
    single,
    stackRule,
    StackResource,
    StackViolation,
    tagsOf,
} from "./common";

export const T = {
    securityGroup: "aws:ec2/securityGroup:SecurityGroup",
    defaultSecurityGroup: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    securityGroupRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    rdsInstance: "aws:rds/instance:Instance",
    rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    influxDb: "aws:timestreaminfluxdb/dbInstance:DbInstance",
    eksCluster: "aws:eks/cluster:Cluster",
    subnet: "aws:ec2/subnet:Subnet",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    instance: "aws:ec2/instance:Instance",
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    albLoadBalancer: "aws:alb/loadBalancer:LoadBalancer",
    webAclAssociation: "aws:wafv2/webAclAssociation:WebAclAssociation",
    ingress: "kubernetes:networking.k8s.io/v1:Ingress",
} as const;

const SG_TYPES = new Set<string>([T.securityGroup, T.defaultSecurityGroup]);

/** An IPv4 or IPv6 CIDR that covers the whole address space. */
export function isWorldCidr(c: unknown): boolean {
    return typeof c === "string" && /\/0$/.test(c.trim());
}

export interface IngressConfig {
    allowedPorts: number[];
    loadBalancerTagKey: string;
    loadBalancerTagValue: string;
}

const ingressSchema = {
    allowedPorts: {
        type: "array" as const,
        items: { type: "number" as const },
        default: [80, 443],
        description: "TCP ports a load-balancer security group may open to the world (single-port rules only).",
    },
    loadBalancerTagKey: {
        type: "string" as const,
        default: "Purpose",
        description: "Tag key that marks a security group as a load balancer's.",
    },
    loadBalancerTagValue: {
        type: "string" as const,
        default: "load-balancer",
        description: "Value of loadBalancerTagKey that marks a security group as a load balancer's.",
    },
};

export function isLoadBalancerSg(sgProps: Record<string, any> | undefined, cfg: IngressConfig): boolean {
    if (!sgProps) return false;
    return tagsOf(sgProps)?.[cfg.loadBalancerTagKey] === cfg.loadBalancerTagValue;
}

/** A normalised ingress permission. */
interface Ingress {
    cidrs: unknown[];
    fromPort: unknown;
    toPort: unknown;
    protocol: unknown;
}

/** Whether a world-open ingress permission is the allowed exception (TCP 80 or 443 alone, on an LB SG). */
function isAllowedWorldIngress(ing: Ingress, lb: boolean, cfg: IngressConfig): boolean {
    if (!lb) return false;
    const proto = String(ing.protocol ?? "").toLowerCase();
    if (proto !== "tcp" && proto !== "6") return false;
    const from = asNumber(ing.fromPort);
    const to = asNumber(ing.toPort);
    return from !== undefined && from === to && (cfg.allowedPorts ?? []).includes(from);
}

function describePorts(ing: Ingress): string {
    const proto = String(ing.protocol ?? "");
    if (proto === "-1" || proto.toLowerCase() === "all") return "all traffic";
    const from = asNumber(ing.fromPort);
    const to = asNumber(ing.toPort);
    const ports = from === undefined ? "?" : from === to ? `${from}` : `${from}-${to}`;
    return `${proto || "?"} ${ports}`;
}

function worldViolation(where: string, ing: Ingress, cfg: IngressConfig): string {
    const world = ing.cidrs.filter(isWorldCidr).join(", ");
    return `${where} must not allow ${world} (${describePorts(ing)}); only TCP ${cfg.allowedPorts.join("/")} ` +
        `on a security group tagged ${cfg.loadBalancerTagKey}=${cfg.loadBalancerTagValue} may be open to the world`;
}

/** Inline `ingress` blocks of security groups. */
export const securityGroupNoWorldIngress = resourceRule<IngressConfig>({
    name: "security-group-no-world-ingress",
    description:
        "Security groups must not allow ingress from 0.0.0.0/0 or ::/0 in their inline `ingress`, except single-port " +
        "TCP 80/443 on load-balancer security groups (tagged Purpose=load-balancer).",
    types: [T.securityGroup, T.defaultSecurityGroup],
    configSchema: ingressSchema,
    check: ({ props, config }) => {
        if (isUnknown(props.ingress)) return [];
        const lb = isLoadBalancerSg(props, config);
        const out: string[] = [];
        asArray(props.ingress).forEach((rule: any, i: number) => {
            if (!rule || typeof rule !== "object") return;
            const ing: Ingress = {
                cidrs: [...asArray(rule.cidrBlocks), ...asArray(rule.ipv6CidrBlocks)],
                fromPort: rule.fromPort,
                toPort: rule.toPort,
                protocol: rule.protocol,
            };
            if (ing.cidrs.some(isWorldCidr) && !isAllowedWorldIngress(ing, lb, config)) {
                out.push(worldViolation(`security group ingress[${i}]`, ing, config));
            }
        });
        return out;
    },
});

/**
 * The security group a rule resource belongs to (its `securityGroupId`): CrossGuard's
 * propertyDependencies, else a matching id value (the plan's "<name>-id" placeholder or a real
 * id), else the only security group among its dependencies. undefined when it cannot be told.
 */
export function targetSecurityGroup(rule: StackResource, sgs: StackResource[]): StackResource | undefined {
    const pdeps = rule.propertyDependencies?.securityGroupId;
    if (pdeps && pdeps.length > 0) {
        const hits = sgs.filter(s => pdeps.includes(s.urn));
        if (hits.length === 1) return hits[0];
    }
    const v = rule.props?.securityGroupId;
    if (typeof v === "string" && !isUnknown(v)) {
        const hit = sgs.find(s => s.props?.id === v || `${s.name}-id` === v);
        if (hit) return hit;
    }
    const deps = sgs.filter(s => rule.dependencies.includes(s.urn));
    return deps.length === 1 ? deps[0] : undefined;
}

/** Separate rule resources: aws:ec2/securityGroupRule (type ingress) and aws:vpc/securityGroupIngressRule. */
export const securityGroupRuleNoWorldIngress = stackRule<IngressConfig>({
    name: "security-group-rule-no-world-ingress",
    description:
        "SecurityGroupRule (type ingress) and SecurityGroupIngressRule resources must not allow 0.0.0.0/0 or ::/0, " +
        "except single-port TCP 80/443 into a load-balancer security group (tagged Purpose=load-balancer). " +
        "The target group is found through securityGroupId (property dependencies, id value, or the rule's dependencies).",
    configSchema: ingressSchema,
    check: (resources, config) => {
        const sgs = resources.filter(r => SG_TYPES.has(r.type));
        const out: StackViolation[] = [];
        for (const r of resources) {
            let ing: Ingress | undefined;
            let where = "";
            if (r.type === T.securityGroupRule && r.props.type === "ingress") {
                ing = {
                    cidrs: [...asArray(r.props.cidrBlocks), ...asArray(r.props.ipv6CidrBlocks)],
                    fromPort: r.props.fromPort,
                    toPort: r.props.toPort,
                    protocol: r.props.protocol,
                };
                where = "security group rule cidrBlocks";
            } else if (r.type === T.ingressRule) {
                ing = {
                    cidrs: [r.props.cidrIpv4, r.props.cidrIpv6].filter(isSet),
                    fromPort: r.props.fromPort,
                    toPort: r.props.toPort,
                    protocol: r.props.ipProtocol,
                };
                where = "security group ingress rule cidrIpv4/cidrIpv6";
            }
            if (!ing || !ing.cidrs.some(isWorldCidr)) continue;
            const sg = targetSecurityGroup(r, sgs);
            if (!isAllowedWorldIngress(ing, isLoadBalancerSg(sg?.props, config), config)) {
                out.push({ urn: r.urn, message: worldViolation(where, ing, config) });
            }
        }
        return out;
    },
});

/** No publicly accessible RDS instance. */
export const rdsNotPubliclyAccessible = resourceRule({
    name: "rds-not-publicly-accessible",
    description: "RDS instances (and Aurora cluster instances) must not be publicly accessible.",
    types: [T.rdsInstance, T.rdsClusterInstance],
    check: ({ props }) =>
        isExplicitlyTrue(props.publiclyAccessible) ? ["RDS instance publiclyAccessible must be false"] : [],
});

/** No public Timestream for InfluxDB instance. */
export const timestreamInfluxDbNotPubliclyAccessible = resourceRule({
    name: "timestream-influxdb-not-publicly-accessible",
    description: "Timestream for InfluxDB instances must not be publicly accessible.",
    types: [T.influxDb],
    check: ({ props }) =>
        isExplicitlyTrue(props.publiclyAccessible)
            ? ["Timestream for InfluxDB instance publiclyAccessible must be false"]
            : [],
});

/** EKS public endpoint never open to the world in production. */
export const eksPublicEndpointRestricted = resourceRule({
    name: "eks-public-endpoint-restricted",
    description:
        "In production, an EKS cluster whose public endpoint is on (vpcConfig.endpointPublicAccess, default true) must " +
        "restrict vpcConfig.publicAccessCidrs to specific CIDRs (not empty, which AWS reads as 0.0.0.0/0, and no /0).",
    types: [T.eksCluster],
    prodOnly: true,
    check: ({ props }) => {
        const vpc = single(props.vpcConfig);
        if (isUnknown(props.vpcConfig)) return [];
        const pub = vpc?.endpointPublicAccess;
        if (pub === false || pub === "false" || isUnknown(pub)) return [];
        const cidrs = vpc?.publicAccessCidrs;
        if (isUnknown(cidrs)) return [];
        const list = asArray(cidrs);
        if (list.length === 0) {
            return ["EKS cluster vpcConfig.publicAccessCidrs must list specific CIDRs (or endpointPublicAccess must be false) in production"];
        }
        const world = list.filter(isWorldCidr);
        return world.length > 0
            ? [`EKS cluster vpcConfig.publicAccessCidrs must not contain ${world.join(", ")} in production`]
            : [];
    },
});

/**
 * Nothing is handed a public address at launch: NAT gateways have Elastic IPs and load balancers their own
 * addresses. Subnet attributes are in-place updates (terraform-provider-aws vpc_subnet.go: Optional, Default
 * false, no ForceNew; changed with ModifySubnetAttribute), so a violation is fixed without replacing anything.
 */
export const noPublicIpOnLaunch = resourceRule({
    name: "no-public-ip-on-launch",
    description:
        "Subnets must not map public IPv4 (mapPublicIpOnLaunch), customer-owned IPs or IPv6 addresses (assignIpv6AddressOnCreation) " +
        "to what launches in them; launch templates and instances must not associate a public IP address.",
    types: [T.subnet, T.launchTemplate, T.instance],
    check: ({ type, props }) => {
        const out: string[] = [];
        if (type === T.subnet) {
            if (isExplicitlyTrue(props.mapPublicIpOnLaunch)) out.push("subnet mapPublicIpOnLaunch must be false");
            if (isExplicitlyTrue(props.mapCustomerOwnedIpOnLaunch)) out.push("subnet mapCustomerOwnedIpOnLaunch must be false");
            if (isExplicitlyTrue(props.assignIpv6AddressOnCreation)) out.push("subnet assignIpv6AddressOnCreation must be false");
        } else if (type === T.launchTemplate) {
            if (isUnknown(props.networkInterfaces)) return [];
            asArray(props.networkInterfaces).forEach((ni: any, i: number) => {
                if (ni && isExplicitlyTrue(ni.associatePublicIpAddress)) {
                    out.push(`launch template networkInterfaces[${i}].associatePublicIpAddress must be "false" or unset`);
                }
            });
        } else if (isExplicitlyTrue(props.associatePublicIpAddress)) {
            out.push("instance associatePublicIpAddress must be false");
        }
        return out;
    },
});

const WAF_ANNOTATION = "alb.ingress.kubernetes.io/wafv2-acl-arn";

/** Whether a load balancer resource is an internet-facing Application Load Balancer (the default type and scheme). */
function isInternetFacingAlb(r: StackResource): boolean {
    if (r.type !== T.loadBalancer && r.type !== T.albLoadBalancer) return false;
    if (isExplicitlyTrue(r.props.internal)) return false;
    const kind = r.props.loadBalancerType;
    return kind === undefined || kind === null || kind === "application" || isUnknown(kind);
}

/**
 * The web ACL association naming load balancer `lb` in its resourceArn: CrossGuard's propertyDependencies,
 * else the ARN value, else (offline plan) an association depending on it and on no other load balancer.
 */
function associationOf(lb: StackResource, associations: StackResource[], balancers: StackResource[]): StackResource | undefined {
    const byProperty = associations.find(a => (a.propertyDependencies?.resourceArn ?? []).includes(lb.urn));
    if (byProperty) return byProperty;
    const arn = lb.props?.arn;
    if (typeof arn === "string" && !isUnknown(arn)) {
        const byValue = associations.find(a => a.props?.resourceArn === arn);
        if (byValue) return byValue;
    }
    return associations.find(a => a.dependencies.includes(lb.urn)
        && balancers.filter(b => a.dependencies.includes(b.urn)).length === 1);
}

/**
 * Every internet-facing Application Load Balancer has a WAFv2 web ACL (SPEC, "Edge"; PCI DSS SAQ-A): a
 * Pulumi-managed one through an aws:wafv2/webAclAssociation, one the AWS Load Balancer Controller creates from an
 * internet-facing Ingress through its alb.ingress.kubernetes.io/wafv2-acl-arn annotation. Network Load Balancers
 * cannot carry a web ACL and are not checked.
 */
export const internetFacingAlbHasWebAcl = stackRule({
    name: "internet-facing-alb-has-web-acl",
    description:
        "Every internet-facing Application Load Balancer (aws:lb/loadBalancer or aws:alb/loadBalancer with internal not true and " +
        "loadBalancerType application or unset) is the resourceArn of an aws:wafv2/webAclAssociation; every internet-facing " +
        "Kubernetes Ingress (annotation alb.ingress.kubernetes.io/scheme: internet-facing) names a web ACL in " +
        "alb.ingress.kubernetes.io/wafv2-acl-arn.",
    check: (resources) => {
        const balancers = resources.filter(isInternetFacingAlb);
        const associations = resources.filter(r => r.type === T.webAclAssociation);
        const out: StackViolation[] = [];
        for (const lb of balancers) {
            const association = associationOf(lb, associations, balancers);
            if (!association || !isSet(association.props?.webAclArn)) {
                out.push({ urn: lb.urn, message: "internet-facing application load balancer must be associated with a WAFv2 web ACL " +
                    "(an aws:wafv2/webAclAssociation whose resourceArn is this load balancer)" });
            }
        }
        for (const ing of resources.filter(r => r.type === T.ingress)) {
            const annotations = ing.props?.metadata?.annotations ?? {};
            if (annotations["alb.ingress.kubernetes.io/scheme"] !== "internet-facing") continue;
            const acl = annotations[WAF_ANNOTATION];
            if (typeof acl !== "string" || acl.trim() === "") {
                out.push({ urn: ing.urn, message: `internet-facing Ingress must name a WAFv2 web ACL in the annotation ${WAF_ANNOTATION}` });
            }
        }
        return out;
    },
});

export const exposurePolicies = [
    securityGroupNoWorldIngress,
    securityGroupRuleNoWorldIngress,
    rdsNotPubliclyAccessible,
    timestreamInfluxDbNotPubliclyAccessible,
    eksPublicEndpointRestricted,
    noPublicIpOnLaunch,
    internetFacingAlbHasWebAcl,
];
