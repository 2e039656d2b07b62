package org.staffpass.passport.vocab;

/**
 * How far a vocabulary entry's facts (a number format, a refresher period, a validity) have
 * been checked against a primary or reputable source. An {@link #UNCONFIRMED} fact ships only
 * as a default that a policy may override; it is never a hard rule of the passport format.
 *
 * @since 0.1
 */
public enum Confidence {
    /** Checked against the source the vocabulary file names. */
    CONFIRMED,
    /** Not verified against a primary source (the domain reference marks it UNCONFIRMED). */
    UNCONFIRMED
}
