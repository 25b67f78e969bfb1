package com.ultibiker.platform.model;

import java.util.List;
import java.util.Optional;

/** Primary region and, for a warm standby, a secondary region. */
public record Regions(String primary, Optional<String> secondary) {

    public List<String> all() {
        return secondary.map(s -> List.of(primary, s)).orElse(List.of(primary));
    }

    public boolean isMultiRegion() {
        return secondary.isPresent();
    }
}
