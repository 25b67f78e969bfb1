package com.ultibiker.platform.common;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every customer-managed key has one alias, named after the stack and the key, targeting it. */
class EncryptionKeysTest {

    static final String KEY = "aws:kms/key:Key";
    static final String ALIAS = "aws:kms/alias:Alias";

    @Test
    void devAliasesAreNamedAfterTheStackAndTheKey() {
        assertEquals(new TreeSet<>(List.of(
                        "alias/ultibiker-dev/assets-key",
                        "alias/ultibiker-dev/audit-trail-key",
                        "alias/ultibiker-dev/backup-us-east-1-key",
                        "alias/ultibiker-dev/cache-us-east-1-key",
                        "alias/ultibiker-dev/database-key",
                        "alias/ultibiker-dev/ecr-us-east-1-key",
                        "alias/ultibiker-dev/eks-us-east-1-ebs-key",
                        "alias/ultibiker-dev/eks-us-east-1-logs-key",
                        "alias/ultibiker-dev/eks-us-east-1-secrets-key",
                        "alias/ultibiker-dev/network-us-east-1-flowlogs-key",
                        "alias/ultibiker-dev/observability-us-east-1-key",
                        "alias/ultibiker-dev/timeseries-export-key", "alias/ultibiker-dev/timeseries-key",
                        "alias/ultibiker-dev/uploads-key",
                        "alias/ultibiker-dev/waf-us-east-1-logs-key")),
                StackPlans.dev().ofType(ALIAS).stream().map(a -> (String) a.prop("name")).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Rule over every key of both stacks: exactly one alias {@code alias/ultibiker-<env>/<key name>} targets it. */
    @Test
    void everyKeyHasExactlyOneAliasNamedAfterIt() {
        for (Plan plan : List.of(StackPlans.dev(), StackPlans.prod())) {
            for (PlanResource key : plan.ofType(KEY)) {
                List<PlanResource> aliases = plan.where(a -> a.type().equals(ALIAS) && (key.name() + "-id").equals(a.prop("targetKeyId")));
                assertEquals(1, aliases.size(), key.urn());
                assertEquals("alias/ultibiker-" + plan.stack() + "/" + key.name(), aliases.get(0).prop("name"), key.urn());
            }
            Set<Object> names = plan.ofType(ALIAS).stream().map(a -> a.prop("name")).collect(Collectors.toSet());
            assertEquals(plan.ofType(ALIAS).size(), names.size(), "alias names are unique per account and region");
            assertEquals(plan.ofType(KEY).size(), plan.ofType(ALIAS).size(), plan.stack());
        }
    }
}
