package com.ultibiker.platform.dns;

import java.util.List;

/**
 * The public names the platform serves under its domain: {@code api} (REST, failover routing) and
 * {@code ws} (WebSocket, geolocation routing). Pure.
 */
public record PublicHostnames(String domain) {

    public static final String API = "api";
    public static final String WS = "ws";
    /** Static assets through CloudFront (not behind the load balancers, so not in {@link #all()}). */
    public static final String ASSETS = "assets";

    public String api() {
        return API + "." + domain;
    }

    public String ws() {
        return WS + "." + domain;
    }

    public String assets() {
        return ASSETS + "." + domain;
    }

    /** Every public name of the load balancers, the default route (api) first. */
    public List<String> all() {
        return List.of(api(), ws());
    }

    /** The first label of a public name: {@code api.example.com -> api}. */
    public static String label(String hostname) {
        int dot = hostname.indexOf('.');
        return dot < 0 ? hostname : hostname.substring(0, dot);
    }
}
