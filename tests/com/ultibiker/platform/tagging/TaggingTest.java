package com.ultibiker.platform.tagging;

import com.ultibiker.platform.model.TagsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaggingTest {

    private final Tagging tagging = new Tagging(
            new TagsConfig("ultibiker", "platform-team", "CC-1", Map.of("Team", "core", "Environment", "sneaky")), "dev");

    @Test
    void mergeOrderIsNameThenExtrasThenResourceThenRequired() {
        Map<String, String> tags = tagging.tags("db", Map.of("Team", "data", "Tier", "database", "Name", "override"));
        assertEquals("override", tags.get("Name"), "resource tags come after the Name");
        assertEquals("data", tags.get("Team"), "resource tags win over stack extras");
        assertEquals("database", tags.get("Tier"));
    }

    @Test
    void requiredTagsCannotBeOverridden() {
        Map<String, String> tags = tagging.tags("x", Map.of("ManagedBy", "terraform", "Owner", "someone-else"));
        assertEquals("pulumi", tags.get("ManagedBy"));
        assertEquals("platform-team", tags.get("Owner"));
        assertEquals("dev", tags.get("Environment"), "not even through the stack's extra tags");
    }

    @Test
    void everyRequiredTagIsPresent() {
        assertEquals(java.util.Set.of("Name", "Team", "Project", "Environment", "Owner", "CostCenter", "ManagedBy"),
                tagging.tags("x").keySet());
        assertEquals("x", tagging.tags("x").get("Name"));
    }

    @Test
    void providerDefaultsCarryRequiredAndExtraTagsButNoName() {
        Map<String, String> defaults = tagging.providerDefaults();
        assertEquals("core", defaults.get("Team"));
        assertEquals("dev", defaults.get("Environment"));
        assertEquals(null, defaults.get("Name"));
    }
}
