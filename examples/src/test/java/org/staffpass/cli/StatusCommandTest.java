package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListToken;
import org.staffpass.crypto.status.StatusListVerifier;
import org.staffpass.crypto.status.TokenStatus;

class StatusCommandTest {
    private static final String URI = "https://trust.example.nhs.uk/statuslists/7";
    private static final String T0 = "2026-01-15T10:00:00Z";

    @TempDir
    Path dir;
    private SigningKey key;
    private Path privateJwk;
    private Path publicJwk;

    /** One run of the CLI: exit code and both streams. */
    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out, e);
            }
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaffpassCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void keys() throws IOException {
        key = SigningKey.generate(SignatureAlgorithm.ES256);
        privateJwk = Files.writeString(dir.resolve("issuer.private.jwk"), key.toPrivateJwkJson());
        publicJwk = Files.writeString(dir.resolve("issuer.public.jwk"), key.verificationKey().toJwkJson());
    }

    private Path build(String... extra) {
        Path out = dir.resolve("list.jwt");
        List<String> args = new java.util.ArrayList<>(List.of("status", "build", "--key", privateJwk.toString(),
                "--uri", URI, "--bits", "2", "--size", "16", "--issued-at", T0, "--out", out.toString()));
        args.addAll(List.of(extra));
        Run run = run(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        return out;
    }

    private Run check(Path token, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("status", "check", "--key", publicJwk.toString()));
        args.addAll(List.of(extra));
        args.add(token.toString());
        return run(args.toArray(String[]::new));
    }

    @Test
    void buildWritesATokenTheLibraryVerifies() throws IOException {
        Path statuses = Files.writeString(dir.resolve("statuses.txt"), "# revoked after audit\n3 INVALID\n\n4 0x02\n5 3\n");
        Path out = build("--set", "1=INVALID", "--set", "2=suspended", "--statuses", statuses.toString(),
                "--ttl", "3600", "--expires-in", "P1D");

        String token = Files.readString(out).strip();
        StatusListToken verified = StatusListVerifier.builder().key(key.verificationKey())
                .clock(Clock.fixed(Instant.parse(T0), ZoneOffset.UTC)).build().verify(token).value();
        StatusList list = verified.statusList();
        assertEquals(URI, verified.uri());
        assertEquals(Instant.parse(T0), verified.issuedAt());
        assertEquals(Instant.parse("2026-01-16T10:00:00Z"), verified.expiresAt().orElseThrow());
        assertEquals(3600, verified.timeToLive().orElseThrow().getSeconds());
        assertEquals(16, list.size());
        assertEquals(List.of(TokenStatus.VALID, TokenStatus.INVALID, TokenStatus.SUSPENDED, TokenStatus.INVALID,
                TokenStatus.SUSPENDED, TokenStatus.of(3), TokenStatus.VALID),
                List.of(list.get(0), list.get(1), list.get(2), list.get(3), list.get(4), list.get(5), list.get(6)));
    }

    @Test
    void buildPrintsASummaryAndIsReproducible() throws IOException {
        Run first = run("status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "1024",
                "--set", "9=INVALID", "--issued-at", T0, "--out", dir.resolve("a.jwt").toString(), "--json");
        Run second = run("status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "1024",
                "--set", "9=INVALID", "--issued-at", T0, "--out", dir.resolve("b.jwt").toString());

        assertEquals(0, first.exit(), first.err());
        JsonNode summary = first.json();
        assertEquals(URI, summary.get("uri").textValue());
        assertEquals(1024, summary.get("size").intValue());
        assertEquals(1, summary.get("notValid").intValue());
        assertEquals(1, summary.get("counts").get("INVALID").intValue());
        assertEquals(key.kid(), summary.get("kid").textValue());
        assertTrue(summary.get("expiresAt").isNull());
        assertTrue(second.out().contains("1 not VALID"), second.out());
        assertEquals(Files.readString(dir.resolve("a.jwt")), Files.readString(dir.resolve("b.jwt")), "same inputs, same token");
    }

    @Test
    void checkPrintsEachStatusWithItsExitCode() {
        Path token = build("--set", "1=INVALID", "--set", "2=SUSPENDED", "--set", "3=3");
        String at = "2026-01-15T12:00:00Z";

        Run valid = check(token, "--index", "0", "--at", at);
        assertEquals(0, valid.exit(), valid.err());
        assertTrue(valid.out().startsWith("VALID: entry 0 of " + URI), valid.out());
        assertEquals("", valid.err());

        Run invalid = check(token, "--index", "1", "--at", at);
        assertEquals(1, invalid.exit());
        assertTrue(invalid.out().startsWith("INVALID: entry 1"), invalid.out());
        Run suspended = check(token, "--index", "2", "--at", at);
        assertEquals(1, suspended.exit());
        assertTrue(suspended.out().startsWith("SUSPENDED:"), suspended.out());
        Run application = check(token, "--index", "3", "--at", at);
        assertEquals(1, application.exit());
        assertTrue(application.out().startsWith("0x03:"), application.out());
    }

    @Test
    void checkJsonNamesStatusOrReason() {
        Path token = build("--set", "1=INVALID");
        JsonNode valid = check(token, "--index", "0", "--at", "2026-01-15T12:00:00Z", "--json").json();
        assertEquals("VALID", valid.get("status").textValue());
        assertEquals(0, valid.get("value").intValue());
        assertTrue(valid.get("valid").booleanValue());
        assertTrue(valid.get("reason").isNull());
        assertEquals(T0, valid.get("issuedAt").textValue());

        Run stale = check(token, "--index", "0", "--at", "2026-01-17T10:00:00Z", "--json");
        assertEquals(1, stale.exit());
        assertEquals("STATUS_LIST_STALE", stale.json().get("reason").textValue());
        assertFalse(stale.json().get("valid").booleanValue());
        assertTrue(stale.json().get("status").isNull());
    }

    @Test
    void staleUnknownOutOfRangeAndRejectedExitOne() throws IOException {
        Path token = build("--expires-in", "PT6H");

        Run stale = check(token, "--index", "0", "--at", "2026-01-15T12:00:00Z", "--max-age", "PT1H");
        assertEquals(1, stale.exit());
        assertTrue(stale.out().startsWith("NO STATUS STATUS_LIST_STALE"), stale.out());

        Run fresh = check(token, "--index", "0", "--at", "2026-01-15T12:00:00Z", "--max-age", "PT3H");
        assertEquals(0, fresh.exit(), fresh.out());

        Run expired = check(token, "--index", "0", "--at", "2026-01-15T17:00:00Z", "--max-age", "P7D");
        assertEquals(1, expired.exit());
        assertTrue(expired.out().startsWith("NO STATUS EXPIRED"), expired.out());

        Run otherUri = check(token, "--index", "0", "--at", "2026-01-15T12:00:00Z", "--uri", URI + "/other");
        assertEquals(1, otherUri.exit());
        assertTrue(otherUri.out().startsWith("NO STATUS STATUS_LIST_UNKNOWN"), otherUri.out());
        assertEquals(0, check(token, "--index", "0", "--at", "2026-01-15T12:00:00Z", "--uri", URI).exit());

        Run outOfRange = check(token, "--index", "16", "--at", "2026-01-15T12:00:00Z");
        assertEquals(1, outOfRange.exit());
        assertTrue(outOfRange.out().startsWith("NO STATUS STATUS_INDEX_OUT_OF_RANGE"), outOfRange.out());

        SigningKey stranger = SigningKey.generate(SignatureAlgorithm.ES256);
        Path strangerJwk = Files.writeString(dir.resolve("stranger.public.jwk"), stranger.verificationKey().toJwkJson());
        Run wrongKey = run("status", "check", "--key", strangerJwk.toString(), "--index", "0",
                "--at", "2026-01-15T12:00:00Z", token.toString());
        assertEquals(1, wrongKey.exit());
        assertTrue(wrongKey.out().startsWith("NO STATUS KID_MISMATCH"), wrongKey.out());

        Path garbage = Files.writeString(dir.resolve("garbage.jwt"), "not a token\n");
        Run malformed = check(garbage, "--index", "0");
        assertEquals(1, malformed.exit());
        assertTrue(malformed.out().startsWith("NO STATUS MALFORMED"), malformed.out());
    }

    @Test
    void usageErrorsExitTwoWithOneLineOnStderr() {
        Path token = build();
        List<String[]> misuses = List.of(
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "3", "--size", "8",
                    "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "12",
                    "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", "not a uri", "--bits", "1",
                    "--size", "8", "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "8",
                    "--set", "1=SUSPENDED", "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "8",
                    "--set", "8=INVALID", "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "8",
                    "--set", "1=INVALID", "--set", "1=VALID", "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", publicJwk.toString(), "--uri", URI, "--bits", "1", "--size", "8",
                    "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "8",
                    "--expires-in", "tomorrow", "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "8",
                    "--ttl", "0", "--out", dir.resolve("x.jwt").toString()},
                new String[] {"status", "check", "--key", publicJwk.toString(), "--index", "-1", token.toString()},
                new String[] {"status", "check", "--key", publicJwk.toString(), "--index", "0", "--max-age", "1 day",
                    token.toString()},
                new String[] {"status", "check", "--key", publicJwk.toString(), "--index", "0", "--at", "yesterday",
                    token.toString()},
                new String[] {"status", "check", "--key", publicJwk.toString(), "--index", "0",
                    dir.resolve("missing.jwt").toString()},
                new String[] {"status", "check", "--key", dir.resolve("missing.jwk").toString(), "--index", "0",
                    token.toString()},
                new String[] {"status", "check", "--key", publicJwk.toString(), token.toString()},
                new String[] {"status"});
        for (String[] args : misuses) {
            Run run = run(args);
            String shown = String.join(" ", args);
            assertEquals(2, run.exit(), shown + "\n" + run.err());
            assertEquals("", run.out(), shown);
            assertEquals(1, run.err().strip().lines().count(), shown + "\n" + run.err());
        }
        assertFalse(Files.exists(dir.resolve("x.jwt")), "no usage error writes a token");
    }

    @Test
    void statusesFileErrorsNameFileAndLine() throws IOException {
        Path statuses = Files.writeString(dir.resolve("statuses.txt"), "1 INVALID\n2 REVOKED\n");
        Run run = run("status", "build", "--key", privateJwk.toString(), "--uri", URI, "--bits", "1", "--size", "8",
                "--statuses", statuses.toString(), "--out", dir.resolve("x.jwt").toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains(statuses + " line 2"), run.err());
    }

    @Test
    void helpDescribesEveryOption() {
        for (String sub : List.of("build", "check")) {
            Run help = run("status", sub, "--help");
            assertEquals(0, help.exit());
            var spec = StaffpassCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                    .getSubcommands().get("status").getSubcommands().get(sub).getCommandSpec();
            for (var option : spec.options()) {
                assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                        sub + " " + option.longestName() + " has no description");
                assertTrue(help.out().contains(option.longestName()), sub + " help lacks " + option.longestName());
            }
        }
        assertTrue(run("--help").out().contains("status"));
    }
}
