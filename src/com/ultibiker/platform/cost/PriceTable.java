package com.ultibiker.platform.cost;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The committed price table: on-demand list prices with the date they were checked and a source per
 * price, and the AWS types that are deliberately not priced (free, or priced on another resource).
 *
 * @param notPriced AWS type token to the reason it carries no price of its own
 */
public record PriceTable(String asOf, String currency, int hoursPerMonth, List<Price> prices, Map<String, String> notPriced) {

    public static final String RESOURCE = "/cost/aws-prices.json";

    /** The table on the classpath ({@code resources/cost/aws-prices.json}). */
    public static PriceTable load() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("price table " + RESOURCE + " is not on the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PriceTable parse(Reader json) {
        try {
            PriceTable table = new Gson().fromJson(json, PriceTable.class);
            if (table == null || table.prices() == null || table.notPriced() == null) {
                throw new IllegalStateException("price table has no prices or notPriced");
            }
            return table;
        } catch (JsonParseException e) {
            throw new IllegalStateException("price table is not valid JSON: " + e.getMessage(), e);
        }
    }

    public Optional<Price> find(String key) {
        return prices.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    public boolean has(String key, String region) {
        return find(key).map(p -> p.usd().containsKey(region) || p.usd().containsKey("*")).orElse(false);
    }

    /** The price of {@code key} in {@code region}; fails naming the key and region when the table has none. */
    public double usd(String key, String region) {
        Price price = find(key).orElseThrow(() -> new MissingPriceException(key, region));
        Double value = price.usd().containsKey(region) ? price.usd().get(region) : price.usd().get("*");
        if (value == null) {
            throw new MissingPriceException(key, region);
        }
        return value;
    }

    /** A price the table lacks: add it to {@code resources/cost/aws-prices.json} with its source. */
    public static final class MissingPriceException extends RuntimeException {
        public MissingPriceException(String key, String region) {
            super("no price for '" + key + "' in " + region + ": add it to resources/cost/aws-prices.json with its source");
        }
    }
}
