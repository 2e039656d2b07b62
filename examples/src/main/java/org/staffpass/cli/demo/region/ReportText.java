package org.staffpass.cli.demo.region;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link RegionReport} as plain text for the terminal and as JSON for machines. */
public final class ReportText {
    private ReportText() {
    }

    /** The readable report. */
    public static String text(RegionReport report) {
        StringBuilder out = new StringBuilder(8192);
        out.append("Staffpass demo: a collaborative bank's month, end to end, offline\n");
        out.append("=================================================================\n");
        out.append(String.format(Locale.ROOT, "Seed %d: %d workers, %d trusts, %d vacant shifts in March 2027%n",
                report.seed(), report.workers(), report.trusts(), report.shiftsOffered()));
        out.append(String.format(Locale.ROOT, "Filled %d of %d shifts (%.1f%%); %d decisions signed into decisions.log%n",
                report.shiftsFilled(), report.shiftsOffered(),
                report.shiftsOffered() == 0 ? 0.0 : 100.0 * report.shiftsFilled() / report.shiftsOffered(),
                report.decisionLogRecords()));
        counts(out, "Passports verified offline at the start of the run (every worker, all credentials)", report.enrolment());
        counts(out, "Booking presentations verified offline (minimal disclosure)", report.verification());
        counts(out, "Decisions by outcome", report.decisionOutcomes());
        counts(out, "Failed rules", report.failedRules());
        counts(out, "Rate violations and escalations", report.rateFindings());
        counts(out, "Approvals needed by role", report.approvalsByRole());
        fills(out, "Fill rate by trust", report.fillByTrust());
        fills(out, "Fill rate by specialty", report.fillBySpecialty());
        out.append("\nCard pay of filled shifts by time band (GBP)\n");
        report.payByBand().forEach((band, gbp) -> out.append(String.format(Locale.ROOT, "  %-44s %14s%n", band,
                String.format(Locale.ROOT, "%,.2f", gbp))));
        RegionReport.Timing t = report.timing();
        out.append(String.format(Locale.ROOT, "%nThroughput on this machine: region built in %.1f s; %d presentations "
                        + "verified and %d decisions made and signed in %.1f s (%.0f decisions/s)%n",
                t.buildMillis() / 1000.0, t.presentations(), t.decisions(), t.decideMillis() / 1000.0,
                t.decisionsPerSecond()));
        out.append("Audit: decisions.log head ").append(report.decisionLogHead()).append('\n');
        return out.toString();
    }

    private static void counts(StringBuilder out, String title, Map<String, Integer> counts) {
        out.append('\n').append(title).append('\n');
        if (counts.isEmpty()) {
            out.append("  none\n");
        }
        counts.forEach((key, n) -> out.append(String.format(Locale.ROOT, "  %-44s %6d%n", key, n)));
    }

    private static void fills(StringBuilder out, String title, Map<String, RegionReport.Fill> fills) {
        out.append('\n').append(title).append('\n');
        fills.forEach((key, f) -> out.append(String.format(Locale.ROOT, "  %-44s %4d / %-4d %5.1f%%%n", key, f.filled(),
                f.offered(), f.percent())));
    }

    /** The report as one JSON object (the same figures, for machines). */
    public static ObjectNode json(RegionReport report) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("seed", report.seed()).put("workers", report.workers()).put("trusts", report.trusts())
                .put("shifts_offered", report.shiftsOffered()).put("shifts_filled", report.shiftsFilled());
        putCounts(root.putObject("enrolment"), report.enrolment());
        putCounts(root.putObject("verification"), report.verification());
        putCounts(root.putObject("decision_outcomes"), report.decisionOutcomes());
        putCounts(root.putObject("failed_rules"), report.failedRules());
        putCounts(root.putObject("rate_findings"), report.rateFindings());
        putCounts(root.putObject("approvals_by_role"), report.approvalsByRole());
        putFills(root.putObject("fill_by_trust"), report.fillByTrust());
        putFills(root.putObject("fill_by_specialty"), report.fillBySpecialty());
        ObjectNode pay = root.putObject("pay_by_band_gbp");
        report.payByBand().forEach((band, gbp) -> pay.put(band, gbp.toPlainString()));
        ObjectNode log = root.putObject("decision_log").put("records", report.decisionLogRecords())
                .put("head", report.decisionLogHead());
        report.firstDecision().ifPresent(first -> log.putObject("first").put("application", first.application())
                .put("policy", first.policy()));
        RegionReport.Timing t = report.timing();
        root.putObject("timing").put("build_ms", t.buildMillis()).put("decide_ms", t.decideMillis())
                .put("presentations", t.presentations()).put("decisions", t.decisions());
        return root;
    }

    private static void putCounts(ObjectNode node, Map<String, Integer> counts) {
        counts.forEach(node::put);
    }

    private static void putFills(ObjectNode node, Map<String, RegionReport.Fill> fills) {
        fills.forEach((key, fill) -> node.putObject(key).put("offered", fill.offered()).put("filled", fill.filled()));
    }
}
