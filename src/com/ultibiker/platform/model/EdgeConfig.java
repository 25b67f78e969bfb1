package com.ultibiker.platform.model;

/**
 * The public entry point of every region (an Application Load Balancer).
 *
 * @param sslPolicy              HTTPS listener security policy; default {@code ELBSecurityPolicy-TLS13-1-2-2021-06}
 *                               (TLS 1.3 and 1.2 only); only {@code ELBSecurityPolicy-TLS13-*} policies are allowed
 * @param targetPort             port the pods serve on (target type {@code ip}); default 8080
 * @param idleTimeoutSeconds     connection idle timeout; default 120 (WebSocket clients ping within it)
 * @param accessLogRetentionDays days access logs are kept before expiry; default 90
 */
public record EdgeConfig(String sslPolicy, int targetPort, int idleTimeoutSeconds, int accessLogRetentionDays) {
}
