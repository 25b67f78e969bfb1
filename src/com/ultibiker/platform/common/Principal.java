package com.ultibiker.platform.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A statement's {@code Principal}: everyone ({@code "*"}, only sensible in a {@code Deny} or with a
 * condition), or one principal of one kind ({@code {"AWS": arn}}, {@code {"Service": host}},
 * {@code {"Federated": provider arn}}).
 *
 * @param type {@code AWS}, {@code Service}, {@code Federated}, or {@code *} for everyone
 * @param id   the ARN, service host or provider ARN ({@code *} for everyone)
 */
public record Principal(String type, String id) {

    private static final String ANY = "*";

    public Principal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (!type.equals(ANY) && !type.equals("AWS") && !type.equals("Service") && !type.equals("Federated")) {
            throw new IllegalArgumentException("principal type " + type + ": expected AWS, Service, Federated or *");
        }
        if (type.equals(ANY) != id.equals(ANY)) {
            throw new IllegalArgumentException("principal " + type + " " + id + ": * is only for everyone");
        }
    }

    public static Principal anyone() {
        return new Principal(ANY, ANY);
    }

    /** An account ({@code arn:...:root}), role or user. */
    public static Principal aws(String arn) {
        return new Principal("AWS", arn);
    }

    /** An AWS service, e.g. {@code logs.us-east-1.amazonaws.com}. */
    public static Principal service(String host) {
        return new Principal("Service", host);
    }

    /** Identities of an OIDC or SAML provider. */
    public static Principal federated(String providerArn) {
        return new Principal("Federated", providerArn);
    }

    /** {@code "*"} or {@code {type: id}}. */
    Object toJson() {
        if (type.equals(ANY)) {
            return ANY;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(type, id);
        return json;
    }
}
