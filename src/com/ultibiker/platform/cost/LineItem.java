package com.ultibiker.platform.cost;

/**
 * One priced quantity of a resource: {@code quantity} units of {@code priceKey} at {@code unitUsd} each.
 *
 * @param what     what is paid for, e.g. "c5.large on-demand × 2 nodes"
 * @param quantity per month, in the price's unit (hours, GB, …)
 */
public record LineItem(String what, String priceKey, double quantity, String unit, double unitUsd) {

    public double monthlyUsd() {
        return quantity * unitUsd;
    }
}
