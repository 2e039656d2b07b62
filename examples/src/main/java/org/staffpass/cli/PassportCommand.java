package org.staffpass.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.IssuedCredential;
import org.staffpass.passport.PassportFailure;
import org.staffpass.passport.PassportIssuer;
import org.staffpass.passport.PassportVerification;
import org.staffpass.passport.PassportVerifier;
import org.staffpass.passport.VerifiedCredential;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.Wallet;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.credential.CredentialViolation;
import org.staffpass.passport.vocab.Vocabularies;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code staffpass passport}: issue, present, verify and inspect staff-passport credentials (docs/passport.md). */
@Command(name = "passport", mixinStandardHelpOptions = true,
        description = "Issue staff-passport credentials (SD-JWT VC), present them from a wallet, verify presentations.",
        subcommands = {PassportCommand.Issue.class, PassportCommand.Present.class, PassportCommand.Verify.class,
            PassportCommand.Inspect.class})
final class PassportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: issue, present, verify, inspect");
    }

    /** Strict JSON for files we read: a repeated member is refused. */
    private static final ObjectReader STRICT = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    static ObjectNode readObject(CommandLine commandLine, Path path, String what) {
        try {
            JsonNode node = STRICT.readTree(InputFiles.readText(commandLine, path, what));
            if (node == null || !node.isObject()) {
                throw InputFiles.usage(commandLine, what + " " + path + " is not a JSON object");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw InputFiles.usage(commandLine, what + " " + path + " is not JSON: " + e.getOriginalMessage());
        }
    }

    static Clock clockAt(CommandLine commandLine, String at, String option) {
        return at == null ? Clock.systemUTC()
                : Clock.fixed(OptionValues.instant(commandLine, at, option), ZoneOffset.UTC);
    }

    static void write(CommandLine commandLine, Path out, String text) {
        try {
            Files.writeString(out, text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InputFiles.usage(commandLine, "--out " + out + " cannot be written: " + e.getMessage());
        }
    }

    /** {@code staffpass passport issue}. */
    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = {
                "Sign one credential as an SD-JWT VC (typ dc+sd-jwt) bound to the holder's key.",
                "The claims are checked first (structure, then every rule of docs/passport.md including the "
                    + "completeness rules for issuing); invalid claims are listed and nothing is written.",
                "Exit 0 when written, 1 when the claims were refused, 2 on usage errors or unreadable input."})
    static final class Issue implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "ISSUER_PRIVATE_JWK",
                description = "The issuer's private JWK file (ES256 or Ed25519); its kid must be the one on the trust list.")
        Path keyFile;

        @Option(names = "--issuer", required = true, paramLabel = "ID",
                description = "The issuer's identifier on the trust list, written as iss.")
        String issuerId;

        @Option(names = "--holder-key", required = true, paramLabel = "HOLDER_PUBLIC_JWK",
                description = "The holder's public JWK file, written as cnf.jwk; only its private key can present the credential.")
        Path holderKeyFile;

        @Option(names = "--credential", required = true, paramLabel = "CLAIMS_JSON",
                description = "JSON file of the credential's claims, vct included, without envelope (no iss, iat, exp, cnf, status).")
        Path credentialFile;

        @Option(names = "--status-uri", required = true, paramLabel = "URI",
                description = "Absolute URI of the status list holding this credential's status.")
        String statusUri;

        @Option(names = "--status-index", required = true, paramLabel = "N",
                description = "This credential's entry in that status list (allocated by the issuer, never reused).")
        long statusIndex;

        @Option(names = "--valid-days", required = true, paramLabel = "D",
                description = "Days from iat to exp, 1 to 3660.")
        int validDays;

        @Option(names = "--issued-at", paramLabel = "ISO_INSTANT",
                description = "Use this instant as now (iat, and 'today' for date rules) instead of the clock.")
        String issuedAt;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the SD-JWT VC (one line); an existing file is replaced.")
        Path out;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            if (validDays < 1 || validDays > 3660) {
                throw InputFiles.usage(commandLine, "--valid-days must be 1 to 3660, was " + validDays);
            }
            if (statusIndex < 0) {
                throw InputFiles.usage(commandLine, "--status-index must not be negative, was " + statusIndex);
            }
            StatusReference status;
            try {
                status = new StatusReference(statusUri, statusIndex);
            } catch (IllegalArgumentException e) {
                throw InputFiles.usage(commandLine, "--status-uri: " + e.getMessage());
            }
            if (issuerId.isBlank()) {
                throw InputFiles.usage(commandLine, "--issuer must not be blank");
            }
            SigningKey key = InputFiles.signingKey(commandLine, keyFile);
            VerificationKey holder = InputFiles.verificationKey(commandLine, holderKeyFile);
            ObjectNode claims = readObject(commandLine, credentialFile, "credential file");
            Clock clock = clockAt(commandLine, issuedAt, "--issued-at");
            CredentialValidator validator = CredentialValidator.create(Vocabularies.standard(), clock);
            PrintWriter stdout = commandLine.getOut();
            CredentialResult<Credential> read = CredentialClaims.fromClaims(claims);
            if (read instanceof CredentialResult.Invalid<Credential> invalid) {
                return refused(stdout, invalid.violations());
            }
            PassportIssuer issuer = PassportIssuer.builder().issuerId(issuerId).signingKey(key).clock(clock)
                    .random(new SecureRandom()).validator(validator).build();
            CredentialResult<IssuedCredential> issued = issuer.issue(read.value(), holder,
                    clock.instant().plus(Duration.ofDays(validDays)), status);
            if (issued instanceof CredentialResult.Invalid<IssuedCredential> invalid) {
                return refused(stdout, invalid.violations());
            }
            IssuedCredential credential = issued.value();
            write(commandLine, out, credential.compact());
            stdout.println("issued " + credential.type().vct() + " to " + out + " (iat " + credential.issuedAt()
                    + ", exp " + credential.expiresAt() + ", status " + status.uri() + " index " + status.index() + ")");
            return Exit.OK;
        }

        private static int refused(PrintWriter stdout, List<CredentialViolation> violations) {
            stdout.println("refused: the claims are not a valid credential; nothing was signed");
            for (CredentialViolation violation : violations) {
                stdout.println("  " + violation.problem() + " " + (violation.path().isEmpty() ? "/" : violation.path())
                        + ": " + violation.message());
            }
            return Exit.FAILED;
        }
    }

    /** {@code staffpass passport present}. */
    @Command(name = "present", mixinStandardHelpOptions = true,
            description = {
                "Make a presentation document from credential files held by one holder: each credential with only "
                    + "the disclosures asked for and a KB-JWT (aud, nonce, iat, sd_hash) signed by the holder key.",
                "The issuer's signature is not checked here; the verifier checks everything.",
                "Exit 0 when written, 2 on usage errors or unreadable input (including a credential bound to another key)."})
    static final class Present implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--holder-key", required = true, paramLabel = "HOLDER_PRIVATE_JWK",
                description = "The holder's private JWK file: the key in every credential's cnf.jwk.")
        Path holderKeyFile;

        @Option(names = "--aud", required = true, paramLabel = "AUD",
                description = "The verifier's identifier, written as the KB-JWT aud.")
        String audience;

        @Option(names = "--nonce", required = true, paramLabel = "NONCE",
                description = "The nonce the verifier issued for this transaction, written as the KB-JWT nonce.")
        String nonce;

        @Option(names = "--disclose", paramLabel = "TYPE:/POINTER",
                description = "Reveal a selectively disclosable claim: the type (its vct, or its short name such as "
                    + "dbs-check), a colon, a JSON Pointer (/certificate_number, /subjects/* or /subjects/0). Repeatable; "
                    + "without it nothing selectively disclosable is revealed.")
        List<String> disclose = new ArrayList<>();

        @Option(names = "--at", paramLabel = "ISO_INSTANT",
                description = "Use this instant as the KB-JWT iat instead of the clock.")
        String at;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the presentation document (JSON); an existing file is replaced.")
        Path out;

        @Parameters(arity = "1..*", paramLabel = "CREDENTIAL_FILE",
                description = "Issued credential files (SD-JWT VC, as issue writes them), at most one per type.")
        List<Path> credentialFiles;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            if (audience.isEmpty() || nonce.isEmpty()) {
                throw InputFiles.usage(commandLine, "--aud and --nonce must not be empty");
            }
            SigningKey holder = InputFiles.signingKey(commandLine, holderKeyFile);
            Wallet wallet = Wallet.create(holder, clockAt(commandLine, at, "--at"));
            Map<CredentialType, Set<String>> request = new EnumMap<>(CredentialType.class);
            for (Path file : credentialFiles) {
                Verification<CredentialType> added = wallet.add(InputFiles.readText(commandLine, file, "credential file"));
                if (added instanceof Verification.Rejected<CredentialType> r) {
                    throw InputFiles.usage(commandLine, "credential file " + file + ": " + r.reason() + ": " + r.message());
                }
                if (request.put(added.value(), new HashSet<>()) != null) {
                    throw InputFiles.usage(commandLine, "credential file " + file + ": a second " + added.value().vct()
                            + " credential; present one per type");
                }
            }
            for (String item : disclose) {
                int colon = item.lastIndexOf(":/");
                Optional<CredentialType> type = colon < 0 ? Optional.empty() : type(item.substring(0, colon));
                if (type.isEmpty()) {
                    throw InputFiles.usage(commandLine, "--disclose " + item + ": expected TYPE:/POINTER with a known type");
                }
                if (!request.containsKey(type.get())) {
                    throw InputFiles.usage(commandLine, "--disclose " + item + ": no " + type.get().vct() + " credential given");
                }
                String pointer = item.substring(colon + 1);
                if (!DisclosureRequest.isDisclosable(type.get(), pointer)) {
                    throw InputFiles.usage(commandLine, "--disclose " + item + ": not selectively disclosable in "
                            + type.get().vct() + " (those are " + type.get().selectivelyDisclosable() + ")");
                }
                request.get(type.get()).add(pointer);
            }
            String document;
            try {
                document = wallet.present(audience, nonce, new DisclosureRequest(request));
            } catch (IllegalArgumentException e) {
                throw InputFiles.usage(commandLine, "--disclose: " + e.getMessage());
            }
            write(commandLine, out, document);
            commandLine.getOut().println("presented " + request.size() + " credential(s) for " + audience + " to " + out);
            return Exit.OK;
        }

        private static Optional<CredentialType> type(String name) {
            for (CredentialType type : CredentialType.values()) {
                String vct = type.vct();
                String[] segments = vct.split("/");
                if (vct.equals(name) || segments[segments.length - 2].equals(name)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /** {@code staffpass passport verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {
                "Verify a presentation document: per credential the issuer's signature and authorisation on the trust "
                    + "list, validity, key binding (aud, nonce, fresh iat, sd_hash), status (fail-closed: an unknown "
                    + "or stale list refuses), and the content rules; then one holder key and one credential per type.",
                "Every reason of every credential is listed. Exit 0 accepted, 1 rejected, 2 on usage errors or "
                    + "unreadable input."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--trust", required = true, paramLabel = "TRUST_LIST_JWS",
                description = "The signed trust list file (compact JWS).")
        Path trustFile;

        @Option(names = "--root", required = true, paramLabel = "OPERATOR_PUBLIC_JWK",
                description = "The scheme operator's pinned public JWK the trust list must be signed with. Repeatable (key rotation).")
        List<Path> rootFiles;

        @Option(names = "--status", required = true, paramLabel = "DIR",
                description = "Directory of status list tokens (*.jwt); a credential whose list is missing or stale is refused.")
        Path statusDir;

        @Option(names = "--status-key", required = true, paramLabel = "PUBLIC_JWK",
                description = "Public JWK file of a key trusted to sign status lists. Repeatable.")
        List<Path> statusKeyFiles;

        @Option(names = "--aud", required = true, paramLabel = "AUD",
                description = "This verifier's identifier: every KB-JWT aud must equal it.")
        String audience;

        @Option(names = "--nonce", required = true, paramLabel = "NONCE",
                description = "The nonce issued for this transaction: every KB-JWT nonce must equal it.")
        String nonce;

        @Option(names = "--at", paramLabel = "ISO_INSTANT",
                description = "Verify as at this instant (validity, KB-JWT iat window, list freshness) instead of now.")
        String at;

        @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "PT24H",
                description = "Oldest status list accepted, by its iat (ISO-8601 duration, default ${DEFAULT-VALUE}).")
        String maxAge;

        @Option(names = "--json", description = "Print the result as one JSON object instead of text.")
        boolean json;

        @Parameters(index = "0", paramLabel = "PRESENTATION_FILE",
                description = "The presentation document (as present writes it).")
        Path presentationFile;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            if (audience.isEmpty() || nonce.isEmpty()) {
                throw InputFiles.usage(commandLine, "--aud and --nonce must not be empty");
            }
            Clock clock = clockAt(commandLine, at, "--at");
            Duration age = OptionValues.positiveDuration(commandLine, maxAge, "--max-age");
            List<VerificationKey> roots = rootFiles.stream().map(p -> InputFiles.verificationKey(commandLine, p)).toList();
            List<VerificationKey> statusKeys = statusKeyFiles.stream()
                    .map(p -> InputFiles.verificationKey(commandLine, p)).toList();
            String trustJws = InputFiles.readText(commandLine, trustFile, "trust list file").strip();
            String presentation = InputFiles.readText(commandLine, presentationFile, "presentation file").strip();
            if (!Files.isDirectory(statusDir)) {
                throw InputFiles.usage(commandLine, "--status " + statusDir + " is not a directory");
            }
            StatusListStore store;
            TrustAnchors anchors;
            try {
                store = StatusListStore.builder().trustedKeys(statusKeys).clock(clock).maxAge(age).build();
                anchors = TrustAnchors.builder().pinnedRoots(roots).clock(clock).build();
            } catch (IllegalArgumentException e) {
                throw InputFiles.usage(commandLine, e.getMessage());
            }
            List<String> notes = new ArrayList<>();
            try {
                for (StatusListStore.LoadResult result : store.loadDirectory(statusDir)) {
                    if (result instanceof StatusListStore.LoadResult.Rejected r) {
                        notes.add("status list " + r.source() + " ignored: " + r.reason() + ": " + r.message());
                    } else if (result instanceof StatusListStore.LoadResult.Unreadable u) {
                        notes.add("status list " + u.source() + " ignored: unreadable");
                    }
                }
            } catch (IOException e) {
                throw InputFiles.usage(commandLine, "--status " + statusDir + " cannot be listed: " + e.getMessage());
            }
            Verification<?> trust = anchors.update(trustJws);
            PrintWriter stdout = commandLine.getOut();
            if (trust instanceof Verification.Rejected<?> r) {
                return printTrustRefused(stdout, r);
            }
            PassportVerifier verifier = PassportVerifier.builder().trustAnchors(anchors).statusLists(store)
                    .audience(audience).clock(clock)
                    .validator(CredentialValidator.create(Vocabularies.standard(), clock)).build();
            PassportVerification result = verifier.verify(presentation, nonce);
            if (json) {
                stdout.println(toJson(result, notes));
            } else {
                printText(stdout, result, notes);
            }
            return result.isAccepted() ? Exit.OK : Exit.FAILED;
        }

        private int printTrustRefused(PrintWriter stdout, Verification.Rejected<?> r) {
            if (json) {
                ObjectNode out = Json.object().put("accepted", false);
                out.putArray("failures").addObject().put("code", r.reason().name())
                        .put("message", "trust list refused: " + r.message());
                stdout.println(out);
            } else {
                stdout.println("REJECTED: the trust list was refused (" + r.reason() + ": " + r.message() + ")");
            }
            return Exit.FAILED;
        }

        private static ObjectNode toJson(PassportVerification result, List<String> notes) {
            ObjectNode out = Json.object().put("accepted", result.isAccepted());
            if (result instanceof VerifiedPassport passport) {
                out.put("holder_key_thumbprint", passport.holderKeyThumbprint());
                ArrayNode credentials = out.putArray("credentials");
                for (VerifiedCredential<? extends Credential> c : passport.credentials()) {
                    ObjectNode item = credentials.addObject();
                    item.put("vct", c.credential().credentialType().vct()).put("issuer", c.issuer().id())
                            .put("issued_at", c.issuedAt().toString()).put("expires_at", c.expiresAt().toString());
                    item.putObject("status").put("uri", c.status().uri()).put("idx", c.status().index());
                    ArrayNode disclosed = item.putArray("disclosed");
                    c.disclosed().stream().sorted().forEach(disclosed::add);
                    item.put("credential_digest", c.credentialDigest());
                    item.set("claims", c.claims());
                }
            } else if (result instanceof PassportVerification.Rejected rejected) {
                ArrayNode failures = out.putArray("failures");
                for (PassportFailure f : rejected.failures()) {
                    ObjectNode item = failures.addObject();
                    if (f.credentialIndex().isPresent()) {
                        item.put("credential", f.credentialIndex().getAsInt());
                    }
                    f.vct().ifPresent(v -> item.put("vct", v));
                    item.put("code", f.codeName()).put("path", f.path()).put("message", f.message());
                }
            }
            ArrayNode notesOut = out.putArray("notes");
            notes.forEach(notesOut::add);
            return out;
        }

        private static void printText(PrintWriter stdout, PassportVerification result, List<String> notes) {
            if (result instanceof VerifiedPassport passport) {
                stdout.println("ACCEPTED: " + passport.credentials().size() + " credential(s), holder key "
                        + passport.holderKeyThumbprint());
                for (VerifiedCredential<? extends Credential> c : passport.credentials()) {
                    stdout.println("  " + c.credential().credentialType().vct() + " from " + c.issuer().id()
                            + " (" + c.issuer().name() + "), issued " + c.issuedAt() + ", expires " + c.expiresAt());
                    stdout.println("    disclosed: " + (c.disclosed().isEmpty() ? "(none)" : String.join(" ",
                            c.disclosed().stream().sorted().toList())));
                    stdout.println("    claims: " + c.claims());
                }
            } else if (result instanceof PassportVerification.Rejected rejected) {
                stdout.println("REJECTED: " + rejected.failures().size() + " reason(s)");
                for (PassportFailure f : rejected.failures()) {
                    stdout.println("  " + (f.credentialIndex().isPresent() ? "credential " + f.credentialIndex().getAsInt()
                            : "presentation") + f.vct().map(v -> " (" + v + ")").orElse("") + ": " + f.codeName()
                            + (f.path().isEmpty() ? "" : " at " + f.path()) + ": " + f.message());
                }
            }
            notes.forEach(n -> stdout.println("note: " + n));
        }
    }

    /** {@code staffpass passport inspect}. */
    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {
                "Decode a credential (SD-JWT VC) or a presentation document and print its parts, labelled UNVERIFIED: "
                    + "no signature, key, trust list, status or rule is checked.",
                "Exit 0 when decoded, 1 when the file is not a credential or presentation, 2 on usage errors."})
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "A credential or presentation file.")
        Path file;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            String text = InputFiles.readText(commandLine, file, "file").strip();
            PrintWriter stdout = commandLine.getOut();
            List<String> credentials = new ArrayList<>();
            if (text.startsWith("{")) {
                try {
                    JsonNode document = STRICT.readTree(text);
                    JsonNode array = document.get("presentation");
                    if (array == null || !array.isArray()) {
                        stdout.println("UNVERIFIED: cannot decode: a JSON document without a 'presentation' array");
                        return Exit.FAILED;
                    }
                    array.forEach(e -> credentials.add(e.asText()));
                } catch (JsonProcessingException e) {
                    stdout.println("UNVERIFIED: cannot decode: not JSON");
                    return Exit.FAILED;
                }
            } else {
                credentials.add(text);
            }
            stdout.println("UNVERIFIED: decoded only; no signature, key, trust list, status or rule was checked.");
            int failed = 0;
            for (int i = 0; i < credentials.size(); i++) {
                stdout.println("credential " + i + ":");
                if (!inspect(stdout, credentials.get(i))) {
                    failed++;
                }
            }
            return failed == 0 ? Exit.OK : Exit.FAILED;
        }

        private static boolean inspect(PrintWriter stdout, String compact) {
            String[] parts = compact.split("~", -1);
            if (parts.length < 2) {
                stdout.println("  cannot decode: not an SD-JWT (<jwt>~<disclosures>~[<kb-jwt>])");
                return false;
            }
            Optional<String[]> jwt = jwt(parts[0]);
            if (jwt.isEmpty()) {
                stdout.println("  cannot decode: the issuer-signed JWT is not three base64url JSON segments");
                return false;
            }
            stdout.println("  header: " + jwt.get()[0]);
            stdout.println("  payload: " + jwt.get()[1]);
            stdout.println("  disclosures (" + (parts.length - 2) + "):");
            for (int i = 1; i < parts.length - 1; i++) {
                stdout.println("    " + decode(parts[i]).orElse("(not base64url JSON)"));
            }
            String last = parts[parts.length - 1];
            if (last.isEmpty()) {
                stdout.println("  key binding: none");
            } else {
                Optional<String[]> kb = jwt(last);
                stdout.println("  key binding: " + kb.map(k -> "header " + k[0] + " payload " + k[1])
                        .orElse("(not a JWT)"));
            }
            return true;
        }

        private static Optional<String[]> jwt(String compact) {
            String[] segments = compact.split("\\.", -1);
            if (segments.length != 3) {
                return Optional.empty();
            }
            Optional<String> header = decode(segments[0]);
            Optional<String> payload = decode(segments[1]);
            return header.isPresent() && payload.isPresent()
                    ? Optional.of(new String[] {header.get(), payload.get()}) : Optional.empty();
        }

        /** Base64url JSON, re-serialised compactly (so control characters are escaped), or empty. */
        private static Optional<String> decode(String segment) {
            try {
                JsonNode node = STRICT.readTree(Base64.getUrlDecoder().decode(segment));
                return node == null ? Optional.empty() : Optional.of(node.toString());
            } catch (IllegalArgumentException | IOException e) {
                return Optional.empty();
            }
        }
    }
}
