package com.ultibiker.platform;

import com.ultibiker.platform.data.CacheArgs;
import com.ultibiker.platform.observability.ObservabilityArgs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named construction, one style (issue 17.2): a swapped pair of same-typed values must not compile into a
 * running stack. Every {@code *Args} type (and every record nested in one), every record of the
 * configuration model (package {@code model}) and the component specs in {@link #SPECS} that has more than
 * three components, or two adjacent components of the same type, has a {@code builder()} whose
 * {@code build()} names a required field left unset; and production code outside a type's own file never
 * calls the canonical constructor of a type that has a builder ({@code new X(...)} or {@code X::new}).
 * Tests may still construct records directly.
 */
class NamedConstructionTest {

    private static final Path SRC = Path.of("src");
    private static final String ROOT_PACKAGE = "com.ultibiker.platform";
    /** Records that are neither Args nor model but are component inputs built from many same-typed values. */
    static final Set<String> SPECS = Set.of(
            "com.ultibiker.platform.observability.AlarmSpec",
            "com.ultibiker.platform.observability.PrometheusStack");

    /** A production type: its class and the source file it is declared in (its top-level type's file). */
    record Type(Class<?> type, Path file) {
        String simpleName() {
            return type.getSimpleName();
        }

        /** The name a reader uses for it: {@code Outer.Inner} for a nested type. */
        String displayName() {
            return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        }
    }

    @Test
    void everyArgsTypeAndModelRecordAboveTheThresholdHasABuilderThatNamesAMissingField() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (Type t : productionTypes()) {
            Class<?> c = t.type();
            if (!c.isRecord() || !inScope(c) || !aboveThreshold(c)) {
                continue;
            }
            checked.add(t.displayName());
            Method builder = builderMethod(c);
            if (builder == null) {
                problems.add(t.file() + ":" + declarationLine(t) + ": " + t.displayName() + " has " + c.getRecordComponents().length
                        + " components" + adjacentPair(c).map(p -> " (adjacent " + p + ")").orElse("")
                        + " and no static builder(); add one (X.builder().name(value)...build())");
                continue;
            }
            checkEmptyBuildNamesAField(t, builder, problems);
        }
        assertEquals(List.of(), problems, "types built positionally");
        // The scan must see the types it is about: these are in scope today.
        assertTrue(checked.containsAll(List.of("CacheArgs", "DatabaseArgs", "AlarmSpec", "ObservabilityArgs.Cluster")),
                "in scope: " + checked);
    }

    @Test
    void productionCodeNeverCallsTheConstructorOfATypeWithABuilder() {
        List<Type> types = productionTypes();
        List<Type> withBuilder = types.stream().filter(t -> builderMethod(t.type()) != null).toList();
        assertTrue(withBuilder.size() > 10, "types with a builder: " + withBuilder);
        Map<Path, String> sources = new TreeMap<>();
        types.stream().map(Type::file).distinct().forEach(f -> sources.put(f, read(f)));
        List<String> calls = new ArrayList<>();
        sources.forEach((file, text) -> calls.addAll(constructorCalls(file, text, withBuilder)));
        assertEquals(List.of(), calls, "canonical constructors called outside their type's file; use X.builder()...build()");
    }

    /**
     * Every other record of the components and their shared code ({@code common}, {@code tagging} and the
     * component packages) above the threshold is built by name too: with a builder, or only through named
     * factories in its own file ({@code Principal.service(...)}, {@code Naming.of(tagging)}), so no caller
     * lines up same-typed values by position. Private records are their file's own business.
     */
    @Test
    void everyOtherComponentRecordAboveTheThresholdIsBuiltOnlyByNameOutsideItsFile() {
        List<Type> types = productionTypes();
        List<Type> positional = types.stream()
                .filter(t -> t.type().isRecord() && !Modifier.isPrivate(t.type().getModifiers()) && !inScope(t.type())
                        && COMPONENT_LAYERS.contains(t.type().getPackageName().substring(ROOT_PACKAGE.length() + 1))
                        && aboveThreshold(t.type()))
                .toList();
        assertTrue(positional.stream().map(Type::displayName).toList().containsAll(List.of("AwsRegion", "RecordSpec", "Principal")),
                "in scope: " + positional.stream().map(Type::displayName).toList());
        Map<Path, String> sources = new TreeMap<>();
        types.stream().map(Type::file).distinct().forEach(f -> sources.put(f, read(f)));
        List<String> calls = new ArrayList<>();
        sources.forEach((file, text) -> calls.addAll(constructorCalls(file, text, positional)));
        assertEquals(List.of(), calls.stream().map(c -> c.replace(" has a builder)", " is built positionally)")).toList(), "positional constructors of many or adjacent same-typed values called outside their type's file;"
                + " give the type a builder (X.builder().name(value)...build()) or named factories in its own file");
    }

    /** The packages of the components and what they share (LayeringTest's layers 1 to 3). */
    static final Set<String> COMPONENT_LAYERS = Set.of("tagging", "common", "network", "eks", "data", "dns", "edge",
            "observability", "timeseries", "ci");

    /** The scan itself, on sources written for it: qualified, imported and same-package calls count, other types of the same name do not. */
    @Test
    void theScanFindsEveryFormOfACallAndOnlyThose() {
        Type cacheArgs = new Type(CacheArgs.class, Path.of("src/com/ultibiker/platform/data/CacheArgs.java"));
        Type cluster = new Type(ObservabilityArgs.Cluster.class, Path.of("src/com/ultibiker/platform/observability/ObservabilityArgs.java"));
        List<Type> both = List.of(cacheArgs, cluster);

        String samePackage = "package com.ultibiker.platform.data;\nclass A {\n  Object a = new CacheArgs(\"id\", null);\n}\n";
        assertEquals(List.of("A.java:3: new CacheArgs(...) (CacheArgs has a builder)"),
                constructorCalls(Path.of("A.java"), samePackage, both));

        String imported = "package com.ultibiker.platform;\nimport com.ultibiker.platform.data.CacheArgs;\n"
                + "import com.ultibiker.platform.observability.ObservabilityArgs.Cluster;\n"
                + "class B {\n  Object b = new Cluster(null, null);\n  Object f = CacheArgs::new;\n}\n";
        assertEquals(List.of("B.java:6: CacheArgs::new (CacheArgs has a builder)",
                        "B.java:5: new Cluster(...) (ObservabilityArgs.Cluster has a builder)"),
                constructorCalls(Path.of("B.java"), imported, both));

        String qualified = "package com.ultibiker.platform;\nimport com.ultibiker.platform.observability.ObservabilityArgs;\n"
                + "class C {\n  Object c = new ObservabilityArgs.Cluster(null,\n      null);\n"
                + "  Object d = new com.ultibiker.platform.data.CacheArgs(null);\n}\n";
        assertEquals(List.of("C.java:6: new com.ultibiker.platform.data.CacheArgs(...) (CacheArgs has a builder)",
                        "C.java:4: new ObservabilityArgs.Cluster(...) (ObservabilityArgs.Cluster has a builder)"),
                constructorCalls(Path.of("C.java"), qualified, both));

        String otherTypes = "package com.ultibiker.platform.eks;\nimport com.pulumi.aws.eks.Cluster;\n"
                + "class D {\n  // new CacheArgs(1, 2) in a comment\n  String s = \"new CacheArgs(1, 2)\";\n"
                + "  Object d = new Cluster(\"x\", null);\n  Object e = new MyCacheArgs(1);\n"
                + "  Object f = new TimeSeriesArgs.Cluster(null);\n  Object g = CacheArgs.builder();\n}\n";
        assertEquals(List.of(), constructorCalls(Path.of("D.java"), otherTypes, both));

        String ownFile = "package com.ultibiker.platform.data;\nrecord CacheArgs(String id) {\n  CacheArgs copy() { return new CacheArgs(id); }\n}\n";
        assertEquals(List.of(), constructorCalls(cacheArgs.file(), ownFile, both));
    }

    // ---- the scan ----

    static List<String> constructorCalls(Path file, String source, List<Type> types) {
        String code = withoutCommentsAndStrings(source);
        String pkg = packageOf(code);
        List<String> calls = new ArrayList<>();
        for (Type t : types) {
            if (t.file().equals(file)) {
                continue;
            }
            String simple = t.simpleName();
            Matcher m = Pattern.compile("(?:\\bnew\\s+((?:[\\w]+\\s*\\.\\s*)*)" + simple + "\\s*(?:<[^>]*>)?\\s*\\(|"
                    + "(?<![\\w.])((?:[\\w]+\\s*\\.\\s*)*)" + simple + "\\s*::\\s*new\\b)").matcher(code);
            while (m.find()) {
                boolean isNew = m.group(0).startsWith("new");
                String qualifier = (isNew ? m.group(1) : m.group(2)).replaceAll("\\s", "");
                if (refersTo(t, qualifier, code, pkg)) {
                    String written = qualifier + simple;
                    calls.add(file + ":" + line(code, m.start()) + ": " + (isNew ? "new " + written + "(...)" : written + "::new")
                            + " (" + t.displayName() + " has a builder)");
                }
            }
        }
        return calls;
    }

    /** Whether {@code qualifier + simpleName}, written in a file of package {@code pkg}, names {@code t}. */
    private static boolean refersTo(Type t, String qualifier, String code, String pkg) {
        Class<?> c = t.type();
        String canonical = c.getCanonicalName();
        if (!qualifier.isEmpty()) {
            String written = qualifier + c.getSimpleName();
            // Outer.Inner, pkg.Outer.Inner, or the outer type imported and the inner qualified by it
            return canonical.equals(written) || canonical.endsWith("." + written);
        }
        if (imports(code, canonical)) {
            return true;
        }
        if (code.matches("(?s).*\\bimport\\s+[\\w.]+\\." + c.getSimpleName() + "\\s*;.*")) {
            return false;
        }
        Class<?> enclosing = c.getEnclosingClass();
        if (enclosing != null) {
            // an unqualified nested name outside its file needs an import of it or of its outer type's members
            return imports(code, enclosing.getCanonicalName() + ".*");
        }
        return c.getPackageName().equals(pkg) || imports(code, c.getPackageName() + ".*");
    }

    private static boolean imports(String code, String name) {
        return Pattern.compile("\\bimport\\s+" + Pattern.quote(name) + "\\s*;").matcher(code).find();
    }

    private static String packageOf(String code) {
        Matcher m = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;").matcher(code);
        return m.find() ? m.group(1) : "";
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The source with comments, string and character literals blanked (newlines kept, so line numbers stay). */
    static String withoutCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                blank(s, i, end, out);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                blank(s, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(j + 1, s.length());
                blank(s, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String s, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            out.append(s.charAt(k) == '\n' ? '\n' : ' ');
        }
    }

    // ---- the types ----

    static boolean inScope(Class<?> c) {
        Class<?> top = c;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return c.getSimpleName().endsWith("Args") || top.getSimpleName().endsWith("Args")
                || c.getPackageName().equals(ROOT_PACKAGE + ".model") || SPECS.contains(c.getName());
    }

    static boolean aboveThreshold(Class<?> c) {
        return c.getRecordComponents().length > 3 || adjacentPair(c).isPresent();
    }

    private static java.util.Optional<String> adjacentPair(Class<?> c) {
        RecordComponent[] rc = c.getRecordComponents();
        for (int i = 1; i < rc.length; i++) {
            if (rc[i].getGenericType().equals(rc[i - 1].getGenericType())) {
                return java.util.Optional.of(rc[i - 1].getName() + ", " + rc[i].getName() + ": "
                        + rc[i].getGenericType().getTypeName().replaceAll("[\\w.]+\\.", ""));
            }
        }
        return java.util.Optional.empty();
    }

    /** The line of {@code record <Name>(} in the type's file (1 when it cannot be found). */
    private static int declarationLine(Type t) {
        String code = withoutCommentsAndStrings(read(t.file()));
        Matcher m = Pattern.compile("\\brecord\\s+" + t.simpleName() + "\\b").matcher(code);
        return m.find() ? line(code, m.start()) : 1;
    }

    /** The static no-argument {@code builder()} whose result builds {@code c}, or null. */
    static Method builderMethod(Class<?> c) {
        try {
            Method m = c.getDeclaredMethod("builder");
            if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0) {
                return null;
            }
            Method build = m.getReturnType().getDeclaredMethod("build");
            return build.getReturnType().equals(c) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * An empty builder's {@code build()} either succeeds (every field has a default) or fails with a message
     * naming one of the type's components, {@code "<Type>.<field> is required"} ({@code model.Required}), never
     * with a bare NullPointerException or a record's own complaint about a value nobody set.
     */
    private static void checkEmptyBuildNamesAField(Type t, Method builder, List<String> problems) throws Exception {
        builder.setAccessible(true);
        Object b = builder.invoke(null);
        Method build = b.getClass().getDeclaredMethod("build");
        build.setAccessible(true);
        try {
            build.invoke(b);
            // every field has a default (documented on the type): nothing to name
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            List<String> names = Arrays.stream(t.type().getRecordComponents())
                    .map(rc -> t.displayName() + "." + rc.getName() + " is required").toList();
            String message = String.valueOf(cause.getMessage());
            if (names.stream().noneMatch(message::startsWith)) {
                problems.add(t.file() + ":" + declarationLine(t) + ": " + t.displayName() + ".builder().build() with nothing set fails with " + cause
                        + "; expected \"" + t.displayName() + ".<field> is required...\" (model.Required)");
            }
        }
    }

    /** Every class declared under src/, nested ones included, with the file it is declared in. */
    static List<Type> productionTypes() {
        List<Type> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(file -> {
                String name = SRC.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                try {
                    collect(Class.forName(name, false, NamedConstructionTest.class.getClassLoader()), file, types);
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(file + " declares no class " + name, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static void collect(Class<?> c, Path file, List<Type> types) {
        types.add(new Type(c, file));
        for (Class<?> nested : c.getDeclaredClasses()) {
            collect(nested, file, types);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
