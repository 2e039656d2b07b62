package org.staffpass.rules.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.audit.DecisionRecord.Approval;
import org.staffpass.rules.audit.DecisionRecord.PolicyReference;
import org.staffpass.rules.audit.DecisionRecord.RecordedFinding;

/**
 * Writes a {@link DecisionRecord} as its canonical payload and reads one back strictly: an
 * allow-list of members per object, required members, JSON types, the value rules of
 * {@link RecordRules}, and finally byte equality with the canonical form, so one record has
 * exactly one payload. docs/schemas/decision-record.schema.json describes the same format
 * (DecisionRecordSchemaTest keeps them in step).
 */
final class RecordCodec {
    static final Set<String> TOP_MEMBERS = Set.of("v", "iss", "seq", "prev", "decidedAt", "shift", "policy",
            "credentials", "holderKeyThumbprint", "presentationDigest", "historyDigest", "outcome", "findings",
            "hourlyPay", "totalPay", "approvalsRequired", "approvals", "disclosureRequest");
    static final Set<String> TOP_OPTIONAL = Set.of("presentationDigest", "historyDigest", "hourlyPay", "totalPay");
    static final Set<String> SHIFT_MEMBERS = Set.of("organisation", "site", "department", "specialty", "minGrade",
            "maxGrade", "start", "end", "channel", "offeredHourlyRate", "bankReleaseAt");
    static final Set<String> SHIFT_OPTIONAL = Set.of("bankReleaseAt");
    static final Set<String> POLICY_MEMBERS = Set.of("id", "version", "digest");
    static final Set<String> FINDING_MEMBERS = Set.of("rule", "passed", "code", "evidence", "evidenceCount",
            "evidenceDigest");
    static final Set<String> FINDING_OPTIONAL = Set.of("evidenceCount", "evidenceDigest");
    static final Set<String> APPROVAL_MEMBERS = Set.of("role", "approver", "approvedAt", "reason");
    static final Set<String> APPROVAL_OPTIONAL = Set.of("reason");
    /** Decimal amounts: no sign, no exponent, no leading zeros, at most 6 decimals. */
    static final String DECIMAL_PATTERN = "^(0|[1-9][0-9]{0,13})(\\.[0-9]{1,6})?$";
    /** ISO-8601 UTC instants as Instant.toString writes them. */
    static final String INSTANT_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3}|\\.[0-9]{6}|\\.[0-9]{9})?Z$";
    /** Largest seq: integers beyond 2^53-1 lose exactness in many JSON readers. */
    static final long MAX_SEQ = (1L << 53) - 1;

    private static final Pattern DECIMAL = Pattern.compile(DECIMAL_PATTERN);
    private static final Pattern INSTANT = Pattern.compile(INSTANT_PATTERN);

    private RecordCodec() {
    }

    /** The record's canonical payload bytes. */
    static byte[] write(DecisionRecord record) {
        ObjectNode root = StrictJson.object();
        root.put("v", DecisionRecord.FORMAT_VERSION);
        root.put("iss", record.issuer());
        root.put("seq", record.seq());
        root.put("prev", record.prev());
        root.put("decidedAt", record.decidedAt().toString());
        Shift shift = record.shift();
        ObjectNode shiftNode = root.putObject("shift");
        shift.bankReleaseAt().ifPresent(at -> shiftNode.put("bankReleaseAt", at.toString()));
        shiftNode
                .put("organisation", shift.organisation())
                .put("site", shift.site())
                .put("department", shift.department())
                .put("specialty", shift.specialty().value())
                .put("minGrade", shift.minGrade().value())
                .put("maxGrade", shift.maxGrade().value())
                .put("start", shift.start().toString())
                .put("end", shift.end().toString())
                .put("channel", shift.channel().name())
                .put("offeredHourlyRate", shift.offeredHourlyRate().toPlainString());
        root.putObject("policy").put("id", record.policy().id()).put("version", record.policy().version())
                .put("digest", record.policy().digest());
        strings(root.putArray("credentials"), record.credentialDigests());
        root.put("holderKeyThumbprint", record.holderKeyThumbprint());
        record.presentationDigest().ifPresent(d -> root.put("presentationDigest", d));
        record.historyDigest().ifPresent(d -> root.put("historyDigest", d));
        root.put("outcome", record.outcome().name());
        ArrayNode findings = root.putArray("findings");
        for (RecordedFinding finding : record.findings()) {
            ObjectNode item = findings.addObject().put("rule", finding.ruleId()).put("passed", finding.passed())
                    .put("code", finding.code().name());
            strings(item.putArray("evidence"), finding.evidence());
            if (finding.evidenceDigest().isPresent()) {
                item.put("evidenceCount", finding.evidenceCount()).put("evidenceDigest", finding.evidenceDigest().get());
            }
        }
        record.hourlyPay().ifPresent(p -> root.put("hourlyPay", p.toPlainString()));
        record.totalPay().ifPresent(p -> root.put("totalPay", p.toPlainString()));
        strings(root.putArray("approvalsRequired"), record.approvalsRequired());
        ArrayNode approvals = root.putArray("approvals");
        for (Approval approval : record.approvals()) {
            ObjectNode item = approvals.addObject().put("role", approval.role()).put("approver", approval.approver())
                    .put("approvedAt", approval.approvedAt().toString());
            approval.reason().ifPresent(reason -> item.put("reason", reason));
        }
        strings(root.putArray("disclosureRequest"), record.disclosureRequest());
        return StrictJson.write(sorted(root)).getBytes(StandardCharsets.UTF_8);
    }

    /** Digest of a full evidence list: SHA-256 of its canonical JSON array (UTF-8). */
    static String evidenceDigest(List<String> evidence) {
        ArrayNode array = StrictJson.mapper().createArrayNode();
        strings(array, evidence);
        return org.staffpass.rules.audit.DecisionContext.digest(StrictJson.write(array));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    /** A copy with the members of every object in sorted order (arrays keep theirs). */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = StrictJson.object();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                out.set(name, sorted(node.get(name)));
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = StrictJson.mapper().createArrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }

    /** Why a payload is not a decision record. */
    static final class PayloadProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final AuditProblem problem;

        PayloadProblem(AuditProblem problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }

        AuditProblem problem() {
            return problem;
        }
    }

    /** The payload as an object, or {@code MALFORMED_RECORD}. */
    static ObjectNode parse(byte[] payload) throws PayloadProblem {
        Verification<ObjectNode> parsed = StrictJson.parseObject(payload, "decision record payload");
        if (parsed instanceof Verification.Rejected<ObjectNode> r) {
            throw new PayloadProblem(AuditProblem.MALFORMED_RECORD, r.message());
        }
        return parsed.value();
    }

    /** The {@code iss} and {@code decidedAt} the signer is resolved by, read before the signature is checked. */
    static String issuer(ObjectNode payload) throws PayloadProblem {
        JsonNode iss = payload.get("iss");
        if (iss == null || !iss.isTextual() || iss.textValue().isEmpty()) {
            throw new PayloadProblem(AuditProblem.MALFORMED_RECORD, "decision record payload /iss: missing or not a non-empty string");
        }
        return iss.textValue();
    }

    static Instant decidedAt(ObjectNode payload) throws PayloadProblem {
        JsonNode at = payload.get("decidedAt");
        Optional<Instant> instant = at != null && at.isTextual() ? instant(at.textValue()) : Optional.empty();
        if (instant.isEmpty()) {
            throw new PayloadProblem(AuditProblem.MALFORMED_RECORD,
                    "decision record payload /decidedAt: missing or not an ISO-8601 UTC instant");
        }
        return instant.get();
    }

    /** Reads a parsed payload strictly; {@code payload} must be the bytes {@code root} was parsed from. */
    static DecisionRecord read(ObjectNode root, byte[] payload) throws PayloadProblem {
        members(root, "", TOP_MEMBERS, TOP_OPTIONAL);
        JsonNode v = root.get("v");
        if (!v.isIntegralNumber() || !v.bigIntegerValue().equals(BigInteger.valueOf(DecisionRecord.FORMAT_VERSION))) {
            throw new PayloadProblem(AuditProblem.UNSUPPORTED_VERSION, "decision record payload /v: format version "
                    + (v.isIntegralNumber() ? v.bigIntegerValue().toString() : "of the wrong type")
                    + " is not supported; this reader knows " + DecisionRecord.FORMAT_VERSION);
        }
        String issuer = text(root, "", "iss", true);
        JsonNode seqNode = root.get("seq");
        if (!seqNode.isIntegralNumber() || seqNode.bigIntegerValue().signum() < 0
                || seqNode.bigIntegerValue().compareTo(BigInteger.valueOf(MAX_SEQ)) > 0) {
            throw violation("/seq", "must be an integer from 0 to 2^53-1");
        }
        String prev = digest(root, "", "prev");
        Instant decidedAt = instant(root, "", "decidedAt");
        Shift shift = shift(object(root, "", "shift"));
        ObjectNode policyNode = object(root, "", "policy");
        members(policyNode, "/policy", POLICY_MEMBERS, Set.of());
        PolicyReference policy = new PolicyReference(text(policyNode, "/policy", "id", true),
                text(policyNode, "/policy", "version", true), digest(policyNode, "/policy", "digest"));
        List<String> credentials = list(root, "", "credentials", DecisionRecord.MAX_LIST, (element, pointer) -> {
            check(element.isTextual() ? RecordRules.digest(element.textValue()) : Optional.of("must be a string"), pointer);
            return element.textValue();
        });
        String holder = digest(root, "", "holderKeyThumbprint");
        Optional<String> presentationDigest = root.has("presentationDigest")
                ? Optional.of(digest(root, "", "presentationDigest")) : Optional.empty();
        Optional<String> historyDigest = root.has("historyDigest")
                ? Optional.of(digest(root, "", "historyDigest")) : Optional.empty();
        Outcome outcome = constant(root, "", "outcome", Outcome::valueOf, Outcome.values());
        List<RecordedFinding> findings = list(root, "", "findings", DecisionRecord.MAX_FINDINGS, (element, pointer) -> {
            ObjectNode finding = asObject(element, pointer);
            members(finding, pointer, FINDING_MEMBERS, FINDING_OPTIONAL);
            JsonNode passed = finding.get("passed");
            if (!passed.isBoolean()) {
                throw violation(pointer + "/passed", "must be true or false");
            }
            List<String> evidence = list(finding, pointer, "evidence", DecisionRecord.MAX_EVIDENCE, (item, itemPointer) -> {
                if (!item.isTextual()) {
                    throw violation(itemPointer, "must be a string");
                }
                check(RecordRules.text(item.textValue(), false), itemPointer);
                return item.textValue();
            });
            long count = evidence.size();
            Optional<String> digest = Optional.empty();
            if (finding.has("evidenceCount") || finding.has("evidenceDigest")) {
                JsonNode countNode = finding.get("evidenceCount");
                if (countNode == null || !countNode.isIntegralNumber() || !finding.has("evidenceDigest")
                        || evidence.size() != DecisionRecord.MAX_EVIDENCE
                        || countNode.bigIntegerValue().compareTo(BigInteger.valueOf(DecisionRecord.MAX_EVIDENCE)) <= 0
                        || countNode.bigIntegerValue().compareTo(BigInteger.valueOf(MAX_SEQ)) > 0) {
                    throw violation(pointer + "/evidenceCount", "evidenceCount and evidenceDigest come together, on an evidence"
                            + " list shortened to " + DecisionRecord.MAX_EVIDENCE + " with a larger count");
                }
                count = countNode.longValue();
                digest = Optional.of(digest(finding, pointer, "evidenceDigest"));
            }
            return new RecordedFinding(text(finding, pointer, "rule", true), passed.booleanValue(),
                    constant(finding, pointer, "code", RuleCode::valueOf, RuleCode.values()), evidence, count, digest);
        });
        Optional<BigDecimal> hourlyPay = root.has("hourlyPay") ? Optional.of(decimal(root, "", "hourlyPay")) : Optional.empty();
        Optional<BigDecimal> totalPay = root.has("totalPay") ? Optional.of(decimal(root, "", "totalPay")) : Optional.empty();
        List<String> approvalsRequired = texts(root, "", "approvalsRequired", true);
        List<Approval> approvals = list(root, "", "approvals", DecisionRecord.MAX_LIST, (element, pointer) -> {
            ObjectNode approval = asObject(element, pointer);
            members(approval, pointer, APPROVAL_MEMBERS, APPROVAL_OPTIONAL);
            Optional<String> reason = Optional.empty();
            if (approval.has("reason")) {
                String text = text(approval, pointer, "reason", true);
                check(RecordRules.reason(text), pointer + "/reason");
                reason = Optional.of(text);
            }
            return new Approval(text(approval, pointer, "role", true), text(approval, pointer, "approver", true),
                    instant(approval, pointer, "approvedAt"), reason);
        });
        List<String> disclosureRequest = texts(root, "", "disclosureRequest", true);
        DecisionRecord record = new DecisionRecord(issuer, seqNode.longValue(), prev, decidedAt, shift, policy,
                credentials, holder, presentationDigest, historyDigest, outcome, findings, hourlyPay, totalPay,
                approvalsRequired, approvals, disclosureRequest);
        if (!Arrays.equals(write(record), payload)) {
            throw new PayloadProblem(AuditProblem.SCHEMA_VIOLATION,
                    "decision record payload is not in canonical form (sorted members, no whitespace, canonical values)");
        }
        return record;
    }

    private static Shift shift(ObjectNode node) throws PayloadProblem {
        members(node, "/shift", SHIFT_MEMBERS, SHIFT_OPTIONAL);
        String organisation = text(node, "/shift", "organisation", true);
        String site = text(node, "/shift", "site", false);
        String department = text(node, "/shift", "department", false);
        String specialty = text(node, "/shift", "specialty", true);
        String minGrade = text(node, "/shift", "minGrade", true);
        String maxGrade = text(node, "/shift", "maxGrade", true);
        Instant start = instant(node, "/shift", "start");
        Instant end = instant(node, "/shift", "end");
        Shift.Channel channel = constant(node, "/shift", "channel", Shift.Channel::valueOf, Shift.Channel.values());
        BigDecimal rate = decimal(node, "/shift", "offeredHourlyRate");
        if (!end.isAfter(start) || Duration.between(start, end).compareTo(Shift.MAX_LENGTH) > 0) {
            throw violation("/shift/end", "must be after start and at most " + Shift.MAX_LENGTH.toHours() + " h later");
        }
        if (rate.stripTrailingZeros().scale() > 2) {
            throw violation("/shift/offeredHourlyRate", "must have at most 2 decimals");
        }
        Optional<Instant> bankReleaseAt = node.has("bankReleaseAt")
                ? Optional.of(instant(node, "/shift", "bankReleaseAt")) : Optional.empty();
        return new Shift(organisation, site, department, new SpecialtyCode(specialty), new GradeCode(minGrade),
                new GradeCode(maxGrade), start, end, channel, rate, bankReleaseAt);
    }

    private static void members(ObjectNode node, String pointer, Set<String> allowed, Set<String> optional)
            throws PayloadProblem {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw violation(pointer, "member " + StrictJson.printable(name) + " is not allowed");
            }
        }
        for (String name : new TreeSet<>(allowed)) {
            if (!optional.contains(name) && !node.has(name)) {
                throw violation(pointer + "/" + name, "is required");
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String pointer, String name) throws PayloadProblem {
        return asObject(parent.get(name), pointer + "/" + name);
    }

    private static ObjectNode asObject(JsonNode node, String pointer) throws PayloadProblem {
        if (!node.isObject()) {
            throw violation(pointer, "must be an object");
        }
        return (ObjectNode) node;
    }

    private static String text(ObjectNode parent, String pointer, String name, boolean nonEmpty) throws PayloadProblem {
        JsonNode node = parent.get(name);
        if (!node.isTextual()) {
            throw violation(pointer + "/" + name, "must be a string");
        }
        check(RecordRules.text(node.textValue(), nonEmpty), pointer + "/" + name);
        return node.textValue();
    }

    private static String digest(ObjectNode parent, String pointer, String name) throws PayloadProblem {
        String value = text(parent, pointer, name, true);
        check(RecordRules.digest(value), pointer + "/" + name);
        return value;
    }

    private static Instant instant(ObjectNode parent, String pointer, String name) throws PayloadProblem {
        String value = text(parent, pointer, name, true);
        Optional<Instant> instant = instant(value);
        if (instant.isEmpty()) {
            throw violation(pointer + "/" + name, "must be an ISO-8601 UTC instant such as 2026-01-15T10:00:00Z");
        }
        return instant.get();
    }

    /** An instant only in the one form Instant.toString writes, so it re-serializes to the same bytes. */
    private static Optional<Instant> instant(String text) {
        if (!INSTANT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            Instant instant = Instant.parse(text);
            return instant.toString().equals(text) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal decimal(ObjectNode parent, String pointer, String name) throws PayloadProblem {
        String value = text(parent, pointer, name, true);
        if (!DECIMAL.matcher(value).matches()) {
            throw violation(pointer + "/" + name, "must be a decimal string such as 45.50");
        }
        return new BigDecimal(value);
    }

    private static <E extends Enum<E>> E constant(ObjectNode parent, String pointer, String name,
            Function<String, E> valueOf, E[] values) throws PayloadProblem {
        String value = text(parent, pointer, name, true);
        for (E constant : values) {
            if (constant.name().equals(value)) {
                return valueOf.apply(value);
            }
        }
        throw violation(pointer + "/" + name, "value " + StrictJson.printable(value) + " is not one of " + Arrays.toString(values));
    }

    private static List<String> texts(ObjectNode parent, String pointer, String name, boolean nonEmpty) throws PayloadProblem {
        return list(parent, pointer, name, DecisionRecord.MAX_LIST, (element, itemPointer) -> {
            if (!element.isTextual()) {
                throw violation(itemPointer, "must be a string");
            }
            check(RecordRules.text(element.textValue(), nonEmpty), itemPointer);
            return element.textValue();
        });
    }

    /** Reads one array element; throws for a bad element. */
    private interface ElementReader<T> {
        T read(JsonNode element, String pointer) throws PayloadProblem;
    }

    private static <T> List<T> list(ObjectNode parent, String pointer, String name, int max, ElementReader<T> reader)
            throws PayloadProblem {
        JsonNode node = parent.get(name);
        String here = pointer + "/" + name;
        if (!node.isArray()) {
            throw violation(here, "must be an array");
        }
        if (node.size() > max) {
            throw violation(here, "has more than " + max + " items");
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(reader.read(node.get(i), here + "/" + i));
        }
        return out;
    }

    private static void check(Optional<String> problem, String pointer) throws PayloadProblem {
        if (problem.isPresent()) {
            throw violation(pointer, problem.get());
        }
    }

    private static PayloadProblem violation(String pointer, String message) {
        return new PayloadProblem(AuditProblem.SCHEMA_VIOLATION, "decision record payload " + (pointer.isEmpty() ? "/" : pointer)
                + ": " + message);
    }
}
