package com.ultibiker.platform.config;

import com.ultibiker.platform.model.CiConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One AWS account, two stacks' CI (pure, except {@link #siblings}): when two stacks of this repository enable
 * CI in the same account and a deploy role there holds account-wide rights, the unreviewed environment (dev)
 * can change the reviewed one's resources (prod) without its approval. That is refused, naming both stacks;
 * separate accounts per stack are the default (docs/ci-setup.md).
 *
 * <p>A stack's CI account is {@code ci.accountId}, else the account of {@code ci.oidcProviderArn} (a second
 * stack in an account names the first one's provider); without either it is unknown and nothing is compared.
 * Account-wide: the deploy role's generated policies (docs/ci-permissions.md: most services' actions on any
 * resource of the stack's regions) and any AWS managed policy among {@code ci.deployPolicyArns} (the
 * AdministratorAccess opt-in); neither is scoped to one stack's resources.
 */
public final class CiAccountSharing {

    private static final Pattern ARN_ACCOUNT = Pattern.compile("arn:aws(?:-[a-z]+)*:iam::([0-9]{12}):.*");
    private static final Pattern AWS_MANAGED_POLICY = Pattern.compile("arn:aws(?:-[a-z]+)*:iam::aws:policy/.*");

    private CiAccountSharing() {
    }

    /** The AWS account of a stack's CI roles, when the config says it. */
    public static Optional<String> account(CiConfig ci) {
        return ci.accountId().or(() -> ci.oidcProviderArn().map(ARN_ACCOUNT::matcher).filter(Matcher::matches).map(m -> m.group(1)));
    }

    /** The deploy role's managed policies that reach every resource of the account. */
    public static List<String> accountWidePolicies(CiConfig ci) {
        List<String> out = new ArrayList<>();
        out.add("the generated deploy policies");
        ci.deployPolicyArns().stream().filter(arn -> AWS_MANAGED_POLICY.matcher(arn).matches()).forEach(out::add);
        return out;
    }

    /** Problems of {@code stack}'s CI against the other stacks of the repository ({@code others}, by stack name). */
    public static List<ConfigProblem> problems(String project, String stack, CiConfig own, Map<String, CiConfig> others) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> account = account(own);
        if (!own.enabled() || account.isEmpty()) {
            return problems;
        }
        others.forEach((other, ci) -> {
            if (other.equals(stack) || !ci.enabled() || !account.equals(account(ci))) {
                return;
            }
            List<String> wide = new ArrayList<>(accountWidePolicies(own).stream().map(arn -> stack + ": " + arn).toList());
            wide.addAll(accountWidePolicies(ci).stream().map(arn -> other + ": " + arn).toList());
            if (wide.isEmpty()) {
                return;
            }
            problems.add(new ConfigProblem(project + ":ci.accountId",
                    account.get() + " (stacks " + stack + " and " + other + " both enable CI in this account, with account-wide "
                            + "deploy rights " + String.join(", ", wide) + ")",
                    "one AWS account per stack (docs/ci-setup.md, \"One account per stack\"): a job of GitHub environment "
                            + own.githubEnvironment() + " could change " + other + "'s resources without " + ci.githubEnvironment()
                            + "'s approval, and the reverse; or deploy policies scoped to each stack's resources in "
                            + "ci.deployPolicyArns of both stacks"));
        });
        return problems;
    }

    /** Throws when {@link #problems} finds any. */
    public static void refuse(String project, String stack, CiConfig own, Map<String, CiConfig> others) {
        List<ConfigProblem> problems = problems(project, stack, own, others);
        if (!problems.isEmpty()) {
            throw new ConfigException("Two stacks' CI in one AWS account:", problems);
        }
    }

    /**
     * The CI sections of the project's other stack files. A stack file that does not parse is left out: its own
     * plan or deploy reports it.
     */
    public static Map<String, CiConfig> siblings(Path projectDir, String stack) {
        Map<String, CiConfig> out = new LinkedHashMap<>();
        for (String other : StackFileLoader.stacks(projectDir)) {
            if (other.equals(stack)) {
                continue;
            }
            try {
                var file = StackFileLoader.load(projectDir, other);
                out.put(other, StackConfigParser.parse(file.project(), file.projectConfig()).ci());
            } catch (RuntimeException e) {
                // Reported by that stack's own run.
            }
        }
        return out;
    }
}
