package org.staffpass.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.rules.internal.DeferredFindings;

/**
 * The answer of one evaluation: the outcome plus everything that decided it (Cedar style: a
 * decision never comes without its diagnostics). Immutable; lists in a fixed order, so equal
 * inputs give equal decisions.
 *
 * @param outcome           eligible, needs approval, or ineligible
 * @param findings          every rule's finding, passed and failed, in family order; a decision
 *                          from {@link Policy#evaluate} writes them when first read (the verdict
 *                          is reached without their texts), an immutable list like any other
 * @param hourlyPay         the card's hourly figure for the shift, if the rates family applies
 *                          and the grade is known
 * @param approvalsRequired the roles of {@link #approvals()}, in the same order (empty when ineligible)
 * @param disclosureRequest the claims still to disclose, each {@code TYPE} or {@code TYPE /pointer},
 *                          one per {@link RuleCode#FACT_NOT_DISCLOSED} finding (empty when none)
 * @param policyDigest      the digest of the policy that decided
 * @param totalPay          the offered hourly rate times the shift's elapsed time, rounded
 *                          HALF_EVEN to pennies, if the rates family applies
 * @param approvals         the approvals needed, with the rule that asked and any recorded
 *                          break glass (empty when ineligible)
 * @param shiftRequest      everything the policy reads for this shift
 *                          ({@link Policy#disclosureRequest(Shift)})
 * @since 0.1
 */
public record Decision(Outcome outcome, List<Finding> findings, Optional<BigDecimal> hourlyPay,
        List<String> approvalsRequired, List<String> disclosureRequest, String policyDigest,
        Optional<BigDecimal> totalPay, List<Approval> approvals, DisclosureRequest shiftRequest) {
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        // Findings an evaluation defers are immutable and written when first read.
        findings = findings instanceof DeferredFindings ? findings : List.copyOf(findings);
        Objects.requireNonNull(hourlyPay, "hourlyPay");
        approvalsRequired = List.copyOf(approvalsRequired);
        disclosureRequest = List.copyOf(disclosureRequest);
        Objects.requireNonNull(policyDigest, "policyDigest");
        Objects.requireNonNull(totalPay, "totalPay");
        approvals = List.copyOf(approvals);
        Objects.requireNonNull(shiftRequest, "shiftRequest");
    }

    /**
     * A decision without total pay, approval records or shift request (the form before
     * passport facts were evaluated); kept so records written from it still construct.
     */
    public Decision(Outcome outcome, List<Finding> findings, Optional<BigDecimal> hourlyPay,
            List<String> approvalsRequired, List<String> disclosureRequest, String policyDigest) {
        this(outcome, findings, hourlyPay, approvalsRequired, disclosureRequest, policyDigest, Optional.empty(),
                List.of(), new DisclosureRequest(Map.of()));
    }
}
