package com.ultibiker.platform.plan;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders a {@link Plan} as the JSON contract documented in the README. */
public final class PlanJson {

    private PlanJson() {
    }

    public static String render(Plan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("stack", plan.stack());
        doc.put("project", plan.project());
        doc.put("notes", plan.notes());
        doc.put("outputs", plan.outputs());
        List<Map<String, Object>> resources = plan.resources().stream().map(PlanJson::resource).toList();
        doc.put("resources", resources);
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create().toJson(doc) + "\n";
    }

    private static Map<String, Object> resource(PlanResource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("urn", r.urn());
        m.put("type", r.type());
        m.put("name", r.name());
        m.put("region", r.region());
        m.put("parent", r.parent());
        m.put("dependencies", r.dependencies());
        m.put("protect", r.protect());
        m.put("ignoreChanges", r.ignoreChanges());
        m.put("retainOnDelete", r.retainOnDelete());
        m.put("custom", r.custom());
        m.put("provider", r.provider());
        m.put("aliases", r.aliases());
        m.put("props", r.props());
        return m;
    }
}
