package com.ultibiker.platform.plan;

import java.util.List;
import java.util.Map;

/**
 * Attributes AWS computes that the program reads from other resources (ARNs, endpoints, ...), given
 * deterministic placeholder values so that dependent inputs are visible in the plan. Values are
 * obviously fake ({@code 123456789012}, {@code <name>-id}) and documented in the README.
 */
final class ComputedAttributes {

    private ComputedAttributes() {
    }

    static void add(String type, String name, String id, String region, String account, Map<String, Object> inputs,
                    Map<String, Object> state) {
        String service = type.startsWith("aws:") ? type.substring(4, type.indexOf('/')) : "";
        if (type.startsWith("aws:")) {
            state.putIfAbsent("arn", "arn:aws:" + service + ":" + region + ":" + account + ":" + name);
        }
        switch (type) {
            case "aws:kms/key:Key" -> {
                state.put("arn", "arn:aws:kms:" + region + ":" + account + ":key/" + id);
                state.put("keyId", id);
            }
            case "aws:iam/role:Role" -> {
                Object roleName = inputs.getOrDefault("name", name);
                state.put("arn", "arn:aws:iam::" + account + ":role/" + roleName);
                state.putIfAbsent("name", roleName);
            }
            case "aws:iam/policy:Policy" -> state.put("arn", "arn:aws:iam::" + account + ":policy/" + name);
            case "aws:cloudwatch/logGroup:LogGroup" -> state.put("arn",
                    "arn:aws:logs:" + region + ":" + account + ":log-group:" + inputs.getOrDefault("name", name));
            case "aws:ec2/vpc:Vpc" -> {
                state.putIfAbsent("defaultSecurityGroupId", name + "-default-sg-id");
                if (Boolean.TRUE.equals(inputs.get("assignGeneratedIpv6CidrBlock"))) {
                    // An Amazon-provided /56, distinct per VPC (documentation prefix 2001:db8::/32).
                    state.put("ipv6CidrBlock", String.format("2001:db8:%x:%x00::/56",
                            Math.abs(name.hashCode()) % 0xffff, Math.abs(name.hashCode() / 7) % 0xff));
                }
            }
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                Object bucket = inputs.getOrDefault("bucket", name);
                state.put("bucket", bucket);
                state.put("arn", "arn:aws:s3:::" + bucket);
                state.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
            }
            case "aws:sns/topic:Topic" -> state.put("arn", "arn:aws:sns:" + region + ":" + account + ":" + name);
            case "aws:eks/cluster:Cluster" -> {
                state.put("endpoint", "https://" + id + ".gr7." + region + ".eks.amazonaws.com");
                state.put("certificateAuthority", Map.of("data", "UExBTi1DQQ=="));
                state.put("identities", List.of(Map.of("oidcs", List.of(
                        Map.of("issuer", "https://oidc.eks." + region + ".amazonaws.com/id/" + id.toUpperCase())))));
                state.put("vpcConfig", withEntry(inputs.get("vpcConfig"), "clusterSecurityGroupId", name + "-cluster-sg-id"));
                state.putIfAbsent("name", name);
            }
            case "aws:ec2/launchTemplate:LaunchTemplate" -> {
                state.putIfAbsent("latestVersion", 1);
                state.putIfAbsent("defaultVersion", 1);
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> state.put("arn", "arn:aws:iam::" + account
                    + ":oidc-provider/" + String.valueOf(inputs.getOrDefault("url", name)).replaceFirst("^https://", ""));
            case "aws:rds/instance:Instance" -> {
                Object identifier = inputs.getOrDefault("identifier", name);
                state.put("arn", "arn:aws:rds:" + region + ":" + account + ":db:" + identifier);
                state.put("address", identifier + ".cplan0000000." + region + ".rds.amazonaws.com");
                state.put("endpoint", identifier + ".cplan0000000." + region + ".rds.amazonaws.com:5432");
                state.putIfAbsent("port", 5432);
                state.put("resourceId", "db-PLAN" + Integer.toHexString(String.valueOf(identifier).hashCode()).toUpperCase());
                // Only an instance that manages its master password has a secret (replicas do not).
                if (Boolean.TRUE.equals(inputs.get("manageMasterUserPassword"))) {
                    state.put("masterUserSecrets", List.of(Map.of(
                            "secretArn", "arn:aws:secretsmanager:" + region + ":" + account + ":secret:rds!" + identifier + "-AbCdEf",
                            "kmsKeyId", String.valueOf(inputs.getOrDefault("masterUserSecretKmsKeyId", "")),
                            "secretStatus", "active")));
                }
                state.putIfAbsent("identifier", identifier);
            }
            case "aws:rds/subnetGroup:SubnetGroup", "aws:rds/parameterGroup:ParameterGroup",
                 "aws:elasticache/subnetGroup:SubnetGroup", "aws:elasticache/parameterGroup:ParameterGroup" ->
                    state.putIfAbsent("name", name); // auto-named by the provider (name plus a random suffix)
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                Object groupId = inputs.getOrDefault("replicationGroupId", name);
                state.put("arn", "arn:aws:elasticache:" + region + ":" + account + ":replicationgroup:" + groupId);
                state.put("primaryEndpointAddress", "master." + groupId + ".plan00." + region + ".cache.amazonaws.com");
                state.put("readerEndpointAddress", "replica." + groupId + ".plan00." + region + ".cache.amazonaws.com");
                state.putIfAbsent("port", 6379);
            }
            case "aws:elasticache/user:User" -> state.put("arn",
                    "arn:aws:elasticache:" + region + ":" + account + ":user:" + inputs.getOrDefault("userId", name));
            case "aws:elasticache/userGroup:UserGroup" -> state.put("arn",
                    "arn:aws:elasticache:" + region + ":" + account + ":usergroup:" + inputs.getOrDefault("userGroupId", name));
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                state.put("dnsName", name + "-1234567890." + region + ".elb.amazonaws.com");
                state.put("zoneId", "Z35SXDOTRQ7X7K");
                state.put("arnSuffix", "app/" + name + "/" + id);
            }
            case "aws:route53/record:Record" -> state.put("fqdn", String.valueOf(inputs.getOrDefault("name", name)).replaceAll("\\.$", ""));
            case "aws:acm/certificateValidation:CertificateValidation" -> state.put("certificateArn", inputs.get("certificateArn"));
            case "aws:route53/zone:Zone" -> {
                state.put("zoneId", "Z" + Integer.toHexString(name.hashCode()).toUpperCase() + "PLAN");
                state.put("nameServers", List.of("ns-1.awsdns-00.org", "ns-2.awsdns-00.net"));
            }
            case "aws:acm/certificate:Certificate" -> {
                // One validation record per name: the domain and every subject alternative name.
                List<Object> names = new java.util.ArrayList<>();
                names.add(inputs.getOrDefault("domainName", name));
                if (inputs.get("subjectAlternativeNames") instanceof List<?> sans) {
                    sans.stream().filter(n -> !names.contains(n)).forEach(names::add);
                }
                state.put("domainValidationOptions", names.stream().map(domain -> Map.of(
                        "domainName", domain, "resourceRecordName", "_plan." + domain + ".",
                        "resourceRecordType", "CNAME", "resourceRecordValue", "_plan.acm-validations.aws.")).toList());
            }
            case "aws:timestreaminfluxdb/dbInstance:DbInstance" -> {
                state.put("endpoint", name + "." + region + ".timestream-influxdb.amazonaws.com");
                state.putIfAbsent("port", 8086);
            }
            default -> { }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEntry(Object map, String key, Object value) {
        var out = new java.util.LinkedHashMap<String, Object>();
        if (map instanceof Map<?, ?> m) {
            out.putAll((Map<String, Object>) m);
        }
        out.put(key, value);
        return out;
    }
}
