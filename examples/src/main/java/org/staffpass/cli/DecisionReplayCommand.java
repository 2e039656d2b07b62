package org.staffpass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.passport.PassportFailure;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.Policy;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.audit.DecisionRecord;
import org.staffpass.rules.audit.DecisionRecordVerifier;
import org.staffpass.rules.audit.DecisionReplay;
import org.staffpass.rules.audit.RecordResult;
import org.staffpass.rules.audit.ReplayResult;
import org.staffpass.rules.audit.SignedPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code staffpass decision replay}: re-verify the presentation and re-evaluate the policy of
 * one decision record at its decision instant, with the trust material as of then, and say
 * whether the same decision results (docs/audit.md, "Replay").
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replay one decision record: verify the record, check that the presentation, policy and work history are "
                + "the ones it names (by digest), verify the presentation as at the decision instant (trust list, status "
                + "lists issued up to that instant, key binding to the audience and nonce the presentation names), "
                + "evaluate the policy for the recorded shift at that instant (with the recorded break glass), and compare "
                + "every recorded member.",
            "The trust list must be the one in force at the decision; status lists issued after the decision are never "
                + "used. The policy file is plain policy JSON or a signed policy (staffpass-policy+jwt), whose publisher "
                + "must be on the trust list.",
            "Prints SAME, DIFFERENT with the table of differences, or NOT REPLAYABLE with the reason. Exit 0 the same "
                + "decision, 1 different, not replayable or a refused record or trust list, 2 usage or malformed input."})
final class DecisionReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--record", required = true, paramLabel = "RECORD|LOG",
            description = "A file holding one decision record (compact JWS, one line), or with --seq an audit log.")
    Path recordFile;

    @Option(names = "--seq", paramLabel = "N",
            description = "Replay the record on line N+1 of the log given as --record (the record at seq N of an intact log).")
    Long seq;

    @Option(names = "--presentation", required = true, paramLabel = "PRESENTATION_FILE",
            description = "The presentation document the decision was made on (surrounding white space is ignored).")
    Path presentationFile;

    @Option(names = "--policy", required = true, paramLabel = "POLICY",
            description = "The policy: plain policy JSON, or a signed policy JWS (staffpass-policy+jwt).")
    Path policyFile;

    @Option(names = "--history", paramLabel = "HISTORY_JSON",
            description = "The work history file (as for policy evaluate); required when the record carries a historyDigest.")
    Path historyFile;

    @Option(names = "--trust", required = true, paramLabel = "TRUST_LIST_JWS",
            description = "The signed trust list in force at the decision (compact JWS).")
    Path trustFile;

    @Option(names = "--root", required = true, paramLabel = "OPERATOR_PUBLIC_JWK",
            description = "The scheme operator's pinned public JWK the trust list must be signed with. Repeatable.")
    List<Path> rootFiles;

    @Option(names = "--status", required = true, paramLabel = "DIR",
            description = "Directory of status list tokens (*.jwt); those issued after the decision are not used.")
    Path statusDir;

    @Option(names = "--status-key", required = true, paramLabel = "PUBLIC_JWK",
            description = "Public JWK file of a key trusted to sign status lists. Repeatable.")
    List<Path> statusKeyFiles;

    @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "PT24H",
            description = "Oldest status list accepted at the decision instant, by its iat (ISO-8601 duration, default "
                + "${DEFAULT-VALUE}).")
    String maxAge;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    /** The policy to replay with, and where it came from. */
    private record PolicySource(Policy policy, String description, ObjectNode json) {
    }

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Duration age = OptionValues.positiveDuration(commandLine, maxAge, "--max-age");
        List<VerificationKey> roots = rootFiles.stream().map(p -> InputFiles.verificationKey(commandLine, p)).toList();
        List<VerificationKey> statusKeys = statusKeyFiles.stream().map(p -> InputFiles.verificationKey(commandLine, p)).toList();
        String compact = recordLine(commandLine);
        Instant decidedAt = decidedAt(commandLine, compact);
        String trustJws = InputFiles.readText(commandLine, trustFile, "trust list file").strip();
        String presentation = InputFiles.readText(commandLine, presentationFile, "presentation file").strip();
        byte[] policyBytes = InputFiles.read(commandLine, policyFile, "policy file");
        Optional<WorkHistory> history = historyFile == null ? Optional.empty() : Optional.of(history(commandLine));
        Map<String, String> statusLists = statusLists(commandLine);
        PrintWriter stdout = commandLine.getOut();

        TrustAnchors anchors;
        try {
            anchors = TrustAnchors.builder().pinnedRoots(roots).clock(Clock.fixed(decidedAt, ZoneOffset.UTC)).build();
        } catch (IllegalArgumentException e) {
            throw InputFiles.usage(commandLine, "--root: " + e.getMessage());
        }
        Verification<TrustList> trust = anchors.update(trustJws);
        if (trust instanceof Verification.Rejected<TrustList> r) {
            return failed(stdout, "TRUST_LIST_REFUSED", r.reason().name(), "trust list " + trustFile
                    + " refused as at the decision instant " + decidedAt + ": " + r.message());
        }
        RecordResult verified = DecisionRecordVerifier.of(anchors).verify(compact);
        if (verified instanceof RecordResult.Invalid invalid) {
            return failed(stdout, "RECORD_REFUSED", invalid.problem().name(), "record " + recordFile + " refused: "
                    + invalid.message());
        }
        RecordResult.Valid valid = (RecordResult.Valid) verified;
        DecisionRecord record = valid.record();
        if (record.historyDigest().isPresent() && history.isEmpty()) {
            throw InputFiles.usage(commandLine, "--history is required: record " + recordFile + " carries a historyDigest");
        }
        PolicySource policy = policy(commandLine, policyBytes, anchors);
        if (policy == null) {
            return Exit.FAILED;
        }
        List<String> notes = new ArrayList<>();
        if (seq != null && record.seq() != seq) {
            notes.add("line " + (seq + 1) + " of " + recordFile + " carries seq " + record.seq() + ", not " + seq
                    + ": run decision verify on the log");
        }
        DecisionReplay replay;
        try {
            replay = DecisionReplay.builder().trustAnchors(anchors).statusListKeys(statusKeys).statusLists(statusLists)
                    .statusListMaxAge(age).vocabularies(Vocabularies.standard()).policy(policy.policy()).build();
        } catch (IllegalArgumentException e) {
            throw InputFiles.usage(commandLine, e.getMessage());
        }
        ReplayResult result = replay.replay(valid, presentation, history.orElse(WorkHistory.empty()));
        notes.addAll(result.notes());
        if (json) {
            stdout.println(toJson(valid, policy, result, notes));
        } else {
            printText(stdout, valid, policy, result, notes);
        }
        return result.isSame() ? Exit.OK : Exit.FAILED;
    }

    /** The one record to replay: the file's only line, or line {@code --seq}+1 of a log. */
    private String recordLine(CommandLine commandLine) {
        String text = InputFiles.readText(commandLine, recordFile, "record file");
        List<String> lines = text.lines().toList();
        if (seq == null) {
            List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
            if (nonBlank.size() != 1) {
                throw InputFiles.usage(commandLine, "record file " + recordFile + " holds " + nonBlank.size()
                        + " lines; give a file of one record, or pick one of a log with --seq N");
            }
            return nonBlank.get(0).strip();
        }
        if (seq < 0 || seq >= lines.size()) {
            throw InputFiles.usage(commandLine, "--seq " + seq + ": record file " + recordFile + " holds " + lines.size()
                    + " lines (seq 0 to " + (lines.size() - 1) + ")");
        }
        return lines.get((int) (long) seq).strip();
    }

    /**
     * The record's decidedAt, read before verification: the trust list and status lists are
     * taken as at that instant. The verifier then checks the same bytes.
     */
    private Instant decidedAt(CommandLine commandLine, String compact) {
        String[] parts = compact.split("\\.", -1);
        String where = "record file " + recordFile;
        if (parts.length != 3) {
            throw InputFiles.usage(commandLine, where + " is not a decision record (a compact JWS, three dot-separated parts)");
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IllegalArgumentException | IOException e) {
            throw InputFiles.usage(commandLine, where + ": the payload is not base64url JSON");
        }
        JsonNode at = payload == null ? null : payload.get("decidedAt");
        if (at == null || !at.isTextual()) {
            throw InputFiles.usage(commandLine, where + ": payload member decidedAt is missing or not a string");
        }
        try {
            return Instant.parse(at.textValue());
        } catch (DateTimeParseException e) {
            throw InputFiles.usage(commandLine, where + ": payload member decidedAt is not an ISO-8601 instant");
        }
    }

    private WorkHistory history(CommandLine commandLine) {
        byte[] bytes = InputFiles.read(commandLine, historyFile, "history file");
        String what = "history file " + historyFile;
        try {
            return PolicyInputs.history(PolicyInputs.object(bytes, what), what);
        } catch (PolicyInputs.BadInput e) {
            throw InputFiles.usage(commandLine, e.getMessage());
        }
    }

    /** Every {@code *.jwt} of the status directory, by file name, read with the file bound. */
    private Map<String, String> statusLists(CommandLine commandLine) {
        if (!Files.isDirectory(statusDir)) {
            throw InputFiles.usage(commandLine, "--status " + statusDir + " is not a directory");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(statusDir, "*" + StatusListStore.FILE_SUFFIX)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            throw InputFiles.usage(commandLine, "--status " + statusDir + " cannot be listed: " + e.getMessage());
        }
        files.sort(null);
        Map<String, String> lists = new LinkedHashMap<>();
        for (Path file : files) {
            lists.put(file.getFileName().toString(), InputFiles.readText(commandLine, file, "status list file").strip());
        }
        return lists;
    }

    /** The policy, plain or signed; null after printing a refused signed policy. */
    private PolicySource policy(CommandLine commandLine, byte[] bytes, TrustAnchors anchors) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.startsWith("{")) {
            try {
                Policy policy = PolicyInputs.policy(bytes, policyFile);
                return new PolicySource(policy, "plain JSON (not signed)", Json.object().put("signed", false));
            } catch (PolicyInputs.BadInput e) {
                throw InputFiles.usage(commandLine, e.getMessage());
            }
        }
        SignedPolicy.Result verified = SignedPolicy.verify(text, anchors);
        if (verified instanceof SignedPolicy.Verified v) {
            return new PolicySource(v.policy(), "signed by " + v.publisher().id() + " (" + v.publisher().organisationCode()
                    + ") at " + v.signedAt(), Json.object().put("signed", true).put("publisher", v.publisher().id())
                    .put("signedAt", v.signedAt().toString()));
        }
        if (verified instanceof SignedPolicy.InvalidPolicy invalid) {
            throw InputFiles.usage(commandLine, "policy file " + policyFile + ": the signed policy is invalid ("
                    + invalid.issues().size() + " problem(s), first " + invalid.issues().get(0) + ")");
        }
        SignedPolicy.Refused refused = (SignedPolicy.Refused) verified;
        failed(commandLine.getOut(), "POLICY_REFUSED", refused.reason().name(), "signed policy " + policyFile + " refused: "
                + refused.message());
        return null;
    }

    private int failed(PrintWriter stdout, String result, String code, String message) {
        if (json) {
            ObjectNode out = Json.object().put("record", recordFile.toString()).put("result", result).put("ok", false);
            out.putObject("problem").put("code", code).put("message", message);
            stdout.println(out);
        } else {
            stdout.println("FAILED: " + message + " (" + code + ")");
        }
        return Exit.FAILED;
    }

    private static String resultName(ReplayResult result) {
        return result instanceof ReplayResult.Same ? "SAME" : result instanceof ReplayResult.Different ? "DIFFERENT"
                : "NOT_REPLAYABLE";
    }

    private ObjectNode toJson(RecordResult.Valid valid, PolicySource policy, ReplayResult result, List<String> notes) {
        DecisionRecord record = valid.record();
        ObjectNode out = Json.object().put("record", recordFile.toString()).put("result", resultName(result))
                .put("ok", result.isSame()).put("seq", record.seq()).put("issuer", record.issuer())
                .put("decidedAt", record.decidedAt().toString()).put("recordDigest", valid.digest())
                .put("recordedOutcome", record.outcome().name());
        if (result instanceof ReplayResult.Same same) {
            out.put("replayedOutcome", same.replayed().outcome().name());
        } else if (result instanceof ReplayResult.Different different) {
            out.put("replayedOutcome", different.replayed().outcome().name());
        } else {
            out.putNull("replayedOutcome");
        }
        ObjectNode policyNode = out.putObject("policy").put("id", policy.policy().id())
                .put("version", policy.policy().version()).put("digest", policy.policy().digest());
        policyNode.setAll(policy.json());
        if (result instanceof ReplayResult.NotReplayable not) {
            out.putObject("problem").put("code", not.problem().name()).put("message", not.message());
        } else {
            out.putNull("problem");
        }
        ArrayNode differences = out.putArray("differences");
        if (result instanceof ReplayResult.Different different) {
            for (ReplayResult.Difference d : different.differences()) {
                differences.addObject().put("member", d.member()).put("recorded", d.recorded()).put("replayed", d.replayed());
            }
        }
        ArrayNode failures = out.putArray("failures");
        if (result instanceof ReplayResult.NotReplayable not) {
            for (PassportFailure f : not.failures()) {
                ObjectNode item = failures.addObject();
                if (f.credentialIndex().isPresent()) {
                    item.put("credential", f.credentialIndex().getAsInt());
                }
                f.vct().ifPresent(v -> item.put("vct", v));
                item.put("code", f.codeName()).put("path", f.path()).put("message", f.message());
            }
        }
        ArrayNode notesOut = out.putArray("notes");
        notes.forEach(notesOut::add);
        return out;
    }

    private void printText(PrintWriter stdout, RecordResult.Valid valid, PolicySource policy, ReplayResult result,
            List<String> notes) {
        DecisionRecord record = valid.record();
        String what = "record " + recordFile + " (seq " + record.seq() + ", decided " + record.decidedAt() + " by "
                + valid.signer().organisationCode() + ")";
        if (result instanceof ReplayResult.Same same) {
            stdout.println("SAME: " + what + " replays to " + same.replayed().outcome() + ", as recorded");
        } else if (result instanceof ReplayResult.Different different) {
            stdout.println("DIFFERENT: " + what + " replays to " + different.replayed().outcome() + "; recorded "
                    + record.outcome());
            table(stdout, different.differences());
        } else {
            ReplayResult.NotReplayable not = (ReplayResult.NotReplayable) result;
            stdout.println("NOT REPLAYABLE: " + what + ": " + not.problem() + ": " + not.message());
            for (PassportFailure f : not.failures()) {
                stdout.println("  " + (f.credentialIndex().isPresent() ? "credential " + f.credentialIndex().getAsInt()
                        : "presentation") + f.vct().map(v -> " (" + v + ")").orElse("") + ": " + f.codeName()
                        + (f.path().isEmpty() ? "" : " at " + f.path()) + ": " + f.message());
            }
        }
        stdout.println("  policy " + policy.policy().id() + " version " + policy.policy().version() + ", "
                + policy.description() + ", digest " + policy.policy().digest());
        notes.forEach(n -> stdout.println("  note: " + n));
    }

    private static void table(PrintWriter stdout, List<ReplayResult.Difference> differences) {
        int member = "member".length();
        int recorded = "recorded".length();
        for (ReplayResult.Difference d : differences) {
            member = Math.max(member, d.member().length());
            recorded = Math.max(recorded, printable(d.recorded()).length());
        }
        String format = "  %-" + member + "s  %-" + recorded + "s  %s%n";
        stdout.printf(format, "member", "recorded", "replayed");
        for (ReplayResult.Difference d : differences) {
            stdout.printf(format, d.member(), printable(d.recorded()), printable(d.replayed()));
        }
    }

    /** Values come from signed records and policies, but still never reach a terminal raw. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 200));
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return text.length() > 200 ? out.append("...").toString() : out.toString();
    }
}
