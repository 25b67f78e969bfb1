package com.ultibiker.platform.model;

/** A node taint, e.g. {@code CriticalAddonsOnly=true:NoSchedule}. */
public record Taint(String key, String value, TaintEffect effect) {

    @Override
    public String toString() {
        return key + "=" + value + ":" + effect.configName();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Taint} by name; {@link #build()} names a required field left unset. */
    public static final class Builder {
        private String key;
        private String value;
        private TaintEffect effect;

        private Builder() {
        }

        public Builder key(String value) { this.key = value; return this; }
        public Builder value(String value) { this.value = value; return this; }
        public Builder effect(TaintEffect value) { this.effect = value; return this; }

        public Taint build() {
            return new Taint(
                    Required.of(key, "Taint.key"),
                    Required.of(value, "Taint.value"),
                    Required.of(effect, "Taint.effect"));
        }
    }
}
