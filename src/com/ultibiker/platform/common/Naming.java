package com.ultibiker.platform.common;

/** Pure naming rules shared by components. */
public final class Naming {

    private Naming() {
    }

    /** Child resource name: {@code <component>-<role>}. */
    public static String child(String component, String role) {
        return component + "-" + role;
    }

    /** A physical AWS name for a resource of this stack, e.g. {@code ultibiker-prod-db}. */
    public static String physical(String project, String environment, String role) {
        return project + "-" + environment + "-" + role;
    }
}
