package com.ultibiker.platform.config;

import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown before any resource is registered when the stack configuration has one or more problems.
 * A {@link RunException}, so under {@code pulumi up} the engine shows the message without a stack trace.
 */
public final class ConfigException extends RunException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        this(header(problems), problems);
    }

    /** Problems under a header of the caller's (e.g. example values left in a stack file). */
    public ConfigException(String header, List<ConfigProblem> problems) {
        super(render(header, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    private static String header(List<ConfigProblem> problems) {
        return "Invalid stack configuration (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "):";
    }

    private static String render(String header, List<ConfigProblem> problems) {
        return problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n", header + "\n", ""));
    }
}
