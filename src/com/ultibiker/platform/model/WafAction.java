package com.ultibiker.platform.model;

/**
 * What a web ACL rule does with a request it matches: {@code block} it, or only {@code count} it (logged and
 * in the metrics, then the next rule decides), the way to roll a rule out before it can reject real traffic.
 * For a managed rule group it becomes the rule's override action ({@code none}: the group's own actions,
 * which block; {@code count}: every rule of the group only counts).
 */
public enum WafAction implements ConfigEnum {
    BLOCK("block"),
    COUNT("count");

    private final String configName;

    WafAction(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
