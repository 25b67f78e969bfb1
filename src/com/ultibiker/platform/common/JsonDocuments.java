package com.ultibiker.platform.common;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one way the program renders a JSON document it sends to AWS or Kubernetes (policies, trust
 * documents, kubeconfigs): the same text on every run.
 *
 * <p>{@code Map.of}/{@code Map.copyOf} iterate in an order salted per JVM, and {@code HashMap} in hash
 * order, so a document built from them would change text from one {@code pulumi up} to the next: a
 * diff on every preview (and, for a kubeconfig, an update of the Kubernetes provider). Maps without a
 * defined order are therefore written with their keys sorted; insertion-ordered and sorted maps keep
 * their order, so hand-ordered documents (Version before Statement) read as written.
 */
public final class JsonDocuments {

    private static final Gson COMPACT = new GsonBuilder().disableHtmlEscaping().create();
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private JsonDocuments() {
    }

    /** Compact JSON, stable across JVMs. */
    public static String compact(Object document) {
        return COMPACT.toJson(stable(document));
    }

    /** Pretty-printed JSON (the form of the golden files), stable across JVMs. */
    public static String pretty(Object document) {
        return PRETTY.toJson(stable(document));
    }

    static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = hasDefinedOrder(map) ? new LinkedHashMap<>() : new TreeMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), stable(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonDocuments::stable).toList();
        }
        return value;
    }

    /** Unordered: plain hash maps and the JDK's immutable maps ({@code Map.of}, {@code Map.copyOf}). */
    private static boolean hasDefinedOrder(Map<?, ?> map) {
        boolean hashOrdered = map instanceof HashMap<?, ?> && !(map instanceof LinkedHashMap<?, ?>);
        boolean jdkImmutable = map.getClass().getName().startsWith("java.util.ImmutableCollections$");
        return !(hashOrdered || jdkImmutable);
    }
}
