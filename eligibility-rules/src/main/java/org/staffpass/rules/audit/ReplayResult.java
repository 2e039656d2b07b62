package org.staffpass.rules.audit;

import java.util.List;
import java.util.Objects;
import org.staffpass.passport.PassportFailure;
import org.staffpass.rules.Decision;

/**
 * The answer of {@link DecisionReplay#replay}: the recorded decision came out the same, came
 * out different (with every difference), or could not be replayed (with the problem found
 * first). Each answer carries the original record and notes about the material used (status
 * lists not used, a history taken unchecked). Immutable.
 *
 * @since 0.1
 */
public sealed interface ReplayResult permits ReplayResult.Same, ReplayResult.Different, ReplayResult.NotReplayable {

    /** The record replayed. */
    DecisionRecord original();

    /** Notes about the material used, in the order they arose; never record or credential content. */
    List<String> notes();

    /** Whether the replay gave the recorded decision. */
    default boolean isSame() {
        return this instanceof Same;
    }

    /**
     * Re-verifying and re-evaluating at the decision instant gave the recorded decision: the
     * same outcome, findings (rule, verdict, code, evidence), pay, approvals and disclosure request.
     *
     * @param original the record
     * @param replayed the decision replay made
     * @param notes    notes about the material used
     */
    record Same(DecisionRecord original, Decision replayed, List<String> notes) implements ReplayResult {
        public Same {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(replayed, "replayed");
            notes = List.copyOf(notes);
        }
    }

    /**
     * The inputs are the recorded ones and verify, but the decision replay made differs from
     * the record.
     *
     * @param original    the record
     * @param replayed    the decision replay made
     * @param differences every recorded member that differs, in record order; never empty
     * @param notes       notes about the material used
     */
    record Different(DecisionRecord original, Decision replayed, List<Difference> differences, List<String> notes)
            implements ReplayResult {
        public Different {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(replayed, "replayed");
            differences = List.copyOf(differences);
            if (differences.isEmpty()) {
                throw new IllegalArgumentException("a different decision has at least one difference");
            }
            notes = List.copyOf(notes);
        }
    }

    /**
     * The decision could not be replayed.
     *
     * @param original the record
     * @param problem  the reason code
     * @param message  what was wrong, naming the member; digests, never content
     * @param failures for {@link ReplayProblem#VERIFICATION_REFUSED}, every reason the passport
     *                 verifier gave; otherwise empty
     * @param notes    notes about the material used
     */
    record NotReplayable(DecisionRecord original, ReplayProblem problem, String message, List<PassportFailure> failures,
            List<String> notes) implements ReplayResult {
        public NotReplayable {
            Objects.requireNonNull(original, "original");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(message, "message");
            failures = List.copyOf(failures);
            notes = List.copyOf(notes);
        }
    }

    /**
     * One member of the record that replay gave otherwise.
     *
     * @param member   the record member ({@code outcome}, {@code failedFindings}, {@code findings},
     *                 {@code hourlyPay}, {@code totalPay}, {@code approvalsRequired},
     *                 {@code approvals}, {@code disclosureRequest})
     * @param recorded the recorded value, as text
     * @param replayed the replayed value, as text
     */
    record Difference(String member, String recorded, String replayed) {
        public Difference {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(recorded, "recorded");
            Objects.requireNonNull(replayed, "replayed");
        }
    }
}
