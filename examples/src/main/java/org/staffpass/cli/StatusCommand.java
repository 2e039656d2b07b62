package org.staffpass.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.status.StatusList;
import org.staffpass.crypto.status.StatusListSigner;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusListToken;
import org.staffpass.crypto.status.StatusListVerifier;
import org.staffpass.crypto.status.StatusLookup;
import org.staffpass.crypto.status.TokenStatus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code staffpass status}: build and check IETF Token Status List tokens. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Build and check status list tokens (IETF Token Status List, typ statuslist+jwt).",
        subcommands = {StatusCommand.Build.class, StatusCommand.Check.class})
final class StatusCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: build, check");
    }

    /** A status value from the command line: a name, a decimal number or 0xNN. */
    static TokenStatus parseStatus(CommandLine commandLine, String text, String where) {
        String trimmed = text.strip();
        switch (trimmed.toUpperCase(Locale.ROOT)) {
            case "VALID":
                return TokenStatus.VALID;
            case "INVALID":
                return TokenStatus.INVALID;
            case "SUSPENDED":
                return TokenStatus.SUSPENDED;
            default:
                break;
        }
        try {
            int value = trimmed.regionMatches(true, 0, "0x", 0, 2)
                    ? Integer.parseInt(trimmed.substring(2), 16)
                    : Integer.parseInt(trimmed);
            if (value >= 0 && value <= 0xFF) {
                return TokenStatus.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw InputFiles.usage(commandLine, where + ": status '" + trimmed
                + "' is not VALID, INVALID, SUSPENDED or a number from 0 to 255 (decimal or 0xNN)");
    }

    /** {@code staffpass status build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {
                "Build a status list, sign it with a private key and write the status list token (a compact JWT).",
                "Every entry starts VALID; --set and --statuses change entries. The token holds sub (--uri), iat (now, "
                    + "or --issued-at), exp (with --expires-in), ttl (with --ttl) and status_list {bits, lst}, lst being "
                    + "the list ZLIB-compressed at the best level and base64url-encoded.",
                "Exit 0 when written, 2 on usage errors or unreadable input."})
    static final class Build implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "PRIVATE_JWK",
                description = "Private JWK file (EC P-256 or OKP Ed25519, with d) of the status issuer; its kid goes in the header.")
        Path keyFile;

        @Option(names = "--uri", required = true, paramLabel = "URI",
                description = "Absolute URI of this list, written as sub; referenced tokens carry it in status.status_list.uri.")
        String uri;

        @Option(names = "--bits", required = true, paramLabel = "1|2|4|8",
                description = "Bits per entry: 1 (VALID/INVALID), 2 (adds SUSPENDED and 0x03), 4 or 8 (up to 0x0F or 0xFF).")
        int bits;

        @Option(names = "--size", required = true, paramLabel = "N",
                description = "Number of entries; a positive multiple of 8/bits, since the list fills whole bytes.")
        int size;

        @Option(names = "--set", paramLabel = "IDX=VALUE",
                description = "Set entry IDX to VALUE: VALID, INVALID, SUSPENDED, a number 0-255 or 0xNN. Repeatable.")
        List<String> sets = new ArrayList<>();

        @Option(names = "--statuses", paramLabel = "FILE",
                description = "File of entries to set, one 'IDX VALUE' per line; blank lines and lines starting with # are skipped.")
        Path statusesFile;

        @Option(names = "--ttl", paramLabel = "SECONDS",
                description = "Write ttl: how many seconds a verifier may cache the token before fetching a fresh one.")
        Long ttlSeconds;

        @Option(names = "--expires-in", paramLabel = "DURATION",
                description = "Write exp = iat + DURATION (ISO-8601, e.g. P1D); after exp no verifier may rely on the list.")
        String expiresIn;

        @Option(names = "--issued-at", paramLabel = "ISO_INSTANT",
                description = "Use this iat instead of the current time (whole seconds), for reproducible tokens.")
        String issuedAt;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "Where to write the token (one line); an existing file is replaced.")
        Path out;

        @Option(names = "--json", description = "Print the summary as one JSON object instead of text.")
        boolean json;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            if (!StatusList.isAllowedBits(bits)) {
                throw InputFiles.usage(commandLine, "--bits must be 1, 2, 4 or 8, not " + bits);
            }
            int perByte = 8 / bits;
            if (size < 1 || size % perByte != 0 || size / perByte > StatusList.MAX_BYTES) {
                throw InputFiles.usage(commandLine, "--size must be a positive multiple of " + perByte + " for --bits " + bits
                        + " (whole bytes) and at most " + (long) StatusList.MAX_BYTES * perByte + ", not " + size);
            }
            SigningKey key = InputFiles.signingKey(commandLine, keyFile);

            Map<Integer, TokenStatus> entries = new TreeMap<>();
            Map<Integer, String> origins = new TreeMap<>();
            if (statusesFile != null) {
                String text = InputFiles.readText(commandLine, statusesFile, "--statuses file");
                String[] lines = text.split("\r?\n", -1);
                for (int number = 1; number <= lines.length; number++) {
                    String line = lines[number - 1].strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String where = "--statuses file " + statusesFile + " line " + number;
                    String[] fields = line.split("\\s+");
                    if (fields.length != 2) {
                        throw InputFiles.usage(commandLine, where + ": expected 'IDX VALUE'");
                    }
                    put(commandLine, entries, origins, fields[0], fields[1], where);
                }
            }
            for (String set : sets) {
                int equals = set.indexOf('=');
                if (equals < 0) {
                    throw InputFiles.usage(commandLine, "--set " + set + ": expected IDX=VALUE");
                }
                put(commandLine, entries, origins, set.substring(0, equals), set.substring(equals + 1), "--set " + set);
            }

            StatusList.Builder builder = StatusList.builder(bits, size);
            for (Map.Entry<Integer, TokenStatus> entry : entries.entrySet()) {
                builder.set(entry.getKey(), entry.getValue());
            }
            StatusList list = builder.build();

            Instant iat = issuedAt == null ? Clock.systemUTC().instant() : OptionValues.instant(commandLine, issuedAt, "--issued-at");
            StatusListSigner.Builder signerBuilder = StatusListSigner.builder().key(key).clock(Clock.fixed(iat, ZoneOffset.UTC));
            if (ttlSeconds != null) {
                if (ttlSeconds < 1) {
                    throw InputFiles.usage(commandLine, "--ttl must be at least 1 second, not " + ttlSeconds);
                }
                signerBuilder.timeToLive(Duration.ofSeconds(ttlSeconds));
            }
            Duration validFor = expiresIn == null ? null : OptionValues.positiveDuration(commandLine, expiresIn, "--expires-in");
            try {
                if (validFor != null) {
                    signerBuilder.validFor(validFor);
                }
            } catch (IllegalArgumentException e) {
                throw InputFiles.usage(commandLine, "--expires-in must be whole seconds, at most a century: " + expiresIn);
            }
            String token;
            try {
                token = signerBuilder.build().sign(uri, list);
            } catch (IllegalArgumentException e) {
                // The only argument sign() can refuse here is the URI: everything else was checked above.
                throw InputFiles.usage(commandLine, "--uri '" + uri + "': " + e.getMessage()
                        + ", such as https://example.com/statuslists/1");
            }
            try {
                Files.writeString(out, token + "\n", StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw InputFiles.usage(commandLine, "cannot write --out " + out + ": " + e.getMessage());
            }

            Instant writtenIat = iat.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            Map<String, Integer> counts = new TreeMap<>();
            for (TokenStatus status : entries.values()) {
                if (!status.isValid()) {
                    counts.merge(status.label(), 1, Integer::sum);
                }
            }
            int notValid = list.countNotValid();
            if (json) {
                ObjectNode summary = Json.object().put("out", out.toString()).put("uri", uri).put("bits", bits)
                        .put("size", size).put("notValid", notValid).put("kid", key.kid())
                        .put("issuedAt", writtenIat.toString()).put("tokenLength", token.length());
                ObjectNode byStatus = summary.putObject("counts");
                counts.forEach(byStatus::put);
                if (validFor == null) {
                    summary.putNull("expiresAt");
                } else {
                    summary.put("expiresAt", writtenIat.plus(validFor).toString());
                }
                if (ttlSeconds == null) {
                    summary.putNull("ttl");
                } else {
                    summary.put("ttl", ttlSeconds);
                }
                commandLine.getOut().println(summary);
            } else {
                commandLine.getOut().println("Wrote status list token " + out);
                commandLine.getOut().println("  uri:     " + uri);
                commandLine.getOut().println("  entries: " + size + " of " + bits + " bit(s), " + notValid + " not VALID"
                        + (counts.isEmpty() ? "" : " " + counts));
                commandLine.getOut().println("  issued:  " + writtenIat
                        + (validFor == null ? ", no exp" : ", expires " + writtenIat.plus(validFor))
                        + (ttlSeconds == null ? ", no ttl" : ", ttl " + ttlSeconds + " s"));
                commandLine.getOut().println("  signed:  " + key.algorithm().jwsName() + " kid " + key.kid()
                        + ", " + token.length() + " characters");
            }
            commandLine.getOut().flush();
            return Exit.OK;
        }

        private void put(CommandLine commandLine, Map<Integer, TokenStatus> entries, Map<Integer, String> origins,
                         String indexText, String valueText, String where) {
            int index;
            try {
                index = Integer.parseInt(indexText.strip());
            } catch (NumberFormatException e) {
                throw InputFiles.usage(commandLine, where + ": index '" + indexText.strip() + "' is not a whole number");
            }
            if (index < 0 || index >= size) {
                throw InputFiles.usage(commandLine, where + ": index " + index + " is outside the list (0 to " + (size - 1) + ")");
            }
            TokenStatus status = parseStatus(commandLine, valueText, where);
            if (status.value() >= 1 << bits) {
                throw InputFiles.usage(commandLine, where + ": " + status.label() + " does not fit in " + bits + " bit(s)");
            }
            String earlier = origins.putIfAbsent(index, where);
            if (earlier != null) {
                throw InputFiles.usage(commandLine, where + ": index " + index + " is already set by " + earlier);
            }
            entries.put(index, status);
        }
    }

    /** {@code staffpass status check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {
                "Verify a status list token with a public key and print the status of one entry.",
                "The token must be signed by the key, typed statuslist+jwt and not expired, and its list must inflate "
                    + "within the bound. The list must be fresh: issued at most --max-age before the check time, and "
                    + "the check time before its exp.",
                "Prints VALID, INVALID, SUSPENDED or 0xNN, or NO STATUS and the reason code when no statement can be made.",
                "Exit 0 if the entry is VALID in a fresh list; 1 if it is anything else, or the list is stale, another "
                    + "list (--uri), too short for the index, or rejected; 2 on usage errors or unreadable files."})
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "PUBLIC_JWK",
                description = "Public JWK file of the status issuer: the only key the token may be signed with.")
        Path keyFile;

        @Option(names = "--index", required = true, paramLabel = "N",
                description = "The entry to check (status.status_list.idx of the referenced token), from 0.")
        long index;

        @Option(names = "--uri", paramLabel = "URI",
                description = "The list URI the referenced token names (status.status_list.uri); the token's sub must equal it."
                        + " Default: trust the token's own sub.")
        String uri;

        @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "PT24H",
                description = "Oldest list (by iat) still relied on, ISO-8601 (default ${DEFAULT-VALUE}); older is STATUS_LIST_STALE.")
        String maxAge;

        @Option(names = "--at", paramLabel = "ISO_INSTANT",
                description = "Check as of this instant instead of now (for audits and replays), e.g. 2026-01-15T10:00:00Z.")
        String at;

        @Option(names = "--json", description = "Print one JSON object: file, uri, index, status, value, valid, reason, message.")
        boolean json;

        @Parameters(index = "0", paramLabel = "FILE", description = "The status list token (compact JWT; white space around it is ignored).")
        Path file;

        @Override
        public Integer call() {
            CommandLine commandLine = spec.commandLine();
            if (index < 0) {
                throw InputFiles.usage(commandLine, "--index must not be negative, was " + index);
            }
            Duration age = OptionValues.positiveDuration(commandLine, maxAge, "--max-age");
            Instant now = at == null ? Clock.systemUTC().instant() : OptionValues.instant(commandLine, at, "--at");
            VerificationKey key = InputFiles.verificationKey(commandLine, keyFile);
            String token = InputFiles.readText(commandLine, file, "status list token file").strip();

            StatusListStore store = StatusListStore.builder().trustedKeys(List.of(key))
                    .clock(Clock.fixed(now, ZoneOffset.UTC)).maxAge(age)
                    .maxTokenLength((int) InputFiles.MAX_DOCUMENT_BYTES).build();
            StatusListStore.LoadResult loaded = store.load(file.toString(), token);
            ObjectNode result = Json.object().put("file", file.toString());
            if (loaded instanceof StatusListStore.LoadResult.Rejected rejected) {
                result.put("uri", uri).put("index", index).putNull("status").putNull("value").put("valid", false)
                        .put("reason", rejected.reason().name()).put("message", "status list token rejected: " + rejected.message())
                        .putNull("issuedAt").putNull("expiresAt").put("checkedAt", now.toString()).put("maxAge", age.toString());
                return print(commandLine, result);
            }
            StatusListToken held = store.token(((StatusListStore.LoadResult.Stored) loaded).uri()).orElseThrow();
            String listUri = uri == null ? held.uri() : uri;
            StatusLookup lookup = store.lookup(listUri, index);
            result.put("uri", listUri).put("index", index);
            if (lookup instanceof StatusLookup.Known known) {
                result.put("status", known.status().label()).put("value", known.status().value())
                        .put("valid", known.status().isValid()).putNull("reason").putNull("message");
            } else {
                StatusLookup.Unavailable unavailable = (StatusLookup.Unavailable) lookup;
                String message = unavailable.reason() == org.staffpass.crypto.ReasonCode.STATUS_LIST_UNKNOWN
                        ? "the token's list is " + held.uri() + ", not the --uri given"
                        : unavailable.message();
                result.putNull("status").putNull("value").put("valid", false)
                        .put("reason", unavailable.reason().name()).put("message", message);
            }
            result.put("issuedAt", held.issuedAt().toString());
            if (held.expiresAt().isPresent()) {
                result.put("expiresAt", held.expiresAt().get().toString());
            } else {
                result.putNull("expiresAt");
            }
            result.put("checkedAt", now.toString()).put("maxAge", age.toString());
            return print(commandLine, result);
        }

        private int print(CommandLine commandLine, ObjectNode result) {
            boolean valid = result.get("valid").booleanValue();
            if (json) {
                commandLine.getOut().println(result);
            } else if (!result.get("status").isNull()) {
                commandLine.getOut().println(result.get("status").textValue() + ": entry " + index + " of "
                        + result.get("uri").textValue() + " (list issued " + result.get("issuedAt").textValue()
                        + ", checked at " + result.get("checkedAt").textValue() + ")");
            } else {
                commandLine.getOut().println("NO STATUS " + result.get("reason").textValue() + ": "
                        + result.get("message").textValue());
            }
            commandLine.getOut().flush();
            return valid ? Exit.OK : Exit.FAILED;
        }
    }
}
