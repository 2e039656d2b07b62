package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust layer's gallery of refusals: every demo token gets the outcome it must. */
class DemoAttacksCommandTest {

    @Test
    void demoRunsOfflineAndEveryTokenGetsItsExpectedOutcome(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaffpassCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("demo", "attacks", "--out", dir.toString());

        String report = out.toString();
        assertEquals(0, exit, report + err);
        assertTrue(report.contains("12 of 12 tokens got the outcome"), report);
        assertTrue(!report.contains("FAIL"), report);
        for (String code : List.of("VALID", "STATUS_INVALID", "STATUS_SUSPENDED", "EXPIRED", "SIGNATURE_INVALID",
                "ISSUER_NOT_AUTHORISED_FOR_TYPE", "ISSUER_SUSPENDED", "STATUS_LIST_STALE", "ALG_NOT_ALLOWED",
                "HEADER_NOT_ALLOWED", "TRUST_LIST_ROLLBACK")) {
            assertTrue(report.contains(code), "report names " + code);
        }
        for (String file : List.of("trust-list.jws", "trust-list-v1.jws", "trust-list.json", "tokens.txt", "report.txt",
                "keys/operator.public.jwk", "keys/lead-employer.public.jwk", "status/lead-employer.jwt",
                "status/trust-hr.jwt")) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        assertEquals(report, Files.readString(dir.resolve("report.txt")));
    }

    @Test
    void auditorCanRecheckTheDemoFilesWithTheCli(@TempDir Path dir) {
        StaffpassCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .execute("demo", "attacks", "--out", dir.toString());

        StringWriter trustOut = new StringWriter();
        int trustExit = StaffpassCommand.commandLine(new PrintWriter(trustOut), new PrintWriter(new StringWriter()))
                .execute("trustlist", "verify", "--root", dir.resolve("keys/operator.public.jwk").toString(),
                        dir.resolve("trust-list.jws").toString());
        assertEquals(0, trustExit, trustOut.toString());

        StringWriter jwsOut = new StringWriter();
        int jwsExit = StaffpassCommand.commandLine(new PrintWriter(jwsOut), new PrintWriter(new StringWriter()))
                .execute("jws", "verify", "--key", dir.resolve("keys/lead-employer.public.jwk").toString(),
                        "--in", dir.resolve("tokens.txt").toString());
        // Tokens from other issuers, forgeries and tampering fail with the lead employer's key alone.
        assertEquals(1, jwsExit);
        List<String> lines = jwsOut.toString().lines().toList();
        assertEquals(12, lines.size(), jwsOut.toString());
        assertTrue(lines.get(0).contains("\"valid\":true"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"reason\":\"SIGNATURE_INVALID\"")), jwsOut.toString());
    }
}
