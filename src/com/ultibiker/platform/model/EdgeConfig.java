package com.ultibiker.platform.model;

/**
 * The public entry point of every region (an Application Load Balancer) and the web ACL in front of it.
 * Build with {@link #builder()}.
 *
 * @param sslPolicy              HTTPS listener security policy; default {@code ELBSecurityPolicy-TLS13-1-2-2021-06}
 *                               (TLS 1.3 and 1.2 only); only {@code ELBSecurityPolicy-TLS13-*} policies are allowed
 * @param targetPort             port the pods serve on (target type {@code ip}); default 8080
 * @param idleTimeoutSeconds     connection idle timeout; default 120 (WebSocket clients ping within it)
 * @param accessLogRetentionDays days access logs are kept before expiry; default 90
 * @param waf                    the WAFv2 web ACL of every load balancer ({@code edge.waf})
 */
public record EdgeConfig(String sslPolicy, int targetPort, int idleTimeoutSeconds, int accessLogRetentionDays, WafConfig waf) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link EdgeConfig} by name; every field has the default documented above. */
    public static final class Builder {
        private String sslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";
        private int targetPort = 8080;
        private int idleTimeoutSeconds = 120;
        private int accessLogRetentionDays = 90;
        private WafConfig waf = WafConfig.builder().build();

        private Builder() {
        }

        public Builder sslPolicy(String value) { this.sslPolicy = value; return this; }
        public Builder targetPort(int value) { this.targetPort = value; return this; }
        public Builder idleTimeoutSeconds(int value) { this.idleTimeoutSeconds = value; return this; }
        public Builder accessLogRetentionDays(int value) { this.accessLogRetentionDays = value; return this; }
        public Builder waf(WafConfig value) { this.waf = value; return this; }

        public EdgeConfig build() {
            return new EdgeConfig(sslPolicy, targetPort, idleTimeoutSeconds, accessLogRetentionDays, waf);
        }
    }
}
