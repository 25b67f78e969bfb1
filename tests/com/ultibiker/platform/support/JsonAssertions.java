package com.ultibiker.platform.support;

import com.google.gson.Gson;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Policy documents compared as JSON: the same members and values, whatever the key order. */
public final class JsonAssertions {

    private JsonAssertions() {
    }

    public static void assertJson(String expected, String actual) {
        var gson = new Gson();
        assertEquals(gson.fromJson(expected, Object.class), gson.fromJson(actual, Object.class), actual);
    }
}
