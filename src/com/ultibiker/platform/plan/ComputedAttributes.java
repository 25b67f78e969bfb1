package com.ultibiker.platform.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What AWS (through the provider) answers for a created resource: its id and the attributes it
 * computes (ARNs, endpoints, generated names), in AWS's formats, so that an input built from them
 * is what a real deploy would send and a program that builds an ARN from a resource name, or reads
 * the wrong attribute, shows a different value. Random parts (auto-name suffixes, key ids, zone ids,
 * endpoint hashes) are derived from the resource name and region, so the plan is reproducible.
 * Formats: each service's "Resource types" table in the AWS Service Authorization Reference and the
 * provider's resource docs. The account is {@code 123456789012}. Ids stay {@code <resource name>-id}
 * (tests trace wiring through them; a KMS key's id is its key id, so its ARN is {@code key/<name>-id}).
 */
final class ComputedAttributes {

    /** Hosted zone of Application Load Balancers per region (Elastic Load Balancing endpoints and quotas). */
    private static final Map<String, String> ALB_ZONES = Map.of(
            "us-east-1", "Z35SXDOTRQ7X7K", "us-east-2", "Z3AADJGX6KTTL2", "us-west-2", "Z1H1FL5HABSF5",
            "eu-west-1", "Z32O12XQLNTSW2", "eu-central-1", "Z215JYRZR1TBD5");

    private ComputedAttributes() {
    }

    /** The id and the state (inputs plus computed attributes) of a created resource. */
    record Answer(String id, Map<String, Object> state) {
    }

    static Answer answer(String type, String name, String region, String account, Map<String, Object> inputs) {
        Map<String, Object> state = new LinkedHashMap<>(inputs);
        String seed = region + "/" + type + "/" + name;
        String service = type.startsWith("aws:") ? type.substring(4, type.indexOf('/')) : "";
        String id = name + "-id";
        switch (type) {
            case "aws:kms/key:Key" -> {
                state.put("keyId", id);
                state.put("arn", arn("kms", region, account, "key/" + id));
            }
            case "aws:kms/alias:Alias" -> {
                String awsId = String.valueOf(inputs.getOrDefault("name", "alias/" + autoName(name, seed, 7)));
                state.put("name", awsId);
                state.put("arn", arn("kms", region, account, awsId));
                state.putIfAbsent("targetKeyArn", inputs.get("targetKeyId"));
            }
            case "aws:iam/role:Role" -> {
                String awsId = String.valueOf(inputs.getOrDefault("name", name));
                state.put("name", awsId);
                state.put("arn", arn("iam", "", account, "role" + inputs.getOrDefault("path", "/") + awsId));
                state.put("uniqueId", "AROA" + upper(seed, 17));
            }
            case "aws:iam/policy:Policy" -> {
                String policyName = physical(inputs, "name", name, seed);
                state.put("name", policyName);
                String awsId = arn("iam", "", account, "policy" + inputs.getOrDefault("path", "/") + policyName);
                state.put("arn", awsId);
                state.put("policyId", "ANPA" + upper(seed, 17));
            }
            case "aws:iam/openIdConnectProvider:OpenIdConnectProvider" -> {
                String awsId = arn("iam", "", account, "oidc-provider/"
                        + String.valueOf(inputs.getOrDefault("url", name)).replaceFirst("^https://", ""));
                state.put("arn", awsId);
            }
            case "aws:cloudwatch/logGroup:LogGroup" -> {
                String awsId = physical(inputs, "name", name, seed);
                state.put("name", awsId);
                state.put("arn", arn("logs", region, account, "log-group:" + awsId));
            }
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                String awsId = physical(inputs, "name", name, seed);
                state.put("name", awsId);
                state.put("arn", arn("cloudwatch", region, account, "alarm:" + awsId));
            }
            case "aws:sns/topic:Topic" -> {
                String topicName = physical(inputs, "name", name, seed)
                        + (Boolean.TRUE.equals(inputs.get("fifoTopic")) && !inputs.containsKey("name") ? ".fifo" : "");
                state.put("name", topicName);
                String awsId = arn("sns", region, account, topicName);
                state.put("arn", awsId);
            }
            case "aws:sns/topicSubscription:TopicSubscription" -> {
                String awsId = inputs.getOrDefault("topic", "") + ":" + uuid(seed);
                state.put("arn", awsId);
            }
            case "aws:secretsmanager/secret:Secret" -> {
                String secretName = physical(inputs, "name", name, seed);
                state.put("name", secretName);
                // Secrets Manager appends a hyphen and six random characters to the name.
                String awsId = arn("secretsmanager", region, account, "secret:" + secretName + "-" + mixed(seed, 6));
                state.put("arn", awsId);
            }
            case "aws:secretsmanager/secretVersion:SecretVersion" -> {
                String versionId = uuid(seed);
                state.put("versionId", versionId);
                state.put("arn", inputs.get("secretId"));
                String awsId = inputs.getOrDefault("secretId", "") + "|" + versionId;
            }
            case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                String awsId = physical(inputs, "bucket", name, seed).toLowerCase(Locale.ROOT);
                state.put("bucket", awsId);
                state.put("arn", "arn:aws:s3:::" + awsId);
                state.put("bucketDomainName", awsId + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", awsId + ".s3." + region + ".amazonaws.com");
                state.put("region", region);
            }
            case "aws:ec2/vpc:Vpc" -> {
                state.put("arn", arn("ec2", region, account, "vpc/" + id));
                state.putIfAbsent("defaultSecurityGroupId", name + "-default-sg-id");
                if (Boolean.TRUE.equals(inputs.get("assignGeneratedIpv6CidrBlock"))) {
                    // An Amazon-provided /56, distinct per VPC (documentation prefix 2001:db8::/32).
                    state.put("ipv6CidrBlock", String.format("2001:db8:%x:%x00::/56",
                            Math.abs(name.hashCode()) % 0xffff, Math.abs(name.hashCode() / 7) % 0xff));
                }
            }
            case "aws:ec2/subnet:Subnet" -> state.put("arn", arn("ec2", region, account, "subnet/" + id));
            case "aws:ec2/securityGroup:SecurityGroup" -> {
                state.put("arn", arn("ec2", region, account, "security-group/" + id));
                state.putIfAbsent("name", autoName(name, seed, 7));
            }
            case "aws:ec2/launchTemplate:LaunchTemplate" -> {
                state.put("arn", arn("ec2", region, account, "launch-template/" + id));
                state.putIfAbsent("name", autoName(name, seed, 7));
                // A template's first version is 1 (EC2 CreateLaunchTemplate).
                state.putIfAbsent("latestVersion", 1);
                state.putIfAbsent("defaultVersion", 1);
            }
            case "aws:eks/cluster:Cluster" -> {
                String awsId = physical(inputs, "name", name, seed);
                String endpointId = upper(seed, 32);
                state.put("name", awsId);
                state.put("arn", arn("eks", region, account, "cluster/" + awsId));
                state.put("endpoint", "https://" + endpointId + ".gr7." + region + ".eks.amazonaws.com");
                state.put("certificateAuthority", Map.of("data", "UExBTi1DQQ=="));
                state.put("identities", List.of(Map.of("oidcs", List.of(
                        Map.of("issuer", "https://oidc.eks." + region + ".amazonaws.com/id/" + endpointId)))));
                state.put("vpcConfig", withEntry(inputs.get("vpcConfig"), "clusterSecurityGroupId", name + "-cluster-sg-id"));
            }
            case "aws:rds/instance:Instance" -> {
                Object identifier = inputs.getOrDefault("identifier", name);
                state.put("arn", arn("rds", region, account, "db:" + identifier));
                state.put("address", identifier + ".cplan0000000." + region + ".rds.amazonaws.com");
                state.put("endpoint", identifier + ".cplan0000000." + region + ".rds.amazonaws.com:5432");
                state.putIfAbsent("port", 5432);
                state.put("resourceId", "db-PLAN" + Integer.toHexString(String.valueOf(identifier).hashCode()).toUpperCase(Locale.ROOT));
                // Only an instance that manages its master password has a secret (replicas do not).
                if (Boolean.TRUE.equals(inputs.get("manageMasterUserPassword"))) {
                    state.put("masterUserSecrets", List.of(Map.of(
                            "secretArn", arn("secretsmanager", region, account, "secret:rds!db-" + uuid(seed + "/secret") + "-" + mixed(seed, 6)),
                            "kmsKeyId", String.valueOf(inputs.getOrDefault("masterUserSecretKmsKeyId", "")),
                            "secretStatus", "active")));
                }
                state.putIfAbsent("identifier", identifier);
            }
            case "aws:rds/subnetGroup:SubnetGroup", "aws:rds/parameterGroup:ParameterGroup" -> {
                // auto-named by the provider (lowercase: RDS stores these names in lowercase)
                String awsId = String.valueOf(inputs.getOrDefault("name", name));
                state.put("name", awsId);
                state.put("arn", arn("rds", region, account,
                        (type.contains("subnetGroup") ? "subgrp:" : "pg:") + awsId));
            }
            case "aws:elasticache/subnetGroup:SubnetGroup", "aws:elasticache/parameterGroup:ParameterGroup" -> {
                String awsId = String.valueOf(inputs.getOrDefault("name", name));
                state.put("name", awsId);
                state.put("arn", arn("elasticache", region, account,
                        (type.contains("subnetGroup") ? "subnetgroup:" : "parametergroup:") + awsId));
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                String awsId = physical(inputs, "replicationGroupId", name, seed).toLowerCase(Locale.ROOT);
                String suffix = "plan00." + region + ".cache.amazonaws.com";
                state.put("replicationGroupId", awsId);
                state.put("arn", arn("elasticache", region, account, "replicationgroup:" + awsId));
                state.put("primaryEndpointAddress", "master." + awsId + "." + suffix);
                state.put("readerEndpointAddress", "replica." + awsId + "." + suffix);
                state.putIfAbsent("port", 6379);
            }
            case "aws:elasticache/user:User" -> {
                String awsId = String.valueOf(inputs.getOrDefault("userId", name));
                state.put("arn", arn("elasticache", region, account, "user:" + awsId));
            }
            case "aws:elasticache/userGroup:UserGroup" -> {
                String awsId = String.valueOf(inputs.getOrDefault("userGroupId", name));
                state.put("arn", arn("elasticache", region, account, "usergroup:" + awsId));
            }
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                String lbName = String.valueOf(inputs.getOrDefault("name", name));
                String lbId = lower(seed, 16);
                String awsId = arn("elasticloadbalancing", region, account, "loadbalancer/app/" + lbName + "/" + lbId);
                state.put("name", lbName);
                state.put("arn", awsId);
                state.put("arnSuffix", "app/" + lbName + "/" + lbId);
                boolean internal = Boolean.TRUE.equals(inputs.get("internal"));
                state.put("dnsName", (internal ? "internal-" : "") + lbName + "-1234567890." + region + ".elb.amazonaws.com");
                state.put("zoneId", ALB_ZONES.getOrDefault(region, "Z" + upper(region, 13)));
            }
            case "aws:backup/vault:Vault" -> {
                // CreateBackupVault returns arn:aws:backup:<region>:<account>:backup-vault:<name> (AWS Backup API reference).
                String awsId = String.valueOf(inputs.getOrDefault("name", name));
                state.put("name", awsId);
                state.put("arn", arn("backup", region, account, "backup-vault:" + awsId));
            }
            case "aws:backup/plan:Plan" -> state.put("arn", arn("backup", region, account, "backup-plan:" + uuid(seed)));
            case "aws:lb/targetGroup:TargetGroup" -> {
                String tgName = String.valueOf(inputs.getOrDefault("name", name));
                String tgId = lower(seed, 16);
                String awsId = arn("elasticloadbalancing", region, account, "targetgroup/" + tgName + "/" + tgId);
                state.put("name", tgName);
                state.put("arn", awsId);
                state.put("arnSuffix", "targetgroup/" + tgName + "/" + tgId);
            }
            case "aws:lb/listener:Listener" -> {
                String awsId = String.valueOf(inputs.getOrDefault("loadBalancerArn", arn("elasticloadbalancing", region, account,
                        "loadbalancer/app/unknown/0")))
                        .replace(":loadbalancer/", ":listener/") + "/" + lower(seed, 16);
                state.put("arn", awsId);
            }
            case "aws:lb/listenerRule:ListenerRule" -> {
                String awsId = String.valueOf(inputs.getOrDefault("listenerArn", "")).replace(":listener/", ":listener-rule/")
                        + "/" + lower(seed, 16);
                state.put("arn", awsId);
            }
            case "aws:acm/certificate:Certificate" -> {
                String awsId = arn("acm", region, account, "certificate/" + uuid(seed));
                state.put("arn", awsId);
                // One validation record per name: the domain and every subject alternative name.
                List<Object> names = new ArrayList<>();
                names.add(inputs.getOrDefault("domainName", name));
                if (inputs.get("subjectAlternativeNames") instanceof List<?> sans) {
                    sans.stream().filter(n -> !names.contains(n)).forEach(names::add);
                }
                state.put("domainValidationOptions", names.stream().map(domain -> Map.of(
                        "domainName", domain,
                        "resourceRecordName", "_plan." + domain + ".",
                        "resourceRecordType", "CNAME",
                        "resourceRecordValue", "_plan.acm-validations.aws.")).toList());
            }
            case "aws:acm/certificateValidation:CertificateValidation" -> {
                String awsId = String.valueOf(inputs.get("certificateArn"));
                state.put("certificateArn", inputs.get("certificateArn"));
            }
            case "aws:route53/zone:Zone" -> {
                // Kept as the DNS tests know them (Route53 zone ids are "Z" plus up to 32 upper-case characters).
                String zoneId = "Z" + Integer.toHexString(name.hashCode()).toUpperCase(Locale.ROOT) + "PLAN";
                state.put("zoneId", zoneId);
                state.put("arn", "arn:aws:route53:::hostedzone/" + zoneId);
                state.put("nameServers", List.of("ns-1.awsdns-00.org", "ns-2.awsdns-00.net"));
            }
            case "aws:route53/healthCheck:HealthCheck" -> {
                String awsId = uuid(seed);
                state.put("arn", "arn:aws:route53:::healthcheck/" + awsId);
            }
            case "aws:route53/record:Record" -> {
                String fqdn = String.valueOf(inputs.getOrDefault("name", name)).replaceAll("\\.$", "");
                state.put("fqdn", fqdn);
                String awsId = inputs.getOrDefault("zoneId", "") + "_" + fqdn + "_" + inputs.getOrDefault("type", "")
                        + (inputs.containsKey("setIdentifier") ? "_" + inputs.get("setIdentifier") : "");
            }
            case "aws:cloudfront/distribution:Distribution" -> {
                // Distribution ids are "E" plus 13 upper-case characters; the ARN has no region
                // (arn:aws:cloudfront::<account>:distribution/<id>); every distribution's alias zone is Z2FDTNDATAQYW2.
                state.put("arn", "arn:aws:cloudfront::" + account + ":distribution/" + id);
                state.put("domainName", "d" + lower(seed, 13) + ".cloudfront.net");
                state.put("hostedZoneId", "Z2FDTNDATAQYW2");
                state.put("status", "Deployed");
                state.put("etag", "E" + upper(seed + "/etag", 13));
            }
            case "aws:cloudfront/originAccessControl:OriginAccessControl" -> state.put("etag", "E" + upper(seed + "/etag", 13));
            case "aws:wafv2/webAcl:WebAcl" -> state.put("arn", "CLOUDFRONT".equals(inputs.get("scope"))
                    // A CLOUDFRONT web ACL's ARN says global (WAFv2 API reference, WebACL ARN); the distribution's
                    // webAclId takes that ARN. REGIONAL ones keep the generic form the plans have always had.
                    ? arn("wafv2", region, account, "global/webacl/" + inputs.getOrDefault("name", name) + "/" + uuid(seed))
                    : arn(service, region, account, "web-acl/" + id));
            case "aws:cloudwatch/logDeliverySource:LogDeliverySource" ->
                    state.put("arn", arn("logs", region, account, "delivery-source:" + inputs.getOrDefault("name", name)));
            case "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination" -> {
                state.put("arn", arn("logs", region, account, "delivery-destination:" + inputs.getOrDefault("name", name)));
                state.put("deliveryDestinationType", "S3");
            }
            case "aws:cloudwatch/logDelivery:LogDelivery" -> state.put("arn", arn("logs", region, account, "delivery:" + id));
            case "aws:timestreaminfluxdb/dbInstance:DbInstance" -> {
                String awsId = lower(seed, 10);
                state.put("arn", arn("timestream-influxdb", region, account, "db-instance/" + awsId));
                state.put("endpoint", name + "." + region + ".timestream-influxdb.amazonaws.com");
                state.putIfAbsent("port", 8086);
            }
            case "aws:ecr/repository:Repository" -> {
                String repository = physical(inputs, "name", name, seed).toLowerCase(Locale.ROOT);
                state.put("name", repository);
                state.put("arn", arn("ecr", region, account, "repository/" + repository));
                state.put("registryId", account);
                state.put("repositoryUrl", account + ".dkr.ecr." + region + ".amazonaws.com/" + repository);
            }
            default -> {
                if (type.startsWith("aws:")) {
                    state.putIfAbsent("arn", arn(service, region, account, kebab(type.substring(type.lastIndexOf(':') + 1)) + "/" + id));
                }
            }
        }
        return new Answer(id, state);
    }

    private static String arn(String service, String region, String account, String resource) {
        return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
    }

    /**
     * The physical name: the input when the program sets it, else Pulumi's auto-name, the resource name
     * plus a hyphen and seven random lowercase hex characters (truncated to fit {@code max}).
     */
    private static String physical(Map<String, Object> inputs, String property, String name, String seed) {
        return physical(inputs, property, name, seed, Integer.MAX_VALUE);
    }

    private static String physical(Map<String, Object> inputs, String property, String name, String seed, int max) {
        Object given = inputs.get(property);
        if (given != null) {
            return String.valueOf(given);
        }
        String prefix = name.length() + 8 > max ? name.substring(0, max - 8) : name;
        return autoName(prefix, seed, 7);
    }

    private static String autoName(String name, String seed, int suffix) {
        return name + "-" + lower(seed + "/name", suffix);
    }

    private static String regionCode(String region) {
        String[] p = region.split("-");
        String direction = switch (p[1]) {
            case "east" -> "e";
            case "west" -> "w";
            case "north" -> "n";
            case "south" -> "s";
            case "central" -> "c";
            case "northeast" -> "ne";
            case "southeast" -> "se";
            default -> p[1].substring(0, 1);
        };
        return p[0] + direction + p[2];
    }

    private static byte[] digest(String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lower(String seed, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; out.length() < n; i++) {
            out.append(HexFormat.of().formatHex(digest(seed + "#" + i)));
        }
        return out.substring(0, n);
    }

    private static String upper(String seed, int n) {
        return lower(seed, n).toUpperCase(Locale.ROOT);
    }

    private static String digits(String seed, int n) {
        StringBuilder out = new StringBuilder();
        for (char c : lower(seed, n * 2).toCharArray()) {
            out.append((char) ('0' + Character.digit(c, 16) % 10));
        }
        return out.substring(0, n);
    }

    private static String mixed(String seed, int n) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        byte[] d = digest(seed + "/mixed");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt((d[i] & 0xff) % alphabet.length()));
        }
        return out.toString();
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String kebab(String typeName) {
        return typeName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEntry(Object map, String key, Object value) {
        var out = new LinkedHashMap<String, Object>();
        if (map instanceof Map<?, ?> m) {
            out.putAll((Map<String, Object>) m);
        }
        out.put(key, value);
        return out;
    }
}
