package com.ultibiker.platform.config;

import com.pulumi.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Pulumi's Config cannot be built outside an engine run with arbitrary values, so it is mocked:
 * the source must read the known keys through it and find misspelt top-level keys in the engine's
 * PULUMI_CONFIG.
 */
class PulumiConfigSourceTest {

    private static Config config(Map<String, String> values) {
        Config config = mock(Config.class);
        when(config.get(anyString())).thenAnswer(inv -> Optional.ofNullable(values.get(inv.<String>getArgument(0))));
        return config;
    }

    @Test
    void readsKnownKeysThroughPulumiConfig() {
        var raw = PulumiConfigSource.read(config(Map.of("environment", "dev", "regions", "{\"primary\":\"us-east-1\"}")), "proj", null);
        assertEquals(Map.of("environment", "dev", "regions", "{\"primary\":\"us-east-1\"}"), raw);
    }

    @Test
    void addsUnknownTopLevelKeysFromTheEngineSoTyposAreReported() {
        String engine = "{\"proj:environment\":\"dev\",\"proj:config:enviroment\":\"dev\",\"aws:region\":\"us-east-1\",\"other:x\":\"1\"}";
        var raw = PulumiConfigSource.read(config(Map.of("environment", "dev")), "proj", engine);
        assertEquals(Map.of("environment", "dev", "enviroment", "dev"), raw);
    }

    @Test
    void unreadableEngineConfigFallsBackToKnownKeys() {
        var raw = PulumiConfigSource.read(config(Map.of("environment", "dev")), "proj", "not json");
        assertEquals(Map.of("environment", "dev"), raw);
    }
}
