package org.staffpass.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.crypto.trust.TrustList;
import org.staffpass.crypto.trust.TrustedIssuer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code staffpass trustlist}: sign and verify trust lists (docs/trust-lists.md). */
@Command(name = "trustlist", mixinStandardHelpOptions = true,
        description = "Sign and verify trust lists: the issuers a scheme operator trusts, with their keys and credential types.",
        subcommands = {TrustListCommand.Sign.class, TrustListCommand.Verify.class})
final class TrustListCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw InputFiles.usage(spec.commandLine(), "choose a subcommand: sign, verify");
    }

    /** {@code staffpass trustlist sign --key JWK --in PAYLOAD --out FILE}. */
    @Command(name = "sign", mixinStandardHelpOptions = true,
            description = {
                "Check an unsigned trust-list payload (JSON) against the format and sign it as a compact JWS "
                        + "(typ " + TrustList.TYPE + ") with the operator's private key.",
                "Refuses, without writing FILE, a payload outside the format (printing the reason code and the "
                        + "JSON pointer of the problem) or one already expired.",
                "Exit 0 signed, 1 payload refused, 2 usage or an unreadable key, payload or output."})
    static final class Sign implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "OPERATOR_PRIVATE_JWK",
                description = "The operator's private JWK (EC P-256 or OKP Ed25519) to sign with; its kid goes in the header.")
        Path keyFile;

        @Option(names = "--in", required = true, paramLabel = "PAYLOAD_JSON",
                description = "The unsigned payload document to check and sign (see docs/schemas/trust-list.schema.json).")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the signed trust list (compact JWS and a newline); replaced if it exists.")
        Path out;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            SigningKey key = InputFiles.signingKey(commandLine, keyFile);
            byte[] payload = InputFiles.read(commandLine, in, "payload file");
            PrintWriter stdout = commandLine.getOut();

            Verification<TrustList> parsed = TrustList.parsePayload(payload);
            if (parsed instanceof Verification.Rejected<TrustList> rejected) {
                printRefusal(stdout, rejected.reason(), rejected.message());
                return Exit.FAILED;
            }
            TrustList list = parsed.value();
            Instant now = Clock.systemUTC().instant();
            if (!now.isBefore(list.expiresAt())) {
                printRefusal(stdout, ReasonCode.TRUST_LIST_EXPIRED, "trust list payload /exp: " + list.expiresAt()
                        + " has passed; a verifier would refuse the list");
                return Exit.FAILED;
            }
            String jws = list.sign(key);
            try {
                Files.writeString(out, jws + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw InputFiles.usage(commandLine, "--out " + out + " cannot be written: " + e.getMessage());
            }
            if (json) {
                stdout.println(Json.object().put("signed", true).put("out", out.toString()).put("kid", key.kid())
                        .put("operator", list.operator()).put("sequence", list.sequence())
                        .put("issuers", list.issuers().size()).put("expiresAt", list.expiresAt().toString()));
            } else {
                int count = list.issuers().size();
                stdout.println("Signed trust list sequence " + list.sequence() + " (" + count + (count == 1 ? " issuer" : " issuers")
                        + ", expires " + list.expiresAt() + ") with key " + key.kid());
                stdout.println("  written to " + out);
            }
            stdout.flush();
            return Exit.OK;
        }

        private void printRefusal(PrintWriter stdout, ReasonCode reason, String message) {
            if (json) {
                stdout.println(Json.object().put("signed", false).put("reason", reason.name()).put("message", message));
            } else {
                stdout.println("REFUSED " + reason + ": " + message);
                stdout.println("  nothing was signed; " + out + " was not written");
            }
            stdout.flush();
        }
    }

    /** {@code staffpass trustlist verify --root JWK [--root JWK] [--at T] [--min-sequence N] [--json] FILE}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {
                "Verify a signed trust list against pinned operator root keys, and summarise it: operator, "
                        + "sequence, validity, and each issuer with its status, organisation code, credential types and kids.",
                "Exit 0 valid, 1 rejected (the reason code is printed), 2 usage or an unreadable key or file."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--root", required = true, paramLabel = "ROOT_PUBLIC_JWK",
                description = "A pinned operator public JWK; repeat during a key rotation (each root then needs a distinct kid).")
        List<Path> roots = new ArrayList<>();

        @Option(names = "--at", paramLabel = "ISO_INSTANT",
                description = "Check validity at this instant, e.g. 2025-06-01T12:00:00Z (default: now).")
        String at;

        @Option(names = "--min-sequence", paramLabel = "N",
                description = "Refuse a list whose sequence is below N (TRUST_LIST_ROLLBACK): the sequence last accepted.")
        Long minSequence;

        @Option(names = "--json", description = "Print one JSON object instead of text.")
        boolean json;

        @Parameters(index = "0", paramLabel = "FILE", description = "The signed trust list (compact JWS; surrounding white space is ignored).")
        Path file;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            List<VerificationKey> pinned = new ArrayList<>();
            for (Path root : roots) {
                pinned.add(InputFiles.verificationKey(commandLine, root));
            }
            Instant instant = instant(commandLine);
            TrustAnchors.Builder builder = TrustAnchors.builder().clock(Clock.fixed(instant, ZoneOffset.UTC));
            try {
                builder.pinnedRoots(pinned);
            } catch (IllegalArgumentException e) {
                throw InputFiles.usage(commandLine, "--root keys cannot be told apart: " + e.getMessage());
            }
            if (minSequence != null) {
                if (minSequence < 1) {
                    throw InputFiles.usage(commandLine, "--min-sequence must be at least 1, not " + minSequence);
                }
                builder.minimumSequence(minSequence);
            }
            String jws = InputFiles.readText(commandLine, file, "trust list file").strip();

            Verification<TrustList> result = builder.build().update(jws);
            PrintWriter stdout = commandLine.getOut();
            if (result instanceof Verification.Rejected<TrustList> rejected) {
                if (json) {
                    stdout.println(Json.object().put("valid", false).put("reason", rejected.reason().name())
                            .put("message", rejected.message()));
                } else {
                    stdout.println("INVALID trust list " + file + ": " + rejected.reason() + ": " + rejected.message());
                }
                stdout.flush();
                return Exit.FAILED;
            }
            TrustList list = result.value();
            if (json) {
                stdout.println(toJson(list, instant));
            } else {
                printSummary(stdout, list, instant);
            }
            stdout.flush();
            return Exit.OK;
        }

        private Instant instant(CommandLine commandLine) {
            if (at == null) {
                return Clock.systemUTC().instant();
            }
            return OptionValues.instant(commandLine, at, "--at");
        }

        /** Whether {@code at} lies in the issuer's validity period (status aside). */
        private static boolean withinValidity(TrustedIssuer issuer, Instant at) {
            return !at.isBefore(issuer.validFrom()) && issuer.validUntil().map(at::isBefore).orElse(true);
        }

        private static void printSummary(PrintWriter out, TrustList list, Instant at) {
            out.println("VALID trust list from " + list.operator());
            out.println("  sequence:   " + list.sequence());
            out.println("  issued:     " + list.issuedAt());
            out.println("  expires:    " + list.expiresAt());
            out.println("  checked at: " + at);
            out.println("  issuers:    " + list.issuers().size());
            for (TrustedIssuer issuer : list.issuers()) {
                out.println("  - " + issuer.id() + " (" + issuer.name() + ")");
                out.println("      status: " + issuer.status().jsonName()
                        + (withinValidity(issuer, at) ? "" : ", outside its validity period at " + at));
                out.println("      organisation code: " + issuer.organisationCode());
                out.println("      valid: from " + issuer.validFrom() + issuer.validUntil().map(u -> " until " + u).orElse(", open-ended"));
                out.println("      credential types: " + String.join(", ", issuer.credentialTypes()));
                out.println("      kids: " + String.join(", ", issuer.keys().keySet()));
            }
        }

        private static ObjectNode toJson(TrustList list, Instant at) {
            ObjectNode root = Json.object().put("valid", true).put("operator", list.operator())
                    .put("sequence", list.sequence()).put("issuedAt", list.issuedAt().toString())
                    .put("expiresAt", list.expiresAt().toString()).put("checkedAt", at.toString());
            ArrayNode issuers = root.putArray("issuers");
            for (TrustedIssuer issuer : list.issuers()) {
                ObjectNode entry = issuers.addObject().put("id", issuer.id()).put("name", issuer.name())
                        .put("organisationCode", issuer.organisationCode()).put("status", issuer.status().jsonName())
                        .put("validFrom", issuer.validFrom().toString());
                if (issuer.validUntil().isPresent()) {
                    entry.put("validUntil", issuer.validUntil().get().toString());
                } else {
                    entry.putNull("validUntil");
                }
                entry.put("withinValidity", withinValidity(issuer, at));
                issuer.credentialTypes().forEach(entry.putArray("credentialTypes")::add);
                issuer.keys().keySet().forEach(entry.putArray("kids")::add);
            }
            return root;
        }
    }
}
