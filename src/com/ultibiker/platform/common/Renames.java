package com.ultibiker.platform.common;

import com.pulumi.core.Alias;

/**
 * Renaming a resource without replacing it. A resource's URN holds its name, type and parent chain;
 * a new URN is, to the engine, a new resource (create the new, delete the old). Give the renamed
 * resource an alias naming its previous URN and the engine moves the existing one instead:
 * <pre>{@code
 * new Key(prefix + "-data-key", args, protection.options(CustomResourceOptions.builder())
 *         .aliases(Renames.from(prefix + "-key")).build());
 * }</pre>
 * Keep the alias for as long as any stack may still hold the old name. To alias a resource that moved
 * to another parent, use {@code Alias.withUrn(<old URN>)} (the URN in {@code tests/resources/urns/}):
 * the Java SDK 1.36.1 sends {@code Alias.noParent()} without any other field, so a name given with it
 * is lost (pulumi-java {@code AliasSerializer}). {@code UrnListTest} fails when a
 * stateful or protected URN of the committed list disappears without one.
 */
public final class Renames {

    private Renames() {
    }

    /** The resource was called {@code previousName}, with the same type and parent. */
    public static Alias from(String previousName) {
        return Alias.builder().name(previousName).build();
    }
}
