package org.staffpass.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerifiedJws;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code staffpass jws}: check compact JWS, for example a log of tokens. */
@Command(name = "jws", mixinStandardHelpOptions = true,
        description = "Verify compact JWS with a pinned key.",
        subcommands = JwsCommand.Verify.class)
final class JwsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: verify");
    }

    /** {@code staffpass jws verify --key JWK_FILE [--in FILE|-]}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {
                "Verify one compact JWS per input line with the key in JWK_FILE.",
                "Prints one JSON line per token: {\"line\":n,\"valid\":true|false,\"reason\":CODE|null,...}.",
                "Lines that are empty or only white space are skipped (but counted).",
                "Exit 0 if all valid, 1 if any invalid, 2 on usage or an unreadable key or input."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "JWK_FILE",
                description = "Public JWK (EC P-256 or OKP Ed25519) that must have signed every token.")
        Path keyFile;

        @Option(names = "--in", paramLabel = "FILE", defaultValue = "-",
                description = "File with one token per line, or - for standard input (default).")
        String in;

        @Option(names = "--typ", paramLabel = "TYP", description = "Require this header typ on every token.")
        String typ;

        @Option(names = "--max-length", paramLabel = "CHARS", defaultValue = "" + JwsVerifier.DEFAULT_MAX_LENGTH,
                description = "Longest token accepted, in characters (default ${DEFAULT-VALUE}); longer is TOO_LARGE.")
        int maxLength;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            VerificationKey key = InputFiles.verificationKey(commandLine, keyFile);
            if (maxLength < 16) {
                throw InputFiles.usage(commandLine, "--max-length must be at least 16");
            }
            JwsVerifier.Builder builder = JwsVerifier.builder().key(key).maxLength(maxLength);
            if (typ != null) {
                builder.expectedType(typ);
            }
            JwsVerifier verifier = builder.build();
            boolean allValid = true;
            try (BufferedReader reader = new BufferedReader(open(commandLine))) {
                String line;
                int number = 0;
                while ((line = readBoundedLine(reader, maxLength)) != null) {
                    number++;
                    String token = line.strip();
                    if (token.isEmpty()) {
                        continue;
                    }
                    ObjectNode result = Json.object().put("line", number);
                    Verification<VerifiedJws> verification = token.equals(OVERSIZED)
                            ? Verification.rejected(org.staffpass.crypto.ReasonCode.TOO_LARGE,
                                    "line is longer than " + maxLength + " characters")
                            : verifier.verify(token);
                    if (verification instanceof Verification.Rejected<VerifiedJws> r) {
                        allValid = false;
                        result.put("valid", false).put("reason", r.reason().name()).put("message", r.message());
                    } else {
                        result.put("valid", true).putNull("reason");
                    }
                    commandLine.getOut().println(result);
                }
            } catch (IOException e) {
                throw InputFiles.usage(commandLine, "cannot read " + (in.equals("-") ? "standard input" : in) + ": " + e.getMessage());
            }
            commandLine.getOut().flush();
            return allValid ? Exit.OK : Exit.FAILED;
        }

        private Reader open(CommandLine commandLine) throws IOException {
            if (in.equals("-")) {
                return new InputStreamReader(System.in, StandardCharsets.UTF_8);
            }
            Path path = Path.of(in);
            if (Files.isDirectory(path) || !Files.isReadable(path)) {
                throw InputFiles.usage(commandLine, "--in " + in + " is not a readable file");
            }
            return Files.newBufferedReader(path, StandardCharsets.UTF_8);
        }

        /** Marker for a line that exceeded the bound (its content was discarded, not stored). */
        private static final String OVERSIZED = "\u0000oversized";

        /** Reads a line without ever holding more than {@code max} + 1 characters of it. */
        private static String readBoundedLine(BufferedReader reader, int max) throws IOException {
            StringBuilder line = new StringBuilder();
            boolean overflow = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n') {
                    return overflow ? OVERSIZED : line.toString();
                }
                if (!overflow) {
                    line.append((char) c);
                    if (line.length() > max + 2) {
                        overflow = true;
                        line.setLength(0);
                    }
                }
            }
            if (line.length() == 0 && !overflow) {
                return null;
            }
            return overflow ? OVERSIZED : line.toString();
        }
    }
}
