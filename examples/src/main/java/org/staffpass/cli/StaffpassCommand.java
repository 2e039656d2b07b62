package org.staffpass.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code staffpass} command line: noun-verb subcommands for issuers, verifying
 * organisations and auditors.
 *
 * <p>Exit codes everywhere: 0 ok, 1 checked and failed, 2 usage or unreadable input; an
 * unexpected failure exits 70 (EX_SOFTWARE) so a script never mistakes a crash for "rejected".
 */
@Command(name = "staffpass",
        mixinStandardHelpOptions = true,
        versionProvider = StaffpassCommand.Version.class,
        description = "Signed staff passports, SD-JWT credentials, trust lists, status lists and decision records, verified offline.",
        subcommands = {
            KeysCommand.class,
            JwsCommand.class,
            StatusCommand.class,
            TrustListCommand.class,
            SdJwtCommand.class,
            PassportCommand.class,
            PolicyCommand.class,
            DecisionCommand.class,
            DemoCommand.class,
        })
public final class StaffpassCommand implements Runnable {
    /** Exit code for a bug: outside 0-2 so it is never read as a verdict. */
    public static final int EXIT_SOFTWARE = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI and exits with its code. */
    public static void main(String[] args) {
        CliLogging.configure();
        System.exit(commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args));
    }

    /** A configured command line writing to the given streams (tests run commands in-process). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new StaffpassCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        // Usage errors are one line on stderr, stdout stays empty: scripts parse stdout.
        commandLine.setParameterExceptionHandler((exception, args) -> {
            exception.getCommandLine().getErr().println("staffpass: " + exception.getMessage()
                    + " (see '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return Exit.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cl, parseResult) -> {
            cl.getErr().println("staffpass: internal error: " + exception);
            exception.printStackTrace(cl.getErr());
            return EXIT_SOFTWARE;
        });
        return commandLine;
    }

    /** Version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = StaffpassCommand.class.getPackage().getImplementationVersion();
            return new String[] {"staffpass " + (version == null ? "development" : version)};
        }
    }
}
