package com.ultibiker.platform.tagging;

import com.google.gson.GsonBuilder;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarFile;

/**
 * Which AWS resource types take a {@code tags} map, read from the AWS provider's own Java SDK: every
 * resource class (annotated {@code @ResourceType}) whose Args class has a {@code tags} input of type
 * {@code Map<String,String>}. Types that model tags differently (e.g. an auto scaling group's list of
 * tag blocks) are not in the set. The policy pack reads the same list from
 * {@code policy/taggable-types.json}, which {@code main} writes and a test keeps in sync.
 */
public final class TaggableTypes {

    private TaggableTypes() {
    }

    private static final class Holder {
        static final SortedSet<String> TYPES = scan();
    }

    public static SortedSet<String> all() {
        return Holder.TYPES;
    }

    public static boolean isTaggable(String typeToken) {
        return all().contains(typeToken);
    }

    private static SortedSet<String> scan() {
        SortedSet<String> types = new TreeSet<>();
        ClassLoader loader = TaggableTypes.class.getClassLoader();
        try (JarFile jar = new JarFile(providerJar().toFile())) {
            jar.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("com/pulumi/aws/") && n.endsWith("Args.class") && !n.contains("/inputs/"))
                    .forEach(argsEntry -> {
                        String argsClass = argsEntry.substring(0, argsEntry.length() - ".class".length()).replace('/', '.');
                        String resourceClass = argsClass.substring(0, argsClass.length() - "Args".length());
                        typeTokenIfTaggable(loader, resourceClass, argsClass).ifPresent(types::add);
                    });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the AWS provider jar", e);
        }
        if (types.isEmpty()) {
            throw new IllegalStateException("found no taggable AWS resource types: the provider jar layout changed");
        }
        return java.util.Collections.unmodifiableSortedSet(types);
    }

    private static Optional<String> typeTokenIfTaggable(ClassLoader loader, String resourceClass, String argsClass) {
        try {
            Class<?> resource = Class.forName(resourceClass, false, loader);
            ResourceType annotation = resource.getAnnotation(ResourceType.class);
            if (annotation == null || !CustomResource.class.isAssignableFrom(resource)) {
                return Optional.empty();
            }
            Method tags = Class.forName(argsClass, false, loader).getMethod("tags");
            return takesTagMap(tags.getGenericReturnType()) ? Optional.of(annotation.type()) : Optional.empty();
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** {@code Optional<Output<Map<String, String>>>}. */
    private static boolean takesTagMap(Type type) {
        Type current = type;
        while (current instanceof ParameterizedType p) {
            if (p.getRawType() == Map.class) {
                return true;
            }
            current = p.getActualTypeArguments()[0];
        }
        return false;
    }

    private static Path providerJar() {
        try {
            return Path.of(com.pulumi.aws.Provider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toJson() {
        return new GsonBuilder().setPrettyPrinting().create().toJson(all()) + "\n";
    }

    /** Writes the list for the policy pack: {@code TaggableTypes <file>}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "policy/taggable-types.json");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, toJson());
        System.out.println("Wrote " + all().size() + " taggable AWS types to " + out);
    }
}
