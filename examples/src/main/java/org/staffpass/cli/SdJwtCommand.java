package org.staffpass.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.sdjwt.KeyBinding;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;
import org.staffpass.crypto.sdjwt.VerifiedSdJwt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code staffpass sdjwt}: verify SD-JWTs and SD-JWT+KB presentations (docs/sd-jwt.md). */
@Command(name = "sdjwt", mixinStandardHelpOptions = true,
        description = "Verify SD-JWT credentials and presentations (RFC 9901, SD-JWT VC).",
        subcommands = SdJwtCommand.Verify.class)
final class SdJwtCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw InputFiles.usage(spec.commandLine(), "choose a subcommand: verify");
    }

    /** {@code staffpass sdjwt verify --issuer-key JWK_FILE [--aud AUD --nonce NONCE] [--at INSTANT] [--typ TYP] FILE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {
                "Verify one compact SD-JWT or SD-JWT+KB (FILE; surrounding white space is ignored) with the issuer's "
                        + "public key, and print the processed payload of RFC 9901 section 7.1.",
                "stdout is one JSON object: {\"valid\":true,\"claims\":{...}} or "
                        + "{\"valid\":false,\"reason\":CODE,\"message\":...}; docs/sd-jwt.md lists the codes.",
                "With --aud and --nonce a key-binding JWT is required and checked; without them none is required, "
                        + "but one that is present must verify.",
                "Exit 0 valid, 1 invalid, 2 usage, an unreadable FILE or key file, or a key that cannot verify."})
    static final class Verify implements Callable<Integer> {
        /** The output writer: non-ASCII escaped, so the bytes do not depend on the platform charset. */
        private static final ObjectMapper OUTPUT = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        /**
         * Read no more than this from FILE; anything longer is TOO_LARGE whatever it holds, even if
         * trimming its white space would bring it under the bound.
         */
        private static final int READ_LIMIT = 4 * SdJwtVerifier.DEFAULT_MAX_LENGTH;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--issuer-key", required = true, paramLabel = "JWK_FILE",
                description = "The issuer's public JWK (EC P-256 for ES256, OKP Ed25519 for EdDSA); it fixes the algorithm.")
        Path issuerKeyFile;

        @Option(names = "--aud", paramLabel = "AUD",
                description = "Require a key-binding JWT with this 'aud' (give --nonce too).")
        String audience;

        @Option(names = "--nonce", paramLabel = "NONCE",
                description = "Require a key-binding JWT with this 'nonce' (give --aud too).")
        String nonce;

        @Option(names = "--at", paramLabel = "INSTANT",
                description = "Verify as of this ISO-8601 instant (Z or an offset, fractions allowed); default now.")
        String at;

        @Option(names = "--typ", paramLabel = "TYP",
                description = "Require this header typ on the issuer JWT (for example dc+sd-jwt); default: any but kb+jwt.")
        String typ;

        @Parameters(index = "0", paramLabel = "FILE", description = "File holding one compact SD-JWT, optionally with a KB-JWT.")
        Path file;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            if ((audience == null) != (nonce == null)) {
                throw InputFiles.usage(commandLine, "--aud and --nonce go together: give both to require key binding, or neither");
            }
            if ((audience != null && audience.isEmpty()) || (nonce != null && nonce.isEmpty())) {
                throw InputFiles.usage(commandLine, "--aud and --nonce must not be empty");
            }
            Instant instant = at == null ? Instant.now() : parseInstant(commandLine, at);
            VerificationKey key = InputFiles.verificationKey(commandLine, issuerKeyFile);
            byte[] bytes = readBounded(commandLine, file);

            Verification<VerifiedSdJwt> result;
            if (bytes.length > READ_LIMIT) {
                result = Verification.rejected(ReasonCode.TOO_LARGE, "input is longer than " + READ_LIMIT + " bytes");
            } else {
                // One byte is one character, so the verifier's length bound counts FILE's bytes (after
                // trimming), and anything outside ASCII is simply not base64url.
                String input = trimAsciiWhitespace(new String(bytes, StandardCharsets.ISO_8859_1));
                boolean kbTyp = typ != null && isKeyBindingType(typ);
                SdJwtVerifier.Builder builder = SdJwtVerifier.builder().issuerKey(key).clock(Clock.fixed(instant, ZoneOffset.UTC));
                if (typ != null && !kbTyp) {
                    builder.expectedType(typ);
                }
                KeyBinding keyBinding = audience == null ? KeyBinding.optional() : KeyBinding.required(audience, nonce);
                result = builder.build().verify(input, keyBinding);
                if (kbTyp && result.isAccepted()) {
                    result = Verification.rejected(ReasonCode.TYP_MISMATCH,
                            "--typ kb+jwt names the key-binding JWT's type, which an issuer JWT never has");
                }
            }
            ObjectNode out = Json.object();
            if (result instanceof Verification.Rejected<VerifiedSdJwt> r) {
                out.put("valid", false).put("reason", r.reason().name()).put("message", r.message());
            } else {
                out.put("valid", true).set("claims", result.value().claims());
            }
            try {
                commandLine.getOut().println(OUTPUT.writeValueAsString(out));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree failed to serialize", e);
            }
            commandLine.getOut().flush();
            return result.isAccepted() ? Exit.OK : Exit.FAILED;
        }

        private static boolean isKeyBindingType(String value) {
            String lower = value.toLowerCase(Locale.ROOT);
            return lower.equals(SdJwtVerifier.KB_JWT_TYPE) || lower.equals("application/" + SdJwtVerifier.KB_JWT_TYPE);
        }

        /** ISO-8601 date-time with {@code Z} or an offset, extended ({@code +01:00}) or basic ({@code +0100}). */
        private static final DateTimeFormatter BASIC_OFFSET = new DateTimeFormatterBuilder()
                .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT);

        private static Instant parseInstant(CommandLine commandLine, String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(text, BASIC_OFFSET).toInstant();
                } catch (DateTimeParseException again) {
                    throw InputFiles.usage(commandLine, "--at " + text
                            + " is not an ISO-8601 instant with Z or an offset, for example 2025-05-27T16:05:41Z");
                }
            }
        }

        /** The file's bytes, at most {@link #READ_LIMIT} + 1 of them, or a usage error naming it. */
        private static byte[] readBounded(CommandLine commandLine, Path path) {
            if (Files.isDirectory(path) || !Files.isReadable(path)) {
                throw InputFiles.usage(commandLine, "FILE " + path + " is not a readable file");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return in.readNBytes(READ_LIMIT + 1);
            } catch (IOException e) {
                throw InputFiles.usage(commandLine, "FILE " + path + " cannot be read: " + e.getMessage());
            }
        }

        private static String trimAsciiWhitespace(String text) {
            int start = 0;
            int end = text.length();
            while (start < end && isAsciiWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && isAsciiWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(start, end);
        }

        private static boolean isAsciiWhitespace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
        }
    }
}
