package org.staffpass.rules;

/**
 * Stable reason codes of evaluation findings, grouped by rule family
 * (docs/policy-language.md). Codes are API: never renamed, never reused.
 */
public enum RuleCode {
    /** A required credential type is not presented. */
    CREDENTIAL_MISSING,
    /** A required credential expires before the shift ends (plus the minimum remaining validity). */
    CREDENTIAL_EXPIRES_TOO_SOON,
    /** A required credential is revoked or suspended. */
    CREDENTIAL_REVOKED,
    /** Not on a required register, lapsed, suspended, erased or without licence. */
    REGISTRATION_NOT_ACTIVE,
    /** Provisional registration outside an approved F1 post. */
    REGISTRATION_PROVISIONAL,
    /** Conditions, undertakings or warnings: routed to human review. */
    REGISTRATION_CONDITIONS,
    /** The worker's grade is below the shift's minimum on the policy's ladder. */
    GRADE_TOO_LOW,
    /** The worker's grade is above the shift's (or the policy's) maximum on the ladder. */
    GRADE_TOO_HIGH,
    /** The grade credential does not apply on the shift's dates (valid from later, or ended). */
    GRADE_NOT_CURRENT,
    /** The worker's specialty is not in the shift's specialty groups. */
    SPECIALTY_NOT_ACCEPTED,
    /** A life-support certificate the shift's specialty group requires is missing or lapses before the shift ends. */
    LIFE_SUPPORT_LAPSED,
    /** A competency the shift's specialty group requires is missing or lapses before the shift ends. */
    COMPETENCY_MISSING,
    /** A mandatory-training subject is missing, below level, or past its refresher. */
    COMPLIANCE_TRAINING_LAPSED,
    /** The identity check is below the required level. */
    COMPLIANCE_IDENTITY,
    /** No right to work until the shift ends. */
    COMPLIANCE_RIGHT_TO_WORK,
    /** The DBS check is below the required level, for another workforce, without the barred list, not cleared, or no longer current. */
    COMPLIANCE_DBS,
    /** Not fit for the role, or not cleared for exposure-prone procedures where the policy requires it. */
    COMPLIANCE_OCCUPATIONAL_HEALTH,
    /** A shift longer than maxShiftHours. */
    WORKING_TIME_SHIFT_TOO_LONG,
    /** Less than minRestHours between shifts. */
    WORKING_TIME_REST_TOO_SHORT,
    /** More than maxHoursRolling7Days in some 168 consecutive hours. */
    WORKING_TIME_ROLLING_7_DAYS,
    /** Average weekly hours over the reference period above maxAverageWeeklyHours. */
    WORKING_TIME_AVERAGE_WEEKLY,
    /** More than maxConsecutiveShifts in a row. */
    WORKING_TIME_CONSECUTIVE_SHIFTS,
    /** More than maxConsecutiveLongDays long (over 10 h) shifts in a row. */
    WORKING_TIME_CONSECUTIVE_LONG_DAYS,
    /** More than maxConsecutiveNights nights in a row. */
    WORKING_TIME_CONSECUTIVE_NIGHTS,
    /** Less than restAfterNightsHours after a run of nights. */
    WORKING_TIME_REST_AFTER_NIGHTS,
    /** Weekends worked more often than 1 in maxWeekendFrequency. */
    WORKING_TIME_WEEKEND_FREQUENCY,
    /** The candidate shares time with another booked or worked shift (double booking or data error). */
    WORKING_TIME_SHIFTS_OVERLAP,
    /** The shift starts outside the policy's effective period. */
    POLICY_NOT_EFFECTIVE,
    /** A restriction of the policy forbids this engagement. */
    RESTRICTION_APPLIES,
    /** The worker's grade has no row on the rate card (it is in no grade group). */
    RATE_NO_CARD_ROW,
    /** The offered rate is below the floor. */
    RATE_BELOW_FLOOR,
    /** The offered rate is above the card rate: an escalation tier's role must approve. */
    RATE_ESCALATION,
    /** The offered rate is above every escalation tier: blocks unless break-glass approval is recorded. */
    RATE_ABOVE_TIERS,
    /** The offered rate is above the price cap: blocks unless break-glass approval is recorded. */
    RATE_ABOVE_CAP,
    /** A fact the rule needs was not disclosed in the presentation. */
    FACT_NOT_DISCLOSED
}
