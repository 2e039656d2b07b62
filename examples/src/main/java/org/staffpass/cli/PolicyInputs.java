package org.staffpass.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.Approval;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyResult;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;

/**
 * The input files of the {@code policy} commands (policy, shift, history, passport facts, break
 * glass) read strictly, and the decision and disclosure request written as text or JSON. Any
 * bad content is a {@link BadInput} naming the file and the member or pointer (exit 1).
 */
final class PolicyInputs {
    static final Set<String> SHIFT_MEMBERS = Set.of("organisation", "site", "department", "specialty",
            "minGrade", "maxGrade", "start", "end", "channel", "hourlyRate", "bankReleaseAt");
    static final Set<String> SHIFT_REQUIRED = Set.of("organisation", "site", "department", "specialty",
            "minGrade", "maxGrade", "start", "end", "channel", "hourlyRate");
    static final Set<String> ENTRY_MEMBERS = Set.of("organisation", "start", "end");
    static final Set<String> BREAK_GLASS_MEMBERS = Set.of("role", "approverId", "reason", "approvedAt");
    private static final String DECIMAL = "(0|[1-9][0-9]{0,5})(\\.[0-9]{1,2})?";

    private PolicyInputs() {
    }

    /** Invalid content of an input file: reported on one line, exit 1. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    static Policy policy(byte[] bytes, Path file) throws BadInput {
        PolicyResult parsed = Policy.parse(bytes);
        if (parsed instanceof PolicyResult.Invalid invalid) {
            throw new BadInput("policy file " + file + " is invalid (" + invalid.issues().size()
                    + " problem(s), first " + invalid.issues().get(0) + "); run: staffpass policy check " + file);
        }
        return ((PolicyResult.Valid) parsed).policy();
    }

    /** Passport facts, claims validated with "today" at {@code at} (so a replay judges dates as the decision did). */
    static PassportFacts facts(byte[] bytes, String what, Instant at) throws BadInput {
        CredentialValidator validator = CredentialValidator.create(Vocabularies.standard(), Clock.fixed(at, ZoneOffset.UTC));
        return facts(bytes, what, validator);
    }

    static PassportFacts facts(byte[] bytes, String what, CredentialValidator validator) throws BadInput {
        PassportFacts.ParseResult r = PassportFacts.parse(bytes, validator);
        if (r instanceof PassportFacts.Refused refused) {
            throw new BadInput(what + ": " + refused.issues().get(0)
                    + (refused.issues().size() > 1 ? " (and " + (refused.issues().size() - 1) + " more)" : ""));
        }
        return ((PassportFacts.Parsed) r).facts();
    }

    static ObjectNode object(byte[] bytes, String what) throws BadInput {
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

    static void onlyMembers(ObjectNode o, Set<String> allowed, String what) throws BadInput {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new BadInput(what + ": unknown member " + printable(name));
            }
        }
    }

    /** A member name as it may appear in a one-line error: printable ASCII, at most 40 characters. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && i < 40; i++) {
            char c = name.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return out.toString();
    }

    static String text(ObjectNode o, String member, String what) throws BadInput {
        JsonNode n = o.get(member);
        if (n == null || !n.isTextual() || n.textValue().isEmpty() || n.textValue().length() > 200) {
            throw new BadInput(what + ": " + member + " must be a string of 1 to 200 characters");
        }
        return n.textValue();
    }

    static Instant instant(ObjectNode o, String member, String what) throws BadInput {
        try {
            return Instant.parse(text(o, member, what));
        } catch (DateTimeParseException e) {
            throw new BadInput(what + ": " + member + " must be an instant such as 2026-06-09T07:00:00Z");
        }
    }

    static Shift shift(ObjectNode o, String what) throws BadInput {
        onlyMembers(o, SHIFT_MEMBERS, what);
        LocalDateTime start;
        LocalDateTime end;
        try {
            start = LocalDateTime.parse(text(o, "start", what));
            end = LocalDateTime.parse(text(o, "end", what));
        } catch (DateTimeParseException e) {
            throw new BadInput(what + ": start and end must be local date-times such as 2026-06-10T08:00");
        }
        Shift.Channel channel;
        try {
            channel = Shift.Channel.valueOf(text(o, "channel", what));
        } catch (IllegalArgumentException e) {
            throw new BadInput(what + ": channel must be BANK or AGENCY");
        }
        String rateText = text(o, "hourlyRate", what);
        if (!rateText.matches(DECIMAL)) {
            throw new BadInput(what + ": hourlyRate must be a decimal string such as \"93.00\"");
        }
        Shift.LocalResult r = Shift.ofLocal(text(o, "organisation", what), text(o, "site", what),
                text(o, "department", what), new SpecialtyCode(text(o, "specialty", what)),
                new GradeCode(text(o, "minGrade", what)), new GradeCode(text(o, "maxGrade", what)), start, end, channel,
                new BigDecimal(rateText));
        if (r instanceof Shift.Unresolvable u) {
            throw new BadInput(what + ": " + u.problem().name() + ": " + u.message());
        }
        Shift shift = ((Shift.Resolved) r).shift();
        return o.has("bankReleaseAt") ? shift.withBankReleaseAt(instant(o, "bankReleaseAt", what)) : shift;
    }

    static WorkHistory history(ObjectNode o, String what) throws BadInput {
        onlyMembers(o, Set.of("shifts"), what);
        JsonNode shifts = o.get("shifts");
        if (!(shifts instanceof ArrayNode array)) {
            throw new BadInput(what + ": shifts must be an array");
        }
        if (array.size() > WorkHistory.MAX_ENTRIES) {
            throw new BadInput(what + ": more than " + WorkHistory.MAX_ENTRIES + " shifts");
        }
        List<WorkHistory.Entry> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String at = what + ": shifts/" + i;
            if (!(array.get(i) instanceof ObjectNode e)) {
                throw new BadInput(at + " must be an object");
            }
            onlyMembers(e, ENTRY_MEMBERS, at);
            Instant start = instant(e, "start", at);
            Instant end = instant(e, "end", at);
            if (!end.isAfter(start) || Duration.between(start, end).compareTo(Shift.MAX_LENGTH) > 0) {
                throw new BadInput(at + ": end must be after start and at most 48 h later");
            }
            entries.add(new WorkHistory.Entry(text(e, "organisation", at), start, end));
        }
        return new WorkHistory(entries);
    }

    static BreakGlass breakGlass(ObjectNode o, String what) throws BadInput {
        onlyMembers(o, BREAK_GLASS_MEMBERS, what);
        String role = text(o, "role", what);
        String approver = text(o, "approverId", what);
        String reason = text(o, "reason", what);
        Instant approvedAt = instant(o, "approvedAt", what);
        try {
            return new BreakGlass(role, approver, reason, approvedAt);
        } catch (IllegalArgumentException e) {
            throw new BadInput(what + ": " + e.getMessage());
        }
    }

    // ---- output

    static ObjectNode requestJson(DisclosureRequest request) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("credentials");
        for (Map.Entry<CredentialType, Set<String>> e : new java.util.TreeMap<>(request.claims()).entrySet()) {
            ObjectNode c = list.addObject().put("type", e.getKey().name()).put("vct", e.getKey().vct());
            ArrayNode claims = c.putArray("claims");
            new java.util.TreeSet<>(e.getValue()).forEach(claims::add);
        }
        return out;
    }

    static List<String> requestLines(DisclosureRequest request) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<CredentialType, Set<String>> e : new java.util.TreeMap<>(request.claims()).entrySet()) {
            lines.add(e.getKey().name() + (e.getValue().isEmpty() ? "" : " " + String.join(" ", new java.util.TreeSet<>(e.getValue()))));
        }
        return lines;
    }

    static ObjectNode decisionJson(Decision d) {
        ObjectNode out = Json.object().put("outcome", d.outcome().name());
        d.hourlyPay().ifPresent(p -> out.put("hourlyPay", p.toPlainString()));
        d.totalPay().ifPresent(p -> out.put("totalPay", p.toPlainString()));
        ArrayNode roles = out.putArray("approvalsRequired");
        d.approvalsRequired().forEach(roles::add);
        ArrayNode approvals = out.putArray("approvals");
        for (Approval a : d.approvals()) {
            ObjectNode o = approvals.addObject().put("role", a.role()).put("ruleId", a.ruleId()).put("code", a.code().name());
            a.recorded().ifPresent(b -> o.putObject("breakGlass").put("role", b.role()).put("approverId", b.approverId())
                    .put("reason", b.reason()).put("approvedAt", b.approvedAt().toString()));
        }
        ArrayNode findings = out.putArray("findings");
        for (Finding f : d.findings()) {
            ObjectNode o = findings.addObject().put("ruleId", f.ruleId()).put("passed", f.passed())
                    .put("code", f.code().name()).put("expected", f.expected()).put("actual", f.actual());
            ArrayNode ev = o.putArray("evidence");
            f.evidence().forEach(ev::add);
        }
        ArrayNode undisclosed = out.putArray("disclosureRequest");
        d.disclosureRequest().forEach(undisclosed::add);
        out.set("shiftRequest", requestJson(d.shiftRequest()));
        out.put("policyDigest", d.policyDigest());
        return out;
    }

    static List<String> decisionLines(Decision d) {
        List<String> lines = new ArrayList<>();
        lines.add(d.outcome().name());
        d.hourlyPay().ifPresent(p -> lines.add("  card hourly pay " + p.toPlainString()));
        d.totalPay().ifPresent(p -> lines.add("  total pay at the offered rate " + p.toPlainString()));
        for (Approval a : d.approvals()) {
            lines.add("  approval by " + a.role() + " for " + a.code() + " at " + a.ruleId()
                    + a.recorded().map(b -> " (break glass recorded " + b.approvedAt() + " by " + b.approverId() + ")")
                            .orElse(""));
        }
        for (Finding f : d.findings()) {
            String mark = f.passed() ? "  PASS " : "  FAIL ";
            if (!f.passed() && d.approvals().stream().anyMatch(a -> a.code() == f.code())) {
                mark = "  APPROVE ";
            }
            lines.add(mark + f.code().name() + " at " + f.ruleId() + ": expected " + f.expected() + ", actual " + f.actual());
        }
        if (!d.disclosureRequest().isEmpty()) {
            lines.add("  still to disclose: " + String.join(", ", d.disclosureRequest()));
        }
        lines.add("  this shift reads: " + String.join("; ", requestLines(d.shiftRequest())));
        lines.add("  policy digest " + d.policyDigest());
        return lines;
    }
}
