package com.ultibiker.platform.dns;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Public names, literally. */
class DnsLiteralTest {

    @Test
    void publicNamesAreApiAndWsUnderTheDomain() {
        var names = new PublicHostnames("ultibiker.example.com");
        assertEquals("api.ultibiker.example.com", names.api());
        assertEquals("ws.ultibiker.example.com", names.ws());
        assertEquals(List.of("api.ultibiker.example.com", "ws.ultibiker.example.com"), names.all());
        assertEquals("api", PublicHostnames.label("api.ultibiker.example.com"));
        assertEquals("localhost", PublicHostnames.label("localhost"));
        assertEquals("", PublicHostnames.label(".example.com"));
    }
}
