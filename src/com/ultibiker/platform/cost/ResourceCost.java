package com.ultibiker.platform.cost;

import java.util.List;

/**
 * The monthly cost of one planned resource.
 *
 * @param component the name of the top-level component the resource belongs to ({@code eks-us-east-1}),
 *                  or the resource's own name when it has none
 */
public record ResourceCost(String urn, String name, String type, String region, String component, List<LineItem> lines) {

    public double monthlyUsd() {
        return lines.stream().mapToDouble(LineItem::monthlyUsd).sum();
    }
}
