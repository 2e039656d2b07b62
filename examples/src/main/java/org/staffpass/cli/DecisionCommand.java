package org.staffpass.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.rules.audit.AuditLogVerifier;
import org.staffpass.rules.audit.AuditProblem;
import org.staffpass.rules.audit.AuditSummary;
import org.staffpass.rules.audit.DecisionRecordVerifier;
import org.staffpass.rules.audit.LogReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code staffpass decision}: verify signed decision records and audit logs, and replay decisions (docs/audit.md). */
@Command(name = "decision", mixinStandardHelpOptions = true,
        description = "Verify signed decision records and hash-chained audit logs of them; replay a recorded decision.",
        subcommands = {DecisionCommand.Verify.class, DecisionReplayCommand.class})
final class DecisionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw InputFiles.usage(spec.commandLine(), "choose a subcommand: verify, replay");
    }

    /** {@code staffpass decision verify --trust T --root R [--at I] [--expect-head D] [--expect-count N] [--json] FILE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {
                "Verify a decision record or an audit log (one record per line): each record's signature, its signer on "
                    + "the trust list (active and authorised for decision records at the decision instant), its format, "
                    + "and in a log the hash chain (seq, prev). Prints every problem as FILE:LINE: CODE: message and a "
                    + "summary table (outcomes, rate violations, approvals by role, records by signer).",
                "A file of one record with seq above 0 is verified as a standalone record (its chain is not checked). "
                    + "Removing records from the end of a log is only detected with --expect-head or --expect-count.",
                "Exit 0 all verified, 1 a check failed, 2 usage or unreadable input."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--trust", required = true, paramLabel = "TRUST_LIST_JWS",
                description = "The signed trust list file (compact JWS).")
        Path trustFile;

        @Option(names = "--root", required = true, paramLabel = "OPERATOR_PUBLIC_JWK",
                description = "The scheme operator's pinned public JWK the trust list must be signed with. Repeatable (key rotation).")
        List<Path> rootFiles;

        @Option(names = "--at", paramLabel = "ISO_INSTANT",
                description = "Check the trust list as at this instant instead of now.")
        String at;

        @Option(names = "--expect-head", paramLabel = "DIGEST",
                description = "The digest the log's last record must have (kept outside the log): detects a truncated tail.")
        String expectHead;

        @Option(names = "--expect-count", paramLabel = "N",
                description = "The number of records the log must hold: detects a truncated tail.")
        Long expectCount;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Parameters(index = "0", paramLabel = "RECORD|LOG", description = "A decision record (compact JWS) or an audit log file.")
        Path file;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            Clock clock = at == null ? Clock.systemUTC()
                    : Clock.fixed(OptionValues.instant(commandLine, at, "--at"), ZoneOffset.UTC);
            List<VerificationKey> roots = rootFiles.stream().map(p -> InputFiles.verificationKey(commandLine, p)).toList();
            String trustJws = InputFiles.readText(commandLine, trustFile, "trust list file").strip();
            AuditLogVerifier.Builder builder = AuditLogVerifier.builder();
            TrustAnchors anchors;
            try {
                anchors = TrustAnchors.builder().pinnedRoots(roots).clock(clock).build();
                if (expectHead != null) {
                    builder.expectedHead(expectHead);
                }
                if (expectCount != null) {
                    builder.expectedCount(expectCount);
                }
            } catch (IllegalArgumentException e) {
                throw InputFiles.usage(commandLine, optionMessage(e));
            }
            if (Files.isDirectory(file) || !Files.isReadable(file)) {
                throw InputFiles.usage(commandLine, "record or log file " + file + " is not a readable file");
            }
            PrintWriter stdout = commandLine.getOut();
            Verification<TrustList> trust = anchors.update(trustJws);
            if (trust instanceof Verification.Rejected<TrustList> r) {
                if (json) {
                    ObjectNode out = Json.object().put("file", file.toString()).put("ok", false);
                    out.putArray("problems").addObject().put("line", 0).put("code", r.reason().name())
                            .put("message", "trust list " + trustFile + " refused: " + r.message());
                    stdout.println(out);
                } else {
                    stdout.println("FAILED: trust list " + trustFile + " refused (" + r.reason() + ": " + r.message() + ")");
                }
                return Exit.FAILED;
            }
            DecisionRecordVerifier records = DecisionRecordVerifier.of(anchors);
            AuditLogVerifier verifier = builder.records(records).build();
            LogReport report;
            long size;
            try {
                size = Files.size(file);
                Progress progress = new Progress(commandLine.getErr(), file, size, System.console() != null, System::nanoTime);
                try (InputStream in = progress.wrap(new BufferedInputStream(Files.newInputStream(file)))) {
                    report = verifier.verify(in);
                } finally {
                    progress.finish();
                }
            } catch (IOException e) {
                throw InputFiles.usage(commandLine, "record or log file " + file + " cannot be read: " + e.getMessage());
            }
            boolean standalone = expectHead == null && expectCount == null && isStandaloneRecord(report);
            if (standalone) {
                report = withoutChainProblems(report);
            }
            if (json) {
                stdout.println(toJson(report, standalone));
            } else {
                printText(stdout, report, standalone);
            }
            return report.isIntact() ? Exit.OK : Exit.FAILED;
        }

        private static String optionMessage(IllegalArgumentException e) {
            String message = e.getMessage();
            return message.startsWith("expectedHead") ? "--expect-head is not a base64url SHA-256 digest (43 characters)"
                    : message.startsWith("expectedCount") ? "--expect-count must not be negative" : message;
        }

        /**
         * One line whose only problems are its place in a chain (seq above 0, prev not genesis):
         * a record cut out of a log, verified on its own.
         */
        private static boolean isStandaloneRecord(LogReport report) {
            return report.records() == 1 && report.summary().records() == 1 && report.problems().stream()
                    .allMatch(p -> p.problem() == AuditProblem.SEQUENCE_GAP || p.problem() == AuditProblem.CHAIN_BROKEN)
                    && report.problems().stream().anyMatch(p -> p.problem() == AuditProblem.SEQUENCE_GAP);
        }

        private static LogReport withoutChainProblems(LogReport report) {
            return new LogReport(report.records(), report.head(), report.summary(), List.of(), 0);
        }

        private ObjectNode toJson(LogReport report, boolean standalone) {
            ObjectNode out = Json.object().put("file", file.toString()).put("ok", report.isIntact())
                    .put("mode", standalone ? "record" : "log").put("records", report.records())
                    .put("head", report.head()).put("problemCount", report.problemCount());
            ArrayNode problems = out.putArray("problems");
            for (LogReport.Problem problem : report.problems()) {
                problems.addObject().put("line", problem.line()).put("code", problem.problem().name())
                        .put("message", problem.message());
            }
            AuditSummary summary = report.summary();
            ObjectNode table = out.putObject("summary").put("records", summary.records());
            counts(table.putObject("outcomes"), summary.outcomes());
            counts(table.putObject("rateViolations"), summary.rateViolations());
            counts(table.putObject("approvalsByRole"), summary.approvalsByRole());
            counts(table.putObject("recordsBySigner"), summary.recordsBySigner());
            return out;
        }

        private static void counts(ObjectNode node, Map<?, Long> counts) {
            counts.forEach((key, count) -> node.put(key.toString(), count));
        }

        private void printText(PrintWriter stdout, LogReport report, boolean standalone) {
            String what = standalone ? "standalone record (chain not checked)"
                    : report.records() + (report.records() == 1 ? " record" : " records");
            if (report.isIntact()) {
                stdout.println("OK: " + file + ": " + what + (standalone ? "" : ", chain intact") + ", head " + report.head());
            } else {
                stdout.println("FAILED: " + file + ": " + report.problemCount() + " problem"
                        + (report.problemCount() == 1 ? "" : "s") + " in " + what);
                for (LogReport.Problem problem : report.problems()) {
                    stdout.println(file + ":" + (problem.line() == 0 ? "" : problem.line() + ":") + " "
                            + problem.problem() + ": " + problem.message());
                }
                if (report.problemCount() > report.problems().size()) {
                    stdout.println("... and " + (report.problemCount() - report.problems().size()) + " more");
                }
            }
            AuditSummary summary = report.summary();
            stdout.println();
            stdout.println("Verified records: " + summary.records());
            table(stdout, "Outcome", summary.outcomes());
            table(stdout, "Rate violation", summary.rateViolations());
            table(stdout, "Approvals by role", summary.approvalsByRole());
            table(stdout, "Records by signer", summary.recordsBySigner());
        }

        private static void table(PrintWriter stdout, String title, Map<?, Long> counts) {
            int width = title.length();
            for (Object key : counts.keySet()) {
                width = Math.max(width, printable(key.toString()).length());
            }
            stdout.println();
            stdout.printf("  %-" + width + "s  %8s%n", title, "count");
            if (counts.isEmpty()) {
                stdout.printf("  %-" + width + "s  %8s%n", "(none)", "");
            }
            for (Map.Entry<?, Long> entry : counts.entrySet()) {
                stdout.printf("  %-" + width + "s  %8d%n", printable(entry.getKey().toString()), entry.getValue());
            }
        }

        /** Roles and codes come from signed records, but still never reach a terminal raw. */
        private static String printable(String text) {
            StringBuilder out = new StringBuilder(Math.min(text.length(), 60));
            for (int i = 0; i < text.length() && i < 60; i++) {
                char c = text.charAt(i);
                out.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
            return text.length() > 60 ? out.append("...").toString() : out.toString();
        }
    }

    /**
     * A progress bar on stderr for long verifications: drawn only on a terminal, or once the
     * work has lasted over a second, at most ten times a second, and erased at the end.
     */
    static final class Progress {
        private static final long SECOND = 1_000_000_000L;
        private static final long REDRAW = SECOND / 10;

        private final PrintWriter err;
        private final Path file;
        private final long total;
        private final boolean terminal;
        private final LongSupplier nanos;
        private final long started;
        private long read;
        private long lastDrawn = Long.MIN_VALUE;
        private boolean drawn;

        Progress(PrintWriter err, Path file, long total, boolean terminal, LongSupplier nanos) {
            this.err = err;
            this.file = file;
            this.total = total;
            this.terminal = terminal;
            this.nanos = nanos;
            this.started = nanos.getAsLong();
        }

        InputStream wrap(InputStream in) {
            return new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    advance(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    advance(Math.max(n, 0));
                    return n;
                }
            };
        }

        void advance(long bytes) {
            read += bytes;
            long now = nanos.getAsLong();
            if (!terminal && now - started < SECOND) {
                return;
            }
            if (drawn && now - lastDrawn < REDRAW) {
                return;
            }
            int percent = total == 0 ? 100 : (int) Math.min(100, read * 100 / total);
            int filled = percent / 5;
            err.print("\rverifying " + file.getFileName() + " [" + "#".repeat(filled) + ".".repeat(20 - filled) + "] "
                    + percent + "%");
            err.flush();
            drawn = true;
            lastDrawn = now;
        }

        void finish() {
            if (drawn) {
                err.print("\r" + " ".repeat(40 + String.valueOf(file.getFileName()).length()) + "\r");
                err.flush();
            }
        }

        boolean drawn() {
            return drawn;
        }
    }
}
