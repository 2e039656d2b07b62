package org.staffpass.rules;

/**
 * Stable reason codes for a policy document the validator refuses (docs/policy-language.md
 * lists each with an example). Codes are API: never renamed, never reused for another meaning.
 */
public enum PolicyProblem {
    /** Not strict UTF-8 JSON, a duplicate member, trailing data, nesting too deep, or not an object. */
    MALFORMED_JSON,
    /** The document is larger than {@link Policy#MAX_DOCUMENT_BYTES}. */
    TOO_LARGE,
    /** A member the format does not define (allow-list). */
    UNKNOWN_MEMBER,
    /** A required member is absent. */
    MISSING_MEMBER,
    /** A member has the wrong JSON type (a number where a string is expected, for example). */
    WRONG_TYPE,
    /** A string does not have the required form (identifier, ISO date, local time, decimal string, enum name). */
    INVALID_VALUE,
    /** A number or string outside its allowed range or length. */
    OUT_OF_RANGE,
    /** An array with too few or too many items. */
    BAD_ITEM_COUNT,
    /** The same item twice in a list that must hold distinct items (or a grade in two groups). */
    DUPLICATE_ITEM,
    /** A grade code not in the standard vocabulary (passport-core grades.json). */
    UNKNOWN_GRADE,
    /** A grade code in the standard vocabulary but not on this policy's grade ladder. */
    GRADE_NOT_ON_LADDER,
    /** A specialty code not in the standard vocabulary. */
    UNKNOWN_SPECIALTY,
    /** A life-support certificate code not in the standard vocabulary (life-support.json). */
    UNKNOWN_LIFE_SUPPORT,
    /** A mandatory-training subject not in the standard vocabulary. */
    UNKNOWN_TRAINING_SUBJECT,
    /** A training level the subject does not have. */
    UNKNOWN_TRAINING_LEVEL,
    /** A credential type name that is not a {@code CredentialType}. */
    UNKNOWN_CREDENTIAL_TYPE,
    /** A register name that is not a {@code Register}. */
    UNKNOWN_REGISTER,
    /** A reference to a grade group or specialty group the vocabularies do not define. */
    UNKNOWN_GROUP,
    /** An example names a worker that {@code exampleWorkers} does not define. */
    UNKNOWN_WORKER,
    /** {@code effective.until} is not after {@code effective.from}. */
    EMPTY_EFFECTIVE_PERIOD,
    /** Time bands not in day &lt; evening &lt; night order. */
    TIME_BANDS_UNORDERED,
    /** Bank holidays not in strictly ascending order. */
    DATES_UNORDERED,
    /** Working-time parameters that contradict each other (rest longer than a day, a shift longer than the weekly limit...). */
    CONTRADICTORY_LIMITS,
    /** A grade group × band with no rate (the card must be complete). */
    RATE_CARD_GAP,
    /** A card rate below the floor. */
    RATE_BELOW_FLOOR,
    /** A card rate above the price cap. */
    RATE_ABOVE_CAP,
    /** The price cap is below the floor. */
    CAP_BELOW_FLOOR,
    /** Escalation tiers not strictly ascending by {@code upToPercentAbove}. */
    TIERS_UNORDERED
}
