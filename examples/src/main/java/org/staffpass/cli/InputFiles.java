package org.staffpass.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import picocli.CommandLine;

/**
 * Reads the files commands are given, with a bound on size, turning every failure into a
 * one-line usage error (exit 2) that names the file.
 */
final class InputFiles {
    /** No key, trust list or status list document we define comes near this size. */
    static final long MAX_DOCUMENT_BYTES = 16L << 20;

    private InputFiles() {
    }

    /** The file's bytes (read with a bound, so pipes and devices work too), or a usage error naming it. */
    static byte[] read(CommandLine commandLine, Path path, String what) {
        if (Files.isDirectory(path) || !Files.isReadable(path)) {
            throw usage(commandLine, what + " " + path + " is not a readable file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw usage(commandLine, what + " " + path + " is larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw usage(commandLine, what + " " + path + " cannot be read: " + e.getMessage());
        }
    }

    /** The file as UTF-8 text, or a usage error naming it. */
    static String readText(CommandLine commandLine, Path path, String what) {
        return new String(read(commandLine, path, what), StandardCharsets.UTF_8);
    }

    /** Standard input, bounded like a file. */
    static byte[] readStdin(CommandLine commandLine, InputStream in, String what) {
        try {
            byte[] bytes = in.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw usage(commandLine, what + " on standard input is larger than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw usage(commandLine, what + " cannot be read from standard input: " + e.getMessage());
        }
    }

    /** A public JWK from a file, or a usage error naming the file and the reason. */
    static VerificationKey verificationKey(CommandLine commandLine, Path path) {
        Verification<VerificationKey> key = VerificationKey.fromJwk(readText(commandLine, path, "key file"));
        if (key instanceof Verification.Rejected<VerificationKey> r) {
            throw usage(commandLine, "key file " + path + ": " + r.reason() + ": " + r.message());
        }
        return key.value();
    }

    /** A private JWK from a file, or a usage error naming the file and the reason. */
    static SigningKey signingKey(CommandLine commandLine, Path path) {
        Verification<SigningKey> key = SigningKey.fromJwk(readText(commandLine, path, "signing key file"));
        if (key instanceof Verification.Rejected<SigningKey> r) {
            throw usage(commandLine, "signing key file " + path + ": " + r.reason() + ": " + r.message());
        }
        return key.value();
    }

    /** Optional path argument as Optional. */
    static Optional<Path> optional(Path path) {
        return Optional.ofNullable(path);
    }

    /** A picocli usage error: printed as one line, exit 2. */
    static CommandLine.ParameterException usage(CommandLine commandLine, String message) {
        return new CommandLine.ParameterException(commandLine, message);
    }
}
