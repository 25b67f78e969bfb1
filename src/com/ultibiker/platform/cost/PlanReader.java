package com.ultibiker.platform.cost;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.util.List;
import java.util.Map;

/** Reads the plan JSON contract (README, "Plan JSON contract") into what pricing and diagrams need. */
public final class PlanReader {

    /** A plan as read back: its stack and every resource. */
    public record PlanDocument(String stack, List<PlannedResource> resources) {
    }

    private PlanReader() {
    }

    @SuppressWarnings("unchecked")
    public static PlanDocument parse(String json) {
        Map<String, Object> doc;
        try {
            doc = new Gson().fromJson(json, Map.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not a plan JSON: " + e.getMessage(), e);
        }
        if (doc == null || !(doc.get("resources") instanceof List<?> resources)) {
            throw new IllegalArgumentException("not a plan JSON: no \"resources\" list (write one with bin/plan <stack> --json FILE)");
        }
        List<PlannedResource> read = resources.stream().map(o -> (Map<String, Object>) o).map(m -> new PlannedResource(
                (String) m.get("urn"), (String) m.get("type"), (String) m.get("name"), (String) m.get("region"), (String) m.get("parent"),
                m.get("dependencies") instanceof List<?> d ? (List<String>) d : List.of(),
                m.get("props") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of())).toList();
        return new PlanDocument(String.valueOf(doc.get("stack")), read);
    }
}
