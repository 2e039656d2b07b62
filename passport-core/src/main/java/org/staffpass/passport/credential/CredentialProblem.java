package org.staffpass.passport.credential;

/**
 * The stable reason codes for credential data that is not acceptable: the claims do not map
 * to a credential, or a credential breaks a rule of its type. Codes are only ever added, never
 * renamed; docs/passport.md lists them with the rules that produce them.
 *
 * <p>These describe the content of a credential, not its envelope: signatures, issuers,
 * validity periods and status have their own codes in {@code org.staffpass.crypto.ReasonCode}.
 *
 * @since 0.1
 */
public enum CredentialProblem {
    // ---- Claims structure (reading a claims object) ----
    /** The claims' {@code vct} is missing, not a string, or not a credential type we define. */
    UNKNOWN_CREDENTIAL_TYPE("vct is not a Staffpass credential type"),
    /** The claims are of another credential type than the caller asked for. */
    WRONG_CREDENTIAL_TYPE("vct names another credential type than expected"),
    /** A member the type requires is absent. */
    MISSING_CLAIM("a required claim is missing"),
    /** A member the type does not define (claims are read with an allow-list). */
    UNKNOWN_CLAIM("the claim is not defined for this credential type"),
    /** A member of the wrong JSON type (a number where a string belongs, ...). */
    WRONG_JSON_TYPE("the claim has the wrong JSON type"),
    /** A date that is not a real calendar date in the form YYYY-MM-DD. */
    INVALID_DATE("not a calendar date of the form YYYY-MM-DD"),
    /** A string that is not one of the values a closed set allows. */
    UNKNOWN_VALUE("not one of the values this claim allows"),

    // ---- Field rules ----
    /** A string that is empty or longer than its bound. */
    TEXT_LENGTH("the text is empty or too long"),
    /** A string that breaks its format (control characters, an identifier's pattern). */
    TEXT_FORMAT("the text is not in the required format"),
    /** A list with too few or too many items. */
    COLLECTION_SIZE("the list has too few or too many items"),
    /** A number outside its range. */
    NUMBER_RANGE("the number is out of range"),
    /** A date of something that happened (a check, a course) lies after today (Europe/London). */
    DATE_IN_FUTURE("the date of a past event is in the future"),
    /** Two dates in the wrong order: an end before its start, an expiry not after completion. */
    DATE_ORDER("the date is out of order with the date it must follow"),
    /** The same subject, antigen, specialty or list appears twice. */
    DUPLICATE_ENTRY("the entry repeats an earlier one"),

    // ---- Vocabulary rules ----
    /** A grade or band code the grades vocabulary does not define. */
    UNKNOWN_GRADE("the grade is not in the grades vocabulary"),
    /** A training subject code the training-subjects vocabulary does not define. */
    UNKNOWN_TRAINING_SUBJECT("the training subject is not in the training-subjects vocabulary"),
    /** A level the (known) training subject does not have. */
    UNKNOWN_TRAINING_LEVEL("the training subject has no such level"),
    /** A specialty code the specialties vocabulary does not define. */
    UNKNOWN_SPECIALTY("the specialty is not in the specialties vocabulary"),
    /** A life-support certificate type the life-support vocabulary does not define. */
    UNKNOWN_LIFE_SUPPORT("the life-support certificate type is not in the life-support vocabulary"),
    /** An antigen code the antigens vocabulary does not define. */
    UNKNOWN_ANTIGEN("the antigen is not in the antigens vocabulary"),
    /** The grade belongs to another pay scheme than the staff group (a band for a doctor). */
    GRADE_NOT_IN_STAFF_GROUP("the grade does not belong to the staff group's pay scheme"),

    // ---- Cross-field rules of one credential type ----
    /** The registration number is not in the format of its register. */
    REGISTRATION_NUMBER_FORMAT("the registration number is not in the register's format"),
    /** Provisional registration on a register that has none (only the GMC has it). */
    PROVISIONAL_NOT_ON_REGISTER("the register has no provisional registration"),
    /** The register separates licence from registration (GMC) and the licence is not stated. */
    LICENCE_REQUIRED("the register needs the licence to practise stated"),
    /** A licence to practise stated for a register where registration is the licence. */
    LICENCE_NOT_APPLICABLE("the register has no separate licence to practise"),
    /** A time-limited right to work without the date it ends. */
    RIGHT_TO_WORK_END_DATE_REQUIRED("a time-limited right to work needs its end date"),
    /** An unlimited right to work with an end date. */
    RIGHT_TO_WORK_END_DATE_NOT_ALLOWED("an unlimited right to work has no end date"),
    /** An enhanced check with barred lists that names no list. */
    DBS_BARRED_LISTS_REQUIRED("an enhanced check with barred lists names the lists checked"),
    /** Barred lists named on a check below enhanced-with-barred-lists. */
    DBS_BARRED_LISTS_NOT_ALLOWED("only an enhanced check with barred lists checks barred lists"),
    /** A barred list for a workforce the certificate is not for (children's list, adult workforce). */
    DBS_BARRED_LIST_WORKFORCE("the barred list does not match the certificate's workforce"),
    /** An Update Service subscription for a basic check (basic checks cannot join it). */
    DBS_UPDATE_SERVICE_NOT_AVAILABLE("a basic check cannot be on the Update Service"),
    /** An Update Service status check recorded without a subscription. */
    DBS_STATUS_CHECK_WITHOUT_SUBSCRIPTION("a status check needs an Update Service subscription"),
    /** Rotation placements on an employment that is not a lead-employer training contract. */
    PLACEMENTS_NOT_ALLOWED("only a lead-employer trainee has rotation placements"),
    /** A placement that starts before or ends after the employment. */
    PLACEMENT_OUTSIDE_EMPLOYMENT("the placement lies outside the employment");

    private final String description;

    CredentialProblem(String description) {
        this.description = description;
    }

    /** A short English sentence fragment for messages; stable enough for logs, not for parsing. */
    public String description() {
        return description;
    }
}
