package com.ultibiker.platform.common;

import com.ultibiker.platform.tagging.Tagging;

import java.util.Locale;
import java.util.Objects;

/**
 * The one source of the stack's names: every physical name, path and alias that carries the stack's
 * project and environment is derived here, from the typed project and environment of {@link Tagging}
 * (never read back out of a tag map). The static methods are the pure naming rules shared by
 * components, and by the config parser that refuses list entries whose resource names would collide
 * (two registrations of one URN, which the engine refuses).
 *
 * @param project     the {@code tags.project} value, e.g. {@code ultibiker}
 * @param environment the stack's environment, e.g. {@code prod}
 */
public record Naming(String project, String environment) {

    public Naming {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(environment, "environment");
    }

    /** The names of the stack {@code tagging} belongs to. */
    public static Naming of(Tagging tagging) {
        return new Naming(tagging.tagsConfig().project(), tagging.environment());
    }

    /** The stack's prefix, {@code <project>-<environment>}, e.g. {@code ultibiker-prod}. */
    public String prefix() {
        return project + "-" + environment;
    }

    /** A physical AWS name for a resource of this stack, e.g. {@code ultibiker-prod-postgres}. */
    public String physical(String role) {
        return prefix() + "-" + role;
    }

    /**
     * A slash-separated name under the stack, e.g. {@code path("postgres", "master-user")} is
     * {@code ultibiker/prod/postgres/master-user} (Secrets Manager names, log group names).
     */
    public String path(String... segments) {
        StringBuilder out = new StringBuilder(project).append('/').append(environment);
        for (String segment : segments) {
            out.append('/').append(segment);
        }
        return out.toString();
    }

    /** The KMS alias of the stack's key {@code keyName}: {@code alias/<project>-<environment>/<keyName>}. */
    public String keyAlias(String keyName) {
        return "alias/" + prefix() + "/" + keyName;
    }

    /** Child resource name: {@code <component>-<role>}. */
    public static String child(String component, String role) {
        return component + "-" + role;
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
