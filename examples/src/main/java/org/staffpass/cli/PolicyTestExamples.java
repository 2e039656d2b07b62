package org.staffpass.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.vocab.Vocabularies;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.RuleCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code staffpass policy test POLICY...}: run the examples embedded in policies. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {
            "Run each policy's embedded examples: one line per case, PASS name or FAIL name: expected ..., actual ...",
            "(outcome, and the failed reason codes when the case states them). A case whose worker's claims fail",
            "passport-core's validation at the case's instant fails too.",
            "Exit 0 every case of every policy passed, 1 a case failed or a policy is invalid, 2 usage or an unreadable file."})
final class PolicyTestExamples implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "POLICY", description = "Policy JSON files.")
    List<Path> files;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        PrintWriter stdout = commandLine.getOut();
        PrintWriter stderr = commandLine.getErr();
        boolean allPassed = true;
        for (Path file : files) {
            byte[] bytes = InputFiles.read(commandLine, file, "policy file");
            Policy policy;
            try {
                policy = PolicyInputs.policy(bytes, file);
            } catch (PolicyInputs.BadInput e) {
                stderr.println(e.getMessage());
                allPassed = false;
                continue;
            }
            stdout.println(file + ": policy " + policy.id() + " version " + policy.version() + ", "
                    + policy.examples().size() + " example(s)");
            int failed = 0;
            for (Policy.Example example : policy.examples()) {
                String problem = check(example, policy);
                if (problem == null) {
                    stdout.println("PASS " + example.name());
                } else {
                    stdout.println("FAIL " + example.name() + ": " + problem);
                    failed++;
                }
            }
            stdout.println(failed == 0 ? "all " + policy.examples().size() + " passed"
                    : failed + " of " + policy.examples().size() + " failed");
            allPassed &= failed == 0;
        }
        stdout.flush();
        stderr.flush();
        return allPassed ? Exit.OK : Exit.FAILED;
    }

    /** Why the example fails, or null when it passes. */
    private static String check(Policy.Example example, Policy policy) {
        CredentialValidator validator = CredentialValidator.create(Vocabularies.standard(),
                Clock.fixed(example.at(), ZoneOffset.UTC));
        for (PassportFacts.CredentialFacts f : example.facts().credentials().values()) {
            CredentialResult<?> r = validator.validate(f.credential());
            if (!r.isValid()) {
                return "worker " + example.worker() + " has an invalid " + f.credential().credentialType() + " credential: "
                        + r.violations().get(0);
            }
        }
        Decision d = example.decide(policy);
        Set<RuleCode> failing = d.findings().stream().filter(f -> !f.passed()).map(Finding::code)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean outcomeOk = d.outcome() == example.expect();
        boolean codesOk = example.expectFailing().map(codes -> new TreeSet<>(codes).equals(failing)).orElse(true);
        if (outcomeOk && codesOk) {
            return null;
        }
        return "expected " + example.expect() + example.expectFailing().map(c -> " " + new TreeSet<>(c)).orElse("")
                + ", actual " + d.outcome() + " " + failing;
    }
}
