package com.ultibiker.platform.common;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A missing provider attribute stops the program with the resource and the attribute named (issue 17.5). */
class ProviderAttributesTest {

    @Test
    void aPresentAttributeIsItsValue() {
        assertEquals(6379, ProviderAttributes.present(Optional.of(6379), "ElastiCache replication group cache-group", "port"));
        assertEquals("db.example", ProviderAttributes.nonNull("db.example", "Timestream for InfluxDB instance ts-influxdb", "endpoint"));
    }

    @Test
    void aMissingAttributeNamesTheResourceAndTheAttribute() {
        var absent = assertThrows(IllegalStateException.class,
                () -> ProviderAttributes.present(Optional.empty(), "ElastiCache replication group cache-us-east-1-group", "port"));
        assertEquals("ElastiCache replication group cache-us-east-1-group: the provider returned no port (it is set on every"
                + " such resource that exists; run pulumi refresh and check the resource in the console)", absent.getMessage());
        var nul = assertThrows(IllegalStateException.class,
                () -> ProviderAttributes.nonNull(null, "Timestream for InfluxDB instance timeseries-influxdb", "endpoint"));
        assertEquals("Timestream for InfluxDB instance timeseries-influxdb: the provider returned no endpoint (it is set on"
                + " every such resource that exists; run pulumi refresh and check the resource in the console)", nul.getMessage());
    }

    @Test
    void anEmptyStringIsAValueNotAMissingOne() {
        // Only absence is refused; what a present attribute holds is the provider's (and the consumer's) business.
        assertEquals("", ProviderAttributes.present(Optional.of(""), "r", "a"));
    }
}
