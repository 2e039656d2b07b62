package org.staffpass.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.rules.internal.Evaluator;

/**
 * One shift made ready to be decided against one policy for many workers: what depends on the
 * policy and the shift alone (the shift's local dates, its specialty groups and requirements,
 * its disclosure request, the rate family's verdict for every grade group of the card, the
 * weekends of its reference period) is computed once, here, instead of once per worker.
 * Decisions are equal to {@link Policy#evaluate(PassportFacts, Shift, WorkHistory, Instant)}'s
 * for the same inputs. Immutable and thread-safe: share one across threads.
 *
 * @since 0.1
 */
public final class PreparedShift {
    private final Evaluator.ShiftPlan plan;
    private final Policy policy;
    private final Shift shift;

    PreparedShift(Policy policy, Shift shift) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.shift = Objects.requireNonNull(shift, "shift");
        this.plan = new Evaluator.ShiftPlan(policy, shift, true);
    }

    /** The policy this shift is decided by. */
    public Policy policy() {
        return policy;
    }

    /** The shift. */
    public Shift shift() {
        return shift;
    }

    /** {@link Policy#disclosureRequest(Shift)} for this shift. */
    public DisclosureRequest disclosureRequest() {
        return policy.disclosureRequest(shift);
    }

    /** {@link Policy#evaluate(PassportFacts, Shift, WorkHistory, Instant)} for this shift. */
    public Decision evaluate(PassportFacts facts, WorkHistory history, Instant at) {
        return Evaluator.evaluate(plan, facts, history, at, Optional.empty());
    }

    /** {@link Policy#evaluate(PassportFacts, Shift, WorkHistory, Instant, BreakGlass)} for this shift. */
    public Decision evaluate(PassportFacts facts, WorkHistory history, Instant at, BreakGlass breakGlass) {
        return Evaluator.evaluate(plan, facts, history, at, Optional.of(Objects.requireNonNull(breakGlass, "breakGlass")));
    }
}
