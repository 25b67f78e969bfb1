package com.ultibiker.platform.config;

import com.ultibiker.platform.model.EcrConfig;
import com.ultibiker.platform.model.RegistryReplication;
import com.ultibiker.platform.model.StackConfig;
import com.ultibiker.platform.model.UploadsConfig;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.ultibiker.platform.support.ConfigAssertions.PROJECT;
import static com.ultibiker.platform.support.ConfigAssertions.assertProblem;
import static com.ultibiker.platform.support.ConfigAssertions.onlyProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The uploads and ecr sections: defaults, the stack files' values, and every rule with its message. */
class StorageConfigTest {

    private static Map<String, String> with(String stack, String key, String json) {
        Map<String, String> raw = new HashMap<>(StackPlans.stackFile(stack).projectConfig());
        if (json == null) {
            raw.remove(key);
        } else {
            raw.put(key, json);
        }
        return raw;
    }

    private static StackConfig parse(Map<String, String> raw) {
        return StackConfigParser.parse(PROJECT, raw);
    }

    @Test
    void defaultsFollowTheStandbyRegion() {
        UploadsConfig prod = parse(with("prod", "uploads", null)).uploads();
        assertEquals(30, prod.noncurrentVersionExpirationDays());
        assertEquals(7, prod.abortIncompleteMultipartDays());
        assertTrue(prod.replicate(), "a stack with regions.secondary replicates by default");
        assertFalse(parse(with("dev", "uploads", null)).uploads().replicate(), "dev has no secondary region");
        EcrConfig ecr = parse(with("prod", "ecr", null)).ecr();
        assertEquals(List.of("api", "websocket"), ecr.repositories());
        assertEquals(7, ecr.untaggedExpiryDays());
        assertEquals(30, ecr.keepTaggedImages());
        assertEquals(RegistryReplication.MANAGED, ecr.registryReplication());
        assertEquals(RegistryReplication.NONE, parse(with("dev", "ecr", null)).ecr().registryReplication());
    }

    @Test
    void theStackFilesValues() {
        StackConfig dev = parse(StackPlans.stackFile("dev").projectConfig());
        assertEquals(7, dev.uploads().noncurrentVersionExpirationDays());
        assertEquals(3, dev.uploads().abortIncompleteMultipartDays());
        assertEquals(3, dev.ecr().untaggedExpiryDays());
        assertEquals(10, dev.ecr().keepTaggedImages());
        StackConfig prod = parse(StackPlans.stackFile("prod").projectConfig());
        assertTrue(prod.uploads().replicate());
        assertEquals(RegistryReplication.MANAGED, prod.ecr().registryReplication());
    }

    @Test
    void replicationNeedsASecondaryRegion() {
        assertProblem(onlyProblem(with("dev", "uploads", "{\"replicate\":true}")), "uploads.replicate", "true",
                "false without regions.secondary");
        assertProblem(onlyProblem(with("dev", "ecr", "{\"registryReplication\":\"managed\"}")), "ecr.registryReplication", "\"managed\"",
                "none without regions.secondary");
        assertEquals(RegistryReplication.NONE, parse(with("prod", "ecr", "{\"registryReplication\":\"none\"}")).ecr().registryReplication(),
                "another stack of the account may own the registry's replication");
    }

    @Test
    void daysAndCountsAreRanged() {
        assertProblem(onlyProblem(with("prod", "uploads", "{\"noncurrentVersionExpirationDays\":0}")),
                "uploads.noncurrentVersionExpirationDays", "0", "1");
        assertProblem(onlyProblem(with("prod", "uploads", "{\"abortIncompleteMultipartDays\":3651}")),
                "uploads.abortIncompleteMultipartDays", "3651", "3650");
        assertProblem(onlyProblem(with("prod", "ecr", "{\"untaggedExpiryDays\":0}")), "ecr.untaggedExpiryDays", "0", "1");
        assertProblem(onlyProblem(with("prod", "ecr", "{\"keepTaggedImages\":0}")), "ecr.keepTaggedImages", "0", "1");
    }

    @Test
    void repositoryNamesFitEcrAndResourceNames() {
        assertProblem(onlyProblem(with("prod", "ecr", "{\"repositories\":[\"api\",\"Web_Socket\"]}")), "ecr.repositories[1]", "\"Web_Socket\"",
                "lowercase letters and digits with single hyphens");
        assertProblem(onlyProblem(with("prod", "ecr", "{\"repositories\":[\"api--v2\"]}")), "ecr.repositories[0]", "\"api--v2\"",
                "single hyphens");
        assertProblem(onlyProblem(with("prod", "ecr", "{\"repositories\":[\"api\",\"api\"]}")), "ecr.repositories[1]", "\"api\"",
                "not already in the list");
        assertProblem(onlyProblem(with("prod", "ecr", "{\"registryReplication\":\"both\"}")), "ecr.registryReplication", "\"both\"",
                "managed");
        assertEquals(PROJECT + ":ecr.repository", onlyProblem(with("prod", "ecr", "{\"repository\":[\"api\"]}")).key(),
                "a misspelt key is refused, not ignored");
    }
}
