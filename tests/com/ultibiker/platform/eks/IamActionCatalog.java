package com.ultibiker.platform.eks;

import com.google.gson.Gson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The documented IAM actions per service prefix, read from {@code tests/resources/iam-actions/<prefix>.txt}
 * (see the README there), and a checker for policy documents.
 */
final class IamActionCatalog {

    private static final Map<String, Set<String>> CACHE = new HashMap<>();

    private IamActionCatalog() {
    }

    static synchronized Set<String> actions(String prefix) {
        return CACHE.computeIfAbsent(prefix, p -> {
            try (InputStream in = IamActionCatalog.class.getResourceAsStream("/iam-actions/" + p + ".txt")) {
                if (in == null) {
                    return Set.of();
                }
                Set<String> out = new TreeSet<>();
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String l = line.strip();
                    if (!l.isEmpty() && !l.startsWith("#")) {
                        out.add(l);
                    }
                }
                return out;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Why {@code action} is not a documented action, or empty when it is (wildcards must match one). */
    static Optional<String> problem(String action) {
        int colon = action.indexOf(':');
        if (colon <= 0) {
            return Optional.of(action + ": not of the form service:Action");
        }
        String prefix = action.substring(0, colon);
        String name = action.substring(colon + 1);
        Set<String> known = actions(prefix);
        if (known.isEmpty()) {
            return Optional.of(action + ": no allow-list for service prefix '" + prefix + "'");
        }
        if (name.equals("*")) {
            return Optional.empty();
        }
        if (name.contains("*") || name.contains("?")) {
            Pattern p = Pattern.compile(name.replace("*", "[A-Za-z]*").replace("?", "[A-Za-z]"));
            return known.stream().anyMatch(a -> p.matcher(a).matches()) ? Optional.empty()
                    : Optional.of(action + ": the wildcard matches no documented " + prefix + " action");
        }
        return known.contains(name) ? Optional.empty() : Optional.of(action + ": not a documented " + prefix + " action");
    }

    /** Every action named in a JSON policy document (Action as a string or a list). */
    @SuppressWarnings("unchecked")
    static List<String> actionsIn(String policyJson) {
        Map<String, Object> doc = new Gson().fromJson(policyJson, Map.class);
        Object statements = doc.get("Statement");
        List<Object> list = statements instanceof List<?> l ? (List<Object>) l : List.of(statements);
        List<String> out = new ArrayList<>();
        for (Object s : list) {
            Object action = ((Map<String, Object>) s).get("Action");
            if (action instanceof String a) {
                out.add(a);
            } else if (action instanceof List<?> as) {
                as.forEach(a -> out.add((String) a));
            }
        }
        return out;
    }
}
