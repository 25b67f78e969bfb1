package com.ultibiker.platform.cost;

import java.util.Map;

/**
 * One entry of the price table ({@code resources/cost/aws-prices.json}).
 *
 * @param usd          price by region; {@code "*"} for a price that is the same everywhere
 * @param verification {@code aws-page}, {@code secondary} or {@code unverified} (see the table's {@code about})
 * @param evidence     what the source says, or why the figure could not be checked
 */
public record Price(String key, String unit, Map<String, Double> usd, String source, String verification, String evidence) {
}
