package com.ultibiker.platform.plan;

import com.pulumi.test.Mocks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the mock engine as the provider and AWS would: each resource gets its inputs back as state,
 * plus the id and the computed attributes AWS gives, in AWS's formats (see {@link ComputedAttributes}). Invokes the program makes are answered with fixed,
 * documented values; an invoke without an answer fails loudly instead of returning nothing.
 */
public final class PlanMocks implements Mocks {

    public static final String ACCOUNT_ID = "123456789012";

    private static final Map<String, String> ELB_ACCOUNTS = Map.of(
            "us-east-1", "127311923021", "us-east-2", "033677994240", "us-west-2", "797873946194",
            "eu-west-1", "156460612806", "eu-central-1", "054676820928");

    private final String defaultRegion;
    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();

    public PlanMocks(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        if (args.type.startsWith("pulumi:providers:")) {
            Object region = args.inputs.get("region");
            providerRegions.put(args.name, region == null ? defaultRegion : String.valueOf(region));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name + "-id"), new LinkedHashMap<>(args.inputs)));
        }
        var answer = ComputedAttributes.answer(args.type, args.name, regionOf(args.provider), ACCOUNT_ID, args.inputs);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(answer.id()), answer.state()));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        String region = regionOf(args.provider);
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", ACCOUNT_ID, "arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/plan", "userId", "PLAN", "id", ACCOUNT_ID);
            case "aws:index/getPartition:getPartition" -> Map.of(
                    "partition", "aws", "dnsSuffix", "amazonaws.com", "reverseDnsPrefix", "com.amazonaws", "id", "aws");
            case "aws:index/getRegion:getRegion" -> Map.of("name", region, "id", region, "region", region,
                    "endpoint", "ec2." + region + ".amazonaws.com", "description", region);
            // The offline plan is a first up: the account has no EKS cluster yet.
            case "aws:eks/getClusters:getClusters" -> Map.of("names", java.util.List.of(), "id", region);
            case "aws:eks/getAddonVersion:getAddonVersion" -> Map.of(
                    "addonName", args.args.get("addonName"), "kubernetesVersion", args.args.get("kubernetesVersion"),
                    "version", "v0.0.0-eksbuild.plan", "id", String.valueOf(args.args.get("addonName")));
            case "aws:elb/getServiceAccount:getServiceAccount" -> {
                // The regional ELB log-delivery account (AWS ELB user guide); only asked for regions that have one.
                String elbAccount = ELB_ACCOUNTS.getOrDefault(region, "127311923021");
                yield Map.of("arn", "arn:aws:iam::" + elbAccount + ":root", "id", elbAccount, "region", region);
            }
            // A fixed, obviously fake value: the plan must be reproducible, and nothing real is generated offline.
            case "aws:secretsmanager/getRandomPassword:getRandomPassword" -> Map.of(
                    "randomPassword", "plan-generated-" + ((Number) args.args.getOrDefault("passwordLength", 32)).intValue(), "id", region);
            default -> throw new UnsupportedOperationException("the offline plan has no answer for invoke '" + args.token
                    + "'; add one to " + PlanMocks.class.getName());
        };
        return CompletableFuture.completedFuture(result);
    }

    /** The region of a provider reference {@code <provider urn>::<id>}; the default region when empty. */
    String regionOf(String providerRef) {
        if (providerRef == null || providerRef.isEmpty()) {
            return defaultRegion;
        }
        String urn = providerRef.substring(0, providerRef.lastIndexOf("::"));
        String name = urn.substring(urn.lastIndexOf("::") + 2);
        return providerRegions.getOrDefault(name, defaultRegion);
    }
}
