package com.ultibiker.platform.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-address limit is design RPS × share / 100 × window (the planning document's 400 RPS design capacity;
 * WAF counts over 60, 120, 300 or 600 s and accepts 10 to 2,000,000,000: terraform-provider-aws
 * internal/service/wafv2/schemas.go, rate_based_statement).
 */
class WafRateLimitTest {

    @ParameterizedTest(name = "{0} RPS x {1}% x {2} s = {3}")
    @CsvSource({
            // the shipped default: 20 RPS for one address, counted over 5 minutes
            "400, 5, 300, 6000",
            "400, 5, 60, 1200",
            "400, 5, 600, 12000",
            "250, 10, 120, 3000",
            // rounded down: 3 x 3 / 100 x 60 = 5.4 would be below WAF's minimum, 7 x 3 / 100 x 60 = 12.6 -> 12
            "7, 3, 60, 12",
            "1000000, 100, 600, 600000000"})
    void theLimitIsTheDesignRateShareOverTheWindow(int rps, int share, int window, long expected) {
        assertEquals(expected, WafRateLimit.perAddressLimit(rps, share, window));
    }

    @Test
    void aLimitBelowWafsMinimumIsRefused() {
        // 3 x 3 / 100 x 60 = 5 requests: WAF's minimum is 10
        var e = assertThrows(IllegalArgumentException.class, () -> WafRateLimit.perAddressLimit(3, 3, 60));
        assertTrue(e.getMessage().contains("rate limit 5 requests per 60 s"), e.getMessage());
        assertEquals(10, WafRateLimit.perAddressLimit(1, 17, 60), "1 x 17 / 100 x 60 = 10.2: the smallest accepted");
    }

    @Test
    void aWindowWafDoesNotOfferIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> WafRateLimit.perAddressLimit(400, 5, 90));
        assertTrue(e.getMessage().contains("[60, 120, 300, 600]"), e.getMessage());
    }
}
