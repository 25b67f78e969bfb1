package com.ultibiker.platform.edge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code build()} names the first required field left unset. */
class WebAclArgsTest {

    @Test
    void aMissingFieldIsNamed() {
        var e = assertThrows(IllegalStateException.class, () -> WebAclArgs.builder().physicalPrefix("ultibiker-dev").build());
        assertEquals("WebAclArgs.region is required: set it on the builder", e.getMessage());
    }
}
