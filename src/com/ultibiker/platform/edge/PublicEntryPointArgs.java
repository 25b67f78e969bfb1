package com.ultibiker.platform.edge;

import com.pulumi.core.Output;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.config.EdgeConfig;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link PublicEntryPoint}.
 *
 * @param region                  region and provider everything is created through
 * @param hostnames               public names served, the first being the default route (e.g. api, then ws);
 *                                one target group each, one certificate covering all of them
 * @param hostedZoneId            Route53 zone the certificate is DNS-validated in
 * @param validationRecordTtl     TTL of the ACM validation CNAMEs
 * @param vpcId                   VPC of the public subnets
 * @param vpcCidr                 VPC block: the load balancer may reach targets (pod IPs) inside it only
 * @param publicSubnetIds         subnets of the internet-facing load balancer (one per AZ)
 * @param healthCheckPath         target group health check path, e.g. {@code /health}
 * @param settings                TLS policy, target port, idle timeout, access-log retention
 * @param physicalPrefix          prefix of physical names, e.g. {@code ultibiker-prod}
 * @param backendSecurityGroupId  security group of the targets (the EKS nodes); when present it admits the
 *                                load balancer on the target port. Default: none (no rule is added)
 */
public record PublicEntryPointArgs(
        AwsRegion region,
        List<String> hostnames,
        Output<String> hostedZoneId,
        int validationRecordTtl,
        Output<String> vpcId,
        Output<String> vpcCidr,
        Output<List<String>> publicSubnetIds,
        String healthCheckPath,
        EdgeConfig settings,
        String physicalPrefix,
        Optional<Output<String>> backendSecurityGroupId,
        Tagging tagging,
        StatefulProtection protection) {

    public PublicEntryPointArgs {
        hostnames = List.copyOf(hostnames);
        if (hostnames.isEmpty()) {
            throw new IllegalArgumentException("hostnames: at least one public name");
        }
    }
}
