package org.staffpass.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.staffpass.cli.demo.DemoCredentialChecker;
import org.staffpass.cli.demo.DemoRegion;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code staffpass demo attacks}: a gallery of the trust layer's refusals. Builds a small
 * synthetic region (scheme operator, issuers, signed trust list, status lists, good and bad
 * credential tokens) in a directory, verifies every token offline as a receiving organisation
 * would, and prints a report. Exit 0 when every token got the outcome a correct verifier must
 * give it.
 */
@Command(name = "attacks", mixinStandardHelpOptions = true,
        description = {
            "The trust layer's refusals, one by one: keys, a signed trust list, status lists, and",
            "verification of good and bad credential tokens, with a readable report.",
            "Writes its files (keys, trust list, status lists, tokens, report) into --out."})
final class DemoAttacksCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for the demo's files (created; default: a new temporary directory).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261123",
            description = "Seed for the synthetic keys (default ${DEFAULT-VALUE}); the same seed gives the same keys.")
    long seed;

    /** The clock the demo runs on; tests may replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws IOException {
        CommandLine commandLine = spec.commandLine();
        Path dir = prepare(commandLine);
        StringWriter buffer = new StringWriter();
        PrintWriter report = new PrintWriter(buffer);
        boolean allAsExpected = run(dir, report);
        report.flush();
        Files.writeString(dir.resolve("report.txt"), buffer.toString(), StandardCharsets.UTF_8);
        commandLine.getOut().print(buffer);
        commandLine.getOut().flush();
        return allAsExpected ? Exit.OK : Exit.FAILED;
    }

    private Path prepare(CommandLine commandLine) {
        try {
            Path dir = out != null ? out : Files.createTempDirectory("staffpass-demo-");
            Files.createDirectories(dir.resolve("keys"));
            Files.createDirectories(dir.resolve("status"));
            return dir;
        } catch (IOException e) {
            throw InputFiles.usage(commandLine, "cannot create the demo directory " + out + ": " + e.getMessage());
        }
    }

    private boolean run(Path dir, PrintWriter report) throws IOException {
        long started = System.nanoTime();
        DemoRegion region = new DemoRegion(seed, clock);
        report.println("Staffpass demo attacks: the trust layer's refusals");
        report.println("==================================================");
        report.println("Directory: " + dir.toAbsolutePath());
        report.println("Clock:     " + clock.instant());
        report.println();

        write(dir.resolve("keys/operator.public.jwk"), region.operatorKey().toJwkJson());
        for (Map.Entry<String, org.staffpass.crypto.VerificationKey> issuer : region.issuerKeys().entrySet()) {
            write(dir.resolve("keys/" + issuer.getKey() + ".public.jwk"), issuer.getValue().toJwkJson());
        }
        write(dir.resolve("trust-list-v1.jws"), region.trustListV1());
        write(dir.resolve("trust-list.jws"), region.trustListV2());
        write(dir.resolve("trust-list.json"), region.trustListPayloadV2());

        boolean ok = true;
        report.println("1. Trust list (signed by the scheme operator, pinned root " + region.operatorKey().kid().orElseThrow() + ")");
        Verification<TrustAnchors> loaded = TrustAnchors.load(region.trustListV1(), List.of(region.operatorKey()), clock);
        ok &= line(report, "load version 1", loaded.isAccepted(), describe(loaded));
        TrustAnchors anchors = loaded.value();
        Verification<TrustList> newer = anchors.update(region.trustListV2());
        ok &= line(report, "update to version 2 (agency suspended)", newer.isAccepted(), describe(newer));
        Verification<TrustList> replay = anchors.update(region.trustListV1());
        ok &= line(report, "replay version 1 over version 2", !replay.isAccepted(), describe(replay));
        for (var issuer : anchors.current().orElseThrow().issuers()) {
            report.printf("     issuer %-28s %-5s %-9s types %s%n", issuer.name(), issuer.organisationCode(),
                    issuer.status().jsonName(), issuer.credentialTypes().size());
        }
        report.println();

        report.println("2. Status lists (loaded from " + dir.resolve("status") + ", freshness policy 24 h)");
        for (Map.Entry<String, String> file : new TreeMap<>(region.statusLists()).entrySet()) {
            write(dir.resolve("status").resolve(file.getKey()), file.getValue());
        }
        StatusListStore store = StatusListStore.builder().trustedKeys(region.issuerKeys().values())
                .clock(clock).maxAge(Duration.ofHours(24)).build();
        for (StatusListStore.LoadResult result : store.loadDirectory(dir.resolve("status"))) {
            ok &= line(report, "load " + Path.of(result.source()).getFileName(), result.isStored(), describe(result));
        }
        report.println();

        report.println("3. Credentials verified offline (" + region.cases().size() + " tokens, written to tokens.txt)");
        DemoCredentialChecker checker = new DemoCredentialChecker(anchors, store, clock);
        StringBuilder tokens = new StringBuilder();
        Map<String, Integer> byOutcome = new TreeMap<>();
        int asExpected = 0;
        for (DemoRegion.Case demoCase : region.cases()) {
            tokens.append(demoCase.token()).append('\n');
            DemoCredentialChecker.Outcome outcome = checker.check(demoCase.token());
            boolean expected = outcome.code().equals(demoCase.expected());
            asExpected += expected ? 1 : 0;
            ok &= expected;
            byOutcome.merge(outcome.code(), 1, Integer::sum);
            report.printf("  %s %-52s -> %-31s %s%n", expected ? "ok  " : "FAIL", demoCase.name(), outcome.code(),
                    expected ? "(" + demoCase.why() + ")" : "expected " + demoCase.expected() + ": " + outcome.detail());
        }
        write(dir.resolve("tokens.txt"), tokens.toString().strip());
        report.println();

        report.println("4. Summary");
        byOutcome.forEach((code, count) -> report.printf("     %-31s %d%n", code, count));
        report.printf("     %d of %d tokens got the outcome a correct verifier must give; %s%n", asExpected,
                region.cases().size(), ok ? "all checks passed." : "SOME CHECKS FAILED.");
        report.printf("     finished in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
        report.println();
        report.println("Check the files yourself (each command works offline):");
        report.println("  ./staffpass trustlist verify --root " + dir.resolve("keys/operator.public.jwk") + " " + dir.resolve("trust-list.jws"));
        report.println("  ./staffpass status check --key " + dir.resolve("keys/lead-employer.public.jwk") + " --index 7 "
                + dir.resolve("status/lead-employer.jwt"));
        report.println("  ./staffpass jws verify --key " + dir.resolve("keys/lead-employer.public.jwk") + " --in " + dir.resolve("tokens.txt"));
        return ok;
    }

    private static boolean line(PrintWriter report, String what, boolean passed, String detail) {
        report.printf("  %s %-40s %s%n", passed ? "ok  " : "FAIL", what, detail);
        return passed;
    }

    private static String describe(Verification<?> verification) {
        if (verification instanceof Verification.Rejected<?> r) {
            return "refused: " + r.reason() + " (" + r.message() + ")";
        }
        Object value = verification.value();
        if (value instanceof TrustList list) {
            return "accepted: sequence " + list.sequence() + ", " + list.issuers().size() + " issuers, expires " + list.expiresAt();
        }
        if (value instanceof TrustAnchors anchors) {
            return "accepted: " + anchors.current().map(l -> "sequence " + l.sequence()).orElse("no list");
        }
        return "accepted";
    }

    private static String describe(StatusListStore.LoadResult result) {
        if (result instanceof StatusListStore.LoadResult.Stored stored) {
            return "verified and stored: " + stored.uri() + ", issued " + stored.issuedAt();
        }
        if (result instanceof StatusListStore.LoadResult.Rejected rejected) {
            return "refused: " + rejected.reason() + " (" + rejected.message() + ")";
        }
        return result.toString();
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content + "\n", StandardCharsets.UTF_8);
    }
}
