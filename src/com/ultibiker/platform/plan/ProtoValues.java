package com.ultibiker.platform.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the wire form of resource inputs (protobuf Struct) into plain JSON-able values. */
final class ProtoValues {

    static final String SIG_KEY = "4dabf18193072939515e22adb298388d";
    static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    static final String ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
    static final String ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
    static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    static final String SECRET_TEXT = "[secret]";
    static final String UNKNOWN_TEXT = "[unknown]";

    private ProtoValues() {
    }

    static Map<String, Object> toMap(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    Object v = toJava(e.getValue());
                    if (v != null) {
                        out.put(e.getKey(), v);
                    }
                });
        return out;
    }

    static Object toJava(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> UNKNOWN.equals(value.getStringValue()) ? UNKNOWN_TEXT : value.getStringValue();
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>();
                for (Value item : value.getListValue().getValuesList()) {
                    list.add(toJava(item));
                }
                yield list;
            }
            case STRUCT_VALUE -> special(value.getStructValue());
        };
    }

    private static Object special(Struct struct) {
        Value sig = struct.getFieldsMap().get(SIG_KEY);
        if (sig == null) {
            return toMap(struct);
        }
        String kind = sig.getStringValue();
        if (SECRET_SIG.equals(kind)) {
            return SECRET_TEXT;
        }
        if (RESOURCE_SIG.equals(kind)) {
            Value urn = struct.getFieldsMap().get("urn");
            return urn == null ? UNKNOWN_TEXT : urn.getStringValue();
        }
        if (ASSET_SIG.equals(kind) || ARCHIVE_SIG.equals(kind)) {
            Map<String, Object> asset = toMap(struct);
            asset.remove(SIG_KEY);
            return asset;
        }
        return toMap(struct);
    }

    static Object number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return (long) d;
        }
        return d;
    }
}
