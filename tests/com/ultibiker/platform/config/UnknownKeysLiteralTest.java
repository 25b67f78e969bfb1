package com.ultibiker.platform.config;

import com.google.gson.Gson;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A misspelt key is reported in every section and sub-section of the configuration, not ignored. */
class UnknownKeysLiteralTest {

    @SuppressWarnings("unchecked")
    @Test
    void aStrayKeyIsReportedWhereverItIs() {
        var gson = new Gson();
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        List<String> sections = List.of("regions", "tags", "network", "eks", "database", "cache", "timeseries", "dns", "edge",
                "observability", "ci");
        for (String section : sections) {
            Map<String, Object> value = raw.containsKey(section) ? gson.fromJson(raw.get(section), Map.class) : new HashMap<>();
            value.put("stray", 1);
            if (section.equals("eks")) {
                ((Map<String, Object>) ((List<Object>) value.get("nodePools")).get(0)).put("stray", 1);
                Map<String, Object> ns = (Map<String, Object>) value.computeIfAbsent("appNamespace", k -> new HashMap<>());
                ns.put("stray", 1);
            }
            if (section.equals("database")) {
                ((Map<String, Object>) ((List<Object>) value.get("replicas")).get(0)).put("stray", 1);
            }
            if (section.equals("cache")) {
                ((Map<String, Object>) value.get("standby")).put("stray", 1);
            }
            raw.put(section, gson.toJson(value));
        }
        List<String> strays = problems(raw).stream().map(ConfigProblem::key).filter(k -> k.endsWith("stray")).sorted().toList();
        assertEquals(List.of(
                "ultibiker-platform:cache.standby.stray",
                "ultibiker-platform:cache.stray",
                "ultibiker-platform:ci.stray",
                "ultibiker-platform:database.replicas[0].stray",
                "ultibiker-platform:database.stray",
                "ultibiker-platform:dns.stray",
                "ultibiker-platform:edge.stray",
                "ultibiker-platform:eks.appNamespace.stray",
                "ultibiker-platform:eks.nodePools[0].stray",
                "ultibiker-platform:eks.stray",
                "ultibiker-platform:network.stray",
                "ultibiker-platform:observability.stray",
                "ultibiker-platform:regions.stray",
                "ultibiker-platform:tags.stray",
                "ultibiker-platform:timeseries.stray"), strays);
    }
}
