package org.staffpass.passport.internal;

/**
 * Bounds and formats shared by the credential records' constraints, the claims reader and
 * the JSON Schemas (compile-time constants, as annotations need them).
 */
public final class ClaimLimits {
    /** Longest personal name part. */
    public static final int NAME_MAX = 100;
    /** Longest free-text title (a competency's). */
    public static final int TITLE_MAX = 200;
    /** No control characters (C0, DEL, C1) in any text claim: they can forge log lines. */
    public static final String PLAIN_TEXT = "^[^\\p{Cntrl}\\u0080-\\u009F]*$";
    /** Most items in any list claim; the reader refuses longer arrays without reading them. */
    public static final int MAX_ITEMS = 64;
    /** Most specialties one credential names. */
    public static final int MAX_SPECIALTIES = 16;
    /** Longest registration number (the register's own pattern is checked too). */
    public static final int REGISTRATION_NUMBER_MAX = 16;
    /** An NHS trust's ODS code: 3 characters starting R (domain reference, section 9). */
    public static final String ODS_TRUST = "^R[A-Z0-9]{2}$";
    /** A DBS certificate number: 12 digits (domain reference, section 2; secondary source). */
    public static final String DBS_CERTIFICATE = "^[0-9]{12}$";
    /** An issuer-local competency code. */
    public static final String COMPETENCY_CODE = "^[A-Z0-9][A-Z0-9_]{0,39}$";
    /** Highest training level any subject could have. */
    public static final int MAX_TRAINING_LEVEL = 9;

    private ClaimLimits() {
    }
}
