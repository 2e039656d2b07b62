package org.staffpass.rules.internal.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Splits a shift into pay-band segments on Europe/London wall-clock time and prices them.
 * Segments are measured in real elapsed time, so a night over the clock change is paid for the
 * 9 or 11 hours actually worked; their durations always add up to {@link ShiftTime#elapsed()}.
 * Segments end at every local midnight and band boundary.
 *
 * <p>Rounding: each segment contributes rate × seconds exactly (BigDecimal); the sum is divided
 * by 3600 and rounded once, HALF_EVEN, to pennies. No intermediate rounding, so the total does
 * not depend on how the shift was cut. Pure, immutable and thread-safe.
 */
public final class RateCalculator {

    private final RateParameters parameters;

    /** A calculator with these band boundaries, weekend days, bank holidays and precedence. */
    public RateCalculator(RateParameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** Parameters in use. */
    public RateParameters parameters() {
        return parameters;
    }

    /** One stretch of a shift in a single band on a single local date. */
    public record Segment(Instant start, Instant end, LocalDate localDate, Band band) {
        public Segment {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(localDate, "localDate");
            Objects.requireNonNull(band, "band");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("end must be after start");
            }
        }

        /** Real elapsed time of the segment. */
        public Duration duration() {
            return Duration.between(start, end);
        }
    }

    /**
     * A priced shift.
     *
     * @param shift     the shift
     * @param segments  its segments in time order
     * @param perBand   elapsed time per band (bands not worked are absent)
     * @param total     pay in pounds, scale 2, HALF_EVEN once at the end
     */
    public record Quote(ShiftTime shift, List<Segment> segments, Map<Band, Duration> perBand, BigDecimal total) {
        public Quote {
            Objects.requireNonNull(shift, "shift");
            Objects.requireNonNull(total, "total");
            segments = List.copyOf(segments);
            perBand = Map.copyOf(perBand);
        }
    }

    /** The shift cut at every local midnight and band boundary, each piece labelled with its band. */
    public List<Segment> split(ShiftTime shift) {
        Objects.requireNonNull(shift, "shift");
        LocalTime[] cuts = {LocalTime.MIDNIGHT, parameters.dayStart(), parameters.eveningStart(), parameters.nightStart()};
        TreeSet<Instant> points = new TreeSet<>();
        points.add(shift.start());
        points.add(shift.end());
        LocalDate last = shift.localEnd().toLocalDate();
        for (LocalDate d = shift.localStartDate(); !d.isAfter(last); d = d.plusDays(1)) {
            for (LocalTime t : cuts) {
                // A boundary inside the spring gap moves forward with the clocks; one inside the
                // autumn overlap is cut at both occurrences.
                ZonedDateTime z = ZonedDateTime.of(d, t, ShiftTime.ZONE);
                addInside(points, shift, z.withEarlierOffsetAtOverlap().toInstant());
                addInside(points, shift, z.withLaterOffsetAtOverlap().toInstant());
            }
        }
        // Cutting at the clock changes themselves keeps every piece on one continuous stretch
        // of local time, so the band read at a piece's start holds for the whole piece.
        for (ZoneOffsetTransition tr = ShiftTime.ZONE.getRules().nextTransition(shift.start());
                tr != null && tr.getInstant().isBefore(shift.end());
                tr = ShiftTime.ZONE.getRules().nextTransition(tr.getInstant())) {
            addInside(points, shift, tr.getInstant());
        }
        List<Segment> out = new ArrayList<>();
        Instant from = null;
        for (Instant p : points) {
            if (from != null) {
                ZonedDateTime local = from.atZone(ShiftTime.ZONE);
                LocalDate date = local.toLocalDate();
                out.add(new Segment(from, p, date, parameters.bandAt(date, local.toLocalTime())));
            }
            from = p;
        }
        return out;
    }

    private static void addInside(TreeSet<Instant> points, ShiftTime shift, Instant p) {
        if (p.isAfter(shift.start()) && p.isBefore(shift.end())) {
            points.add(p);
        }
    }

    /** Splits and prices the shift with {@code card}. */
    public Quote quote(ShiftTime shift, RateCard card) {
        Objects.requireNonNull(card, "card");
        List<Segment> segments = split(shift);
        EnumMap<Band, Duration> perBand = new EnumMap<>(Band.class);
        BigDecimal poundSeconds = BigDecimal.ZERO;
        for (Segment s : segments) {
            perBand.merge(s.band(), s.duration(), Duration::plus);
            poundSeconds = poundSeconds.add(card.rate(s.band()).multiply(seconds(s.duration())));
        }
        BigDecimal total = poundSeconds.divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN);
        return new Quote(shift, segments, perBand, total);
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }
}
