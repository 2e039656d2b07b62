package org.staffpass.rules.internal.calc;

import java.util.List;
import java.util.Objects;

/**
 * A computed value with the shifts that produced it, so a finding can show its evidence.
 * Immutable: the list is copied.
 *
 * @param value    the figure
 * @param evidence shifts it was computed from, in start order
 * @param <T>      type of the figure
 */
public record Figure<T>(T value, List<ShiftTime> evidence) {
    public Figure {
        Objects.requireNonNull(value, "value");
        evidence = List.copyOf(evidence);
    }
}
