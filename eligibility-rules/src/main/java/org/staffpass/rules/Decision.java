package org.staffpass.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of one evaluation: the outcome plus everything that decided it (Cedar style: a
 * decision never comes without its diagnostics). Immutable.
 *
 * @param outcome           eligible, needs approval, or ineligible
 * @param findings          every rule's finding, passed and failed
 * @param hourlyPay         the hourly pay the card gives for the shift, if the rates family applies
 * @param approvalsRequired roles that must approve (escalation tier roles, break glass)
 * @param disclosureRequest claim paths the worker must disclose for a complete decision
 *                          (each matches a {@link RuleCode#FACT_NOT_DISCLOSED} finding)
 * @param policyDigest      the digest of the policy that decided
 * @since 0.1
 */
public record Decision(Outcome outcome, List<Finding> findings, Optional<BigDecimal> hourlyPay,
        List<String> approvalsRequired, List<String> disclosureRequest, String policyDigest) {
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        Objects.requireNonNull(hourlyPay, "hourlyPay");
        approvalsRequired = List.copyOf(approvalsRequired);
        disclosureRequest = List.copyOf(disclosureRequest);
        Objects.requireNonNull(policyDigest, "policyDigest");
    }
}
