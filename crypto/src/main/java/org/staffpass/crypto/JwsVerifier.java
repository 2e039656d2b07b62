package org.staffpass.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.PublicKeyMaterial.SignatureCheck;
import org.staffpass.crypto.internal.StrictJson;

/**
 * Verifies compact JWS (RFC 7515) from untrusted sources, failing closed.
 *
 * <p>The algorithm comes from the key, never from the header: only ES256 and EdDSA ever
 * verify, and only with a key of that type. Refused with a {@link ReasonCode}, never an
 * exception: input over the size bound; anything but three canonical base64url segments;
 * a header that is not a JSON object with unique members; {@code alg} other than the key's
 * ({@code none}, HS*, RS*); header-carried keys ({@code jwk}, {@code jku}, {@code x5u},
 * {@code x5c}); any {@code crit}; {@code b64:false}; a {@code kid} naming another key; a
 * {@code typ} other than the expected one; an ECDSA signature that is not 64 bytes or has r
 * or s outside [1, n-1]; and of course a signature that does not verify.
 *
 * <p>Build with {@link #builder()}; thread-safe, and immutable in all it decides: its one
 * piece of mutable state remembers the last header it accepted, so that the next token with
 * the very same header text skips parsing it again (see {@code lastHeader}).
 *
 * @since 0.1
 */
public final class JwsVerifier {
    /** Default bound on the compact serialization's length, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 1 << 20;

    private static final List<String> KEY_CARRYING_HEADERS = List.of("jwk", "jku", "x5u", "x5c");

    private final List<VerificationKey> keys;
    private final Optional<String> expectedType;
    private final Set<String> refusedTypes;
    private final int maxLength;
    /**
     * The last header this verifier accepted, with what it decided from it. A header's verdict
     * depends only on its text and this verifier's settings, and the tokens a verifier meets in
     * a row often share one (every credential of an issuer, every KB-JWT of a holder), so an
     * identical header is not decoded, parsed and checked again. One immutable entry, replaced
     * whole through a volatile field: bounded, and safe to share between threads.
     */
    private volatile AcceptedHeader lastHeader;

    /** A header segment that passed every header check, and what they found. */
    private record AcceptedHeader(String segment, VerificationKey key, Optional<String> typ, Optional<String> kid) {
        boolean matches(String compact, int firstDot) {
            return segment.length() == firstDot && compact.startsWith(segment);
        }
    }

    private JwsVerifier(Builder builder) {
        this.keys = builder.keys;
        this.expectedType = builder.expectedType.map(JwsVerifier::normaliseType);
        this.refusedTypes = builder.refusedTypes.stream().map(JwsVerifier::normaliseType).collect(Collectors.toUnmodifiableSet());
        this.maxLength = builder.maxLength;
    }

    /** A builder; {@link Builder#key} or {@link Builder#keys} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A verifier for one key, no expected {@code typ}, default size bound. */
    public static JwsVerifier of(VerificationKey key) {
        return builder().key(key).build();
    }

    /** Verifies one compact JWS; never throws for bad input. */
    public Verification<VerifiedJws> verify(String compact) {
        Objects.requireNonNull(compact, "compact");
        if (compact.length() > maxLength) {
            return rejected(ReasonCode.TOO_LARGE, "JWS is " + compact.length() + " characters; the bound is " + maxLength);
        }
        int firstDot = compact.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : compact.indexOf('.', firstDot + 1);
        if (secondDot < 0 || compact.indexOf('.', secondDot + 1) >= 0) {
            return rejected(ReasonCode.MALFORMED, "compact JWS must have exactly three dot-separated segments");
        }
        if (firstDot == 0) {
            return rejected(ReasonCode.MALFORMED, "JWS header segment must not be empty");
        }
        // The whole token as bytes, once: it is also the signing input (up to secondDot).
        byte[] ascii = compact.getBytes(StandardCharsets.ISO_8859_1);
        AcceptedHeader accepted = lastHeader;
        boolean known = accepted != null && accepted.matches(compact, firstDot);
        Optional<byte[]> headerBytes = known ? Optional.empty() : Base64Url.decodeRange(ascii, 0, firstDot);
        if (!known && headerBytes.isEmpty()) {
            return rejected(ReasonCode.MALFORMED, "JWS header segment is not canonical unpadded base64url");
        }
        Optional<byte[]> payload = Base64Url.decodeRange(ascii, firstDot + 1, secondDot);
        if (payload.isEmpty()) {
            return rejected(ReasonCode.MALFORMED, "JWS payload segment is not canonical unpadded base64url");
        }
        Optional<byte[]> signature = Base64Url.decodeRange(ascii, secondDot + 1, ascii.length);
        if (signature.isEmpty()) {
            return rejected(ReasonCode.MALFORMED, "JWS signature segment is not canonical unpadded base64url");
        }
        if (known) {
            // The header passed every check before; of the checks between, only this one remains.
            if (secondDot == compact.length() - 1) {
                return rejected(ReasonCode.MALFORMED, "JWS signature segment must not be empty");
            }
        } else {
            Verification<AcceptedHeader> checked = checkHeader(compact, headerBytes.get(), firstDot, secondDot);
            if (checked instanceof Verification.Rejected<AcceptedHeader> r) {
                return r.cast();
            }
            accepted = checked.value();
            lastHeader = accepted;
        }
        VerificationKey key = accepted.key();
        Optional<String> typ = accepted.typ();
        Optional<String> kid = accepted.kid();

        SignatureCheck check = key.material().check(ascii, secondDot, signature.get());
        switch (check) {
            case VALID:
                break;
            case WRONG_LENGTH:
                return rejected(ReasonCode.SIGNATURE_INVALID, "JWS signature is " + signature.get().length + " bytes; "
                        + key.algorithm().jwsName() + " signatures are exactly 64");
            case OUT_OF_RANGE:
                return rejected(ReasonCode.SIGNATURE_INVALID, "ECDSA signature r or s is out of range: both must be in [1, n-1]");
            default:
                return rejected(ReasonCode.SIGNATURE_INVALID, "JWS signature does not verify with key "
                        + key.kid().orElse(key.thumbprint()));
        }
        return Verification.accepted(new VerifiedJws(key, typ, kid, payload.get()));
    }

    /**
     * Every check that depends on the decoded header (and the one on the signature's presence
     * that sits among them), in the order the class documents.
     */
    private Verification<AcceptedHeader> checkHeader(String compact, byte[] headerBytes, int firstDot, int secondDot) {
        Verification<ObjectNode> parsedHeader = StrictJson.parseObject(headerBytes, "JWS header");
        if (parsedHeader instanceof Verification.Rejected<ObjectNode> r) {
            return r.cast();
        }
        ObjectNode header = parsedHeader.value();

        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual()) {
            return rejected(ReasonCode.MALFORMED, "JWS header member 'alg' is missing or not a string");
        }
        if (!anyKeyAccepts(alg.textValue())) {
            return rejected(ReasonCode.ALG_NOT_ALLOWED, "JWS header 'alg' " + StrictJson.printable(alg.textValue())
                    + " is not allowed; this verifier's key uses " + algorithmsOfKeys());
        }
        // Checked after alg so that an unsecured token ("alg":"none", empty signature) is named for what it is.
        if (secondDot == compact.length() - 1) {
            return rejected(ReasonCode.MALFORMED, "JWS signature segment must not be empty");
        }
        for (String member : KEY_CARRYING_HEADERS) {
            if (header.has(member)) {
                return rejected(ReasonCode.HEADER_NOT_ALLOWED, "JWS header carries '" + member
                        + "': verification keys come from configuration, never from the token");
            }
        }
        if (header.has("crit")) {
            return rejected(ReasonCode.HEADER_NOT_ALLOWED, "JWS header 'crit' names extensions this verifier does not implement");
        }
        JsonNode b64 = header.get("b64");
        if (b64 != null && !(b64.isBoolean() && b64.booleanValue())) {
            return rejected(ReasonCode.HEADER_NOT_ALLOWED, "JWS header 'b64' other than true (unencoded payload) is not allowed");
        }
        Optional<String> kid = optionalString(header, "kid");
        Optional<String> typ = optionalString(header, "typ");
        if ((header.has("kid") && kid.isEmpty()) || (header.has("typ") && typ.isEmpty())) {
            return rejected(ReasonCode.MALFORMED, "JWS header members 'kid' and 'typ' must be strings");
        }
        try {
            // Nimbus owns the JOSE header structure: registered members and their types.
            JWSHeader.parse(StrictJson.toMap(header), new Base64URL(compact.substring(0, firstDot)));
        } catch (ParseException | RuntimeException e) {
            return rejected(ReasonCode.MALFORMED, "JWS header is not a valid JOSE header");
        }

        Verification<VerificationKey> selected = selectKey(kid);
        if (selected instanceof Verification.Rejected<VerificationKey> r) {
            return r.cast();
        }
        VerificationKey key = selected.value();
        if (!key.algorithm().acceptsHeaderAlg(alg.textValue())) {
            return rejected(ReasonCode.ALG_NOT_ALLOWED, "JWS header 'alg' " + StrictJson.printable(alg.textValue())
                    + " does not match key " + key.kid().orElse(key.thumbprint()) + " (" + key.algorithm().jwsName() + ")");
        }
        Optional<String> normalisedTyp = typ.map(JwsVerifier::normaliseType);
        if (normalisedTyp.isPresent() && refusedTypes.contains(normalisedTyp.get())) {
            return rejected(ReasonCode.TYP_MISMATCH, "JWS header 'typ' " + StrictJson.printable(typ.get()) + " is never accepted here");
        }
        if (expectedType.isPresent() && !expectedType.equals(normalisedTyp)) {
            return rejected(ReasonCode.TYP_MISMATCH, "JWS header 'typ' is " + typ.map(StrictJson::printable).orElse("absent")
                    + "; expected " + expectedType.get());
        }
        return Verification.accepted(new AcceptedHeader(compact.substring(0, firstDot), key, typ, kid));
    }

    private boolean anyKeyAccepts(String headerAlg) {
        for (VerificationKey key : keys) {
            if (key.algorithm().acceptsHeaderAlg(headerAlg)) {
                return true;
            }
        }
        return false;
    }

    private Verification<VerificationKey> selectKey(Optional<String> headerKid) {
        if (headerKid.isPresent()) {
            for (VerificationKey key : keys) {
                if (key.kid().isEmpty() && keys.size() == 1) {
                    return Verification.accepted(key);
                }
                if (key.kid().equals(headerKid)) {
                    return Verification.accepted(key);
                }
            }
            return rejected(ReasonCode.KID_MISMATCH, "JWS header 'kid' " + StrictJson.printable(headerKid.get())
                    + " names no key this verifier holds");
        }
        if (keys.size() == 1) {
            return Verification.accepted(keys.get(0));
        }
        return rejected(ReasonCode.KID_MISMATCH, "JWS header has no 'kid' and this verifier holds " + keys.size() + " keys");
    }

    private String algorithmsOfKeys() {
        return keys.stream().map(k -> k.algorithm().jwsName()).distinct().sorted().collect(Collectors.joining(", "));
    }

    private static Optional<String> optionalString(ObjectNode header, String member) {
        JsonNode node = header.get(member);
        return node != null && node.isTextual() ? Optional.of(node.textValue()) : Optional.empty();
    }

    /**
     * Media types compare case-insensitively, and "application/" may be left off
     * (RFC 7515 §4.1.9), so {@code application/statuslist+jwt} equals {@code statuslist+jwt}.
     */
    static String normaliseType(String typ) {
        String lower = typ.toLowerCase(Locale.ROOT);
        return lower.startsWith("application/") && lower.indexOf('/', "application/".length()) < 0
                ? lower.substring("application/".length())
                : lower;
    }

    private static <T> Verification<T> rejected(ReasonCode reason, String message) {
        return Verification.rejected(reason, message);
    }

    /**
     * Configures a {@link JwsVerifier}. Each setter may be called once; {@link #build()}
     * refuses a verifier with no key, or whose expected type is also refused.
     */
    public static final class Builder {
        private List<VerificationKey> keys;
        private Optional<String> expectedType = Optional.empty();
        private Set<String> refusedTypes = Set.of();
        private int maxLength = DEFAULT_MAX_LENGTH;
        private boolean maxLengthSet;
        private boolean refusedTypesSet;

        private Builder() {
        }

        /** The one key that verifies. */
        public Builder key(VerificationKey key) {
            return keys(List.of(Objects.requireNonNull(key, "key")));
        }

        /**
         * Several keys (pinned roots during a rotation): the header {@code kid} chooses one;
         * with more than one key a header without {@code kid} is refused. Keys without a
         * {@code kid} are allowed only alone.
         */
        public Builder keys(Collection<VerificationKey> keys) {
            if (this.keys != null) {
                throw new IllegalStateException("keys already set");
            }
            List<VerificationKey> copy = List.copyOf(keys);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("at least one key is required");
            }
            if (copy.size() > 1 && copy.stream().anyMatch(k -> k.kid().isEmpty())) {
                throw new IllegalArgumentException("with several keys each needs a kid to be chosen by");
            }
            if (copy.stream().map(k -> k.kid().orElse("")).distinct().count() != copy.size()) {
                throw new IllegalArgumentException("two keys share a kid");
            }
            this.keys = new ArrayList<>(copy);
            return this;
        }

        /** The header {@code typ} a token must carry (compared as RFC 7515 says). */
        public Builder expectedType(String typ) {
            if (expectedType.isPresent()) {
                throw new IllegalStateException("expectedType already set");
            }
            this.expectedType = Optional.of(Objects.requireNonNull(typ, "typ"));
            return this;
        }

        /** Header {@code typ} values refused even without an expected type (e.g. {@code kb+jwt}). */
        public Builder refusedTypes(Set<String> types) {
            if (refusedTypesSet) {
                throw new IllegalStateException("refusedTypes already set");
            }
            this.refusedTypes = Set.copyOf(types);
            this.refusedTypesSet = true;
            return this;
        }

        /** Longest compact serialization accepted, in characters; longer input is {@code TOO_LARGE}. */
        public Builder maxLength(int maxLength) {
            if (maxLengthSet) {
                throw new IllegalStateException("maxLength already set");
            }
            if (maxLength < 16) {
                throw new IllegalArgumentException("maxLength must be at least 16, was " + maxLength);
            }
            this.maxLength = maxLength;
            this.maxLengthSet = true;
            return this;
        }

        /** The verifier. */
        public JwsVerifier build() {
            if (keys == null) {
                throw new IllegalStateException("a JwsVerifier needs key(...) or keys(...)");
            }
            if (expectedType.isPresent() && refusedTypes.stream().map(JwsVerifier::normaliseType)
                    .anyMatch(normaliseType(expectedType.get())::equals)) {
                throw new IllegalStateException("expectedType " + normaliseType(expectedType.get())
                        + " is also refused: no token could ever verify");
            }
            return new JwsVerifier(this);
        }
    }
}
