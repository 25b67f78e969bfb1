package com.ultibiker.platform.edge;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.elb.ElbFunctions;
import com.pulumi.aws.elb.inputs.GetServiceAccountArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.lb.LoadBalancerArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHostHeaderArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.CertificateValidationRecords;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.SecureBucket;
import com.ultibiker.platform.common.SecureBucketArgs;
import com.ultibiker.platform.common.Principal;
import com.ultibiker.platform.common.ProviderAttributes;
import com.ultibiker.platform.dns.LoadBalancerTarget;
import com.ultibiker.platform.dns.PublicHostnames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public entry point of one region: an internet-facing, dual-stack Application Load Balancer in the
 * public subnets. HTTPS (TLS 1.3 policy) with an ACM certificate DNS-validated in the hosted zone,
 * HTTP answered with a permanent redirect to HTTPS, one {@code ip} target group per public name (the
 * cluster's workloads register into it through a TargetGroupBinding of the AWS Load Balancer
 * Controller), access logs to a versioned, SSE-S3 encrypted, private bucket with lifecycle expiry,
 * deletion protection in production. Its security group is the only one open to the world, on 80
 * and 443 only, and is tagged {@code Purpose: load-balancer} so the policy pack recognises it.
 */
public final class PublicEntryPoint extends ComponentResource implements LoadBalancerTarget {

    public static final String TYPE = "ultibiker:edge:PublicEntryPoint";
    /** Tag the policy pack uses to recognise load balancer security groups (the only ones open to 0.0.0.0/0). */
    public static final Map<String, String> LOAD_BALANCER_SG_TAGS = Map.of("Purpose", "load-balancer");
    public static final int HTTP = 80;
    public static final int HTTPS = 443;

    private final String regionName;
    private final Output<String> dnsName;
    private final Output<String> canonicalZoneId;
    private final Output<String> loadBalancerArn;
    private final Output<String> arnSuffix;
    private final Output<String> securityGroupId;
    private final Output<String> accessLogBucket;
    private final Map<String, Output<String>> targetGroupArns = new LinkedHashMap<>();

    public PublicEntryPoint(String name, PublicEntryPointArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.regionName = args.region().name();
        var region = args.region();
        var tagging = args.tagging();
        var settings = args.settings();

        // Security group: the world on 80/443 (IPv4 and IPv6); out only to the VPC on the target port.
        String sgName = Naming.child(name, "sg");
        var sg = new SecurityGroup(sgName, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Public load balancer: HTTP and HTTPS from anywhere, targets inside the VPC")
                .ingress(List.of(worldIngress(HTTP, "HTTP from anywhere (redirected to HTTPS)"),
                        worldIngress(HTTPS, "HTTPS from anywhere")))
                .egress(SecurityGroupEgressArgs.builder()
                        .description("To the targets (pod IPs) and their health checks")
                        .protocol("tcp").fromPort(settings.targetPort()).toPort(settings.targetPort())
                        .cidrBlocks(args.vpcCidr().applyValue(List::of))
                        .build())
                .tags(tagging.tags(sgName, LOAD_BALANCER_SG_TAGS))
                .build(), region.child(this));
        this.securityGroupId = sg.id();
        args.backendSecurityGroupId().ifPresent(backend -> {
            String ruleName = Naming.child(name, "to-backend");
            new SecurityGroupIngressRule(ruleName, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(backend)
                    .referencedSecurityGroupId(sg.id())
                    .ipProtocol("tcp").fromPort(settings.targetPort()).toPort(settings.targetPort())
                    .description("Public load balancer " + name + " to pods on the target port")
                    .tags(tagging.tags(ruleName))
                    .build(), region.child(this));
        });

        var logs = accessLogBucket(name, args);
        this.accessLogBucket = logs.bucketName();

        String albName = Naming.child(name, "alb");
        var alb = new LoadBalancer(albName, LoadBalancerArgs.builder()
                .loadBalancerType("application")
                .internal(false)
                .ipAddressType("dualstack")
                .subnets(args.publicSubnetIds())
                .securityGroups(sg.id().applyValue(List::of))
                .idleTimeout(settings.idleTimeoutSeconds())
                .dropInvalidHeaderFields(true)
                .enableHttp2(true)
                .enableDeletionProtection(args.protection().deletionProtection())
                .accessLogs(LoadBalancerAccessLogsArgs.builder()
                        .bucket(logs.bucketName())
                        .prefix(AccessLogPolicies.PREFIX)
                        .enabled(true)
                        .build())
                .tags(tagging.tags(albName))
                .build(), region.childOf(this).dependsOn(logs.ready()).build());
        this.dnsName = alb.dnsName();
        this.canonicalZoneId = alb.zoneId();
        this.loadBalancerArn = alb.arn();
        this.arnSuffix = alb.arnSuffix();

        List<TargetGroup> groups = new ArrayList<>();
        for (String hostname : args.hostnames()) {
            String label = PublicHostnames.label(hostname);
            String tgName = Naming.child(name, label + "-tg");
            var tg = new TargetGroup(tgName, TargetGroupArgs.builder()
                    .targetType("ip")
                    .protocol("HTTP")
                    .port(settings.targetPort())
                    .vpcId(args.vpcId())
                    .deregistrationDelay(30)
                    .healthCheck(TargetGroupHealthCheckArgs.builder()
                            .enabled(true)
                            .protocol("HTTP")
                            .port("traffic-port")
                            .path(args.healthCheckPath())
                            .matcher("200")
                            .interval(15)
                            .timeout(5)
                            .healthyThreshold(2)
                            .unhealthyThreshold(3)
                            .build())
                    .tags(tagging.tags(tgName, Map.of("Service", label)))
                    .build(), region.child(this));
            groups.add(tg);
            targetGroupArns.put(label, tg.arn());
        }

        var certificateArn = certificate(name, args);

        String httpName = Naming.child(name, "http");
        new Listener(httpName, ListenerArgs.builder()
                .loadBalancerArn(alb.arn())
                .port(HTTP)
                .protocol("HTTP")
                .defaultActions(ListenerDefaultActionArgs.builder()
                        .type("redirect")
                        .redirect(ListenerDefaultActionRedirectArgs.builder()
                                .protocol("HTTPS")
                                .port(String.valueOf(HTTPS))
                                .statusCode("HTTP_301")
                                .build())
                        .build())
                .tags(tagging.tags(httpName))
                .build(), region.child(this));

        // Pending delegation (first deploy): the certificate cannot validate yet, and a listener cannot use an
        // unvalidated certificate; the HTTPS listener comes with the next `pulumi up`.
        if (certificateArn.isPresent()) {
            String httpsName = Naming.child(name, "https");
            var https = new Listener(httpsName, ListenerArgs.builder()
                    .loadBalancerArn(alb.arn())
                    .port(HTTPS)
                    .protocol("HTTPS")
                    .sslPolicy(settings.sslPolicy())
                    .certificateArn(certificateArn.get())
                    .defaultActions(ListenerDefaultActionArgs.builder()
                            .type("forward")
                            .targetGroupArn(groups.get(0).arn())
                            .build())
                    .tags(tagging.tags(httpsName))
                    .build(), region.child(this));

            // The first name is the default route (it also answers the Route53 health check, which
            // reaches the load balancer by its own DNS name); every other name is routed by Host header.
            for (int i = 1; i < args.hostnames().size(); i++) {
                String hostname = args.hostnames().get(i);
                String ruleName = Naming.child(name, PublicHostnames.label(hostname) + "-rule");
                new ListenerRule(ruleName, ListenerRuleArgs.builder()
                        .listenerArn(https.arn())
                        .priority(10 * i)
                        .conditions(ListenerRuleConditionArgs.builder()
                                .hostHeader(ListenerRuleConditionHostHeaderArgs.builder().values(hostname).build())
                                .build())
                        .actions(ListenerRuleActionArgs.builder()
                                .type("forward")
                                .targetGroupArn(groups.get(i).arn())
                                .build())
                        .tags(tagging.tags(ruleName))
                        .build(), region.child(this));
            }
        }

        registerOutputs(Map.of(
                "dnsName", dnsName,
                "zoneId", canonicalZoneId,
                "loadBalancerArn", loadBalancerArn,
                "securityGroupId", securityGroupId,
                "accessLogBucket", accessLogBucket,
                "targetGroupArns", Output.all(new ArrayList<>(targetGroupArns.values()))));
    }

    private static SecurityGroupIngressArgs worldIngress(int port, String description) {
        return SecurityGroupIngressArgs.builder()
                .description(description)
                .protocol("tcp").fromPort(port).toPort(port)
                .cidrBlocks("0.0.0.0/0")
                .ipv6CidrBlocks("::/0")
                .build();
    }

    /** Versioned, SSE-S3, private, expiring bucket that the region's ELB log delivery may write to. */
    private SecureBucket accessLogBucket(String name, PublicEntryPointArgs args) {
        var region = args.region();
        Output<Principal> principal = AccessLogPolicies.usesElbAccount(region.name())
                ? ElbFunctions.getServiceAccount(GetServiceAccountArgs.builder().build(), region.invokeOptions())
                        .applyValue(account -> AccessLogPolicies.deliveryPrincipal(region.name(), account.arn()))
                : Output.of(AccessLogPolicies.deliveryPrincipal(region.name(), null));
        return SecureBucket.create(SecureBucketArgs.builder()
                .name(Naming.child(name, "logs"))
                .parent(this)
                .region(region)
                .tagging(args.tagging())
                .protection(args.protection())
                .role("alb-logs-" + region.name())
                .tags(Map.of("Purpose", "load-balancer-access-logs"))
                // SSE-S3: the only server-side encryption ALB access-log delivery supports (see AccessLogPolicies).
                .s3ManagedEncryption()
                .versioned(true)
                .lifecycleRule(SecureBucketArgs.LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expirationDays(args.settings().accessLogRetentionDays())
                        .noncurrentExpirationDays(7)
                        .abortMultipartDays(1)
                        .build())
                .statements(bucketArn -> Output.tuple(bucketArn, region.accountId(), principal).applyValue(t ->
                        AccessLogPolicies.deliveryStatements(t.t1, t.t2, t.t3)))
                .build());
    }

    /**
     * An ACM certificate for every public name, validated by DNS in the hosted zone: the validated ARN, or
     * empty when validation is not awaited (the validation records are written anyway).
     */
    private Optional<Output<String>> certificate(String name, PublicEntryPointArgs args) {
        var region = args.region();
        List<String> hostnames = args.hostnames();
        String certName = Naming.child(name, "cert");
        var cert = new Certificate(certName, CertificateArgs.builder()
                .domainName(hostnames.get(0))
                .subjectAlternativeNames(hostnames.subList(1, hostnames.size()))
                .validationMethod("DNS")
                .keyAlgorithm("EC_prime256v1")
                .tags(args.tagging().tags(certName))
                .build(), region.childOf(this).dependsOn(args.zoneDelegation()).build());
        List<Output<String>> fqdns = new ArrayList<>();
        for (String hostname : hostnames) {
            var record = new Record(Naming.child(name, "validation-" + PublicHostnames.label(hostname)),
                    CertificateValidationRecords.forHostname(cert, certName, hostname, args.hostedZoneId(), args.validationRecordTtl()),
                    region.child(this));
            fqdns.add(record.fqdn());
        }
        if (!args.awaitCertificate()) {
            return Optional.empty();
        }
        var validation = new CertificateValidation(Naming.child(name, "cert-validation"), CertificateValidationArgs.builder()
                .certificateArn(cert.arn())
                .validationRecordFqdns(Output.all(fqdns))
                .build(), region.child(this));
        return Optional.of(validation.certificateArn());
    }

    @Override
    public String regionName() {
        return regionName;
    }

    @Override
    public Output<String> dnsName() {
        return dnsName;
    }

    @Override
    public Output<String> canonicalZoneId() {
        return canonicalZoneId;
    }

    public Output<String> loadBalancerArn() {
        return loadBalancerArn;
    }

    /** {@code app/<name>/<id>}, the LoadBalancer dimension of ALB CloudWatch metrics. */
    public Output<String> arnSuffix() {
        return arnSuffix;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    public Output<String> accessLogBucket() {
        return accessLogBucket;
    }

    /** Target group ARN per public name label ({@code api}, {@code ws}), for TargetGroupBindings. */
    public Map<String, Output<String>> targetGroupArns() {
        return Map.copyOf(targetGroupArns);
    }
}
