package com.ultibiker.platform.config;

/**
 * One thing wrong with the stack configuration: where it is, what was found and what is allowed.
 *
 * @param key     full key path as a user would type it, e.g. {@code ultibiker-platform:eks.nodePools[1].maxSize}
 * @param found   the value found, rendered for humans ({@code <missing>} when absent)
 * @param allowed what would have been accepted
 */
public record ConfigProblem(String key, String found, String allowed) {

    public static final String MISSING = "<missing>";

    @Override
    public String toString() {
        return key + ": found " + found + "; allowed: " + allowed;
    }
}
