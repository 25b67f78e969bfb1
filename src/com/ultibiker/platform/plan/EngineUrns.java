package com.ultibiker.platform.plan;

/**
 * URNs as the Pulumi engine builds them: {@code urn:pulumi:<stack>::<project>::<type chain>::<name>},
 * where the type chain is the parent's chain, {@code $}, and the resource's type, and the root stack's
 * type {@code pulumi:pulumi:Stack} is left out of every chain but the stack's own (pulumi/pulumi
 * {@code sdk/go/common/resource/urn/urn.go}, {@code New}: {@code parentType != RootStackType}). The SDK's mock monitor keeps the root stack in
 * every chain; {@link #fromMock} turns its URNs into the engine's.
 */
public final class EngineUrns {

    public static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
    private static final String PREFIX = "urn:pulumi:";

    private EngineUrns() {
    }

    /** The URN of a resource named {@code name} of {@code type} under {@code parentUrn} (null: no parent). */
    public static String create(String stack, String project, String parentUrn, String type, String name) {
        String chain = type;
        if (parentUrn != null && !parentUrn.isEmpty()) {
            String parentType = qualifiedType(parentUrn);
            if (!parentType.equals(ROOT_STACK_TYPE)) {
                chain = parentType + "$" + type;
            }
        }
        return PREFIX + stack + "::" + project + "::" + chain + "::" + name;
    }

    /** The type chain of a URN ({@code ultibiker:network:Network$aws:ec2/vpc:Vpc}). */
    public static String qualifiedType(String urn) {
        return parts(urn)[2];
    }

    /** The resource's own type: the last element of the chain. */
    public static String type(String urn) {
        String chain = qualifiedType(urn);
        return chain.substring(chain.lastIndexOf('$') + 1);
    }

    /** The resource name: everything after the type chain (a name may itself contain {@code ::}). */
    public static String name(String urn) {
        return parts(urn)[3];
    }

    /** The engine's form of a URN made by the SDK's mock monitor. */
    static String fromMock(String urn) {
        String[] p = parts(urn);
        String chain = p[2].startsWith(ROOT_STACK_TYPE + "$") ? p[2].substring(ROOT_STACK_TYPE.length() + 1) : p[2];
        return PREFIX + p[0] + "::" + p[1] + "::" + chain + "::" + p[3];
    }

    private static String[] parts(String urn) {
        if (!urn.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Pulumi URN: " + urn);
        }
        String[] p = urn.substring(PREFIX.length()).split("::", 4);
        if (p.length != 4) {
            throw new IllegalArgumentException("not a Pulumi URN (stack::project::type::name): " + urn);
        }
        return p;
    }
}
