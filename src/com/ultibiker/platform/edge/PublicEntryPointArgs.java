package com.ultibiker.platform.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.EdgeConfig;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;
import java.util.Optional;

/**
 * Inputs of {@link PublicEntryPoint}. Build with {@link #builder()}.
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

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PublicEntryPointArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AwsRegion region;
        private List<String> hostnames;
        private Output<String> hostedZoneId;
        private Integer validationRecordTtl;
        private Output<String> vpcId;
        private Output<String> vpcCidr;
        private Output<List<String>> publicSubnetIds;
        private String healthCheckPath;
        private EdgeConfig settings;
        private String physicalPrefix;
        private Optional<Output<String>> backendSecurityGroupId = Optional.empty();
        private Tagging tagging;
        private StatefulProtection protection;
        private List<Resource> zoneDelegation = List.of();
        private Boolean awaitCertificate;

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder hostnames(List<String> value) { this.hostnames = value; return this; }
        public Builder hostedZoneId(Output<String> value) { this.hostedZoneId = value; return this; }
        public Builder validationRecordTtl(int value) { this.validationRecordTtl = value; return this; }
        public Builder vpcId(Output<String> value) { this.vpcId = value; return this; }
        public Builder vpcCidr(Output<String> value) { this.vpcCidr = value; return this; }
        public Builder publicSubnetIds(Output<List<String>> value) { this.publicSubnetIds = value; return this; }
        public Builder healthCheckPath(String value) { this.healthCheckPath = value; return this; }
        public Builder settings(EdgeConfig value) { this.settings = value; return this; }
        public Builder physicalPrefix(String value) { this.physicalPrefix = value; return this; }
        public Builder backendSecurityGroupId(Optional<Output<String>> value) { this.backendSecurityGroupId = value; return this; }
        public Builder backendSecurityGroupId(Output<String> value) { this.backendSecurityGroupId = Optional.of(value); return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }
        public Builder zoneDelegation(List<Resource> value) { this.zoneDelegation = value; return this; }
        public Builder awaitCertificate(boolean value) { this.awaitCertificate = value; return this; }

        public PublicEntryPointArgs build() {
            return new PublicEntryPointArgs(
                    Required.of(region, "PublicEntryPointArgs.region"),
                    Required.of(hostnames, "PublicEntryPointArgs.hostnames"),
                    Required.of(hostedZoneId, "PublicEntryPointArgs.hostedZoneId"),
                    Required.of(validationRecordTtl, "PublicEntryPointArgs.validationRecordTtl"),
                    Required.of(vpcId, "PublicEntryPointArgs.vpcId"),
                    Required.of(vpcCidr, "PublicEntryPointArgs.vpcCidr"),
                    Required.of(publicSubnetIds, "PublicEntryPointArgs.publicSubnetIds"),
                    Required.of(healthCheckPath, "PublicEntryPointArgs.healthCheckPath"),
                    Required.of(settings, "PublicEntryPointArgs.settings"),
                    Required.of(physicalPrefix, "PublicEntryPointArgs.physicalPrefix"),
                    backendSecurityGroupId,
                    Required.of(tagging, "PublicEntryPointArgs.tagging"),
                    Required.of(protection, "PublicEntryPointArgs.protection"),
                    zoneDelegation,
                    Required.of(awaitCertificate, "PublicEntryPointArgs.awaitCertificate"));
        }
    }
}
