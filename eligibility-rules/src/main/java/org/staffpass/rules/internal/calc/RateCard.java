package org.staffpass.rules.internal.calc;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hourly rate per band, in pounds, for one staff group and grade. Every band must have a
 * rate, zero or more, at most 2 decimal places. Immutable.
 *
 * @param hourly rate per hour for each band
 */
public record RateCard(Map<Band, BigDecimal> hourly) {

    public RateCard {
        Objects.requireNonNull(hourly, "hourly");
        EnumMap<Band, BigDecimal> copy = new EnumMap<>(Band.class);
        for (Band b : Band.values()) {
            BigDecimal r = hourly.get(b);
            if (r == null) {
                throw new IllegalArgumentException("hourly: no rate for " + b);
            }
            if (r.signum() < 0 || r.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("hourly: rate for " + b + " must be >= 0 with at most 2 decimals");
            }
            copy.put(b, r);
        }
        hourly = Map.copyOf(copy);
    }

    /** Rate for {@code band}. */
    public BigDecimal rate(Band band) {
        return hourly.get(band);
    }
}
