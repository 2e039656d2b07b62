package org.staffpass.crypto.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.staffpass.crypto.JwsVerifier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.VerifiedJws;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.JwtClaims;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.internal.sdjwt.DisclosureProcessor;
import org.staffpass.crypto.internal.sdjwt.SdJwtParts;

/**
 * Verifies SD-JWTs and SD-JWT+KBs (RFC 9901 §7.1 and §7.3) from untrusted sources, failing
 * closed with a {@link ReasonCode}, never an exception.
 *
 * <p>Checks, in this order (docs/sd-jwt.md lists every code):
 * <ol>
 *   <li>length within {@link Builder#maxLength} ({@code TOO_LARGE}); the grammar
 *       {@code <jwt>~(<disclosure>~)*[<kb-jwt>]} ({@code MALFORMED}); disclosure count
 *       ({@code TOO_LARGE});</li>
 *   <li>the key-binding policy against the presence of a KB-JWT ({@code KB_MISSING}, or
 *       {@code MALFORMED} when {@link KeyBinding#forbidden()});</li>
 *   <li>the issuer key (given, or from the {@link IssuerKeyResolver}, whose code passes through)
 *       and the issuer JWT by {@link JwsVerifier}: algorithm from the key, no header keys or
 *       {@code crit}, {@code typ} as configured and never {@code kb+jwt}, signature. A
 *       {@code kid} naming another key is {@code SIGNATURE_INVALID} here;</li>
 *   <li>the payload (strict JSON) and {@code _sd_alg} ({@code SD_ALG_UNSUPPORTED});</li>
 *   <li>the disclosures: each hashed once; malformed, repeated, unreferenced, reserved or
 *       conflicting names, wrong kind of slot, any digest met twice ({@code DISCLOSURE_*});</li>
 *   <li>{@code exp}, {@code nbf}, {@code iat} of the processed payload with the skew
 *       ({@code EXPIRED}, {@code NOT_YET_VALID}, {@code MALFORMED} if not numbers);</li>
 *   <li>the KB-JWT if present: holder key from {@code cnf.jwk} ({@code KB_NO_HOLDER_KEY}),
 *       JWS ({@code KB_MALFORMED}, {@code KB_SIGNATURE_INVALID}), {@code iat} window,
 *       {@code aud}, {@code nonce}, {@code sd_hash} ({@code KB_*}).</li>
 * </ol>
 * Work is linear in the input's length. Build with {@link #builder()}; immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SdJwtVerifier {
    /**
     * Default bound on the whole presentation: 4 MB in SI units, 4,000,000 characters. A compact
     * SD-JWT is ASCII, so characters are bytes; the CLI contract says "4 MB" and means this.
     */
    public static final int DEFAULT_MAX_LENGTH = 4_000_000;
    /**
     * Default bound on the number of disclosures: as many as the default length bound can hold
     * (each takes at least a character and a {@code ~}), so input within that bound is always
     * processed in full.
     */
    public static final int DEFAULT_MAX_DISCLOSURES = DEFAULT_MAX_LENGTH / 2;
    /** Default skew allowed on the credential's {@code exp}, {@code nbf} and {@code iat}. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);
    /** Default window around now for the KB-JWT's {@code iat}. */
    public static final Duration DEFAULT_KEY_BINDING_WINDOW = Duration.ofMinutes(5);
    /** Largest skew or key-binding window a verifier may be configured with. */
    public static final Duration TIME_CEILING = Duration.ofMinutes(10);
    /** The {@code typ} of a key-binding JWT, which is never an issuer JWT. */
    public static final String KB_JWT_TYPE = "kb+jwt";

    private final Optional<VerificationKey> issuerKey;
    private final Optional<IssuerKeyResolver> resolver;
    private final Optional<JwsVerifier> fixedIssuerVerifier;
    private final Clock clock;
    private final Optional<String> expectedType;
    private final Duration skew;
    private final Duration keyBindingWindow;
    private final int maxLength;
    private final int maxDisclosures;

    private SdJwtVerifier(Builder builder) {
        this.issuerKey = builder.issuerKey;
        this.resolver = builder.resolver;
        this.clock = builder.clock;
        this.expectedType = builder.expectedType;
        this.skew = builder.skew;
        this.keyBindingWindow = builder.keyBindingWindow;
        this.maxLength = builder.maxLength;
        this.maxDisclosures = builder.maxDisclosures;
        this.fixedIssuerVerifier = issuerKey.map(this::issuerVerifier);
    }

    /** A builder; a clock and either an issuer key or a resolver are required. */
    public static Builder builder() {
        return new Builder();
    }

    private JwsVerifier issuerVerifier(VerificationKey key) {
        JwsVerifier.Builder builder = JwsVerifier.builder().key(key).maxLength(maxLength).refusedTypes(Set.of(KB_JWT_TYPE));
        expectedType.ifPresent(builder::expectedType);
        return builder.build();
    }

    /**
     * Verifies one compact SD-JWT or SD-JWT+KB under {@code keyBinding}, at the clock's
     * instant. Never throws for bad input.
     */
    public Verification<VerifiedSdJwt> verify(String presentation, KeyBinding keyBinding) {
        Objects.requireNonNull(presentation, "presentation");
        Objects.requireNonNull(keyBinding, "keyBinding");
        return verify(presentation, keyBinding, new Imports());
    }

    /**
     * Verifies SD-JWTs presented together (for example the credentials of one holder's
     * presentation), each exactly as {@link #verify(String, KeyBinding)} would, at the clock's
     * instant, answering in the same order. Never throws for bad input.
     *
     * <p>The only difference is work saved: when an SD-JWT's issuer JWT header is the same text
     * as the previous one's, it is not parsed again to find the key; when its issuer key equals
     * the previous one's, or its {@code cnf.jwk} is the same JSON as the previous one's (every
     * member equal), the key already imported and its JWS verifier are used again.
     * Every signature, key binding and claim is still checked for every SD-JWT. Nothing is kept
     * after the call returns.
     */
    public List<Verification<VerifiedSdJwt>> verifyAll(List<String> presentations, KeyBinding keyBinding) {
        Objects.requireNonNull(keyBinding, "keyBinding");
        List<String> all = List.copyOf(presentations);
        Imports imports = new Imports();
        List<Verification<VerifiedSdJwt>> results = new ArrayList<>(all.size());
        for (String presentation : all) {
            results.add(verify(presentation, keyBinding, imports));
        }
        return List.copyOf(results);
    }

    /**
     * The header read, keys imported and verifiers built for the SD-JWT verified last, within one
     * call: the next SD-JWT of the same presentation usually has the same issuer and holder.
     * Holds one of each, so its size is fixed. Not thread-safe; never outlives the call that made it.
     */
    private static final class Imports {
        /** The last issuer JWT header segment read to find a key, and its tree (only ever read). */
        private String issuerHeaderSegment;
        private ObjectNode issuerHeader;
        private VerificationKey issuerKey;
        private JwsVerifier issuerVerifier;
        private ObjectNode holderJwk;
        private VerificationKey holderKey;
        private JwsVerifier keyBindingVerifier;
    }

    private Verification<VerifiedSdJwt> verify(String presentation, KeyBinding keyBinding, Imports imports) {
        if (presentation.length() > maxLength) {
            return Verification.rejected(ReasonCode.TOO_LARGE, "SD-JWT is " + presentation.length()
                    + " characters; the bound is " + maxLength);
        }
        Verification<SdJwtParts> split = SdJwtParts.split(presentation, maxDisclosures);
        if (split instanceof Verification.Rejected<SdJwtParts> r) {
            return r.cast();
        }
        SdJwtParts parts = split.value();
        if (keyBinding instanceof KeyBinding.Required && parts.keyBindingJwt().isEmpty()) {
            return Verification.rejected(ReasonCode.KB_MISSING, "a key-binding JWT is required and the SD-JWT ends with '~'");
        }
        if (keyBinding instanceof KeyBinding.Forbidden && parts.keyBindingJwt().isPresent()) {
            return Verification.rejected(ReasonCode.MALFORMED, "an issued SD-JWT carries no key-binding JWT: it must end with '~'");
        }

        Verification<VerificationKey> key;
        Optional<UnverifiedPayload> unverified = Optional.empty();
        if (issuerKey.isPresent()) {
            key = Verification.accepted(issuerKey.get());
        } else {
            Verification<UnverifiedPayload> read = readUnverified(parts.issuerJwt(), imports);
            if (read instanceof Verification.Rejected<UnverifiedPayload> r) {
                return r.cast();
            }
            unverified = Optional.of(read.value());
            key = resolveIssuerKey(read.value());
        }
        if (key instanceof Verification.Rejected<VerificationKey> r) {
            return r.cast();
        }
        JwsVerifier jws = fixedIssuerVerifier.isPresent() ? fixedIssuerVerifier.get() : issuerVerifier(key.value(), imports);
        Verification<VerifiedJws> issuerJws = jws.verify(parts.issuerJwt());
        if (issuerJws instanceof Verification.Rejected<VerifiedJws> r) {
            return Verification.rejected(issuerCode(r.reason()), "issuer-signed JWT: " + r.message());
        }
        VerifiedJws signed = issuerJws.value();
        ObjectNode payload;
        // The tree read to find the key is trusted only now, and only if it came from exactly
        // the bytes the signature covers; otherwise parse what was signed.
        if (unverified.isPresent() && Arrays.equals(unverified.get().payloadBytes(), signed.payload())) {
            payload = unverified.get().payload();
        } else {
            Verification<ObjectNode> payloadParsed = StrictJson.parseObject(signed.payload(), "SD-JWT payload");
            if (payloadParsed instanceof Verification.Rejected<ObjectNode> r) {
                return r.cast();
            }
            payload = payloadParsed.value();
        }

        JsonNode sdAlg = payload.get("_sd_alg");
        Optional<SdHashAlgorithm> algorithm = sdAlg == null ? Optional.of(SdHashAlgorithm.SHA_256)
                : sdAlg.isTextual() ? SdHashAlgorithm.fromIanaName(sdAlg.textValue()) : Optional.empty();
        if (algorithm.isEmpty()) {
            return Verification.rejected(ReasonCode.SD_ALG_UNSUPPORTED, "'_sd_alg' "
                    + (sdAlg.isTextual() ? StrictJson.printable(sdAlg.textValue()) : "(not a string)")
                    + " is not one of sha-256, sha-384, sha-512");
        }
        MessageDigest hash = algorithm.get().newDigest();
        Verification<DisclosureProcessor.Processed> processed = DisclosureProcessor.process(payload, parts.disclosures(), hash);
        if (processed instanceof Verification.Rejected<DisclosureProcessor.Processed> r) {
            return r.cast();
        }
        ObjectNode claims = processed.value().payload();

        Instant now = clock.instant();
        Optional<Verification.Rejected<Object>> invalid = JwtClaims.checkValidity(claims, now, skew, false, "SD-JWT");
        if (invalid.isPresent()) {
            Verification.Rejected<Object> r = invalid.get();
            return Verification.rejected(r.reason() == ReasonCode.CLAIMS_INVALID ? ReasonCode.MALFORMED : r.reason(), r.message());
        }

        Verification<VerificationKey> holder = holderKey(claims, imports);
        Optional<VerifiedKeyBinding> bound = Optional.empty();
        if (parts.keyBindingJwt().isPresent()) {
            if (holder instanceof Verification.Rejected<VerificationKey> r) {
                return r.cast();
            }
            Verification<VerifiedKeyBinding> kb = verifyKeyBinding(parts, keyBinding, keyBindingVerifier(imports), hash, now);
            if (kb instanceof Verification.Rejected<VerifiedKeyBinding> r) {
                return r.cast();
            }
            bound = Optional.of(kb.value());
        }

        List<Disclosure> disclosures = new ArrayList<>(processed.value().disclosures().size());
        for (DisclosureProcessor.ProcessedDisclosure d : processed.value().disclosures()) {
            disclosures.add(new Disclosure(d.encoded(), d.digest(), ClaimPath.of(d.path().toArray()), d.name(), d.value()));
        }
        return Verification.accepted(new VerifiedSdJwt(claims, disclosures, signed.key(), signed.typ(), signed.kid(),
                algorithm.get(), holder.isAccepted() ? Optional.of(holder.value()) : Optional.empty(), bound,
                parts.issuerJwt()));
    }

    /** The JWS layer's codes, as the SD-JWT contract names them (docs/sd-jwt.md). */
    private static ReasonCode issuerCode(ReasonCode jwsCode) {
        switch (jwsCode) {
            case KID_MISMATCH:
                // The key that would verify this token is not the one configured.
                return ReasonCode.SIGNATURE_INVALID;
            case CLAIMS_INVALID:
                return ReasonCode.MALFORMED;
            default:
                return jwsCode;
        }
    }

    /**
     * The issuer JWT's header and payload, decoded and parsed but NOT yet verified: read only to
     * find the key, and the payload reused only once the signature over these bytes is checked.
     */
    private record UnverifiedPayload(ObjectNode header, ObjectNode payload, byte[] payloadBytes) {
    }

    private static Verification<UnverifiedPayload> readUnverified(String issuerJwt, Imports imports) {
        int firstDot = issuerJwt.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : issuerJwt.indexOf('.', firstDot + 1);
        if (secondDot < 0 || issuerJwt.indexOf('.', secondDot + 1) >= 0) {
            return Verification.rejected(ReasonCode.MALFORMED, "issuer-signed JWT must have exactly three dot-separated segments");
        }
        byte[] ascii = issuerJwt.getBytes(StandardCharsets.ISO_8859_1);
        // The previous SD-JWT's header, if this one's is the same text (usually: same issuer and key).
        String knownSegment = imports.issuerHeaderSegment;
        boolean known = knownSegment != null && knownSegment.length() == firstDot && issuerJwt.startsWith(knownSegment);
        Optional<byte[]> headerBytes = known ? Optional.empty() : Base64Url.decodeRange(ascii, 0, firstDot);
        Optional<byte[]> payloadBytes = Base64Url.decodeRange(ascii, firstDot + 1, secondDot);
        if ((!known && headerBytes.isEmpty()) || payloadBytes.isEmpty()) {
            return Verification.rejected(ReasonCode.MALFORMED, "issuer-signed JWT segments are not canonical unpadded base64url");
        }
        ObjectNode header;
        if (known) {
            header = imports.issuerHeader;
        } else {
            Verification<ObjectNode> parsed = StrictJson.parseObject(headerBytes.get(), "JWS header");
            if (parsed instanceof Verification.Rejected<ObjectNode> r) {
                return r.cast();
            }
            header = parsed.value();
            imports.issuerHeaderSegment = issuerJwt.substring(0, firstDot);
            imports.issuerHeader = header;
        }
        Verification<ObjectNode> payload = StrictJson.parseObject(payloadBytes.get(), "SD-JWT payload");
        if (payload instanceof Verification.Rejected<ObjectNode> r) {
            return r.cast();
        }
        return Verification.accepted(new UnverifiedPayload(header, payload.value(), payloadBytes.get()));
    }

    private Verification<VerificationKey> resolveIssuerKey(UnverifiedPayload unverified) {
        JsonNode iss = unverified.payload().get("iss");
        if (iss == null || !iss.isTextual() || iss.textValue().isEmpty()) {
            return Verification.rejected(ReasonCode.MALFORMED, "SD-JWT has no 'iss' string to find the issuer's key by");
        }
        JsonNode kid = unverified.header().get("kid");
        JsonNode vct = unverified.payload().get("vct");
        return Objects.requireNonNull(resolver.get().resolve(iss.textValue(),
                kid != null && kid.isTextual() ? Optional.of(kid.textValue()) : Optional.empty(),
                vct != null && vct.isTextual() ? Optional.of(vct.textValue()) : Optional.empty()),
                "IssuerKeyResolver returned null");
    }

    /** The issuer JWT's verifier for {@code key}: the previous one if the key is equal (same algorithm, thumbprint, kid). */
    private JwsVerifier issuerVerifier(VerificationKey key, Imports imports) {
        if (!key.equals(imports.issuerKey)) {
            imports.issuerVerifier = issuerVerifier(key);
            imports.issuerKey = key;
        }
        return imports.issuerVerifier;
    }

    /**
     * The holder key of {@code cnf.jwk}. A JWK equal to the previous SD-JWT's as JSON (same
     * members, same values) imports to the same key, so that key is reused; any other JWK is
     * imported and checked in full.
     */
    private static Verification<VerificationKey> holderKey(ObjectNode claims, Imports imports) {
        JsonNode cnf = claims.get("cnf");
        JsonNode jwk = cnf == null ? null : cnf.get("jwk");
        if (jwk == null || !jwk.isObject()) {
            return Verification.rejected(ReasonCode.KB_NO_HOLDER_KEY, "the credential has no 'cnf.jwk' holder key");
        }
        if (imports.holderKey != null && jwk.equals(imports.holderJwk)) {
            return Verification.accepted(imports.holderKey);
        }
        Verification<VerificationKey> key = VerificationKey.fromJwk((ObjectNode) jwk);
        if (key instanceof Verification.Rejected<VerificationKey> r) {
            return Verification.rejected(ReasonCode.KB_NO_HOLDER_KEY, "the credential's 'cnf.jwk' is not a usable holder key ("
                    + r.reason() + ": " + r.message() + ")");
        }
        imports.holderJwk = (ObjectNode) jwk;
        imports.holderKey = key.value();
        imports.keyBindingVerifier = null;
        return key;
    }

    /** The KB-JWT's verifier for the holder key {@link #holderKey} just accepted: built once per imported key. */
    private JwsVerifier keyBindingVerifier(Imports imports) {
        if (imports.keyBindingVerifier == null) {
            imports.keyBindingVerifier = JwsVerifier.builder().key(imports.holderKey).expectedType(KB_JWT_TYPE)
                    .maxLength(maxLength).build();
        }
        return imports.keyBindingVerifier;
    }

    private Verification<VerifiedKeyBinding> verifyKeyBinding(SdJwtParts parts, KeyBinding policy, JwsVerifier kbVerifier,
                                                               MessageDigest hash, Instant now) {
        Verification<VerifiedJws> kbJws = kbVerifier.verify(parts.keyBindingJwt().get());
        if (kbJws instanceof Verification.Rejected<VerifiedJws> r) {
            ReasonCode code = r.reason() == ReasonCode.SIGNATURE_INVALID || r.reason() == ReasonCode.KID_MISMATCH
                    ? ReasonCode.KB_SIGNATURE_INVALID
                    : ReasonCode.KB_MALFORMED;
            return Verification.rejected(code, "key-binding JWT: " + r.message());
        }
        Verification<ObjectNode> parsed = StrictJson.parseObject(kbJws.value().payload(), "key-binding JWT payload");
        if (parsed instanceof Verification.Rejected<ObjectNode> r) {
            return Verification.rejected(ReasonCode.KB_MALFORMED, r.message());
        }
        // Parsed here for this method alone, so it may be changed in place (iat is removed below).
        ObjectNode kb = parsed.value();

        Verification<Optional<Instant>> iat = JwtClaims.time(kb, "iat", "key-binding JWT");
        if (iat instanceof Verification.Rejected<Optional<Instant>> r) {
            return Verification.rejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, r.message());
        }
        if (iat.value().isEmpty()) {
            return Verification.rejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, "key-binding JWT has no 'iat'");
        }
        Instant issuedAt = iat.value().get();
        if (Duration.between(issuedAt, now).abs().compareTo(keyBindingWindow) > 0) {
            return Verification.rejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, "key-binding JWT 'iat' " + issuedAt
                    + " is more than " + keyBindingWindow.toSeconds() + " s from " + now);
        }
        Optional<Verification.Rejected<Object>> validity = JwtClaims.checkValidity(kb.without("iat"), now, skew,
                false, "key-binding JWT");
        if (validity.isPresent()) {
            return Verification.rejected(ReasonCode.KB_IAT_OUT_OF_WINDOW, validity.get().message());
        }

        JsonNode aud = kb.get("aud");
        JsonNode nonce = kb.get("nonce");
        if (policy instanceof KeyBinding.Required required) {
            if (aud == null || !aud.isTextual() || !aud.textValue().equals(required.audience())) {
                return Verification.rejected(ReasonCode.KB_AUD_MISMATCH, "key-binding JWT 'aud' is not the string this verifier expects");
            }
            if (nonce == null || !nonce.isTextual() || !nonce.textValue().equals(required.nonce())) {
                return Verification.rejected(ReasonCode.KB_NONCE_MISMATCH, "key-binding JWT 'nonce' is not the nonce this verifier issued");
            }
        } else {
            if (aud == null || !aud.isTextual()) {
                return Verification.rejected(ReasonCode.KB_AUD_MISMATCH, "key-binding JWT 'aud' is missing or not a single string");
            }
            if (nonce == null || !nonce.isTextual()) {
                return Verification.rejected(ReasonCode.KB_NONCE_MISMATCH, "key-binding JWT 'nonce' is missing or not a string");
            }
        }
        JsonNode sdHash = kb.get("sd_hash");
        String expected = DisclosureProcessor.digest(hash, parts.sdJwt());
        if (sdHash == null || !sdHash.isTextual() || !sdHash.textValue().equals(expected)) {
            return Verification.rejected(ReasonCode.KB_SD_HASH_MISMATCH,
                    "key-binding JWT 'sd_hash' does not match the SD-JWT presented with it");
        }
        return Verification.accepted(new VerifiedKeyBinding(aud.textValue(), nonce.textValue(), issuedAt));
    }

    /**
     * Configures an {@link SdJwtVerifier}. Each setter may be called once; {@link #build()}
     * names what is missing.
     */
    public static final class Builder {
        private Optional<VerificationKey> issuerKey = Optional.empty();
        private Optional<IssuerKeyResolver> resolver = Optional.empty();
        private Clock clock;
        private Optional<String> expectedType = Optional.empty();
        private Duration skew = DEFAULT_SKEW;
        private boolean skewSet;
        private Duration keyBindingWindow = DEFAULT_KEY_BINDING_WINDOW;
        private boolean keyBindingWindowSet;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private boolean maxLengthSet;
        private int maxDisclosures = DEFAULT_MAX_DISCLOSURES;
        private boolean maxDisclosuresSet;

        private Builder() {
        }

        /** The one key the issuer signs with (exclusive with {@link #issuerKeys}). */
        public Builder issuerKey(VerificationKey key) {
            Objects.requireNonNull(key, "key");
            checkNoIssuerKeySource();
            this.issuerKey = Optional.of(key);
            return this;
        }

        /** Finds the issuer's key per credential, for example from a trust list (exclusive with {@link #issuerKey}). */
        public Builder issuerKeys(IssuerKeyResolver resolver) {
            Objects.requireNonNull(resolver, "resolver");
            checkNoIssuerKeySource();
            this.resolver = Optional.of(resolver);
            return this;
        }

        private void checkNoIssuerKeySource() {
            if (issuerKey.isPresent() || resolver.isPresent()) {
                throw new IllegalStateException("the issuer key source is already set");
            }
        }

        /** The clock that fixes "now" for every time check. */
        public Builder clock(Clock clock) {
            if (this.clock != null) {
                throw new IllegalStateException("clock already set");
            }
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The issuer JWT's header {@code typ} (compared as RFC 7515 says), for example
         * {@code dc+sd-jwt}. Without it any {@code typ} but {@code kb+jwt} is accepted.
         *
         * @throws IllegalArgumentException for {@code kb+jwt}, which is never an issuer JWT
         */
        public Builder expectedType(String typ) {
            Objects.requireNonNull(typ, "typ");
            if (expectedType.isPresent()) {
                throw new IllegalStateException("expectedType already set");
            }
            String lower = typ.toLowerCase(Locale.ROOT);
            if (lower.equals(KB_JWT_TYPE) || lower.equals("application/" + KB_JWT_TYPE)) {
                throw new IllegalArgumentException("kb+jwt is the key-binding JWT's type, never an issuer JWT's");
            }
            this.expectedType = Optional.of(typ);
            return this;
        }

        /** Skew allowed on {@code exp}, {@code nbf}, {@code iat} (default 60 s, at most {@link #TIME_CEILING}). */
        public Builder skew(Duration skew) {
            if (skewSet) {
                throw new IllegalStateException("skew already set");
            }
            this.skew = checkedDuration(skew, "skew");
            this.skewSet = true;
            return this;
        }

        /** How far the KB-JWT's {@code iat} may be from now, either way (default 5 min, at most {@link #TIME_CEILING}). */
        public Builder keyBindingWindow(Duration window) {
            if (keyBindingWindowSet) {
                throw new IllegalStateException("keyBindingWindow already set");
            }
            this.keyBindingWindow = checkedDuration(window, "keyBindingWindow");
            this.keyBindingWindowSet = true;
            return this;
        }

        private static Duration checkedDuration(Duration value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.compareTo(TIME_CEILING) > 0) {
                throw new IllegalArgumentException(what + " must be between 0 and " + TIME_CEILING + ", was " + value);
            }
            return value;
        }

        /** Longest presentation accepted, in characters (default {@value #DEFAULT_MAX_LENGTH}); longer is {@code TOO_LARGE}. */
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

        /** Most disclosures accepted in one presentation; more is {@code TOO_LARGE}. */
        public Builder maxDisclosures(int maxDisclosures) {
            if (maxDisclosuresSet) {
                throw new IllegalStateException("maxDisclosures already set");
            }
            if (maxDisclosures < 0) {
                throw new IllegalArgumentException("maxDisclosures must not be negative, was " + maxDisclosures);
            }
            this.maxDisclosures = maxDisclosures;
            this.maxDisclosuresSet = true;
            return this;
        }

        /** The verifier. */
        public SdJwtVerifier build() {
            if (issuerKey.isEmpty() && resolver.isEmpty()) {
                throw new IllegalStateException("an SdJwtVerifier needs issuerKey(...) or issuerKeys(...)");
            }
            if (clock == null) {
                throw new IllegalStateException("an SdJwtVerifier needs clock(...)");
            }
            return new SdJwtVerifier(this);
        }
    }
}
