package com.ultibiker.platform.dns;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.ultibiker.platform.model.TagsConfig;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;
import com.ultibiker.platform.tagging.Tagging;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** DnsFailover on its own, with test load balancers: every health check is handed to the alarm hook. */
class DnsFailoverAlarmsTest {

    record TestTarget(String regionName, Output<String> dnsName, Output<String> canonicalZoneId) implements LoadBalancerTarget {
        static TestTarget in(String region) {
            return new TestTarget(region, Output.of("lb." + region + ".example"), Output.of("ZLB" + region.length()));
        }
    }

    private static final Tagging TAGS = new Tagging(new TagsConfig("p", "o", "cc", Map.of()), "test");

    @Test
    void everyRegionsHealthCheckGetsAnAlarm() {
        List<String> alarmed = new CopyOnWriteArrayList<>();
        Plan plan = PlanRunner.run(StackPlans.stackFile("dev"), ctx -> {
            var provider = new Provider("aws-us-east-1", ProviderArgs.builder().region("us-east-1").build());
            var control = new AwsRegion("us-east-1", provider, Output.of("123456789012"), Output.of("aws"));
            new DnsFailover("dns", DnsFailoverArgs.builder()
                    .controlRegion(control)
                    .zoneId(Output.of("ZTEST"))
                    .hostnames(new PublicHostnames("example.com"))
                    .target(TestTarget.in("us-east-1"))
                    .target(TestTarget.in("eu-west-1"))
                    .wsContinents(Map.of("NA", "us-east-1", "EU", "eu-west-1"))
                    .alarms((name, region, id) -> alarmed.add(name + "@" + region))
                    .tagging(TAGS)
                    .build(), ComponentResourceOptions.builder().build());
        });
        assertEquals(List.of("dns-hc-us-east-1@us-east-1", "dns-hc-eu-west-1@eu-west-1"), alarmed);
        assertEquals(2, plan.ofType("aws:route53/healthCheck:HealthCheck").size());
        assertEquals(18, plan.ofType("aws:route53/record:Record").size());
    }

    @Test
    void argsRefuseAGeolocationToARegionWithoutALoadBalancer() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DnsFailoverArgs(null, Output.of("Z"),
                new PublicHostnames("example.com"), List.of(TestTarget.in("us-east-1")), Map.of("EU", "eu-west-1"),
                "/health", 30, 3, java.util.Optional.empty(), TAGS));
        assertEquals("wsContinents.EU: eu-west-1 is not one of [us-east-1]", e.getMessage());
    }

    @Test
    void argsRefuseAnIntervalRoute53DoesNotOffer() {
        assertThrows(IllegalArgumentException.class, () -> new DnsFailoverArgs(null, Output.of("Z"),
                new PublicHostnames("example.com"), List.of(TestTarget.in("us-east-1")), Map.of(),
                "/health", 20, 3, java.util.Optional.empty(), TAGS));
    }
}
