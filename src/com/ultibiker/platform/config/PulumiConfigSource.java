package com.ultibiker.platform.config;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.pulumi.Config;
import com.pulumi.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the project's configuration from Pulumi's {@code Config} as {@code pulumi up} hands it over.
 * Pulumi's Java {@code Config} cannot list keys, so the known top-level keys are read one by one; the
 * engine's {@code PULUMI_CONFIG} environment (a JSON object of every key), when present, adds any
 * other key of the namespace so that a misspelt top-level key is reported rather than ignored.
 */
public final class PulumiConfigSource {

    private PulumiConfigSource() {
    }

    public static Map<String, String> read(Context ctx) {
        return read(ctx.config(), ctx.projectName(), System.getenv("PULUMI_CONFIG"));
    }

    /**
     * @param engineConfig the engine's {@code PULUMI_CONFIG} JSON, or null when not run by the engine
     */
    static Map<String, String> read(Config config, String project, String engineConfig) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String key : StackConfigParser.TOP_LEVEL_KEYS) {
            config.get(key).ifPresent(v -> raw.put(key, v));
        }
        if (engineConfig != null && !engineConfig.isBlank()) {
            try {
                Map<?, ?> all = new Gson().fromJson(engineConfig, Map.class);
                String prefix = project + ":";
                for (Object k : all.keySet()) {
                    String key = String.valueOf(k).replace(prefix + "config:", prefix);
                    if (key.startsWith(prefix)) {
                        String name = key.substring(prefix.length());
                        raw.putIfAbsent(name, config.get(name).orElse(String.valueOf(all.get(k))));
                    }
                }
            } catch (JsonParseException | ClassCastException ignored) {
                // the known keys were read already; unknown-key detection is a convenience
            }
        }
        return raw;
    }
}
