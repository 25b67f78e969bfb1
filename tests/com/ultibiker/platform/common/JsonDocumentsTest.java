package com.ultibiker.platform.common;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonDocumentsTest {

    @Test
    void mapsWithoutADefinedOrderAreWrittenWithSortedKeysAtEveryDepth() {
        Map<String, Object> condition = Map.of(
                "StringEquals", Map.of("aws:SourceAccount", "111122223333", "aws:PrincipalTag/team", "platform"),
                "ArnLike", Map.of("aws:SourceArn", "arn:aws:cloudwatch:us-east-1:111122223333:alarm:*"),
                "Bool", Map.of("aws:SecureTransport", "true"));
        assertEquals("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:cloudwatch:us-east-1:111122223333:alarm:*\"},"
                        + "\"Bool\":{\"aws:SecureTransport\":\"true\"},"
                        + "\"StringEquals\":{\"aws:PrincipalTag/team\":\"platform\",\"aws:SourceAccount\":\"111122223333\"}}",
                JsonDocuments.compact(condition));
        Map<String, Object> hashed = new HashMap<>();
        hashed.put("zeta", 1);
        hashed.put("alpha", List.of(Map.of("y", 2, "x", 1)));
        assertEquals("{\"alpha\":[{\"x\":1,\"y\":2}],\"zeta\":1}", JsonDocuments.compact(hashed));
        assertEquals("{\"b\":1,\"c\":2,\"d\":3}", JsonDocuments.compact(Map.copyOf(Map.of("d", 3, "c", 2, "b", 1))));
    }

    @Test
    void insertionOrderedDocumentsReadAsWritten() {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "S");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", "pods.eks.amazonaws.com"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", List.of(statement));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"pods.eks.amazonaws.com\"}}]}", JsonDocuments.compact(doc));
        assertEquals("{\n  \"Version\": \"2012-10-17\",\n  \"Id\": \"<&>\"\n}",
                JsonDocuments.pretty(new LinkedHashMap<>(Map.of("Version", "2012-10-17")) {{ put("Id", "<&>"); }}));
    }
}
