package com.ultibiker.platform.network;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.common.EncryptionKeys;
import com.ultibiker.platform.common.KeyPolicies;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.model.NatMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VPC in one region: public, private (EKS nodes and pods) and database (isolated) subnets in every
 * AZ, an internet gateway, NAT per {@link NatMode}, route tables, encrypted flow logs, gateway
 * endpoints for S3 and DynamoDB, optional interface endpoints, and the default security group
 * stripped of every rule.
 */
public final class Network extends ComponentResource {

    public static final String TYPE = "ultibiker:network:Network";

    private final String regionName;
    private final Output<String> vpcId;
    private final Output<String> vpcCidr;
    private final List<Subnet> publicSubnets = new ArrayList<>();
    private final List<Subnet> privateSubnets = new ArrayList<>();
    private final List<Subnet> databaseSubnets = new ArrayList<>();
    private final List<RouteTable> privateRouteTables = new ArrayList<>();

    public Network(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.regionName = args.region().name();
        var tagging = args.tagging();
        var region = args.region();

        var vpc = new Vpc(Naming.child(name, "vpc"), VpcArgs.builder()
                .cidrBlock(args.vpcCidr().toString())
                .enableDnsHostnames(true)
                .enableDnsSupport(true)
                // An Amazon-provided /56 so the public load balancers can be dual-stack (AAAA records).
                .assignGeneratedIpv6CidrBlock(true)
                .tags(tagging.tags(Naming.child(name, "vpc")))
                .build(), region.child(this));
        this.vpcId = vpc.id();
        this.vpcCidr = vpc.cidrBlock();

        new DefaultSecurityGroup(Naming.child(name, "default-sg"), DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .ingress(List.of())
                .egress(List.of())
                .tags(tagging.tags(Naming.child(name, "default-sg"), Map.of("Purpose", "unused-default-deny-all")))
                .build(), region.child(this));

        var igw = new InternetGateway(Naming.child(name, "igw"), InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(tagging.tags(Naming.child(name, "igw")))
                .build(), region.child(this));

        // Sorted by letter: outputs (subnet id lists) do not change when the configured list is reordered.
        List<String> letters = args.azSuffixes().stream().sorted().toList();
        for (SubnetLayout.Subnet s : SubnetLayout.allocate(args.vpcCidr(), letters)) {
            String az = region.name() + s.letter();
            String subnetName = Naming.child(name, s.tier().role() + "-" + az);
            var subnetArgs = SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .cidrBlock(s.cidr().toString())
                    .availabilityZone(az)
                    // No subnet hands out public IPs (SPEC): NAT gateways and load balancers bring their own
                    // addresses, and nothing else in a public subnet should be reachable from the internet.
                    .mapPublicIpOnLaunch(false)
                    .tags(tagging.tags(subnetName, subnetTags(s.tier(), args.clusterName())));
            if (s.tier() == SubnetTier.PUBLIC) {
                // Public subnets only: dual-stack load balancers. Nothing else gets IPv6 addresses.
                // The /64 is the letter's slot too, so it never moves either.
                int slot = s.slot();
                subnetArgs.ipv6CidrBlock(vpc.ipv6CidrBlock().applyValue(block -> Ipv6Cidr.subnet(block, 64, slot)))
                        .assignIpv6AddressOnCreation(false);
            }
            var subnet = new Subnet(subnetName, subnetArgs.build(), region.child(this));
            switch (s.tier()) {
                case PUBLIC -> publicSubnets.add(subnet);
                case PRIVATE -> privateSubnets.add(subnet);
                case DATABASE -> databaseSubnets.add(subnet);
            }
        }

        var publicRoutes = routeTable(name, "public", vpc, args);
        new Route(Naming.child(name, "public-default"), RouteArgs.builder()
                .routeTableId(publicRoutes.id())
                .destinationCidrBlock("0.0.0.0/0")
                .gatewayId(igw.id())
                .build(), region.child(this));
        new Route(Naming.child(name, "public-default-ipv6"), RouteArgs.builder()
                .routeTableId(publicRoutes.id())
                .destinationIpv6CidrBlock("::/0")
                .gatewayId(igw.id())
                .build(), region.child(this));
        associate(publicSubnets, publicRoutes, args);

        // A NAT gateway in the public subnet of its own AZ: one per AZ, or one shared in the lowest
        // letter (reordering the list never moves it, so its public address stays).
        List<NatGateway> nats = new ArrayList<>();
        int natCount = args.natMode() == NatMode.PER_AZ ? letters.size() : 1;
        for (int i = 0; i < natCount; i++) {
            String natName = Naming.child(name, "nat-" + region.name() + letters.get(i));
            var eip = new Eip(natName + "-eip", EipArgs.builder()
                    .domain("vpc")
                    .tags(tagging.tags(natName + "-eip"))
                    .build(), region.childOf(this).dependsOn(igw).build());
            nats.add(new NatGateway(natName, NatGatewayArgs.builder()
                    .allocationId(eip.id())
                    .subnetId(publicSubnets.get(i).id())
                    .tags(tagging.tags(natName))
                    .build(), region.childOf(this).dependsOn(igw).build()));
        }

        for (int i = 0; i < letters.size(); i++) {
            String az = region.name() + letters.get(i);
            var table = routeTable(name, "private-" + az, vpc, args);
            new Route(Naming.child(name, "private-" + az + "-default"), RouteArgs.builder()
                    .routeTableId(table.id())
                    .destinationCidrBlock("0.0.0.0/0")
                    .natGatewayId(nats.get(args.natMode() == NatMode.PER_AZ ? i : 0).id())
                    .build(), region.child(this));
            associate(List.of(privateSubnets.get(i)), table, args);
            privateRouteTables.add(table);
        }

        // Database subnets get a table with only the implicit local route: no path to NAT or the internet.
        var databaseRoutes = routeTable(name, "database", vpc, args);
        associate(databaseSubnets, databaseRoutes, args);

        List<Output<String>> gatewayTables = new ArrayList<>();
        privateRouteTables.forEach(t -> gatewayTables.add(t.id()));
        gatewayTables.add(databaseRoutes.id());
        for (String service : List.of("s3", "dynamodb")) {
            String endpointName = Naming.child(name, service + "-endpoint");
            new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .serviceName("com.amazonaws." + region.name() + "." + service)
                    .vpcEndpointType("Gateway")
                    .routeTableIds(Output.all(gatewayTables))
                    .tags(tagging.tags(endpointName))
                    .build(), region.child(this));
        }

        if (args.interfaceEndpoints()) {
            interfaceEndpoints(name, vpc, args);
        }

        flowLogs(name, vpc, args);

        registerOutputs(Map.of(
                "vpcId", vpcId,
                "publicSubnetIds", publicSubnetIds(),
                "privateSubnetIds", privateSubnetIds(),
                "databaseSubnetIds", databaseSubnetIds()));
    }

    /** Kubernetes load-balancer discovery: public subnets for internet-facing, private for internal. */
    static Map<String, String> subnetTags(SubnetTier tier, String clusterName) {
        var tags = new java.util.LinkedHashMap<String, String>();
        tags.put("Tier", tier.role());
        switch (tier) {
            case PUBLIC -> tags.put("kubernetes.io/role/elb", "1");
            case PRIVATE -> tags.put("kubernetes.io/role/internal-elb", "1");
            case DATABASE -> { }
        }
        if (tier != SubnetTier.DATABASE) {
            tags.put("kubernetes.io/cluster/" + clusterName, "shared");
        }
        return tags;
    }

    private RouteTable routeTable(String name, String role, Vpc vpc, NetworkArgs args) {
        String tableName = Naming.child(name, role + "-rt");
        return new RouteTable(tableName, RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(args.tagging().tags(tableName))
                .build(), args.region().child(this));
    }

    private void associate(List<Subnet> subnets, RouteTable table, NetworkArgs args) {
        for (var subnet : subnets) {
            new RouteTableAssociation(subnet.pulumiResourceName() + "-rta", RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id())
                    .routeTableId(table.id())
                    .build(), args.region().child(this));
        }
    }

    private void interfaceEndpoints(String name, Vpc vpc, NetworkArgs args) {
        var tagging = args.tagging();
        String sgName = Naming.child(name, "endpoints-sg");
        var sg = new SecurityGroup(sgName, SecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .description("HTTPS from inside the VPC to interface endpoints")
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("HTTPS from the VPC")
                        .protocol("tcp").fromPort(443).toPort(443)
                        .cidrBlocks(args.vpcCidr().toString())
                        .build())
                .egress(SecurityGroupEgressArgs.builder()
                        .description("Responses within the VPC")
                        .protocol("-1").fromPort(0).toPort(0)
                        .cidrBlocks(args.vpcCidr().toString())
                        .build())
                .tags(tagging.tags(sgName))
                .build(), args.region().child(this));
        List<Output<String>> subnetIds = privateSubnets.stream().map(Subnet::id).toList();
        for (String service : NetworkArgs.INTERFACE_ENDPOINT_SERVICES) {
            String endpointName = Naming.child(name, service.replace('.', '-') + "-endpoint");
            new VpcEndpoint(endpointName, VpcEndpointArgs.builder()
                    .vpcId(vpc.id())
                    .serviceName("com.amazonaws." + args.region().name() + "." + service)
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(Output.all(subnetIds))
                    .securityGroupIds(Output.all(List.of(sg.id())))
                    .tags(tagging.tags(endpointName))
                    .build(), args.region().child(this));
        }
    }

    private void flowLogs(String name, Vpc vpc, NetworkArgs args) {
        var region = args.region();
        var tagging = args.tagging();
        String keyName = Naming.child(name, "flowlogs-key");
        var key = EncryptionKeys.create(keyName, "Encrypts VPC flow logs of " + name, this, region, tagging,
                args.protection(), scope -> List.of(KeyPolicies.ServiceGrant.cloudWatchLogs(scope.partition(), scope.region(), scope.accountId())));
        String groupName = Naming.child(name, "flowlogs");
        var group = new LogGroup(groupName, LogGroupArgs.builder()
                .name(args.flowLogGroupName())
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(key.arn())
                .tags(tagging.tags(groupName))
                .build(), region.child(this));
        String roleName = Naming.child(name, "flowlogs-role");
        var role = new Role(roleName, RoleArgs.builder()
                .description("Lets VPC Flow Logs write to " + groupName)
                .assumeRolePolicy(region.accountId().applyValue(FlowLogPolicies::trustPolicy))
                .tags(tagging.tags(roleName))
                .build(), region.child(this));
        new RolePolicy(roleName + "-write", RolePolicyArgs.builder()
                .role(role.id())
                .policy(group.arn().applyValue(FlowLogPolicies::writePolicy))
                .build(), region.child(this));
        String flowLogName = Naming.child(name, "flowlog");
        new FlowLog(flowLogName, FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(group.arn())
                .iamRoleArn(role.arn())
                .maxAggregationInterval(60)
                .tags(tagging.tags(flowLogName))
                .build(), region.child(this));
    }

    public String regionName() {
        return regionName;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<String> vpcCidr() {
        return vpcCidr;
    }

    public Output<List<String>> publicSubnetIds() {
        return Output.all(publicSubnets.stream().map(Subnet::id).toList());
    }

    public Output<List<String>> privateSubnetIds() {
        return Output.all(privateSubnets.stream().map(Subnet::id).toList());
    }

    public Output<List<String>> databaseSubnetIds() {
        return Output.all(databaseSubnets.stream().map(Subnet::id).toList());
    }

    /** Database subnet id by availability zone name (e.g. {@code us-east-1a}). */
    public Output<Map<String, String>> databaseSubnetIdsByAz() {
        return Output.all(databaseSubnets.stream().map(s -> Output.tuple(s.availabilityZone(), s.id())).toList())
                .applyValue(pairs -> {
                    Map<String, String> byAz = new java.util.TreeMap<>();
                    pairs.forEach(p -> byAz.put(p.t1, p.t2));
                    return byAz;
                });
    }

    public Output<List<String>> privateRouteTableIds() {
        return Output.all(privateRouteTables.stream().map(RouteTable::id).toList());
    }

    /**
     * Each private route table's id by its resource name: a component adding routes needs them at plan time, and
     * names its routes after the table so that a table added or removed (an AZ) leaves the others' routes alone.
     */
    public Map<String, Output<String>> privateRouteTableIdsByName() {
        Map<String, Output<String>> out = new java.util.LinkedHashMap<>();
        privateRouteTables.forEach(t -> out.put(t.pulumiResourceName(), t.id()));
        return out;
    }
}
