package com.ultibiker.platform.model;

/** A node taint, e.g. {@code CriticalAddonsOnly=true:NoSchedule}. */
public record Taint(String key, String value, TaintEffect effect) {

    @Override
    public String toString() {
        return key + "=" + value + ":" + effect.configName();
    }
}
