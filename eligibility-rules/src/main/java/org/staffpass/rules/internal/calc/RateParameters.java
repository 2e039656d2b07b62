package org.staffpass.rules.internal.calc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Local wall-clock boundaries of the pay bands. Day runs from {@code dayStart} to
 * {@code eveningStart}, evening to {@code nightStart}, night to the next {@code dayStart}.
 * Weekend days and bank-holiday dates are whole local days. When several bands apply the first
 * in {@code precedence} wins. Immutable (collections copied).
 *
 * @param dayStart     e.g. 07:00
 * @param eveningStart e.g. 19:00; after dayStart
 * @param nightStart   e.g. 23:00; after eveningStart
 * @param weekendDays  whole local days paid at the weekend band
 * @param bankHolidays whole local dates paid at the bank-holiday band (load from the GOV.UK feed)
 * @param precedence   every band exactly once, highest first
 */
public record RateParameters(LocalTime dayStart, LocalTime eveningStart, LocalTime nightStart,
                             Set<DayOfWeek> weekendDays, Set<LocalDate> bankHolidays,
                             List<Band> precedence) {

    /** Bank holiday &gt; weekend &gt; night &gt; evening &gt; day. */
    public static final List<Band> DEFAULT_PRECEDENCE = List.of(Band.values());

    public RateParameters {
        Objects.requireNonNull(dayStart, "dayStart");
        Objects.requireNonNull(eveningStart, "eveningStart");
        Objects.requireNonNull(nightStart, "nightStart");
        if (!dayStart.isBefore(eveningStart) || !eveningStart.isBefore(nightStart)) {
            throw new IllegalArgumentException("need dayStart < eveningStart < nightStart");
        }
        weekendDays = weekendDays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekendDays));
        bankHolidays = Set.copyOf(bankHolidays);
        precedence = List.copyOf(precedence);
        if (precedence.size() != Band.values().length || EnumSet.copyOf(precedence).size() != precedence.size()) {
            throw new IllegalArgumentException("precedence must name every band exactly once");
        }
    }

    /**
     * Bands of the BMA consultant rate card (2022), the model DOMAIN.md section 7 gives: day
     * 07:00–19:00, evening 19:00–23:00, night 23:00–07:00; resident boundaries are UNCONFIRMED.
     * Weekend Saturday and Sunday; default precedence.
     */
    public static RateParameters consultantCardBands(Set<LocalDate> bankHolidays) {
        return new RateParameters(LocalTime.of(7, 0), LocalTime.of(19, 0), LocalTime.of(23, 0),
                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), bankHolidays, DEFAULT_PRECEDENCE);
    }

    /** Band of the local date-time, applying precedence. */
    public Band bandAt(LocalDate date, LocalTime time) {
        EnumSet<Band> applies = EnumSet.noneOf(Band.class);
        if (bankHolidays.contains(date)) {
            applies.add(Band.BANK_HOLIDAY);
        }
        if (weekendDays.contains(date.getDayOfWeek())) {
            applies.add(Band.WEEKEND);
        }
        if (time.isBefore(dayStart) || !time.isBefore(nightStart)) {
            applies.add(Band.NIGHT);
        } else if (time.isBefore(eveningStart)) {
            applies.add(Band.DAY);
        } else {
            applies.add(Band.EVENING);
        }
        for (Band b : precedence) {
            if (applies.contains(b)) {
                return b;
            }
        }
        throw new IllegalStateException("no band applies");
    }
}
