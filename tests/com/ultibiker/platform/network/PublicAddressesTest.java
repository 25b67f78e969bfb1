package com.ultibiker.platform.network;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule over every resource of every plan: nothing the program launches is handed a public address by
 * default. NAT gateways bring their Elastic IPs and load balancers their own addresses; nodes run in
 * private subnets ({@code NodeGroupSubnetsTest}), so no subnet, launch template or instance may ask for one.
 *
 * <p>Subnets say so explicitly ({@code mapPublicIpOnLaunch: false}, and no IPv6 address on creation: a
 * VPC's IPv6 addresses are globally routable), so the intent is in the plan, not in a provider default.
 * Turning either off on a deployed subnet is an in-place update, not a replacement:
 * terraform-provider-aws {@code internal/service/ec2/vpc_subnet.go} declares {@code map_public_ip_on_launch}
 * and {@code assign_ipv6_address_on_creation} Optional with Default false and without ForceNew, and
 * {@code resourceSubnetUpdate} changes them with ModifySubnetAttribute.
 */
class PublicAddressesTest {

    static final String SUBNET = "aws:ec2/subnet:Subnet";
    static final String LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    static final String INSTANCE = "aws:ec2/instance:Instance";

    /** What in one resource would give something it launches a public address; empty when nothing does. */
    static List<String> publicAddressProblems(String type, Map<String, Object> props) {
        List<String> problems = new ArrayList<>();
        switch (type) {
            case SUBNET -> {
                if (!Boolean.FALSE.equals(props.get("mapPublicIpOnLaunch"))) {
                    problems.add("mapPublicIpOnLaunch must be false, found " + props.get("mapPublicIpOnLaunch"));
                }
                if (Boolean.TRUE.equals(props.get("assignIpv6AddressOnCreation"))) {
                    problems.add("assignIpv6AddressOnCreation must not be true");
                }
                if (Boolean.TRUE.equals(props.get("mapCustomerOwnedIpOnLaunch"))) {
                    problems.add("mapCustomerOwnedIpOnLaunch must not be true");
                }
            }
            case LAUNCH_TEMPLATE -> {
                if (props.get("networkInterfaces") instanceof List<?> interfaces) {
                    for (Object i : interfaces) {
                        Object associate = i instanceof Map<?, ?> m ? m.get("associatePublicIpAddress") : null;
                        if (associate != null && !"false".equals(String.valueOf(associate))) {
                            problems.add("networkInterfaces[].associatePublicIpAddress must be \"false\" or unset, found " + associate);
                        }
                    }
                }
            }
            case INSTANCE -> {
                if (Boolean.TRUE.equals(props.get("associatePublicIpAddress"))) {
                    problems.add("associatePublicIpAddress must not be true");
                }
            }
            default -> {
            }
        }
        return problems;
    }

    @Test
    void nothingInAnyPlanIsHandedAPublicAddressAtLaunch() {
        List<String> problems = new ArrayList<>();
        int subnets = 0;
        int templates = 0;
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource r : plan.resources()) {
                subnets += r.type().equals(SUBNET) ? 1 : 0;
                templates += r.type().equals(LAUNCH_TEMPLATE) ? 1 : 0;
                publicAddressProblems(r.type(), r.props()).forEach(p -> problems.add(plan.stack() + " " + r.name() + ": " + p));
            }
        }
        // dev: 3 tiers x 3 AZs; prod: the same in each of two regions.
        assertEquals(27, subnets, "the rule sees every subnet");
        assertTrue(templates >= 5, "the rule sees the node launch templates (found " + templates + ")");
        assertEquals(List.of(), problems);
    }

    @Test
    void theRuleCatchesEachWayOfHandingOutAnAddress() {
        PlanResource publicSubnet = StackPlans.dev().require(SUBNET, "network-us-east-1-public-us-east-1a");
        assertEquals(List.of(), publicAddressProblems(SUBNET, publicSubnet.props()));
        assertEquals(List.of("mapPublicIpOnLaunch must be false, found true"),
                publicAddressProblems(SUBNET, with(publicSubnet, Map.of("mapPublicIpOnLaunch", true))));
        assertEquals(List.of("mapPublicIpOnLaunch must be false, found null"),
                publicAddressProblems(SUBNET, without(publicSubnet, "mapPublicIpOnLaunch")),
                "unset is refused too: the intent belongs in the plan");
        assertEquals(List.of("assignIpv6AddressOnCreation must not be true"),
                publicAddressProblems(SUBNET, with(publicSubnet, Map.of("assignIpv6AddressOnCreation", true))));

        PlanResource template = StackPlans.dev().ofType(LAUNCH_TEMPLATE).get(0);
        assertEquals(List.of(), publicAddressProblems(LAUNCH_TEMPLATE, template.props()));
        assertEquals(List.of("networkInterfaces[].associatePublicIpAddress must be \"false\" or unset, found true"),
                publicAddressProblems(LAUNCH_TEMPLATE, with(template, Map.of("networkInterfaces",
                        List.of(Map.of("deviceIndex", 0, "associatePublicIpAddress", "true"))))));
    }

    private static Map<String, Object> with(PlanResource r, Map<String, Object> changes) {
        Map<String, Object> props = new LinkedHashMap<>(r.props());
        props.putAll(changes);
        return props;
    }

    private static Map<String, Object> without(PlanResource r, String key) {
        Map<String, Object> props = new LinkedHashMap<>(r.props());
        props.remove(key);
        return props;
    }
}
