package com.ultibiker.platform.model;

/**
 * The check every builder's {@code build()} makes for a field without a default: one style, one message
 * naming the type and the field ({@code CacheArgs.numNodes}), so a forgotten setter fails where it is built.
 */
public final class Required {

    private Required() {
    }

    /** {@code value}, or an {@link IllegalStateException} naming {@code field} when it was never set. */
    public static <T> T of(T value, String field) {
        if (value == null) {
            throw new IllegalStateException(field + " is required: set it on the builder");
        }
        return value;
    }
}
