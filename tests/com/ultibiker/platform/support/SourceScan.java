package com.ultibiker.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Rules over the production sources: where a pattern occurs in code (comments left out). */
public final class SourceScan {

    public static final Path SRC = StackPlans.PROJECT_DIR.resolve("src");
    public static final Path COMMON = SRC.resolve("com/ultibiker/platform/common");

    private SourceScan() {
    }

    /** Every hit of {@code pattern} in the code of {@code src/**}{@code /*.java} except {@code allowed}, as {@code path: hit}. */
    public static List<String> hits(Pattern pattern, Set<Path> allowed) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SRC)) {
            files.filter(f -> f.toString().endsWith(".java") && !allowed.contains(f)).sorted().forEach(f ->
                    hits(pattern, read(f)).forEach(hit -> found.add(SRC.relativize(f) + ": " + hit)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Hits of {@code pattern} in {@code source}, comments left out. */
    public static List<String> hits(Pattern pattern, String source) {
        List<String> hits = new ArrayList<>();
        Matcher m = pattern.matcher(withoutComments(source));
        while (m.find()) {
            hits.add(m.group());
        }
        return hits;
    }

    /** Block and Javadoc comments, and line comments (a {@code //} outside a string literal). */
    public static String withoutComments(String source) {
        String noBlocks = source.replaceAll("(?s)/\\*.*?\\*/", " ");
        StringBuilder out = new StringBuilder();
        for (String line : noBlocks.split("\n", -1)) {
            out.append(codePart(line)).append('\n');
        }
        return out.toString();
    }

    private static String codePart(String line) {
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && inString) {
                i++;
            } else if (c == '"') {
                inString = !inString;
            } else if (!inString && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
