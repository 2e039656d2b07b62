package org.staffpass.cli.demo.region;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link RegionReport} as one self-contained HTML page: inline CSS, charts as inline
 * SVG, no script, no external asset or link, so it opens offline from the demo directory and
 * can be archived with the audit files.
 */
public final class ReportHtml {
    private static final String[] PALETTE = {"#005eb8", "#007f3b", "#ffb81c", "#da291c", "#330072", "#00a499",
        "#ed8b00", "#7c2855", "#425563", "#768692"};

    private ReportHtml() {
    }

    /** The page. */
    public static String render(RegionReport report) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Staffpass region demo: bank report</title>\n<style>\n")
                .append("body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#212b32;background:#f0f4f5}")
                .append("h1{color:#005eb8}section{background:#fff;padding:16px;margin:0 0 16px;border-radius:4px}")
                .append(".kpis{display:flex;gap:16px;flex-wrap:wrap}.kpi{background:#fff;padding:12px 16px;border-left:6px solid #005eb8}")
                .append(".kpi b{display:block;font-size:28px}table{border-collapse:collapse}td,th{padding:4px 10px;text-align:left;")
                .append("border-bottom:1px solid #d8dde0}td.n{text-align:right}svg text{font-size:12px;fill:#212b32}\n")
                .append("</style>\n</head>\n<body>\n");
        html.append("<h1>Collaborative bank: month report (synthetic region)</h1>\n");
        html.append("<p>Seed ").append(report.seed()).append(". ").append(report.workers()).append(" workers, ")
                .append(report.trusts()).append(" trusts, ").append(report.shiftsOffered())
                .append(" vacant shifts in March 2027 (Good Friday, the clock change and Easter Monday included). ")
                .append("Every passport was verified offline; every decision is signed and chained in decisions.log.</p>\n");
        html.append("<div class=\"kpis\">");
        kpi(html, "fill-rate", "Fill rate", percent(report.shiftsFilled(), report.shiftsOffered()));
        kpi(html, "filled", "Shifts filled", report.shiftsFilled() + " of " + report.shiftsOffered());
        kpi(html, "decisions", "Decisions recorded", Integer.toString(report.decisionLogRecords()));
        kpi(html, "throughput", "Decisions per second",
                String.format(Locale.ROOT, "%.0f", report.timing().decisionsPerSecond()));
        html.append("</div>\n");

        section(html, "fill-by-trust", "Fill rate by trust (%)", fills(report.fillByTrust()), true);
        section(html, "fill-by-specialty", "Fill rate by specialty (%)", fills(report.fillBySpecialty()), true);
        section(html, "enrolment", "Passports verified at the start of the run (every worker)", counts(report.enrolment()), false);
        section(html, "verification", "Booking presentations verified (minimal disclosure)", counts(report.verification()), false);
        section(html, "outcomes", "Decisions by outcome", counts(report.decisionOutcomes()), false);
        section(html, "reasons", "Failed rules (why workers could not take a shift)", counts(report.failedRules()), false);
        Map<String, Double> pay = new LinkedHashMap<>();
        report.payByBand().forEach((band, gbp) -> pay.put(band, gbp.doubleValue()));
        section(html, "pay-by-band", "Card pay of filled shifts by time band (GBP)", pay, false);
        section(html, "rate-findings", "Rate violations and escalations", counts(report.rateFindings()), false);
        section(html, "approvals", "Approvals needed by role", counts(report.approvalsByRole()), false);

        html.append("<section id=\"audit\"><h2>Audit</h2><p>decisions.log holds ").append(report.decisionLogRecords())
                .append(" signed, hash-chained decision records; head digest <code>")
                .append(escape(report.decisionLogHead())).append("</code>. Check it with <code>./staffpass decision verify")
                .append(" --trust trust-list.jws --root keys/operator.jwk decisions.log</code>.</p></section>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static Map<String, Double> counts(Map<String, Integer> counts) {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, v.doubleValue()));
        return out;
    }

    private static Map<String, Double> fills(Map<String, RegionReport.Fill> fills) {
        Map<String, Double> out = new LinkedHashMap<>();
        fills.forEach((k, v) -> out.put(k + " (" + v.filled() + "/" + v.offered() + ")", v.percent()));
        return out;
    }

    private static void kpi(StringBuilder html, String id, String label, String value) {
        html.append("<div class=\"kpi\" id=\"kpi-").append(id).append("\"><b>").append(escape(value)).append("</b>")
                .append(escape(label)).append("</div>");
    }

    private static void section(StringBuilder html, String id, String title, Map<String, Double> values, boolean isPercent) {
        html.append("<section id=\"").append(id).append("\"><h2>").append(escape(title)).append("</h2>\n");
        if (values.isEmpty()) {
            html.append("<p>None.</p></section>\n");
            return;
        }
        double max = isPercent ? 100 : values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        int rowHeight = 22;
        int labelWidth = 330;
        int barWidth = 420;
        int height = values.size() * rowHeight + 8;
        html.append("<svg role=\"img\" aria-label=\"").append(escape(title)).append("\" width=\"")
                .append(labelWidth + barWidth + 90).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(labelWidth + barWidth + 90).append(' ').append(height).append("\">\n");
        int row = 0;
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            int y = row * rowHeight + 4;
            double fraction = max <= 0 ? 0 : entry.getValue() / max;
            int width = (int) Math.round(Math.max(0, Math.min(1, fraction)) * barWidth);
            html.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(escape(entry.getKey())).append("</text>")
                    .append("<rect class=\"bar\" x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"")
                    .append(Math.max(width, 1)).append("\" height=\"").append(rowHeight - 6).append("\" fill=\"")
                    .append(PALETTE[row % PALETTE.length]).append("\"/>")
                    .append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(y + 15).append("\">")
                    .append(escape(format(entry.getValue(), isPercent))).append("</text>\n");
            row++;
        }
        html.append("</svg>\n</section>\n");
    }

    private static String format(double value, boolean isPercent) {
        if (isPercent) {
            return String.format(Locale.ROOT, "%.1f%%", value);
        }
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    /** Escapes text for HTML element content and attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
