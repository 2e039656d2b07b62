package org.staffpass.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.staffpass.cli.demo.region.RegionCalendar;
import org.staffpass.cli.demo.region.RegionDemo;
import org.staffpass.cli.demo.region.RegionOrganisations;
import org.staffpass.cli.demo.region.RegionReport;
import org.staffpass.cli.demo.region.ReportText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code staffpass demo}: the README's main job. Builds a synthetic collaborative bank (a
 * scheme operator, a lead employer, nine trusts, 2,000 workers with full passports and a
 * realistic share of problems), publishes its trust list, status lists and signed policies,
 * and runs a month's booking offline: presentations with minimal disclosure, verification,
 * decisions, and a signed, hash-chained decision log. Prints the report; writes it as text,
 * JSON and a self-contained HTML page beside every file an auditor needs. Exit 0 when the run
 * completed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = DemoAttacksCommand.class,
        description = {
            "Run the whole mission offline on a synthetic region: issue passports, present them",
            "with minimal disclosure, verify them, decide 500 shifts, sign and chain every",
            "decision, and report. Writes its files into --out (default: a new temporary directory).",
            "'demo attacks' shows the trust layer refusing forged and stale tokens one by one."})
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the demo's files (created; default: a new temporary directory).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261123",
            description = "Seed of the synthetic region (default ${DEFAULT-VALUE}); the same seed gives the same "
                    + "decisions and the same decisions.log bytes.")
    long seed;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2000", description = "Workers in the region (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--shifts", paramLabel = "N", defaultValue = "500", description = "Vacant shifts in the month (default ${DEFAULT-VALUE}).")
    int shifts;

    /** The {@code decision replay} command line for record 0 of the demo in {@code dir}. */
    static java.util.List<String> replayCommand(Path dir, RegionReport.FirstDecision first) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("./staffpass", "decision", "replay",
                "--record", dir.resolve("decisions.log").toString(), "--seq", "0",
                "--presentation", dir.resolve("presentations").resolve(first.application() + ".json").toString(),
                "--history", dir.resolve("histories").resolve(first.application() + ".json").toString(),
                "--policy", dir.resolve("policies").resolve(first.policy() + ".jws").toString(),
                "--trust", dir.resolve("trust-list.jws").toString(), "--root", dir.resolve("keys/operator.jwk").toString(),
                "--status", dir.resolve("status").toString()));
        for (String issuer : RegionOrganisations.issuerCodes()) {
            args.add("--status-key");
            args.add(dir.resolve("keys").resolve(RegionOrganisations.fileName(issuer) + ".jwk").toString());
        }
        return args;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        if (workers < 1 || workers > 100_000 || shifts < 1 || shifts > 10_000) {
            throw InputFiles.usage(commandLine, "--workers must be 1..100000 and --shifts 1..10000");
        }
        Path dir;
        try {
            dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("staffpass-demo-");
        } catch (IOException e) {
            throw InputFiles.usage(commandLine, "cannot create the demo directory " + out + ": " + e.getMessage());
        }
        PrintWriter err = commandLine.getErr();
        RegionReport report = RegionDemo.run(new RegionDemo.Settings(seed, workers, shifts, 8), dir, line -> {
            err.println("demo: " + line);
            err.flush();
        });
        PrintWriter stdout = commandLine.getOut();
        stdout.print(ReportText.text(report));
        stdout.println();
        stdout.println("Files: " + dir.toAbsolutePath());
        stdout.println("  report.txt, report.json, report.html (open it in a browser), decisions.log, trust-list.jws,");
        stdout.println("  keys/, status/, policies/ (JSON and publisher-signed), presentations/, histories/");
        stdout.println();
        stdout.println("Check the decision log yourself, offline (the demo runs at the simulated booking time):");
        stdout.println("  ./staffpass decision verify --trust " + dir.resolve("trust-list.jws") + " --root "
                + dir.resolve("keys/operator.jwk") + " --at " + RegionCalendar.BOOKING_RUN + " "
                + dir.resolve("decisions.log"));
        report.firstDecision().ifPresent(first -> {
            stdout.println();
            stdout.println("Replay its first decision: re-verify the presentation and re-decide at the recorded time:");
            stdout.println("  " + String.join(" ", replayCommand(dir, first)));
        });
        stdout.flush();
        return Exit.OK;
    }
}
