package com.ultibiker.platform.tagging;

import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaggableTypesTest {

    @Test
    void knowsTaggableTypesFromTheProviderSdk() {
        assertTrue(TaggableTypes.isTaggable("aws:ec2/vpc:Vpc"));
        assertTrue(TaggableTypes.isTaggable("aws:rds/instance:Instance"));
        assertTrue(TaggableTypes.isTaggable("aws:eks/cluster:Cluster"));
        assertFalse(TaggableTypes.isTaggable("aws:ec2/route:Route"), "routes take no tags");
        assertFalse(TaggableTypes.isTaggable("aws:kms/alias:Alias"));
        assertFalse(TaggableTypes.isTaggable("aws:autoscaling/group:Group"), "tag blocks, not a tag map");
        assertTrue(TaggableTypes.all().size() > 500, "the provider has hundreds of taggable types");
    }

    /** The policy pack reads the committed list; regenerate with bin/gen-taggable-types when the provider changes. */
    @Test
    void policyPackListMatchesTheProvider() throws Exception {
        String committed = Files.readString(StackPlans.PROJECT_DIR.resolve("policy/taggable-types.json"));
        assertEquals(TaggableTypes.toJson(), committed, "policy/taggable-types.json is stale: run bin/gen-taggable-types");
    }
}
