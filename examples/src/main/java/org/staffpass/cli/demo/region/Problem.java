package org.staffpass.cli.demo.region;

/**
 * A fault planted in a synthetic worker's passport so the demo shows each check working on
 * realistic data. A worker has at most one.
 */
public enum Problem {
    /** None: a clean passport. */
    NONE,
    /** One mandatory-training subject lapses during the rota month. */
    TRAINING_LAPSES_IN_MONTH,
    /** One mandatory-training subject lapsed before the month. */
    TRAINING_LAPSED,
    /** The life-support certificate lapses during the month. */
    LIFE_SUPPORT_LAPSES_IN_MONTH,
    /** The lead employer revoked the DBS check in its status list. */
    DBS_REVOKED,
    /** The professional registration credential is suspended in the status list. */
    REGISTRATION_SUSPENDED,
    /** The register records conditions on practice. */
    REGISTRATION_CONDITIONS,
    /** Time-limited right to work that ends during the month. */
    RIGHT_TO_WORK_ENDS_IN_MONTH,
    /** The training credential is forged: signed by an attacker who copied a trust's key id. */
    FORGED_CREDENTIAL,
    /** A trust issued the worker's DBS check, which the trust list does not authorise it to do. */
    UNAUTHORISED_ISSUER
}
