package org.staffpass.cli.demo.region;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The simulated dates of the region demo. Everything happens at fixed instants, not at the
 * machine's time, so a seed gives the same region, decisions and log bytes on any day. The
 * month was chosen because it has what a rota gets wrong: Good Friday and Easter Monday (bank
 * holidays in England and Wales) and the spring clock change (2027-03-28, 01:00 GMT).
 */
public final class RegionCalendar {
    /** Europe/London: band boundaries and rota times are civil time. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** When every passport credential was issued (the scheme's annual reissue). */
    public static final Instant CREDENTIALS_ISSUED = Instant.parse("2027-02-01T09:00:00Z");
    /** When the issuers published their status lists for the booking run. */
    public static final Instant STATUS_LISTS_PUBLISHED = Instant.parse("2027-02-28T06:00:00Z");
    /** The bank's booking run for the month: presentations are made and decided at this instant. */
    public static final Instant BOOKING_RUN = Instant.parse("2027-02-28T09:00:00Z");
    /** First day of the rota month. */
    public static final LocalDate MONTH_START = LocalDate.of(2027, 3, 1);
    /** Day after the rota month. */
    public static final LocalDate MONTH_END = LocalDate.of(2027, 4, 1);
    /** Good Friday and Easter Monday 2027 (gov.uk bank holidays, England and Wales). */
    public static final List<LocalDate> BANK_HOLIDAYS_IN_MONTH = List.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29));
    /** The spring clock change: 01:00 GMT becomes 02:00 BST. */
    public static final LocalDate CLOCK_CHANGE = LocalDate.of(2027, 3, 28);

    private RegionCalendar() {
    }
}
