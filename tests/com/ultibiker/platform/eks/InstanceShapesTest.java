package com.ultibiker.platform.eks;

import com.google.gson.Gson;
import com.ultibiker.platform.config.InstanceShapes;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The instance shape table against its source, and the rule over every node group of every plan: all
 * instance types of a group have one vCPU/memory shape (cluster-autoscaler builds a group's node
 * template from one type, so a mixed group is sized wrong).
 */
class InstanceShapesTest {

    @SuppressWarnings("unchecked")
    @Test
    void theTableEqualsTheEntriesOfClusterAutoscalersOwnTable() throws IOException {
        var doc = new Gson().fromJson(Files.readString(StackPlans.PROJECT_DIR.resolve(
                "tests/resources/golden/eks/instance-shapes.json")), Map.class);
        Map<String, String> expected = new TreeMap<>();
        ((Map<String, Map<String, Number>>) doc.get("types")).forEach((type, s) ->
                expected.put(type, s.get("vcpu").intValue() + " vCPU, " + s.get("memoryMib").intValue() + " MiB"));
        Map<String, String> actual = new TreeMap<>();
        InstanceShapes.all().forEach((type, shape) -> actual.put(type, shape.toString()));
        assertEquals(expected, actual);
    }

    @Test
    void theSpecsPoolTypesHaveTheirDocumentedShapes() {
        // SPEC.md: application 4 vCPU / 8 GiB, analytics 8 vCPU / 32 GiB.
        for (String type : List.of("c5.xlarge", "c5a.xlarge", "c6i.xlarge")) {
            assertEquals(new InstanceShapes.Shape(4, 8192), InstanceShapes.of(type).orElseThrow(), type);
        }
        for (String type : List.of("m5.2xlarge", "m5a.2xlarge", "m6i.2xlarge")) {
            assertEquals(new InstanceShapes.Shape(8, 32768), InstanceShapes.of(type).orElseThrow(), type);
        }
        assertEquals(new InstanceShapes.Shape(4, 32768), InstanceShapes.of("r5.xlarge").orElseThrow());
        assertEquals(new InstanceShapes.Shape(8, 16384), InstanceShapes.of("c5.2xlarge").orElseThrow());
    }

    static List<String> mixedGroups(Plan plan) {
        List<String> out = new ArrayList<>();
        for (PlanResource group : plan.ofType("aws:eks/nodeGroup:NodeGroup")) {
            @SuppressWarnings("unchecked")
            List<String> types = (List<String>) group.prop("instanceTypes");
            long shapes = types.stream().map(t -> InstanceShapes.of(t).map(Object::toString).orElse("unknown " + t)).distinct().count();
            if (types.size() > 1 && shapes > 1) {
                out.add(plan.stack() + " " + group.name() + " " + types);
            }
        }
        return out;
    }

    @Test
    void everyNodeGroupOfEveryPlanMixesOneShape() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            assertEquals(List.of(), mixedGroups(plan));
        }
    }
}
