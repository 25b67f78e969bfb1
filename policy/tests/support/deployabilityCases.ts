// Cases of the deployability rules. The failing cases start from plan fragments extracted verbatim
// from the base commit's offline plans (tests/fixtures/base-plan-fragments.json: each holds one
// defect of issue 12); the passing cases are the same fragments with the defect fixed.
import * as fs from "fs";
import * as path from "path";
import type { PackConfig, PlanResource } from "../../checker/engine";
import { packRoot } from "../../rules/tagging";
import type { Case } from "./cases";
import { res, TAGS, withProps } from "./factories";

const FRAGMENTS = JSON.parse(fs.readFileSync(path.join(packRoot(), "tests", "fixtures", "base-plan-fragments.json"), "utf8"));

/** A deep copy of a named fragment of the base plans. */
export function fragment(name: string): PlanResource[] {
    const f = FRAGMENTS[name];
    if (!Array.isArray(f)) throw new Error(`no plan fragment ${name}`);
    return JSON.parse(JSON.stringify(f));
}

function named(rs: PlanResource[], name: string): PlanResource {
    const r = rs.find(x => x.name === name);
    if (!r) throw new Error(`no resource ${name} in fragment`);
    return r;
}

/** The fragment with `edit` applied to the resource `name`. */
function edited(frag: string, name: string, edit: (r: PlanResource, all: PlanResource[]) => void): PlanResource[] {
    const rs = fragment(frag);
    edit(named(rs, name), rs);
    return rs;
}

export const deployabilityCases: Case[] = [];
const pass = (policy: string, title: string, resources: PlanResource[], config?: PackConfig) =>
    deployabilityCases.push({ policy, title, resources, config, expect: [] });
const fail = (policy: string, title: string, resources: PlanResource[], expect: RegExp[], config?: PackConfig) =>
    deployabilityCases.push({ policy, title, resources, config, expect });

// --------------------------------------------------------------------- 12.1 alias targets
{
    const p = "route53-alias-target-created-first";
    const targets = (all: PlanResource[]) => all.filter(r => /^dns-ws-us-east-1-a-/.test(r.name)).map(r => r.urn);
    fail(p, "base plan: the ws geolocation alias depends only on the zone", fragment("alias"),
        [/^alias record ws\.ultibiker\.example\.com \(A\) must depend on dns-ws-us-east-1-a-eu-west-1, dns-ws-us-east-1-a-us-east-1, which create its target aliases\[0\]\.name ws-us-east-1\.ultibiker\.example\.com/]);
    pass(p, "fixed: the alias depends on both records of its target", edited("alias", "dns-ws-a-na", (r, all) => {
        r.dependencies = [...(r.dependencies ?? []), ...targets(all)];
    }));
    pass(p, "a dependency through another resource counts (the engine waits for it too)", edited("alias", "dns-ws-a-na", (r, all) => {
        const gate = res("pulumi:pulumi:StackReference", "gate", {}, { stack: "prod", dependencies: targets(all) });
        all.push(gate);
        r.dependencies = [...(r.dependencies ?? []), gate.urn];
    }));
    fail(p, "one of the two target records missing from the dependencies", edited("alias", "dns-ws-a-na", (r, all) => {
        r.dependencies = [...(r.dependencies ?? []), targets(all)[0]];
    }), [/must depend on dns-ws-us-east-1-a-us-east-1, which create/]);
    pass(p, "an alias of a load balancer (another zone) needs no record of this zone",
        fragment("alias").filter(r => r.name !== "dns-ws-a-na"));
}

// ------------------------------------------------------------- 12.2 replicas, managed password
{
    const p = "rds-replica-source-no-managed-password";
    fail(p, "base plan: the analytics replica of a source with a managed master password", fragment("replica"),
        [/^read replica database-replica-analytics must not replicate database-primary, whose manageMasterUserPassword is true/]);
    pass(p, "fixed: the source keeps its password in a secret the program manages", edited("replica", "database-primary", r => {
        r.props = withProps(r.props ?? {}, { manageMasterUserPassword: undefined, password: "[secret]" });
    }));
    fail(p, "a cross-region replica names its source by ARN, with no dependency", edited("replica", "database-replica-analytics", r => {
        r.props = withProps(r.props ?? {}, { replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:ultibiker-prod-postgres" });
        r.dependencies = [];
    }), [/must not replicate database-primary/]);
    pass(p, "RDS for SQL Server is the documented exception", edited("replica", "database-primary", r => {
        r.props = withProps(r.props ?? {}, { engine: "sqlserver-se" });
    }));
}

// ---------------------------------------------------------------- 12.3 KMS principals exist
{
    const p = "kms-key-policy-principals-exist";
    const SLR = "arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
    const slr = () => res("aws:iam/serviceLinkedRole:ServiceLinkedRole", "eks-autoscaling-slr",
        { awsServiceName: "autoscaling.amazonaws.com" }, { stack: "dev" });
    fail(p, "base plan: the EBS key names AWSServiceRoleForAutoScaling, which nothing creates", fragment("ebsKey"),
        [new RegExp(`^key policy principal ${SLR.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} must exist before the key`)]);
    pass(p, "fixed: the service-linked role is a resource the key depends on", edited("ebsKey", "eks-us-east-1-ebs-key", (r, all) => {
        const role = slr();
        all.push(role);
        r.dependencies = [...(r.dependencies ?? []), role.urn];
    }));
    fail(p, "the service-linked role exists in the stack but the key does not wait for it", edited("ebsKey", "eks-us-east-1-ebs-key", (_r, all) => {
        all.push(slr());
    }), [/^key eks-us-east-1-ebs-key must depend on eks-autoscaling-slr, which creates its key policy principal/]);
    pass(p, "a principal known to exist outside the stack (config)", fragment("ebsKey"),
        { "kms-key-policy-principals-exist": { externalPrincipals: [SLR] } });
    pass(p, "a role of the stack the key depends on", edited("ebsKey", "eks-us-east-1-ebs-key", (r, all) => {
        const role = res("aws:iam/role:Role", "ebs-user", { name: "eks-us-east-1-ebs-user", tags: TAGS }, { stack: "dev" });
        all.push(role);
        r.dependencies = [role.urn];
        r.props = { ...r.props, policy: (r.props?.policy as string).split(SLR).join("arn:aws:iam::123456789012:role/eks-us-east-1-ebs-user") };
    }));
}

// ------------------------------------------------------------ 12.11 inline + standalone rules
{
    const p = "security-group-rules-not-mixed";
    fail(p, "base plan: node-sg has inline rules and entry-to-backend adds one", fragment("nodeSg"), [
        /^security group eks-us-east-1-node-sg must not declare inline ingress \(1 rule\) while entry-us-east-1-to-backend adds rules to it/,
        /^security group eks-us-east-1-node-sg must not declare inline egress \(1 rule\)/,
    ]);
    pass(p, "fixed: the node group's rules are standalone resources too", edited("nodeSg", "eks-us-east-1-node-sg", r => {
        r.props = withProps(r.props ?? {}, { ingress: undefined, egress: undefined });
    }));
    pass(p, "after pulumi up the group's outputs list the standalone rule too: not judged", edited("nodeSg", "eks-us-east-1-node-sg", (r, all) => {
        const rule = named(all, "entry-us-east-1-to-backend");
        r.props = withProps(r.props ?? {}, {
            ingress: undefined, egress: undefined, arn: "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b", ownerId: "123456789012",
        });
        r.props = { ...r.props, ingress: [{ fromPort: 8080, toPort: 8080, protocol: "tcp", securityGroups: [rule.props?.referencedSecurityGroupId] }] };
    }));
    fail(p, "an explicit empty inline list in the same direction removes the standalone rule", edited("nodeSg", "eks-us-east-1-node-sg", r => {
        r.props = withProps(r.props ?? {}, { ingress: [], egress: undefined });
    }), [/must not declare inline ingress \(0 rules\)/]);
}

// --------------------------------------------------------------- 12.17 one shape per pool
{
    const p = "node-group-single-instance-shape";
    fail(p, "base plan: the prod application pool mixes c5.xlarge and c5.2xlarge", fragment("nodeGroups"),
        [/^instanceTypes must share one vCPU\/memory shape \(found c5\.xlarge 4 vCPU\/8 GiB, c5\.2xlarge 8 vCPU\/16 GiB\)$/]);
    pass(p, "fixed: same-shape types only (4 vCPU, 8 GiB)", edited("nodeGroups", "eks-us-east-1-application", r => {
        r.props = { ...r.props, instanceTypes: ["c5.xlarge", "c5a.xlarge", "c6i.xlarge"] };
    }));
    fail(p, "a type the shape table does not know cannot be compared", edited("nodeGroups", "eks-us-east-1-application", r => {
        r.props = { ...r.props, instanceTypes: ["c5.xlarge", "x9.huge"] };
    }), [/instanceTypes x9\.huge must be listed in deployability\/instance-shapes\.json/]);
}

// ------------------------------------------------------------------ 12.18 PDBs and drains
{
    const p = "pdb-allows-drain";
    fail(p, "base plan: dev's InfluxDB PDB keeps 1 of its 1 pod", fragment("pdb"),
        [/^PodDisruptionBudget timeseries-pdb must allow an eviction: it keeps 1 of 1 pod \(timeseries-statefulset\)/]);
    pass(p, "fixed: maxUnavailable 1 lets the single pod be evicted", edited("pdb", "timeseries-pdb", r => {
        r.props = withProps(r.props ?? {}, { spec: { minAvailable: undefined, maxUnavailable: 1 } });
    }));
    pass(p, "minAvailable 1 of 2 replicas", edited("pdb", "timeseries-statefulset", r => {
        r.props = withProps(r.props ?? {}, { spec: { replicas: 2 } });
    }));
    fail(p, "minAvailable 100% keeps every pod", edited("pdb", "timeseries-pdb", (r, all) => {
        r.props = withProps(r.props ?? {}, { spec: { minAvailable: "100%" } });
        const sts = named(all, "timeseries-statefulset");
        sts.props = withProps(sts.props ?? {}, { spec: { replicas: 3 } });
    }), [/keeps 3 of 3 pods/]);
    fail(p, "a budget a Helm release enables from our values, for its single replica", edited("autoscaler", "eks-us-east-1-cluster-autoscaler", r => {
        r.props = withProps(r.props ?? {}, { values: { replicaCount: 1, podDisruptionBudget: { minAvailable: 1 } } });
    }), [/^values\.podDisruptionBudget of release eks-us-east-1-cluster-autoscaler must allow an eviction: it keeps 1 of 1 pod/]);
    pass(p, "the same budget with two replicas, and a disabled one", edited("autoscaler", "eks-us-east-1-cluster-autoscaler", r => {
        r.props = withProps(r.props ?? {}, { values: { replicaCount: 2, podDisruptionBudget: { minAvailable: 1 },
            grafana: { podDisruptionBudget: { enabled: false, minAvailable: 1 } } } });
    }));
    fail(p, "maxUnavailable 0 blocks every drain", edited("pdb", "timeseries-pdb", r => {
        r.props = withProps(r.props ?? {}, { spec: { minAvailable: undefined, maxUnavailable: 0 } });
    }), [/spec\.maxUnavailable must be at least 1/]);
}

// ----------------------------------------------------------------- 12.8 chart RBAC vs image
{
    const p = "helm-chart-matches-image";
    fail(p, "base plan: cluster-autoscaler v1.35.0 on chart 9.46.6", fragment("autoscaler"),
        [/^values\.image\.tag v1\.35\.0 must have the minor of chart cluster-autoscaler 9\.46\.6's appVersion 1\.32\.0 \(its RBAC is written for that image\); charts for 1\.35: 9\.54\.0, 9\.59\.0$/]);
    pass(p, "fixed: chart 9.54.0 (appVersion 1.35.0)", edited("autoscaler", "eks-us-east-1-cluster-autoscaler", r => {
        r.props = { ...r.props, version: "9.54.0" };
    }));
    fail(p, "a chart version with no recorded appVersion", edited("autoscaler", "eks-us-east-1-cluster-autoscaler", r => {
        r.props = { ...r.props, version: "9.47.0" };
    }), [/chart cluster-autoscaler version 9\.47\.0 must be recorded in deployability\/chart-app-versions\.json/]);
    pass(p, "no image override: the chart's own appVersion", edited("autoscaler", "eks-us-east-1-cluster-autoscaler", r => {
        r.props = withProps(r.props ?? {}, { values: { image: undefined } });
    }));
}

// ------------------------------------------------------- generated value rules (12.4, 12.5)
{
    const p = "aws-input-constraints";
    fail(p, "base plan: an apostrophe in a security group description (12.5)", fragment("sgDescription"),
        [/^description must match \[a-zA-Z0-9 \._\\-:\/\(\)#,@\\\[\\\]\+=&;\{\}!\$\*\]\* \(found "Redis 6379 from the platform's client security groups only"\) \[ec2 2016-11-15 CreateSecurityGroup Description \(shape String\), documented\]$/]);
    pass(p, "fixed: the description without the apostrophe", edited("sgDescription", "cache-us-east-1-sg", r => {
        r.props = { ...r.props, description: "Redis 6379 from the platform client security groups only" };
    }));
    pass(p, "outputs after an update (tagsAll present) are what AWS accepted: not judged", edited("sgDescription", "cache-us-east-1-sg", r => {
        r.props = { ...r.props, tagsAll: r.props?.tags };
    }));
    const influx = (password: string) => edited("influx", "timeseries-influxdb", r => {
        r.props = { ...r.props, password, vpcSubnetIds: ["subnet-0a1b2c3d", "subnet-0e1f2a3b"] };
    });
    pass(p, "base plan: the Timestream password is a secret, not judged (placeholder ids neither)", fragment("influx")
        .map(r => r.name === "timeseries-influxdb" ? { ...r, props: { ...r.props, vpcSubnetIds: ["subnet-0a1b2c3d"] } } : r));
    fail(p, "a visible Timestream password with punctuation, as requireEachIncludedType makes it (12.4)", influx("Xk7q!pR2#vLm9sT4wZ8e"),
        [/^password must match \[a-zA-Z0-9\]\+ \(found "Xk7q!pR2#vLm9sT4wZ8e"\) \[timestream-influxdb 2023-01-27 CreateDbInstance password \(shape Password\)\]$/]);
    pass(p, "an alphanumeric password of 8 to 64 characters", influx("Xk7qpR2vLm9sT4wZ8eA1"));
    fail(p, "a password shorter than 8", influx("Ab3dE6g"), [/^password must be at least 8 characters \(found 7\)/]);
    fail(p, "a range from the model: a target group health check interval above 300 s", [res("aws:lb/targetGroup:TargetGroup", "tg",
        { port: 8080, protocol: "HTTP", targetType: "ip", vpcId: "vpc-0a1b2c", healthCheck: { interval: 400, path: "/healthz" }, tags: TAGS })],
        [/^healthCheck\.interval must be at most 300 \(found 400\) \[elbv2 2015-12-01 CreateTargetGroup HealthCheckIntervalSeconds/]);
    fail(p, "an enum from the model: an EIP domain", [res("aws:ec2/eip:Eip", "ip", { domain: "vpc-classic", tags: TAGS })],
        [/^domain must be one of vpc, standard \(found "vpc-classic"\)/]);
}
{
    const p = "aws-type-constraints-mapped";
    pass(p, "a mapped type", fragment("sgDescription"));
    pass(p, "a type listed as not mapped, with its reason", [res("aws:acm/certificateValidation:CertificateValidation", "v", { certificateArn: "[unknown]" })]);
    pass(p, "Kubernetes types are not AWS types", fragment("pdb"));
    fail(p, "an AWS type nobody mapped", [res("aws:ec2/instance:Instance", "box", { instanceType: "t3.micro", tags: TAGS })],
        [/^type aws:ec2\/instance:Instance must be mapped in deployability\/aws-mapping\.json/]);
}
