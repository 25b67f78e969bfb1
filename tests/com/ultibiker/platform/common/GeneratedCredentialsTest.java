package com.ultibiker.platform.common;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Follows every value Secrets Manager's generator produces (answered as AWS would, see
 * {@link AwsPasswordGenerator}) to every resource input it reaches, in both stacks.
 */
class GeneratedCredentialsTest {

    /** What each place a generated value goes accepts, and where that rule comes from. */
    private record Rule(String type, String path, Pattern allowed, String source) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("aws:timestreaminfluxdb/dbInstance:DbInstance", "password", Pattern.compile("[a-zA-Z0-9]{8,64}"),
                    "Timestream for InfluxDB CreateDbInstance password; terraform-provider-aws timestreaminfluxdb/db_instance.go "
                            + "LengthBetween(8, 64) and ^[a-zA-Z0-9]+$"),
            new Rule("aws:rds/instance:Instance", "password", Pattern.compile("[\\x21\\x23-\\x2E\\x30-\\x3F\\x41-\\x7E]{8,128}"),
                    "RDS CreateDBInstance MasterUserPassword: RDS for PostgreSQL 8-128 printable ASCII characters except / \" @ and space"),
            new Rule("aws:secretsmanager/secretVersion:SecretVersion", "secretString", Pattern.compile("[\\x20-\\x7E]{1,65536}"),
                    "Secrets Manager PutSecretValue SecretString: 1-65536 characters"),
            new Rule("kubernetes:core/v1:Secret", "stringData.admin-password", Pattern.compile("[\\x21-\\x7E]{8,72}"),
                    "InfluxDB 2 user passwords: at least 8 characters (bcrypt uses 72); Grafana admin password"),
            new Rule("kubernetes:core/v1:Secret", "stringData.admin-token", Pattern.compile("[\\x21-\\x7E]{16,}"),
                    "InfluxDB API token, sent in an HTTP Authorization header: no spaces"));

    @Test
    void everyGeneratedValueMeetsTheRuleOfEveryInputItReaches() {
        for (String stack : List.of("dev", "prod")) {
            CredentialPlan plan = CredentialPlan.of(stack);
            assertFalse(plan.generated.isEmpty(), stack + " generates credentials");
            Map<String, Integer> uses = new LinkedHashMap<>();
            for (CredentialPlan.Registration r : plan.registrations) {
                leaves(r.inputs(), "").forEach((path, value) -> {
                    for (String generated : plan.generated) {
                        if (!value.contains(generated)) {
                            continue;
                        }
                        Rule rule = RULES.stream().filter(x -> x.type().equals(r.type()) && x.path().equals(path)).findFirst()
                                .orElseGet(() -> fail(stack + ": a generated value reaches " + r.type() + " " + r.name() + "." + path
                                        + ", which has no rule here: add what that input accepts, with its source"));
                        String used = rule.type().endsWith("SecretVersion") ? value : generated;
                        assertTrue(rule.allowed().matcher(used).matches(), stack + " " + r.name() + "." + path + " = " + used
                                + " breaks: " + rule.source());
                        uses.merge(r.type() + "." + path, 1, Integer::sum);
                    }
                });
            }
            // Each generated value is stored, and reaches at least one consumer besides its secret version.
            assertEquals(plan.generated.size(), uses.get("aws:secretsmanager/secretVersion:SecretVersion.secretString"), stack);
        }
    }

    @Test
    void devAndProdHandTheGeneratedCredentialsToTheConsumersTheyAreFor() {
        CredentialPlan prod = CredentialPlan.of("prod");
        assertEquals(Set.of("aws:rds/instance:Instance", "aws:timestreaminfluxdb/dbInstance:DbInstance", "kubernetes:core/v1:Secret"),
                consumers(prod), "prod: the master password, the Timestream admin password, Grafana's password");
        CredentialPlan dev = CredentialPlan.of("dev");
        assertEquals(Set.of("aws:rds/instance:Instance", "kubernetes:core/v1:Secret"), consumers(dev),
                "dev: the master password; InfluxDB and Grafana on the cluster");
    }

    /**
     * A rotation is a new draw of a generated value (its secret version replaced). It may change inputs
     * that AWS or Kubernetes updates in place; an input that forces replacement must be ignored by its
     * resource, or a rotation would replace a database. Every input a draw changes must be classified.
     */
    @Test
    void aRotationReplacesNoResource() {
        // (type, input) a new value is applied to in place, and where that is documented.
        Map<String, String> inPlace = Map.of(
                "aws:rds/instance:Instance.password", "ModifyDBInstance MasterUserPassword: applied asynchronously, no outage",
                "kubernetes:core/v1:Secret.stringData", "a Secret's data is updated in place",
                "aws:secretsmanager/secretVersion:SecretVersion.secretString", "the version a rotation replaces on purpose");
        // (type, input) whose change replaces the resource: terraform-provider-aws RequiresReplace.
        Set<String> replaces = Set.of("aws:timestreaminfluxdb/dbInstance:DbInstance.password");
        for (String stack : List.of("dev", "prod")) {
            Plan plan = stack.equals("dev") ? StackPlans.dev() : StackPlans.prod();
            CredentialPlan before = CredentialPlan.of(stack);
            CredentialPlan after = CredentialPlan.run(StackPlans.stackFile(stack), 1000);
            Map<String, CredentialPlan.Registration> old = new LinkedHashMap<>();
            before.registrations.forEach(r -> old.put(r.type() + "::" + r.name(), r));
            List<String> changed = new ArrayList<>();
            for (CredentialPlan.Registration r : after.registrations) {
                CredentialPlan.Registration was = old.get(r.type() + "::" + r.name());
                for (String input : r.inputs().keySet()) {
                    if (was == null || Objects.equals(was.inputs().get(input), r.inputs().get(input))) {
                        continue;
                    }
                    String key = r.type() + "." + input;
                    changed.add(key);
                    if (replaces.contains(key)) {
                        PlanResource resource = plan.require(r.type(), r.name());
                        assertTrue(resource.ignoreChanges().contains(input), stack + " " + r.name() + ": a rotation changes "
                                + input + ", which replaces the resource; it must be in ignoreChanges");
                    } else if (!inPlace.containsKey(key)) {
                        fail(stack + " " + r.name() + ": a rotation changes " + key + "; say whether it is updated in place or replaces");
                    }
                }
            }
            assertTrue(changed.contains("aws:rds/instance:Instance.password"), stack + " rotates the master password in place");
        }
    }

    private static Set<String> consumers(CredentialPlan plan) {
        Set<String> types = new java.util.TreeSet<>();
        for (CredentialPlan.Registration r : plan.registrations) {
            if (r.type().endsWith("SecretVersion")) {
                continue;
            }
            leaves(r.inputs(), "").values().forEach(v -> plan.generated.stream().filter(v::contains).findAny().ifPresent(g -> types.add(r.type())));
        }
        return types;
    }

    /** Every string leaf of the inputs by its dotted path (list indices left out). */
    private static Map<String, String> leaves(Object value, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.putAll(leaves(v, path.isEmpty() ? String.valueOf(k) : path + "." + k)));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> leaves(v, path).forEach((p, s) -> out.merge(p, s, (a, b) -> a + "\n" + b)));
        } else if (value instanceof String s) {
            out.put(path, s);
        }
        return out;
    }
}
