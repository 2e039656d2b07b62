package org.staffpass.rules;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.staffpass.rules.internal.calc.ShiftTime;

/**
 * Every shift a worker has booked or worked, at every trust (hours at every trust count towards
 * the working-time limits), not including the shift being decided. Immutable; at most
 * {@link #MAX_ENTRIES} entries.
 *
 * @param entries booked or worked shifts, in any order
 * @since 0.1
 */
public record WorkHistory(List<Entry> entries) {
    /** Bound on history size, so one request cannot make evaluation slow. */
    public static final int MAX_ENTRIES = 10_000;

    public WorkHistory {
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("entries: more than " + MAX_ENTRIES);
        }
    }

    /** An empty history. */
    public static WorkHistory empty() {
        return new WorkHistory(List.of());
    }

    /**
     * One booked or worked shift.
     *
     * @param organisation ODS code of the trust
     * @param start        start, inclusive
     * @param end          end, exclusive; after start, at most 48 h later
     */
    public record Entry(String organisation, Instant start, Instant end) {
        public Entry {
            Objects.requireNonNull(organisation, "organisation");
            new ShiftTime(start, end);
        }
    }
}
