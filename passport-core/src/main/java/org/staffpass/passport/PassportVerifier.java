package org.staffpass.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.sdjwt.Disclosure;
import org.staffpass.crypto.sdjwt.KeyBinding;
import org.staffpass.crypto.sdjwt.SdHashAlgorithm;
import org.staffpass.crypto.sdjwt.SdJwtIssuer;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;
import org.staffpass.crypto.sdjwt.VerifiedSdJwt;
import org.staffpass.crypto.status.StatusListStore;
import org.staffpass.crypto.status.StatusLookup;
import org.staffpass.crypto.status.StatusReference;
import org.staffpass.crypto.status.TokenStatus;
import org.staffpass.crypto.trust.ResolvedKey;
import org.staffpass.crypto.trust.TrustAnchors;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialResult;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.CredentialValidator;
import org.staffpass.passport.credential.CredentialViolation;
import org.staffpass.passport.internal.ClaimPointers;
import org.staffpass.passport.internal.PresentationFormat;
import org.staffpass.passport.internal.UnverifiedSdJwt;

/**
 * Verifies staff-passport presentations (the document {@link Wallet#present} writes) for one
 * audience, failing closed and never throwing for bad input.
 *
 * <p>Per credential, in this order (docs/passport.md): the SD-JWT+KB by {@link SdJwtVerifier}
 * with {@code typ: dc+sd-jwt}, {@link KeyBinding#required} for this audience and nonce, and the
 * issuer key from the {@link TrustAnchors} (so {@code UNKNOWN_ISSUER},
 * {@code ISSUER_NOT_AUTHORISED_FOR_TYPE}, {@code ISSUER_SUSPENDED} ... arrive unchanged); if it
 * passes, {@code iat} and {@code exp} present ({@code CLAIMS_INVALID}), the status list entry
 * (unavailable: the store's code; INVALID, SUSPENDED, other: {@link PassportProblem}), and the
 * content by {@link CredentialValidator#read} (every {@code CredentialProblem}). Then across
 * credentials: one holder key ({@code HOLDER_MISMATCH}) and one credential per type
 * ({@code DUPLICATE_CREDENTIAL_TYPE}). Every failure of every credential is reported.
 *
 * <p>Build with {@link #builder()}; immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PassportVerifier {
    /** Default bound on the presentation document, in characters: 1 MiB. */
    public static final int DEFAULT_MAX_LENGTH = 1 << 20;
    /** Default bound on credentials per presentation. */
    public static final int DEFAULT_MAX_CREDENTIALS = 16;
    /** Claims of the SD-JWT VC envelope, removed before the content is read. */
    private static final Set<String> ENVELOPE = Set.of("iss", "iat", "nbf", "exp", "cnf", "status");

    private final TrustAnchors anchors;
    private final StatusListStore statusLists;
    private final String audience;
    private final Clock clock;
    private final CredentialValidator validator;
    private final SdJwtVerifier sdJwtVerifier;
    private final int maxLength;
    private final int maxCredentials;

    private PassportVerifier(Builder builder) {
        this.anchors = builder.anchors;
        this.statusLists = builder.statusLists;
        this.audience = builder.audience;
        this.clock = builder.clock;
        this.validator = builder.validator;
        this.maxLength = builder.maxLength;
        this.maxCredentials = builder.maxCredentials;
        SdJwtVerifier.Builder sd = SdJwtVerifier.builder()
                .issuerKeys((iss, kid, vct) -> anchors.resolve(iss, kid.orElse(""), vct.orElse(""), clock.instant())
                        .map(ResolvedKey::key))
                .clock(clock).expectedType(SdJwtIssuer.DEFAULT_TYPE).maxLength(Math.max(16, maxLength));
        if (builder.skew != null) {
            sd.skew(builder.skew);
        }
        if (builder.keyBindingWindow != null) {
            sd.keyBindingWindow(builder.keyBindingWindow);
        }
        this.sdJwtVerifier = sd.build();
    }

    /** A builder; trust anchors, status list store, audience, clock and validator are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The audience ({@code aud}) this verifier demands. */
    public String audience() {
        return audience;
    }

    /**
     * Verifies a presentation document answering {@code nonce}, at the clock's instant.
     *
     * @throws IllegalArgumentException if {@code nonce} is empty (the caller issues nonces)
     */
    public PassportVerification verify(String presentation, String nonce) {
        Objects.requireNonNull(presentation, "presentation");
        Objects.requireNonNull(nonce, "nonce");
        KeyBinding keyBinding = KeyBinding.required(audience, nonce);
        Verification<List<String>> parsed = PresentationFormat.parse(presentation, maxLength, maxCredentials);
        if (parsed instanceof Verification.Rejected<List<String>> r) {
            return new PassportVerification.Rejected(List.of(
                    new PassportFailure(OptionalInt.empty(), Optional.empty(), r.reason(), "", r.message())));
        }
        List<String> presented = parsed.value();
        if (presented.isEmpty()) {
            return new PassportVerification.Rejected(List.of(new PassportFailure(OptionalInt.empty(), Optional.empty(),
                    PassportProblem.EMPTY_PRESENTATION, "", PassportProblem.EMPTY_PRESENTATION.description())));
        }
        List<PassportFailure> failures = new ArrayList<>();
        List<VerifiedCredential<? extends Credential>> verified = new ArrayList<>();
        List<String> thumbprints = new ArrayList<>();
        // Together, so that keys shared by the credentials are imported once; each is still checked in full.
        List<Verification<VerifiedSdJwt>> sdJwts = sdJwtVerifier.verifyAll(presented, keyBinding);
        for (int i = 0; i < presented.size(); i++) {
            List<PassportFailure> own = new ArrayList<>();
            Optional<Checked> checked = check(i, presented.get(i), sdJwts.get(i), own);
            failures.addAll(own);
            thumbprints.add(checked.map(Checked::holderThumbprint).orElse(null));
            if (checked.isPresent() && own.isEmpty()) {
                verified.add(checked.get().credential());
            }
        }
        String holder = thumbprints.stream().filter(Objects::nonNull).findFirst().orElse(null);
        Set<CredentialType> seen = EnumSet.noneOf(CredentialType.class);
        for (int i = 0; i < presented.size(); i++) {
            String thumbprint = thumbprints.get(i);
            if (thumbprint != null && !thumbprint.equals(holder)) {
                failures.add(failure(i, Optional.empty(), PassportProblem.HOLDER_MISMATCH, "",
                        "credential " + i + " is bound to another holder key than the first credential"));
            }
        }
        for (VerifiedCredential<? extends Credential> credential : verified) {
            if (!seen.add(credential.credential().credentialType())) {
                failures.add(new PassportFailure(OptionalInt.empty(),
                        Optional.of(credential.credential().credentialType().vct()),
                        PassportProblem.DUPLICATE_CREDENTIAL_TYPE, "", "two credentials of type "
                        + credential.credential().credentialType().vct()));
            }
        }
        if (!failures.isEmpty()) {
            failures.sort((a, b) -> Integer.compare(a.credentialIndex().orElse(-1), b.credentialIndex().orElse(-1)));
            return new PassportVerification.Rejected(failures);
        }
        return new VerifiedPassport(holder, verified);
    }

    /** A credential that passed the SD-JWT checks, and its holder key's thumbprint. */
    private record Checked(VerifiedCredential<? extends Credential> credential, String holderThumbprint) {
    }

    private Optional<Checked> check(int index, String compact, Verification<VerifiedSdJwt> sd, List<PassportFailure> failures) {
        if (sd instanceof Verification.Rejected<VerifiedSdJwt> r) {
            failures.add(failure(index, unverifiedVct(compact), r.reason(), "", r.message()));
            return Optional.empty();
        }
        VerifiedSdJwt token = sd.value();
        ObjectNode claims = token.claims();
        JsonNode vctNode = claims.get("vct");
        Optional<String> vct = vctNode != null && vctNode.isTextual() ? Optional.of(vctNode.textValue()) : Optional.empty();
        Optional<Instant> issuedAt = time(claims, "iat");
        Optional<Instant> expiresAt = time(claims, "exp");
        if (issuedAt.isEmpty() || expiresAt.isEmpty()) {
            failures.add(failure(index, vct, ReasonCode.CLAIMS_INVALID, "",
                    "a staff-passport credential needs numeric iat and exp"));
        }
        // The resolver already accepted this issuer, key and type; resolving again gives the entry.
        Verification<ResolvedKey> issuer = anchors.resolve(claims.path("iss").asText(""), token.kid().orElse(""),
                vct.orElse(""), clock.instant());
        if (issuer instanceof Verification.Rejected<ResolvedKey> r) {
            failures.add(failure(index, vct, r.reason(), "", r.message()));
        }
        Optional<StatusReference> status = checkStatus(index, vct, claims, failures);
        // token.claims() is already this method's own copy, and claims is not read after this.
        ObjectNode content = claims;
        content.remove(ENVELOPE);
        CredentialResult<Credential> read = validator.read(content);
        for (CredentialViolation violation : read.violations()) {
            failures.add(failure(index, vct, violation.problem(), violation.path(), violation.message()));
        }
        if (token.holderKey().isEmpty()) {
            failures.add(failure(index, vct, ReasonCode.KB_NO_HOLDER_KEY, "", "the credential has no usable cnf.jwk"));
            return Optional.empty();
        }
        String thumbprint = token.holderKey().get().thumbprint();
        if (!failures.isEmpty()) {
            return Optional.of(new Checked(null, thumbprint));
        }
        Set<String> disclosed = new LinkedHashSet<>();
        for (Disclosure disclosure : token.disclosures()) {
            disclosed.add(ClaimPointers.pointer(disclosure.path()));
        }
        String digest = Base64Url.encode(SdHashAlgorithm.SHA_256.digest(
                token.issuerSignedJwt().getBytes(StandardCharsets.US_ASCII)));
        return Optional.of(new Checked(new VerifiedCredential<>(read.value(), issuer.value().issuer(), issuedAt.get(),
                expiresAt.get(), status.get(), disclosed, content, digest), thumbprint));
    }

    private Optional<StatusReference> checkStatus(int index, Optional<String> vct, ObjectNode claims,
                                                  List<PassportFailure> failures) {
        Verification<StatusReference> reference = StatusReference.fromClaims(claims);
        if (reference instanceof Verification.Rejected<StatusReference> r) {
            failures.add(failure(index, vct, r.reason(), "", r.message()));
            return Optional.empty();
        }
        StatusLookup lookup = statusLists.lookup(reference.value());
        if (lookup instanceof StatusLookup.Unavailable unavailable) {
            failures.add(failure(index, vct, unavailable.reason(), "", unavailable.message()));
        } else if (lookup instanceof StatusLookup.Known known && !known.status().isValid()) {
            PassportProblem problem = known.status().equals(TokenStatus.INVALID) ? PassportProblem.CREDENTIAL_REVOKED
                    : known.status().equals(TokenStatus.SUSPENDED) ? PassportProblem.CREDENTIAL_SUSPENDED
                    : PassportProblem.CREDENTIAL_STATUS_NOT_VALID;
            failures.add(failure(index, vct, problem, "", problem.description() + " (status list entry "
                    + known.status().label() + ")"));
        }
        return Optional.of(reference.value());
    }

    private static Optional<Instant> time(ObjectNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(value.longValue()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private Optional<String> unverifiedVct(String compact) {
        Verification<UnverifiedSdJwt> parsed = UnverifiedSdJwt.parse(compact, maxLength);
        if (!parsed.isAccepted()) {
            return Optional.empty();
        }
        JsonNode vct = parsed.value().payload().get("vct");
        return vct != null && vct.isTextual() && CredentialType.fromVct(vct.textValue()).isPresent()
                ? Optional.of(vct.textValue()) : Optional.empty();
    }

    private static PassportFailure failure(int index, Optional<String> vct, Enum<?> code, String path, String message) {
        return new PassportFailure(OptionalInt.of(index), vct, code, path, message);
    }

    @Override
    public String toString() {
        return "PassportVerifier[aud=" + audience + "]";
    }

    /**
     * Configures a {@link PassportVerifier}. Each setter may be called once; {@link #build()}
     * names what is missing. Not thread-safe.
     */
    public static final class Builder {
        private TrustAnchors anchors;
        private StatusListStore statusLists;
        private String audience;
        private Clock clock;
        private CredentialValidator validator;
        private Duration skew;
        private Duration keyBindingWindow;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private boolean maxLengthSet;
        private int maxCredentials = DEFAULT_MAX_CREDENTIALS;
        private boolean maxCredentialsSet;

        private Builder() {
        }

        private static void once(Object current, String what) {
            if (current != null) {
                throw new IllegalStateException(what + " already set");
            }
        }

        /** Where issuer keys and authorisations come from. */
        public Builder trustAnchors(TrustAnchors anchors) {
            once(this.anchors, "trustAnchors");
            this.anchors = Objects.requireNonNull(anchors, "anchors");
            return this;
        }

        /** Where credential status comes from; its freshness policy applies (fail closed). */
        public Builder statusLists(StatusListStore statusLists) {
            once(this.statusLists, "statusLists");
            this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
            return this;
        }

        /** This verifier's identifier: the KB-JWT {@code aud} it demands. */
        public Builder audience(String audience) {
            once(this.audience, "audience");
            Objects.requireNonNull(audience, "audience");
            if (audience.isEmpty()) {
                throw new IllegalArgumentException("audience must not be empty");
            }
            this.audience = audience;
            return this;
        }

        /** The clock fixing "now" for every time check. */
        public Builder clock(Clock clock) {
            once(this.clock, "clock");
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The validator that reads and checks each credential's content. */
        public Builder validator(CredentialValidator validator) {
            once(this.validator, "validator");
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /** Skew allowed on {@code exp}, {@code nbf}, {@code iat} (default and bound: {@link SdJwtVerifier}). */
        public Builder skew(Duration skew) {
            once(this.skew, "skew");
            this.skew = Objects.requireNonNull(skew, "skew");
            return this;
        }

        /** How far the KB-JWT {@code iat} may be from now (default and bound: {@link SdJwtVerifier}). */
        public Builder keyBindingWindow(Duration window) {
            once(this.keyBindingWindow, "keyBindingWindow");
            this.keyBindingWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Longest presentation document, in characters (default {@value #DEFAULT_MAX_LENGTH}). */
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

        /** Most credentials in one presentation (default {@value #DEFAULT_MAX_CREDENTIALS}). */
        public Builder maxCredentials(int maxCredentials) {
            if (maxCredentialsSet) {
                throw new IllegalStateException("maxCredentials already set");
            }
            if (maxCredentials < 1) {
                throw new IllegalArgumentException("maxCredentials must be positive, was " + maxCredentials);
            }
            this.maxCredentials = maxCredentials;
            this.maxCredentialsSet = true;
            return this;
        }

        /** The verifier. */
        public PassportVerifier build() {
            StringBuilder missing = new StringBuilder();
            if (anchors == null) {
                missing.append(" trustAnchors");
            }
            if (statusLists == null) {
                missing.append(" statusLists");
            }
            if (audience == null) {
                missing.append(" audience");
            }
            if (clock == null) {
                missing.append(" clock");
            }
            if (validator == null) {
                missing.append(" validator");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("PassportVerifier builder is missing:" + missing);
            }
            return new PassportVerifier(this);
        }
    }
}
