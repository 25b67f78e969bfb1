package com.ultibiker.platform.model;

/** A closed set of config values; {@link #configName()} is how the value is written in a stack file. */
public interface ConfigEnum {
    String configName();
}
