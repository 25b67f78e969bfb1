package com.ultibiker.platform.common;

import java.util.Optional;

/**
 * Attributes the provider returns after a resource exists (an endpoint, a port, a record name). When one is
 * missing the program stops with an error naming the resource and the attribute, instead of carrying an
 * empty or default value into another resource's input, a stack output or a policy.
 */
public final class ProviderAttributes {

    private ProviderAttributes() {
    }

    /** The attribute's value, or an {@link IllegalStateException} naming {@code resource} and {@code attribute}. */
    public static <T> T present(Optional<T> value, String resource, String attribute) {
        return value.orElseThrow(() -> missing(resource, attribute));
    }

    /** The attribute's value, or an {@link IllegalStateException} naming {@code resource} and {@code attribute} when it is null. */
    public static <T> T nonNull(T value, String resource, String attribute) {
        if (value == null) {
            throw missing(resource, attribute);
        }
        return value;
    }

    static IllegalStateException missing(String resource, String attribute) {
        return new IllegalStateException(resource + ": the provider returned no " + attribute
                + " (it is set on every such resource that exists; run pulumi refresh and check the resource in the console)");
    }
}
