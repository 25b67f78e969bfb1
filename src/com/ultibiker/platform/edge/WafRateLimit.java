package com.ultibiker.platform.edge;

import java.util.List;

/**
 * The per-address rate rule, sized from the traffic profile (pure). WAF counts each client address's
 * requests over a sliding evaluation window and acts once the count exceeds the rule's limit, so the limit
 * is a number of requests per window, not per second:
 *
 * <pre>limit = designCapacityRps × perIpSharePercent / 100 × evaluationWindowSeconds</pre>
 *
 * With the defaults, 400 RPS × 5% = 20 requests per second for one address, × 300 s = 6,000 requests per
 * 5 minutes: twenty such addresses would take the whole design capacity, while a busy client (a session
 * makes about 0.8 RPS at design load: 400 RPS over 500 concurrent sessions) has 25 times its need.
 * Bounds from terraform-provider-aws {@code internal/service/wafv2/schemas.go} (rate_based_statement:
 * {@code limit} IntBetween(10, 2000000000), {@code evaluation_window_sec} IntInSlice 60, 120, 300, 600,
 * default 300), the same as the WAFv2 API's RateBasedStatement.
 */
public final class WafRateLimit {

    public static final List<Integer> EVALUATION_WINDOWS = List.of(60, 120, 300, 600);
    public static final long MIN_LIMIT = 10;
    public static final long MAX_LIMIT = 2_000_000_000L;

    private WafRateLimit() {
    }

    /** The arithmetic alone, unchecked: design RPS × share / 100 × window, rounded down. */
    public static long requestsPerWindow(int designCapacityRps, int perIpSharePercent, int evaluationWindowSeconds) {
        return (long) designCapacityRps * perIpSharePercent * evaluationWindowSeconds / 100;
    }

    /** Requests one address may make in one evaluation window (rounded down), within what WAF accepts. */
    public static long perAddressLimit(int designCapacityRps, int perIpSharePercent, int evaluationWindowSeconds) {
        if (!EVALUATION_WINDOWS.contains(evaluationWindowSeconds)) {
            throw new IllegalArgumentException("evaluation window " + evaluationWindowSeconds + " s: WAF allows " + EVALUATION_WINDOWS);
        }
        long limit = requestsPerWindow(designCapacityRps, perIpSharePercent, evaluationWindowSeconds);
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("rate limit " + limit + " requests per " + evaluationWindowSeconds
                    + " s is outside what WAF accepts (" + MIN_LIMIT + " to " + MAX_LIMIT + ")");
        }
        return limit;
    }
}
