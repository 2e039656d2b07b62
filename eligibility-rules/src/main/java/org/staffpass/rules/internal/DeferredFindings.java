package org.staffpass.rules.internal;

import java.math.BigDecimal;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Supplier;
import org.staffpass.rules.Approval;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;

/**
 * A decision's findings, written when first read. Deciding judges every rule but writes no
 * text (most decisions of a bank match are never read in full); the first read runs the
 * explaining evaluation of the same immutable inputs and keeps its findings. That evaluation
 * must reach the same outcome, approvals, pay and disclosure request: if it does not, the
 * read fails loudly ({@link IllegalStateException}) rather than explain a different decision.
 * Immutable to its readers and thread-safe (racing first reads compute equal lists).
 */
public final class DeferredFindings extends AbstractList<Finding> implements RandomAccess {
    private final Supplier<Decision> explain;
    private final Outcome outcome;
    private final List<Approval> approvals;
    private final List<String> disclosureRequest;
    private final Optional<BigDecimal> hourlyPay;
    private final Optional<BigDecimal> totalPay;
    private volatile List<Finding> findings;

    DeferredFindings(Supplier<Decision> explain, Outcome outcome, List<Approval> approvals,
            List<String> disclosureRequest, Optional<BigDecimal> hourlyPay, Optional<BigDecimal> totalPay) {
        this.explain = Objects.requireNonNull(explain, "explain");
        this.outcome = outcome;
        this.approvals = List.copyOf(approvals);
        this.disclosureRequest = disclosureRequest;
        this.hourlyPay = hourlyPay;
        this.totalPay = totalPay;
    }

    private List<Finding> findings() {
        List<Finding> f = findings;
        if (f == null) {
            Decision d = explain.get();
            if (d.outcome() != outcome || !d.approvals().equals(approvals)
                    || !d.disclosureRequest().equals(disclosureRequest) || !d.hourlyPay().equals(hourlyPay)
                    || !d.totalPay().equals(totalPay)) {
                throw new IllegalStateException("explaining the decision reached another verdict: " + outcome
                        + " decided, " + d.outcome() + " explained");
            }
            f = List.copyOf(d.findings());
            findings = f;
        }
        return f;
    }

    @Override
    public Finding get(int index) {
        return findings().get(index);
    }

    @Override
    public int size() {
        return findings().size();
    }
}
