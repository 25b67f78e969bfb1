package com.ultibiker.platform.eks;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.iam.IamFunctions;
import com.pulumi.aws.iam.inputs.GetSessionContextPlainArgs;
import com.pulumi.aws.inputs.GetCallerIdentityPlainArgs;
import com.ultibiker.platform.common.AwsRegion;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who gets cluster-admin through an access entry of its own. The cluster is created with
 * {@code bootstrapClusterCreatorAdminPermissions: false}: EKS would otherwise give the creating identity
 * an entry no code manages, and an entry this program creates for the same principal would be refused
 * ({@code ResourceInUseException}). Instead the identity running {@code pulumi up} (it installs the
 * in-cluster baseline, so it needs admin) is one of the admins, once: not when it already is one of
 * {@code eks.adminPrincipalArns}, and not when it is one of the stack's CI roles, which have entries of their own.
 */
public final class ClusterAdmins {

    /** {@code arn:aws:sts::<account>:assumed-role/<role name>/<session>}: what GetCallerIdentity returns for a role session. */
    static final Pattern ASSUMED_ROLE = Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");

    private ClusterAdmins() {
    }

    /**
     * Principal ARNs that get a {@code admin-<slug>} access entry: the configured admins plus the deployer,
     * each once, in a stable order. {@code automationRoleArns} (the stack's CI roles) get their own entries.
     */
    public static List<String> admins(List<String> adminPrincipalArns, String deployerArn, Set<String> automationRoleArns) {
        Set<String> out = new TreeSet<>(adminPrincipalArns);
        if (!automationRoleArns.contains(deployerArn)) {
            out.add(deployerArn);
        }
        return List.copyOf(out);
    }

    /**
     * The IAM principal behind the credentials running the program: the role (with its path, which the
     * session ARN drops; {@code aws.iam.getSessionContext} looks it up) for a role session, else the caller's
     * ARN as is (an IAM user). An access entry needs the role's ARN, never the session's.
     */
    public static String deployerArn(AwsRegion region) {
        String caller = AwsFunctions.getCallerIdentityPlain(GetCallerIdentityPlainArgs.builder().build(), region.invokeOptions())
                .join().arn();
        if (!ASSUMED_ROLE.matcher(caller).matches()) {
            return caller;
        }
        return IamFunctions.getSessionContextPlain(GetSessionContextPlainArgs.builder().arn(caller).build(), region.invokeOptions())
                .join().issuerArn();
    }

    /** The ARN of a role named {@code roleName} (path {@code /}) in the deployer's account and partition. */
    public static Optional<String> roleArnBeside(String deployerArn, String roleName) {
        var m = Pattern.compile("arn:(aws[a-z-]*):(?:iam|sts)::(\\d{12}):.*").matcher(deployerArn);
        return m.matches() ? Optional.of("arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + roleName) : Optional.empty();
    }
}
