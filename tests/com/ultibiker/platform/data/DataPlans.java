package com.ultibiker.platform.data;

import com.ultibiker.platform.plan.Plan;
import com.ultibiker.platform.plan.PlanResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small readers over a plan shared by the data-store tests. */
final class DataPlans {

    static final String INSTANCE = "aws:rds/instance:Instance";
    static final String RDS_PARAMS = "aws:rds/parameterGroup:ParameterGroup";
    static final String RDS_SUBNETS = "aws:rds/subnetGroup:SubnetGroup";
    static final String REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
    static final String CACHE_PARAMS = "aws:elasticache/parameterGroup:ParameterGroup";
    static final String CACHE_SUBNETS = "aws:elasticache/subnetGroup:SubnetGroup";
    static final String CACHE_USER = "aws:elasticache/user:User";
    static final String CACHE_USER_GROUP = "aws:elasticache/userGroup:UserGroup";
    static final String SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
    static final String KEY = "aws:kms/key:Key";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    private DataPlans() {
    }

    /** A number input (numbers come back as Double) as an int. */
    static int integer(PlanResource r, String path) {
        Object v = r.prop(path);
        assertTrue(v instanceof Number, r.name() + "." + path + " is not a number: " + v);
        return ((Number) v).intValue();
    }

    /**
     * The KMS key resource a {@code kmsKeyId}-like ARN input points at (the plan gives key {@code k} the
     * ARN {@code arn:aws:kms:<region>:<account>:key/<k>-id}), asserting the ARN's region is the key's.
     */
    static PlanResource keyOf(Plan plan, PlanResource r, String path) {
        Object arn = r.prop(path);
        assertTrue(arn instanceof String s && s.startsWith("arn:aws:kms:"), r.name() + "." + path + " is not a KMS key ARN: " + arn);
        String text = (String) arn;
        String keyName = text.substring(text.indexOf(":key/") + 5).replaceFirst("-id$", "");
        PlanResource key = plan.require(KEY, keyName);
        assertEquals(key.region(), text.split(":")[3], "ARN region of " + keyName);
        assertEquals(true, key.prop("enableKeyRotation"), keyName + " rotates");
        return key;
    }

    /** Every property name anywhere in the inputs (nested maps and lists included). */
    static List<String> propertyNames(Object value) {
        List<String> names = new ArrayList<>();
        collect(value, names);
        return names;
    }

    private static void collect(Object value, List<String> names) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                names.add(String.valueOf(k));
                collect(v, names);
            });
        } else if (value instanceof List<?> l) {
            l.forEach(v -> collect(v, names));
        }
    }

    /** The security group ids an ingress rule admits, over all rules of a group. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> ingress(PlanResource sg) {
        Object rules = sg.prop("ingress");
        return rules instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> parameters(PlanResource group) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Object p : (List<Object>) group.prop("parameters")) {
            Map<String, Object> m = (Map<String, Object>) p;
            out.put((String) m.get("name"), (String) m.get("value"));
        }
        return out;
    }
}
