package org.staffpass.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Decision;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code staffpass policy evaluate}: decide one shift for one worker's passport facts and
 * history under a policy, every family (docs/policy-language.md, "Evaluation").
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {
            "Decide a shift under a policy for a worker: passport facts, working time at every trust, and the offered rate.",
            "Prints the outcome, every finding, the pay, the approvals needed and what the passport must still disclose.",
            "Passport file: passport facts (docs/schemas/passport-facts.schema.json).",
            "Shift file: {organisation, site, department, specialty, minGrade, maxGrade, start, end (Europe/London",
            "local YYYY-MM-DDTHH:MM), channel (BANK|AGENCY), hourlyRate (decimal string), bankReleaseAt (instant, optional)}.",
            "History file: {shifts: [{organisation, start, end (instants, e.g. 2026-06-09T07:00:00Z)}]}.",
            "Break-glass file: {role, approverId, reason, approvedAt (instant)}.",
            "Exit 0 a decision was made (any outcome), 1 invalid policy, passport, shift, history or break glass, 2 usage."})
final class PolicyEvaluate implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "The policy JSON file.")
    Path policyFile;

    @Option(names = "--passport", required = true, paramLabel = "FACTS_JSON", description = "The worker's passport facts JSON file.")
    Path passportFile;

    @Option(names = "--shift", required = true, paramLabel = "SHIFT_JSON", description = "The shift JSON file.")
    Path shiftFile;

    @Option(names = "--history", required = true, paramLabel = "HISTORY_JSON", description = "The history JSON file.")
    Path historyFile;

    @Option(names = "--at", required = true, paramLabel = "INSTANT", description = "When the decision is made (ISO instant).")
    String at;

    @Option(names = "--break-glass", paramLabel = "FILE", description = "A recorded break-glass approval JSON file.")
    Path breakGlassFile;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        Instant when = OptionValues.instant(commandLine, at, "--at");
        byte[] policyBytes = InputFiles.read(commandLine, policyFile, "policy file");
        byte[] passportBytes = InputFiles.read(commandLine, passportFile, "passport file");
        byte[] shiftBytes = InputFiles.read(commandLine, shiftFile, "shift file");
        byte[] historyBytes = InputFiles.read(commandLine, historyFile, "history file");
        byte[] breakGlassBytes = breakGlassFile == null ? null : InputFiles.read(commandLine, breakGlassFile, "break-glass file");
        PrintWriter stdout = commandLine.getOut();
        PrintWriter stderr = commandLine.getErr();
        try {
            Policy policy = PolicyInputs.policy(policyBytes, policyFile);
            PassportFacts facts = PolicyInputs.facts(passportBytes, "passport file " + passportFile, when);
            String shiftWhat = "shift file " + shiftFile;
            Shift shift = PolicyInputs.shift(PolicyInputs.object(shiftBytes, shiftWhat), shiftWhat);
            String historyWhat = "history file " + historyFile;
            WorkHistory history = PolicyInputs.history(PolicyInputs.object(historyBytes, historyWhat), historyWhat);
            Decision decision;
            if (breakGlassBytes != null) {
                String what = "break-glass file " + breakGlassFile;
                BreakGlass approval = PolicyInputs.breakGlass(PolicyInputs.object(breakGlassBytes, what), what);
                decision = policy.evaluate(facts, shift, history, when, approval);
            } else {
                decision = policy.evaluate(facts, shift, history, when);
            }
            if (json) {
                stdout.println(PolicyInputs.decisionJson(decision));
            } else {
                PolicyInputs.decisionLines(decision).forEach(stdout::println);
            }
            stdout.flush();
            return Exit.OK;
        } catch (PolicyInputs.BadInput e) {
            stderr.println(e.getMessage());
            stderr.flush();
            return Exit.FAILED;
        }
    }
}
