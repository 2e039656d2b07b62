package org.staffpass.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code staffpass keys}: make signing keys. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Generate signing keys (ES256 or EdDSA) as JWK files.",
        subcommands = KeysCommand.Generate.class)
final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: generate");
    }

    /** {@code staffpass keys generate --alg ES256|EdDSA --out DIR}. */
    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {
                "Generate a key pair. Writes DIR/<kid>.private.jwk (the secret, owner-readable only) and",
                "DIR/<kid>.public.jwk, where <kid> is the RFC 7638 thumbprint of the public key.",
                "Prints the kid and both paths."})
    static final class Generate implements java.util.concurrent.Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--alg", required = true, paramLabel = "ALG",
                description = "ES256 (ECDSA P-256) or EdDSA (Ed25519).")
        String algorithm;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "Directory to write the two JWK files into (created if missing).")
        Path out;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            SignatureAlgorithm alg = SignatureAlgorithm.fromName(algorithm).orElseThrow(() ->
                    InputFiles.usage(commandLine, "--alg must be ES256 or EdDSA, not '" + algorithm + "'"));
            SigningKey key = SigningKey.generate(alg);
            Path privateFile = out.resolve(key.kid() + ".private.jwk");
            Path publicFile = out.resolve(key.kid() + ".public.jwk");
            try {
                Files.createDirectories(out);
                writeSecret(privateFile, key.toPrivateJwkJson() + "\n");
                Files.writeString(publicFile, key.verificationKey().toJwkJson() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW);
            } catch (IOException e) {
                throw InputFiles.usage(commandLine, "cannot write keys into " + out + ": " + e.getMessage());
            }
            if (json) {
                commandLine.getOut().println(Json.object()
                        .put("kid", key.kid()).put("alg", alg.jwsName())
                        .put("private", privateFile.toString()).put("public", publicFile.toString()));
            } else {
                commandLine.getOut().println("Generated " + alg.jwsName() + " key " + key.kid());
                commandLine.getOut().println("  private (keep secret): " + privateFile);
                commandLine.getOut().println("  public:                " + publicFile);
            }
            return Exit.OK;
        }

        private static void writeSecret(Path file, String content) throws IOException {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        }
    }
}
