package org.staffpass.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code staffpass policy evaluate}: decide one shift for one worker's history under a policy.
 * Evaluates the effective period, working time and rates only (docs/policy-language.md,
 * "Evaluation status").
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Decide a shift under a policy: working time against the worker's history at every trust, and the offered rate.",
            "Only the effective period, workingTime and rates are evaluated today (docs/policy-language.md).",
            "Shift file: {organisation, site, department, specialty, minGrade, maxGrade, start, end (Europe/London",
            "local YYYY-MM-DDTHH:MM), channel (BANK|AGENCY), hourlyRate (decimal string)}.",
            "History file: {shifts: [{organisation, start, end (instants, e.g. 2026-06-09T07:00:00Z)}]}.",
            "Exit 0 a decision was made (any outcome), 1 invalid policy, shift or history, 2 usage."})
final class PolicyEvaluate implements Callable<Integer> {
    private static final Set<String> SHIFT_MEMBERS = Set.of("organisation", "site", "department", "specialty",
            "minGrade", "maxGrade", "start", "end", "channel", "hourlyRate");
    private static final Set<String> ENTRY_MEMBERS = Set.of("organisation", "start", "end");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "The policy JSON file.")
    Path policyFile;

    @Option(names = "--shift", required = true, paramLabel = "SHIFT_JSON", description = "The shift JSON file.")
    Path shiftFile;

    @Option(names = "--history", required = true, paramLabel = "HISTORY_JSON", description = "The history JSON file.")
    Path historyFile;

    @Option(names = "--grade-group", required = true, paramLabel = "G", description = "The worker's grade group on the rate card.")
    String gradeGroup;

    @Option(names = "--at", required = true, paramLabel = "INSTANT", description = "When the decision is made (ISO instant).")
    String at;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** Invalid content of an input file: reported on one line, exit 1. */
    private static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Instant when = OptionValues.instant(commandLine, at, "--at");
        byte[] policyBytes = InputFiles.read(commandLine, policyFile, "policy file");
        byte[] shiftBytes = InputFiles.read(commandLine, shiftFile, "shift file");
        byte[] historyBytes = InputFiles.read(commandLine, historyFile, "history file");
        PrintWriter stdout = commandLine.getOut();
        PrintWriter stderr = commandLine.getErr();
        try {
            PolicyResult parsed = Policy.parse(policyBytes);
            if (parsed instanceof PolicyResult.Invalid invalid) {
                throw new BadInput("policy file " + policyFile + " is invalid (" + invalid.issues().size()
                        + " problem(s)); run: staffpass policy check " + policyFile);
            }
            Policy policy = ((PolicyResult.Valid) parsed).policy();
            if (policy.rules().rates().isPresent() && !policy.rules().rates().get().card().containsKey(gradeGroup)) {
                throw new BadInput("--grade-group " + gradeGroup + " has no row in the policy's rate card");
            }
            Shift shift = shift(object(shiftBytes, "shift file " + shiftFile));
            WorkHistory history = history(object(historyBytes, "history file " + historyFile));
            Decision decision = policy.evaluate(shift, history, gradeGroup, when);
            print(stdout, decision);
            return Exit.OK;
        } catch (BadInput e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return Exit.FAILED;
        }
    }

    private void print(PrintWriter stdout, Decision d) {
        if (json) {
            ObjectNode out = Json.object().put("outcome", d.outcome().name());
            d.hourlyPay().ifPresent(p -> out.put("hourlyPay", p.toPlainString()));
            ArrayNode approvals = out.putArray("approvalsRequired");
            d.approvalsRequired().forEach(approvals::add);
            ArrayNode findings = out.putArray("findings");
            for (Finding f : d.findings()) {
                ObjectNode o = findings.addObject().put("ruleId", f.ruleId()).put("passed", f.passed())
                        .put("code", f.code().name()).put("expected", f.expected()).put("actual", f.actual());
                ArrayNode ev = o.putArray("evidence");
                f.evidence().forEach(ev::add);
            }
            out.put("policyDigest", d.policyDigest());
            stdout.println(out);
        } else {
            stdout.println(d.outcome().name());
            d.hourlyPay().ifPresent(p -> stdout.println("  card hourly pay " + p.toPlainString()));
            if (!d.approvalsRequired().isEmpty()) {
                stdout.println("  approval required from " + String.join(", ", d.approvalsRequired()));
            }
            for (Finding f : d.findings()) {
                // A failed escalation asks for a role's approval rather than blocking.
                String mark = f.passed() ? "  PASS " : f.code() == RuleCode.RATE_ESCALATION ? "  APPROVE " : "  FAIL ";
                stdout.println(mark + f.code().name() + " at " + f.ruleId()
                        + ": expected " + f.expected() + ", actual " + f.actual());
            }
            stdout.println("  policy digest " + d.policyDigest());
        }
        stdout.flush();
    }

    private static ObjectNode object(byte[] bytes, String what) throws BadInput {
        JsonMapper strict = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        JsonNode node;
        try {
            node = strict.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new BadInput(what + " is not valid JSON (or repeats a member)");
        } catch (IOException e) {
            throw new BadInput(what + " cannot be parsed");
        }
        if (!(node instanceof ObjectNode o)) {
            throw new BadInput(what + " must be a JSON object");
        }
        return o;
    }

    private static void onlyMembers(ObjectNode o, Set<String> allowed, String what) throws BadInput {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new BadInput(what + ": unknown member " + name);
            }
        }
    }

    private static String text(ObjectNode o, String member, String what) throws BadInput {
        JsonNode n = o.get(member);
        if (n == null || !n.isTextual() || n.textValue().isEmpty() || n.textValue().length() > 200) {
            throw new BadInput(what + ": " + member + " must be a string of 1 to 200 characters");
        }
        return n.textValue();
    }

    private static Shift shift(ObjectNode o) throws BadInput {
        String what = "shift";
        onlyMembers(o, SHIFT_MEMBERS, what);
        LocalDateTime start;
        LocalDateTime end;
        try {
            start = LocalDateTime.parse(text(o, "start", what));
            end = LocalDateTime.parse(text(o, "end", what));
        } catch (DateTimeParseException e) {
            throw new BadInput("shift: start and end must be local date-times such as 2026-06-10T08:00");
        }
        Shift.Channel channel;
        try {
            channel = Shift.Channel.valueOf(text(o, "channel", what));
        } catch (IllegalArgumentException e) {
            throw new BadInput("shift: channel must be BANK or AGENCY");
        }
        String rateText = text(o, "hourlyRate", what);
        if (!rateText.matches("(0|[1-9][0-9]{0,5})(\\.[0-9]{1,2})?")) {
            throw new BadInput("shift: hourlyRate must be a decimal string such as \"93.00\"");
        }
        Shift.LocalResult r = Shift.ofLocal(text(o, "organisation", what), text(o, "site", what),
                text(o, "department", what), new SpecialtyCode(text(o, "specialty", what)),
                new GradeCode(text(o, "minGrade", what)), new GradeCode(text(o, "maxGrade", what)), start, end, channel,
                new BigDecimal(rateText));
        if (r instanceof Shift.Unresolvable u) {
            throw new BadInput("shift: " + u.problem().name() + ": " + u.message());
        }
        return ((Shift.Resolved) r).shift();
    }

    private static WorkHistory history(ObjectNode o) throws BadInput {
        onlyMembers(o, Set.of("shifts"), "history");
        JsonNode shifts = o.get("shifts");
        if (!(shifts instanceof ArrayNode array)) {
            throw new BadInput("history: shifts must be an array");
        }
        if (array.size() > WorkHistory.MAX_ENTRIES) {
            throw new BadInput("history: more than " + WorkHistory.MAX_ENTRIES + " shifts");
        }
        List<WorkHistory.Entry> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String what = "history: shifts/" + i;
            if (!(array.get(i) instanceof ObjectNode e)) {
                throw new BadInput(what + " must be an object");
            }
            onlyMembers(e, ENTRY_MEMBERS, what);
            Instant start;
            Instant end;
            try {
                start = Instant.parse(text(e, "start", what));
                end = Instant.parse(text(e, "end", what));
            } catch (DateTimeParseException ex) {
                throw new BadInput(what + ": start and end must be instants such as 2026-06-09T07:00:00Z");
            }
            if (!end.isAfter(start) || Duration.between(start, end).compareTo(Shift.MAX_LENGTH) > 0) {
                throw new BadInput(what + ": end must be after start and at most 48 h later");
            }
            entries.add(new WorkHistory.Entry(text(e, "organisation", what), start, end));
        }
        return new WorkHistory(entries);
    }
}
