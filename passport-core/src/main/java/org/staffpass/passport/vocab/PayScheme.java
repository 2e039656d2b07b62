package org.staffpass.passport.vocab;

/**
 * The pay and grading structure a grade belongs to.
 *
 * @since 0.1
 */
public enum PayScheme {
    /** Medical and dental grades: doctors in training (2016 terms), locally employed, SAS, consultant. */
    MEDICAL,
    /** Agenda for Change bands 1 to 9 (nursing, midwifery, allied health, support and other staff). */
    AGENDA_FOR_CHANGE
}
