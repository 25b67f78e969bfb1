package com.ultibiker.platform.network;

import com.ultibiker.platform.common.AwsRegion;
import com.ultibiker.platform.common.Naming;
import com.ultibiker.platform.common.StatefulProtection;
import com.ultibiker.platform.model.NatMode;
import com.ultibiker.platform.model.Required;
import com.ultibiker.platform.tagging.Tagging;

import java.util.List;

/**
 * Inputs of {@link Network}. Build with {@link #builder()}.
 *
 * @param region             region and provider the VPC is created through
 * @param vpcCidr            the VPC block, /16 to /19 (see {@link SubnetLayout})
 * @param azSuffixes         AZ letters, e.g. {@code [a, b, c]}; the region name is prefixed
 * @param natMode            one shared NAT gateway or one per AZ
 * @param interfaceEndpoints create interface endpoints for ECR, STS and CloudWatch Logs
 * @param logRetentionDays   retention of the flow-log group
 * @param clusterName        EKS cluster that will use the subnets (for the {@code kubernetes.io/cluster} tag)
 */
public record NetworkArgs(
        AwsRegion region,
        Ipv4Cidr vpcCidr,
        List<String> azSuffixes,
        NatMode natMode,
        boolean interfaceEndpoints,
        int logRetentionDays,
        String clusterName,
        Tagging tagging,
        StatefulProtection protection) {

    public NetworkArgs {
        azSuffixes = List.copyOf(azSuffixes);
        SubnetLayout.check(vpcCidr, azSuffixes).ifPresent(reason -> {
            throw new IllegalArgumentException("vpcCidr " + vpcCidr + ": " + reason);
        });
    }

    public List<String> availabilityZones() {
        return azSuffixes.stream().map(s -> region.name() + s).toList();
    }

    /**
     * The flow-log group, {@code /vpc/<project>-<environment>-<region>/flow-logs}: log group names are
     * unique per account and region, so the name carries the stack's environment (a second stack in the
     * same account and region would otherwise fail with ResourceAlreadyExistsException).
     */
    public String flowLogGroupName() {
        return "/vpc/" + Naming.of(tagging).physical(region.name()) + "/flow-logs";
    }

    /** Interface endpoints created when {@link #interfaceEndpoints} is on, by short service name. */
    public static final List<String> INTERFACE_ENDPOINT_SERVICES = List.of("ecr.api", "ecr.dkr", "sts", "logs");

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link NetworkArgs} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private AwsRegion region;
        private Ipv4Cidr vpcCidr;
        private List<String> azSuffixes;
        private NatMode natMode;
        private Boolean interfaceEndpoints;
        private Integer logRetentionDays;
        private String clusterName;
        private Tagging tagging;
        private StatefulProtection protection;

        private Builder() {
        }

        public Builder region(AwsRegion value) { this.region = value; return this; }
        public Builder vpcCidr(Ipv4Cidr value) { this.vpcCidr = value; return this; }
        public Builder azSuffixes(List<String> value) { this.azSuffixes = value; return this; }
        public Builder natMode(NatMode value) { this.natMode = value; return this; }
        public Builder interfaceEndpoints(boolean value) { this.interfaceEndpoints = value; return this; }
        public Builder logRetentionDays(int value) { this.logRetentionDays = value; return this; }
        public Builder clusterName(String value) { this.clusterName = value; return this; }
        public Builder tagging(Tagging value) { this.tagging = value; return this; }
        public Builder protection(StatefulProtection value) { this.protection = value; return this; }

        public NetworkArgs build() {
            return new NetworkArgs(
                    Required.of(region, "NetworkArgs.region"),
                    Required.of(vpcCidr, "NetworkArgs.vpcCidr"),
                    Required.of(azSuffixes, "NetworkArgs.azSuffixes"),
                    Required.of(natMode, "NetworkArgs.natMode"),
                    Required.of(interfaceEndpoints, "NetworkArgs.interfaceEndpoints"),
                    Required.of(logRetentionDays, "NetworkArgs.logRetentionDays"),
                    Required.of(clusterName, "NetworkArgs.clusterName"),
                    Required.of(tagging, "NetworkArgs.tagging"),
                    Required.of(protection, "NetworkArgs.protection"));
        }
    }
}
