package org.staffpass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code staffpass demo} as a newcomer runs it (on a small region), and its usage errors. */
class DemoCommandTest {
    @Test
    void theDemoPrintsItsReportAndTheAuditorsCommand(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaffpassCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("demo", "--workers", "120", "--shifts", "20", "--seed", "5", "--out", dir.toString());
        assertEquals(0, exit, out + "\n" + err);
        String stdout = out.toString();
        assertTrue(stdout.startsWith("Staffpass demo: a collaborative bank's month"), stdout);
        assertTrue(stdout.contains("Seed 5: 120 workers, 9 trusts, 20 vacant shifts"), stdout);
        assertTrue(stdout.contains("./staffpass decision verify --trust " + dir.resolve("trust-list.jws")), stdout);
        assertTrue(err.toString().contains("demo: building the region"), "progress goes to stderr: " + err);
        assertEquals(Files.readString(dir.resolve("report.txt")), stdout.substring(0, Files.readString(dir.resolve("report.txt")).length()));

        // The printed replay command works as printed (minus the launcher): record 0 replays the same.
        String replayLine = stdout.lines().filter(l -> l.startsWith("  ./staffpass decision replay ")).findFirst().orElseThrow();
        String[] args = replayLine.trim().substring("./staffpass ".length()).split(" ");
        StringWriter replayOut = new StringWriter();
        int replayExit = StaffpassCommand.commandLine(new PrintWriter(replayOut), new PrintWriter(new StringWriter()))
                .execute(args);
        assertEquals(0, replayExit, replayOut.toString());
        assertTrue(replayOut.toString().contains("SAME"), replayOut.toString());
    }

    @Test
    void sizesOutOfRangeAreUsageErrors(@TempDir Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = StaffpassCommand.commandLine(new PrintWriter(out), new PrintWriter(err))
                .execute("demo", "--workers", "0", "--out", dir.toString());
        assertEquals(2, exit);
        assertEquals("", out.toString());
        assertTrue(err.toString().contains("--workers"), err.toString());
    }
}
