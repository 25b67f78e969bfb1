package com.ultibiker.platform.dns;

import com.pulumi.core.Output;

/**
 * What DNS needs to know about a region's public load balancer: where it is and how to alias it.
 * {@code PublicEntryPoint} implements it; tests and other entry points (an NLB, CloudFront) can too.
 */
public interface LoadBalancerTarget {

    /** AWS region of the load balancer. */
    String regionName();

    /** DNS name of the load balancer, e.g. {@code entry-us-east-1-alb-123.us-east-1.elb.amazonaws.com}. */
    Output<String> dnsName();

    /** The load balancer's canonical hosted zone id, the alias target zone. */
    Output<String> canonicalZoneId();
}
