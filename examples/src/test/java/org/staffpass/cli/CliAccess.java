package org.staffpass.cli;

import java.io.PrintWriter;

/** Runs the CLI in-process from tests in other packages. */
public final class CliAccess {
    private CliAccess() {
    }

    /** The exit code of {@code staffpass args...}, with stdout and stderr written to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return StaffpassCommand.commandLine(out, err).execute(args);
    }
}
