package org.staffpass.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.rules.Policy;
import org.staffpass.rules.Shift;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code staffpass policy disclosure}: what a worker must present for a shift under a policy. */
@Command(name = "disclosure", mixinStandardHelpOptions = true,
        description = {
            "Print the disclosure request for a shift: the credential types the policy reads and, per type, the",
            "selectively disclosable claims (JSON Pointers, /name/* for every element), so a wallet shows only those.",
            "One line per type (TYPE [pointers]), or --json {credentials: [{type, vct, claims}]}.",
            "Exit 0 printed, 1 invalid policy or shift, 2 usage."})
final class PolicyDisclosure implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "The policy JSON file.")
    Path policyFile;

    @Option(names = "--shift", required = true, paramLabel = "SHIFT_JSON", description = "The shift JSON file.")
    Path shiftFile;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        byte[] policyBytes = InputFiles.read(commandLine, policyFile, "policy file");
        byte[] shiftBytes = InputFiles.read(commandLine, shiftFile, "shift file");
        PrintWriter stdout = commandLine.getOut();
        try {
            Policy policy = PolicyInputs.policy(policyBytes, policyFile);
            String what = "shift file " + shiftFile;
            Shift shift = PolicyInputs.shift(PolicyInputs.object(shiftBytes, what), what);
            DisclosureRequest request = policy.disclosureRequest(shift);
            if (json) {
                stdout.println(PolicyInputs.requestJson(request));
            } else {
                PolicyInputs.requestLines(request).forEach(stdout::println);
            }
            stdout.flush();
            return Exit.OK;
        } catch (PolicyInputs.BadInput e) {
            commandLine.getErr().println(e.getMessage());
            commandLine.getErr().flush();
            return Exit.FAILED;
        }
    }
}
