package org.staffpass.rules.audit;

/**
 * Why a decision could not be replayed (docs/audit.md, "Replay", lists each with its
 * meaning): an input is not the one the record names, or the presentation no longer verifies
 * as of the decision. Codes are API: never renamed, never reused.
 *
 * @since 0.1
 */
public enum ReplayProblem {
    /** The record carries no {@code presentationDigest}, so no presentation can be tied to it. */
    PRESENTATION_NOT_RECORDED,
    /** The presentation's digest is not the record's {@code presentationDigest}: another presentation. */
    PRESENTATION_MISMATCH,
    /** The policy's digest is not the record's {@code policy.digest}: another policy or version. */
    POLICY_MISMATCH,
    /** The work history's digest is not the record's {@code historyDigest}: another history. */
    HISTORY_MISMATCH,
    /** The presentation is not a presentation document whose key-binding JWTs name one audience and one nonce. */
    PRESENTATION_UNREADABLE,
    /** The presented credentials' digests are not the record's {@code credentials}, in order. */
    CREDENTIALS_MISMATCH,
    /** The trust list in force on the replay's trust anchors was issued after the decision instant: not the list of then. */
    TRUST_LIST_AFTER_DECISION,
    /** Verification as of the decision instant refuses the presentation (the passport failures say why). */
    VERIFICATION_REFUSED,
    /** The verified holder key's thumbprint is not the record's {@code holderKeyThumbprint}. */
    HOLDER_MISMATCH,
    /** The record's break-glass approvals cannot be given back to the evaluator (more than one, or unusable text). */
    BREAK_GLASS_UNREADABLE
}
