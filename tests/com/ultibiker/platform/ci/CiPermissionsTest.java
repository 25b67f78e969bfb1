package com.ultibiker.platform.ci;

import com.pulumi.test.Mocks;
import com.ultibiker.platform.PlatformStack;
import com.ultibiker.platform.config.StackFile;
import com.ultibiker.platform.config.StackFileLoader;
import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;
import com.ultibiker.platform.plan.PlanRunner;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 items 1-3, as rules over what the program really does: from every stack's plan (the committed
 * stacks and variants that switch on what they leave off), the resource types it registers and the invokes
 * it makes (recorded at the mock engine), and for each CI role whether its generated policies allow what its
 * runs call: the preview role every read and invoke (a preview runs the program, so every invoke, e.g.
 * secretsmanager:GetRandomPassword), the drift role a refresh including content, the deploy role an update.
 * A resource type or invoke without an entry in resources/ci/aws-actions.json fails here.
 */
class CiPermissionsTest {

    /** Content reads a pull-request job must never have (the account's data, issue 14 item 2). */
    static final List<String> CONTENT_READS = List.of("s3:GetObject", "s3:GetObjectVersion", "dynamodb:GetItem", "dynamodb:Scan",
            "dynamodb:Query", "dynamodb:BatchGetItem", "sqs:ReceiveMessage", "secretsmanager:GetSecretValue",
            "secretsmanager:BatchGetSecretValue", "kms:Decrypt", "ssm:GetParameter", "ssm:GetParameters", "logs:GetLogEvents",
            "logs:FilterLogEvents", "rds-data:ExecuteStatement", "ec2:GetPasswordData", "kinesis:GetRecords");

    /** A plan and the invoke tokens its program called. */
    record Run(String label, Plan plan, Set<String> invokes) {
    }

    /** Records each invoke's token, answering as the plan's mocks do. */
    static final class RecordingInvokes implements Mocks {
        final Mocks delegate;
        final Set<String> tokens = ConcurrentHashMap.newKeySet();

        RecordingInvokes(Mocks delegate) {
            this.delegate = delegate;
        }

        @Override
        public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
            return delegate.newResourceAsync(args);
        }

        @Override
        public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
            tokens.add(args.token);
            return delegate.callAsync(args);
        }
    }

    static Run run(String label, StackFile file) {
        var recorder = new java.util.concurrent.atomic.AtomicReference<RecordingInvokes>();
        Plan plan = PlanRunner.run(file, PlatformStack::stack, mocks -> {
            recorder.set(new RecordingInvokes(mocks));
            return recorder.get();
        });
        return new Run(label, plan, Set.copyOf(recorder.get().tokens));
    }

    private static final class Runs {
        static final List<Run> ALL = build();

        static List<Run> build() {
            List<Run> runs = new ArrayList<>();
            for (String stack : StackFileLoader.stacks(StackPlans.PROJECT_DIR)) {
                runs.add(run(stack, StackPlans.stackFile(stack)));
            }
            runs.add(run("dev without the in-cluster time series", StackPlans.withConfig("dev",
                    Map.of("timeseries", "{\"engine\":\"timestream\",\"instanceClass\":\"db.influx.medium\",\"storageGib\":20}"))));
            return List.copyOf(runs);
        }
    }

    static List<Run> runs() {
        return Runs.ALL;
    }

    static boolean needsIam(String type) {
        return type.startsWith("aws:");
    }

    @Test
    void everyResourceTypeAndInvokeOfEveryPlanHasItsActionsInTheTable() {
        ActionTable table = ActionTable.load();
        List<String> missing = new ArrayList<>();
        for (Run run : runs()) {
            run.plan().resources().stream().map(PlanResource::type).filter(CiPermissionsTest::needsIam).distinct()
                    .filter(t -> !table.types().containsKey(t))
                    .forEach(t -> missing.add(run.label() + ": resource type " + t));
            run.invokes().stream().filter(i -> !table.invokes().containsKey(i))
                    .forEach(i -> missing.add(run.label() + ": invoke " + i));
        }
        assertEquals(List.of(), missing.stream().distinct().toList(),
                "add the provider's actions for these to resources/ci/aws-actions.json (read / write / data)");
        assertTrue(runs().stream().anyMatch(r -> r.invokes().contains("aws:secretsmanager/getRandomPassword:getRandomPassword")),
                "the plans record invokes (the generated passwords call GetRandomPassword on every run)");
    }

    /** {@code SomeFunctions.getThing(} or {@code getThingPlain(} in the program's sources: every invoke it can make. */
    private static final java.util.regex.Pattern INVOKE_CALL = java.util.regex.Pattern.compile("\\b(\\w+)Functions\\.(get\\w+?)(Plain)?\\(");

    @Test
    void everyInvokeTheSourcesCanMakeHasItsActionsInTheTable() throws java.io.IOException {
        ActionTable table = ActionTable.load();
        Set<String> tokens = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(StackPlans.PROJECT_DIR.resolve("src"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = INVOKE_CALL.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    String module = m.group(1).equals("Aws") ? "index" : m.group(1).toLowerCase(java.util.Locale.ROOT);
                    tokens.add("aws:" + module + "/" + m.group(2) + ":" + m.group(2));
                }
            }
        }
        assertTrue(tokens.contains("aws:secretsmanager/getRandomPassword:getRandomPassword"), tokens.toString());
        assertEquals(List.of(), tokens.stream().filter(t -> !table.invokes().containsKey(t)).toList(),
                "invokes a later up makes (existing clusters, node groups, roles) need their actions too");
    }

    /**
     * Invokes the provider answers without calling AWS (terraform-provider-aws: aws_partition and aws_region
     * from its endpoint tables, aws_elb_service_account from a static table; aws_caller_identity calls
     * sts:GetCallerIdentity, which IAM never denies): only these may have no actions.
     */
    static final Set<String> LOCAL_INVOKES = Set.of("aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getPartition:getPartition", "aws:index/getRegion:getRegion", "aws:elb/getServiceAccount:getServiceAccount");

    @Test
    void onlyInvokesThatCallNoAwsApiHaveNoActions() {
        ActionTable table = ActionTable.load();
        assertEquals(List.of(), table.invokes().entrySet().stream()
                .filter(e -> e.getValue().isEmpty() && !LOCAL_INVOKES.contains(e.getKey())).map(Map.Entry::getKey).sorted().toList(),
                "an invoke that calls AWS lists the actions it calls");
        assertEquals(List.of(), table.types().entrySet().stream()
                .filter(e -> e.getValue().read().isEmpty()).map(Map.Entry::getKey).sorted().toList(),
                "every resource type is read by a refresh");
    }

    /** The actions a plan's runs call: reads for a refresh, plus invokes; and what an update adds. */
    static Set<String> reads(Run run, ActionTable table) {
        Set<String> out = new TreeSet<>();
        types(run).forEach(t -> out.addAll(table.types().get(t).read()));
        run.invokes().forEach(i -> out.addAll(table.invokes().get(i)));
        return out;
    }

    static Set<String> contentReads(Run run, ActionTable table) {
        Set<String> out = new TreeSet<>();
        types(run).forEach(t -> out.addAll(table.types().get(t).data()));
        return out;
    }

    static Set<String> writes(Run run, ActionTable table) {
        Set<String> out = new TreeSet<>();
        types(run).forEach(t -> out.addAll(table.types().get(t).write()));
        out.addAll(table.deployAlways());
        return out;
    }

    private static Set<String> types(Run run) {
        Set<String> out = new TreeSet<>();
        run.plan().resources().stream().map(PlanResource::type).filter(CiPermissionsTest::needsIam).forEach(out::add);
        return out;
    }

    private static String roleName(Run run, String purpose) {
        return (String) run.plan().require(CiRoles.ROLE, "ci-" + purpose + "-role").prop("name");
    }

    private static List<Run> ciRuns() {
        return runs().stream().filter(r -> r.plan().named(CiRoles.ROLE, "ci-deploy-role").isPresent()).toList();
    }

    /** Whether pull requests may assume the run's preview role (then it must read no content). */
    private static boolean pullRequestsMayAssume(Run run) {
        return String.valueOf(run.plan().require(CiRoles.ROLE, "ci-preview-role").prop("assumeRolePolicy")).contains(":pull_request");
    }

    @Test
    void thePreviewRoleMayCallEveryReadAndInvokeOfItsStackAndReadsNoContentWherePullRequestsReachIt() {
        ActionTable table = ActionTable.load();
        assertFalse(ciRuns().isEmpty());
        assertTrue(ciRuns().stream().anyMatch(CiPermissionsTest::pullRequestsMayAssume), "dev's preview role serves pull requests");
        for (Run run : ciRuns()) {
            List<String> docs = CiRoles.documents(run.plan(), roleName(run, "preview"));
            List<String> boundary = List.of(CiRoles.boundary(run.plan()));
            for (String action : reads(run, table)) {
                assertTrue(PolicyEvaluation.allows(docs, action), run.label() + ": preview role lacks " + action);
                assertTrue(PolicyEvaluation.allows(boundary, action), run.label() + ": the boundary cuts " + action);
            }
            assertTrue(PolicyEvaluation.allows(docs, "secretsmanager:GetRandomPassword"), run.label());
            assertEquals(List.of(), CiRoles.attachedArns(run.plan(), roleName(run, "preview")).stream()
                    .filter(a -> a.startsWith("arn:aws:iam::aws:")).toList(), "no AWS managed policy (ReadOnlyAccess reads every object)");
            if (pullRequestsMayAssume(run)) {
                for (String content : CONTENT_READS) {
                    assertFalse(PolicyEvaluation.allows(docs, content), run.label() + ": a pull request could read " + content);
                }
            } else {
                // Gated by a preview environment: it runs the drift check, whose refresh reads the secret versions.
                contentReads(run, table).forEach(a -> assertTrue(PolicyEvaluation.allows(docs, a), run.label() + ": lacks " + a));
                String stackSecrets = "arn:aws:secretsmanager:*:123456789012:secret:ultibiker/" + run.plan().stack() + "/*";
                for (String doc : docs) {
                    for (var st : PolicyEvaluation.statements(doc)) {
                        if (PolicyEvaluation.strings(st.get("Action")).contains("secretsmanager:GetSecretValue")) {
                            assertEquals(List.of(stackSecrets), PolicyEvaluation.strings(st.get("Resource")), run.label());
                        }
                    }
                }
                for (String content : List.of("s3:GetObject", "dynamodb:GetItem", "sqs:ReceiveMessage")) {
                    assertFalse(PolicyEvaluation.allows(docs, content), run.label() + ": " + content);
                }
            }
        }
    }

    @Test
    void theDeployRoleMayCallEveryReadWriteAndInvokeOfItsStackWithoutAdministratorAccess() {
        ActionTable table = ActionTable.load();
        for (Run run : ciRuns()) {
            String deploy = roleName(run, "deploy");
            List<String> docs = CiRoles.documents(run.plan(), deploy);
            List<String> boundary = List.of(CiRoles.boundary(run.plan()));
            Set<String> needed = reads(run, table);
            needed.addAll(contentReads(run, table));
            needed.addAll(writes(run, table));
            // Left to an administrator on purpose (docs/ci-permissions.md): the program never changes a role's boundary.
            assertEquals(List.of("iam:PutRolePermissionsBoundary"), CiPolicies.ADMINISTRATOR_ONLY);
            CiPolicies.ADMINISTRATOR_ONLY.forEach(a -> assertFalse(PolicyEvaluation.allows(docs, a), run.label() + ": " + a + " is an administrator's"));
            needed.removeAll(CiPolicies.ADMINISTRATOR_ONLY);
            for (String action : needed) {
                assertTrue(PolicyEvaluation.allows(docs, action), run.label() + ": deploy role lacks " + action);
                assertTrue(PolicyEvaluation.allows(boundary, action), run.label() + ": the boundary cuts " + action);
            }
            assertFalse(CiRoles.attachedArns(run.plan(), deploy).contains("arn:aws:iam::aws:policy/AdministratorAccess"), run.label());
            for (String doc : docs) {
                for (var st : PolicyEvaluation.statements(doc)) {
                    assertFalse(PolicyEvaluation.strings(st.get("Action")).stream().anyMatch(a -> a.equals("*") || a.endsWith(":*")),
                            run.label() + ": the deploy role's policies name actions, no service wildcards: " + st);
                }
            }
        }
    }

    @Test
    void administratorAccessIsAnExplicitOptIn() {
        String ci = StackPlans.stackFile("dev").projectConfig().get("ci");
        Plan plan = StackPlans.runWith("dev", Map.of("ci", ci.replace("}", ",\"deployPolicyArns\":[\"arn:aws:iam::aws:policy/AdministratorAccess\"]}")));
        assertTrue(CiRoles.attachedArns(plan, "ultibiker-dev-github-deploy").contains("arn:aws:iam::aws:policy/AdministratorAccess"));
        assertEquals("arn:aws:iam::123456789012:policy/ultibiker-dev-permissions-boundary",
                plan.require(CiRoles.ROLE, "ci-deploy-role").prop("permissionsBoundary"), "capped by the boundary all the same");
    }
}
