package org.staffpass.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.staffpass.rules.Policy;
import org.staffpass.rules.PolicyIssue;
import org.staffpass.rules.PolicyResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code staffpass policy}: check eligibility policies (docs/policy-language.md). */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Check eligibility and rate policies against the policy language (format v1), and evaluate shifts.",
        subcommands = {PolicyCommand.Check.class, PolicyEvaluate.class, PolicyDisclosure.class,
            PolicyTestExamples.class})
final class PolicyCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw InputFiles.usage(spec.commandLine(), "choose a subcommand: check, evaluate, disclosure, test");
    }

    /** {@code staffpass policy check POLICY [--json]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {
                "Validate a policy document: structure, vocabulary codes, and contradictions between parameters.",
                "Prints the policy's id, version and digest, or every problem as CODE at /json/pointer: message.",
                "Exit 0 valid, 1 invalid, 2 usage or an unreadable file."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "POLICY", description = "The policy JSON file (see docs/schemas/policy.schema.json).")
        Path file;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            byte[] bytes = InputFiles.read(commandLine, file, "policy file");
            PrintWriter stdout = commandLine.getOut();
            PolicyResult result = Policy.parse(bytes);
            if (result instanceof PolicyResult.Valid valid) {
                Policy policy = valid.policy();
                if (json) {
                    stdout.println(Json.object().put("valid", true).put("id", policy.id())
                            .put("version", policy.version()).put("digest", policy.digest()));
                } else {
                    stdout.println("VALID policy " + policy.id() + " version " + policy.version());
                    stdout.println("  digest " + policy.digest());
                }
                stdout.flush();
                return Exit.OK;
            }
            PolicyResult.Invalid invalid = (PolicyResult.Invalid) result;
            if (json) {
                ObjectNode out = Json.object().put("valid", false);
                ArrayNode problems = out.putArray("problems");
                for (PolicyIssue issue : invalid.issues()) {
                    problems.addObject().put("code", issue.problem().name()).put("pointer", issue.pointer())
                            .put("message", issue.message());
                }
                stdout.println(out);
            } else {
                invalid.issues().forEach(stdout::println);
            }
            stdout.flush();
            return Exit.FAILED;
        }
    }
}
