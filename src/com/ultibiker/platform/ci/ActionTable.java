package com.ultibiker.platform.ci;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The committed table of IAM actions the AWS provider calls per resource type and per invoke
 * ({@code resources/ci/aws-actions.json}): the single source the CI roles' policies are generated from
 * ({@link CiPolicies}). A plan test (CiPermissionsTest) fails when a plan uses a resource type or an
 * invoke the table does not list, so a new resource type cannot ship without its actions.
 *
 * @param types        per Pulumi resource type: what a refresh reads, what an update writes, what content it reads
 * @param invokes      per invoke token: the actions it calls (empty: it calls none that IAM can deny)
 * @param deployAlways actions every {@code up} may need whatever the plan holds (service-linked roles, provider setup)
 */
public record ActionTable(Map<String, TypeActions> types, Map<String, List<String>> invokes, List<String> deployAlways) {

    public static final String RESOURCE = "/ci/aws-actions.json";

    /**
     * @param read  what the provider's Read calls (refresh, drift detection)
     * @param write create, update, delete and tagging (and the describe calls they wait with)
     * @param data  reads of the content the resource holds (a secret's value): never the preview role's
     */
    public record TypeActions(List<String> read, List<String> write, List<String> data) {
        public TypeActions {
            read = read == null ? List.of() : List.copyOf(read);
            write = write == null ? List.of() : List.copyOf(write);
            data = data == null ? List.of() : List.copyOf(data);
        }
    }

    public ActionTable {
        types = Map.copyOf(types);
        invokes = Map.copyOf(invokes);
        deployAlways = List.copyOf(deployAlways);
    }

    private record Wire(Map<String, TypeActions> types, Map<String, List<String>> invokes, List<String> deployAlways) {
    }

    /** The committed table. */
    public static ActionTable load() {
        try (InputStream in = ActionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            Wire wire = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8), new TypeToken<Wire>() { }.getType());
            return new ActionTable(wire.types(), wire.invokes(), wire.deployAlways());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a refresh or preview calls: every type's reads and every invoke's actions (no content reads). */
    public Set<String> previewActions() {
        Set<String> out = union(TypeActions::read);
        invokes.values().forEach(out::addAll);
        return out;
    }

    /** A refresh of everything, content included (drift detection): the preview actions and the data reads. */
    public Set<String> refreshActions() {
        Set<String> out = previewActions();
        out.addAll(union(TypeActions::data));
        return out;
    }

    /** What an {@code up} calls: every read, write and content read, every invoke, and the always-needed actions. */
    public Set<String> deployActions() {
        Set<String> out = refreshActions();
        out.addAll(union(TypeActions::write));
        out.addAll(deployAlways);
        return out;
    }

    /** The service prefixes of {@code actions}, e.g. {@code ec2} for {@code ec2:CreateVpc}. */
    public static Set<String> services(Set<String> actions) {
        Set<String> out = new TreeSet<>();
        actions.forEach(a -> out.add(a.substring(0, a.indexOf(':'))));
        return out;
    }

    private Set<String> union(Function<TypeActions, List<String>> part) {
        Set<String> out = new TreeSet<>();
        new TreeMap<>(types).values().forEach(t -> out.addAll(part.apply(t)));
        return out;
    }
}
