package com.ultibiker.platform.config;

import com.ultibiker.platform.model.AuditConfig;
import com.ultibiker.platform.model.AuditMode;
import com.ultibiker.platform.model.StackConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One AWS account, two stacks' account-wide audit services (pure, except {@link #siblings}): GuardDuty has one detector
 * per account and region (CreateDetector fails with BadRequestException: "The request is rejected because a detector
 * already exists for the current account") and Security Hub one subscription (EnableSecurityHub:
 * ResourceConflictException "Account is already subscribed to Security Hub"). When dev and prod share an account, only
 * one of them may say {@code stack} for each region; the other says {@code organization}. The account is the one
 * {@link CiAccountSharing#account} knows ({@code ci.accountId}, or the account of {@code ci.oidcProviderArn}); without it
 * nothing is compared, and the README's first-deploy check ({@code aws guardduty list-detectors}) is the guard.
 */
public final class AuditAccountSharing {

    private AuditAccountSharing() {
    }

    /** Problems of {@code stack}'s audit section against the other stacks of the repository ({@code others}, by name). */
    public static List<ConfigProblem> problems(String project, String stack, StackConfig own, Map<String, StackConfig> others) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<String> account = CiAccountSharing.account(own.ci());
        if (account.isEmpty()) {
            return problems;
        }
        others.forEach((other, config) -> {
            if (other.equals(stack) || !account.equals(CiAccountSharing.account(config.ci()))) {
                return;
            }
            check(project, "guardDuty", "one GuardDuty detector per account and region", AuditConfig::guardDuty,
                    stack, own, other, config, account.get(), problems);
            check(project, "securityHub", "one Security Hub subscription per account and region", AuditConfig::securityHub,
                    stack, own, other, config, account.get(), problems);
        });
        return problems;
    }

    private static void check(String project, String key, String limit, Function<AuditConfig, AuditMode> piece, String stack,
                              StackConfig own, String other, StackConfig config, String account, List<ConfigProblem> problems) {
        if (!piece.apply(own.audit()).byStack() || !piece.apply(config.audit()).byStack()) {
            return;
        }
        TreeSet<String> shared = new TreeSet<>(own.regionList());
        shared.retainAll(config.regionList());
        if (shared.isEmpty()) {
            return;
        }
        problems.add(new ConfigProblem(project + ":audit." + key,
                "stack (stacks " + stack + " and " + other + " both create it in account " + account + ", regions " + shared + ")",
                "organization in one of them: " + limit + ", so the second stack's first up would fail"));
    }

    /** Throws when {@link #problems} finds any. */
    public static void refuse(String project, String stack, StackConfig own, Map<String, StackConfig> others) {
        List<ConfigProblem> problems = problems(project, stack, own, others);
        if (!problems.isEmpty()) {
            throw new ConfigException("Two stacks' audit services in one AWS account:", problems);
        }
    }

    /** The other stack files' configurations. A stack file that does not parse is left out: its own run reports it. */
    public static Map<String, StackConfig> siblings(Path projectDir, String stack) {
        Map<String, StackConfig> out = new LinkedHashMap<>();
        for (String other : StackFileLoader.stacks(projectDir)) {
            if (other.equals(stack)) {
                continue;
            }
            try {
                var file = StackFileLoader.load(projectDir, other);
                out.put(other, StackConfigParser.parse(file.project(), file.projectConfig()));
            } catch (RuntimeException e) {
                // Reported by that stack's own run.
            }
        }
        return out;
    }
}
