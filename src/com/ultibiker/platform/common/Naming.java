package com.ultibiker.platform.common;

import java.util.Locale;

/**
 * Pure naming rules shared by components, and by the config parser that refuses list entries whose
 * resource names would collide (two registrations of one URN, which the engine refuses).
 */
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

    /**
     * An email address as a stable resource-name fragment (reordering the list replaces nothing):
     * {@code On.Call@Example.com -> on-call-at-example-com}. Not injective: {@code a.b@x.com} and
     * {@code a-b@x.com} share it, so the parser refuses such pairs.
     */
    public static String emailSlug(String email) {
        return email.toLowerCase(Locale.ROOT).replace("@", "-at-").replaceAll("[^a-z0-9-]", "-");
    }

    /**
     * An IAM principal ARN as a resource-name fragment, from its resource part:
     * {@code arn:aws:iam::123456789012:role/team/platform-admin -> role-team-platform-admin}. The account
     * is not part of it (nor case), so the parser refuses two principals that share it.
     */
    public static String principalSlug(String principalArn) {
        String resource = principalArn.substring(principalArn.lastIndexOf(':') + 1);
        return resource.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * A child domain as a resource-name fragment, its labels below {@code domain}:
     * {@code (a.dev.example.com, example.com) -> a-dev}. {@code a.dev} and {@code a-dev} share it.
     */
    public static String subdomainSlug(String child, String domain) {
        String below = child.endsWith("." + domain) ? child.substring(0, child.length() - domain.length() - 1) : child;
        return below.toLowerCase(Locale.ROOT).replace('.', '-');
    }

    /**
     * A managed policy ARN as a resource-name fragment, its path and name:
     * {@code arn:aws:iam::aws:policy/job-function/ViewOnlyAccess -> job-function-ViewOnlyAccess}.
     */
    public static String policySlug(String policyArn) {
        return policyArn.substring(policyArn.indexOf(":policy/") + ":policy/".length()).replace('/', '-');
    }
}
