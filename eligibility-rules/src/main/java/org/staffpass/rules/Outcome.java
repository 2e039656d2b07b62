package org.staffpass.rules;

/** The outcome of evaluating a policy for one worker and one shift. */
public enum Outcome {
    /** Every rule passed; the booking may proceed at the card rate. */
    ELIGIBLE,
    /** No rule blocks, but a named role must approve (escalation tier, conditions on registration...). */
    NEEDS_APPROVAL,
    /** At least one rule blocks. */
    INELIGIBLE
}
