package com.ultibiker.platform.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.EdgeConfig;
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
 * @param zoneDelegation          what makes the hosted zone resolvable (the NS record in a parent zone); the
 *                                certificate is requested after it, so ACM never caches a negative answer.
 *                                Default: none (the delegation is not created by this stack)
 * @param awaitCertificate        wait for the certificate's DNS validation and create the HTTPS listener; false
 *                                only for a first deploy whose zone is not delegated yet (dns.delegation pending)
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
        StatefulProtection protection,
        List<Resource> zoneDelegation,
        boolean awaitCertificate) {

    public PublicEntryPointArgs {
        hostnames = List.copyOf(hostnames);
        zoneDelegation = List.copyOf(zoneDelegation);
        if (hostnames.isEmpty()) {
            throw new IllegalArgumentException("hostnames: at least one public name");
        }
    }
}
