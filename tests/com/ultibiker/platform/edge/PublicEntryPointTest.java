package com.ultibiker.platform.edge;

import com.google.gson.Gson;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public entry point of each region as the dev and prod stacks register it. */
class PublicEntryPointTest {

    static final String LB = "aws:lb/loadBalancer:LoadBalancer";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String TG = "aws:lb/targetGroup:TargetGroup";
    static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    static final List<String> PROD_REGIONS = List.of("us-east-1", "eu-west-1");

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    @Test
    void oneDualStackInternetFacingAlbPerRegionInThePublicSubnets() {
        Plan prod = StackPlans.prod();
        assertEquals(2, prod.ofType(LB).size());
        for (String region : PROD_REGIONS) {
            PlanResource alb = prod.require(LB, "entry-" + region + "-alb");
            assertEquals(region, alb.region());
            assertEquals("application", alb.prop("loadBalancerType"));
            assertEquals(false, alb.prop("internal"));
            assertEquals("dualstack", alb.prop("ipAddressType"));
            assertEquals(List.of("network-" + region + "-public-" + region + "a-id", "network-" + region + "-public-" + region + "b-id",
                    "network-" + region + "-public-" + region + "c-id"), alb.prop("subnets"));
            assertEquals(List.of("entry-" + region + "-sg-id"), alb.prop("securityGroups"));
            assertEquals(true, alb.prop("dropInvalidHeaderFields"));
        }
    }

    @Test
    void deletionProtectionIsOnInProdAndOffInDev() {
        PROD_REGIONS.forEach(r -> assertEquals(true, StackPlans.prod().require(LB, "entry-" + r + "-alb").prop("enableDeletionProtection")));
        assertEquals(false, StackPlans.dev().require(LB, "entry-us-east-1-alb").prop("enableDeletionProtection"));
    }

    @Test
    void httpRedirectsPermanentlyToHttps() {
        for (String region : PROD_REGIONS) {
            PlanResource http = StackPlans.prod().require(LISTENER, "entry-" + region + "-http");
            assertEquals(80.0, num(http.prop("port")));
            assertEquals("HTTP", http.prop("protocol"));
            assertEquals("redirect", http.prop("defaultActions.0.type"));
            assertEquals("HTTPS", http.prop("defaultActions.0.redirect.protocol"));
            assertEquals("443", http.prop("defaultActions.0.redirect.port"));
            assertEquals("HTTP_301", http.prop("defaultActions.0.redirect.statusCode"));
        }
    }

    @Test
    void httpsUsesTheTls13PolicyAndTheValidatedCertificate() {
        for (String region : PROD_REGIONS) {
            PlanResource https = StackPlans.prod().require(LISTENER, "entry-" + region + "-https");
            assertEquals(443.0, num(https.prop("port")));
            assertEquals("HTTPS", https.prop("protocol"));
            assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", https.prop("sslPolicy"));
            assertTrue(https.dependencies().stream().anyMatch(d -> d.endsWith("::entry-" + region + "-cert-validation")),
                    "the listener waits for the certificate's DNS validation: " + https.dependencies());
            assertEquals("forward", https.prop("defaultActions.0.type"));
            assertTrue(String.valueOf(https.prop("defaultActions.0.targetGroupArn")).matches("arn:aws:elasticloadbalancing:" + region
                    + ":123456789012:targetgroup/entry-" + region + "-api-tg/[0-9a-f]{16}"), String.valueOf(https.prop("defaultActions.0.targetGroupArn")));
        }
    }

    @Test
    void theCertificateCoversApiAndWsAndIsValidatedInTheZone() {
        Plan prod = StackPlans.prod();
        for (String region : PROD_REGIONS) {
            PlanResource cert = prod.require("aws:acm/certificate:Certificate", "entry-" + region + "-cert");
            assertEquals(region, cert.region());
            assertEquals("api.ultibiker.example.com", cert.prop("domainName"));
            assertEquals(List.of("ws.ultibiker.example.com"), cert.prop("subjectAlternativeNames"));
            assertEquals("DNS", cert.prop("validationMethod"));
            for (String label : List.of("api", "ws")) {
                PlanResource record = prod.require("aws:route53/record:Record", "entry-" + region + "-validation-" + label);
                assertEquals("CNAME", record.prop("type"));
                assertEquals("_plan." + label + ".ultibiker.example.com.", record.prop("name"));
                assertEquals(prod.outputs().get("hostedZoneId"), record.prop("zoneId"));
                assertEquals(true, record.prop("allowOverwrite"), "both regions write the same validation record");
            }
            PlanResource validation = prod.require("aws:acm/certificateValidation:CertificateValidation", "entry-" + region + "-cert-validation");
            assertEquals(List.of("_plan.api.ultibiker.example.com", "_plan.ws.ultibiker.example.com"), validation.prop("validationRecordFqdns"));
        }
    }

    @Test
    void theSecurityGroupIsOpenToTheWorldOn80And443OnlyAndTaggedAsALoadBalancerGroup() {
        for (String region : PROD_REGIONS) {
            PlanResource sg = StackPlans.prod().require(SG, "entry-" + region + "-sg");
            assertEquals("load-balancer", sg.tags().get("Purpose"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ingress = (List<Map<String, Object>>) sg.prop("ingress");
            assertEquals(Set.of(80.0, 443.0), ingress.stream().map(r -> num(r.get("fromPort"))).collect(Collectors.toSet()));
            for (Map<String, Object> rule : ingress) {
                assertEquals(rule.get("fromPort"), rule.get("toPort"), "single-port rules only");
                assertEquals("tcp", rule.get("protocol"));
                assertEquals(List.of("0.0.0.0/0"), rule.get("cidrBlocks"));
                assertEquals(List.of("::/0"), rule.get("ipv6CidrBlocks"));
            }
            assertEquals(List.of(region.equals("us-east-1") ? "10.0.0.0/16" : "10.1.0.0/16"), sg.prop("egress.0.cidrBlocks"),
                    "egress only into the VPC");
            assertEquals(8080.0, num(sg.prop("egress.0.fromPort")));
        }
    }

    @Test
    void noOtherSecurityGroupAdmitsTheWorld() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource sg : plan.ofType(SG)) {
                if ("load-balancer".equals(sg.tags().get("Purpose"))) {
                    continue;
                }
                String ingress = new Gson().toJson(sg.prop("ingress"));
                assertFalse(ingress.contains("0.0.0.0/0") || ingress.contains("::/0"), sg.urn() + " admits the world: " + ingress);
            }
        }
    }

    @Test
    void theEksNodesAdmitTheLoadBalancerOnTheTargetPort() {
        for (String region : PROD_REGIONS) {
            PlanResource rule = StackPlans.prod().require("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "entry-" + region + "-to-backend");
            assertEquals(region, rule.region());
            assertEquals("entry-" + region + "-sg-id", rule.prop("referencedSecurityGroupId"));
            assertEquals(StackPlans.prod().outputs().get("eks.nodeSecurityGroupId." + region), rule.prop("securityGroupId"));
            assertEquals(8080.0, num(rule.prop("fromPort")));
            assertEquals(8080.0, num(rule.prop("toPort")));
        }
    }

    @Test
    void targetGroupsRegisterPodIpsAndCheckHealth() {
        Plan prod = StackPlans.prod();
        for (String region : PROD_REGIONS) {
            for (String label : List.of("api", "ws")) {
                PlanResource tg = prod.require(TG, "entry-" + region + "-" + label + "-tg");
                assertEquals("ip", tg.prop("targetType"), "TargetGroupBinding of the AWS Load Balancer Controller needs ip targets");
                assertEquals("network-" + region + "-vpc-id", tg.prop("vpcId"));
                assertEquals("/health", tg.prop("healthCheck.path"));
                assertEquals("HTTP", tg.prop("healthCheck.protocol"));
                assertEquals(label, tg.tags().get("Service"));
            }
            PlanResource wsRule = prod.require("aws:lb/listenerRule:ListenerRule", "entry-" + region + "-ws-rule");
            assertEquals(List.of("ws.ultibiker.example.com"), wsRule.prop("conditions.0.hostHeader.values"));
            assertTrue(String.valueOf(wsRule.prop("actions.0.targetGroupArn")).matches("arn:aws:elasticloadbalancing:" + region
                    + ":123456789012:targetgroup/entry-" + region + "-ws-tg/[0-9a-f]{16}"), String.valueOf(wsRule.prop("actions.0.targetGroupArn")));
        }
    }
}
