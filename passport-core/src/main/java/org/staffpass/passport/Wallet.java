package org.staffpass.passport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.sdjwt.SdJwtVerifier;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.internal.PresentationFormat;
import org.staffpass.passport.internal.UnverifiedSdJwt;

/**
 * A holder's credentials, bound to one holder key, and the presentations made from them.
 *
 * <p>{@link #add} keeps a credential whose {@code cnf.jwk} is this wallet's key (one per type:
 * a newer one replaces the old). It does NOT verify the issuer's signature (a wallet may not
 * hold the trust list); a credential that is forged or bad fails at the verifier.
 * {@link #present} makes the presentation document (docs/passport.md): per requested type, the
 * credential with only the requested selectively disclosable claims and a KB-JWT
 * ({@code typ: kb+jwt}; {@code aud}, {@code nonce}, {@code iat} from the clock, and
 * {@code sd_hash} over exactly what is presented) signed by the holder key.
 *
 * <p>Thread-safe (methods synchronize); the credentials held are the only state.
 *
 * @since 0.1
 */
public final class Wallet {
    /** Longest credential {@link #add} accepts, in characters. */
    public static final int MAX_CREDENTIAL_LENGTH = 1 << 20;

    private final SigningKey holderKey;
    private final String holderThumbprint;
    private final Clock clock;
    private final Map<CredentialType, UnverifiedSdJwt> held = new EnumMap<>(CredentialType.class);

    private Wallet(SigningKey holderKey, Clock clock) {
        this.holderKey = holderKey;
        this.holderThumbprint = holderKey.verificationKey().thumbprint();
        this.clock = clock;
    }

    /** An empty wallet for {@code holderKey}, taking KB-JWT {@code iat} from {@code clock}. */
    public static Wallet create(SigningKey holderKey, Clock clock) {
        return new Wallet(Objects.requireNonNull(holderKey, "holderKey"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Keeps an issued credential ({@code <jwt>~<d1>~...~<dn>~}, no KB-JWT), replacing one of
     * the same type. Refused: not an SD-JWT or one with a KB-JWT ({@code MALFORMED}), too long
     * ({@code TOO_LARGE}), bad disclosures ({@code DISCLOSURE_MALFORMED}), no known
     * {@code vct} ({@code CLAIMS_INVALID}), no {@code cnf.jwk} or one of another key
     * ({@code KB_NO_HOLDER_KEY}). Never throws for bad input.
     */
    public synchronized Verification<CredentialType> add(String issued) {
        Objects.requireNonNull(issued, "issued");
        Verification<UnverifiedSdJwt> parsed = UnverifiedSdJwt.parse(issued.strip(), MAX_CREDENTIAL_LENGTH);
        if (parsed instanceof Verification.Rejected<UnverifiedSdJwt> r) {
            return r.cast();
        }
        UnverifiedSdJwt credential = parsed.value();
        if (credential.kbJwt().isPresent()) {
            return Verification.rejected(ReasonCode.MALFORMED, "an issued credential carries no KB-JWT");
        }
        JsonNode vct = credential.payload().get("vct");
        CredentialType type = vct != null && vct.isTextual() ? CredentialType.fromVct(vct.textValue()).orElse(null) : null;
        if (type == null) {
            return Verification.rejected(ReasonCode.CLAIMS_INVALID, "vct is missing or not a staff-passport type");
        }
        JsonNode jwk = credential.payload().path("cnf").get("jwk");
        if (jwk == null || !jwk.isObject()) {
            return Verification.rejected(ReasonCode.KB_NO_HOLDER_KEY, "the credential has no cnf.jwk");
        }
        Verification<VerificationKey> key = VerificationKey.fromJwk((ObjectNode) jwk);
        if (!key.isAccepted() || !key.value().thumbprint().equals(holderThumbprint)) {
            return Verification.rejected(ReasonCode.KB_NO_HOLDER_KEY, "the credential is bound to another holder key");
        }
        held.put(type, credential);
        return Verification.accepted(type);
    }

    /** The types of the credentials held. */
    public synchronized Set<CredentialType> types() {
        return Set.copyOf(held.keySet());
    }

    /**
     * The presentation document answering {@code request} for {@code audience} and
     * {@code nonce}: one SD-JWT+KB per requested type, in {@link CredentialType} order.
     *
     * @throws IllegalArgumentException if a requested type is not held, or a requested element
     *                                  pointer ({@code /subjects/7}) names no disclosure of it
     */
    public synchronized String present(String audience, String nonce, DisclosureRequest request) {
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(request, "request");
        if (audience.isEmpty() || nonce.isEmpty()) {
            throw new IllegalArgumentException("audience and nonce must not be empty");
        }
        List<String> presented = new ArrayList<>();
        for (CredentialType type : CredentialType.values()) {
            Set<String> pointers = request.claims().get(type);
            if (pointers == null) {
                continue;
            }
            UnverifiedSdJwt credential = held.get(type);
            if (credential == null) {
                throw new IllegalArgumentException("no " + type.vct() + " credential is held");
            }
            presented.add(present(credential, pointers, audience, nonce));
        }
        return PresentationFormat.write(presented);
    }

    private String present(UnverifiedSdJwt credential, Set<String> pointers, String audience, String nonce) {
        StringBuilder sdJwt = new StringBuilder(credential.issuerJwt()).append('~');
        Set<String> found = new java.util.HashSet<>();
        for (UnverifiedSdJwt.Part part : credential.disclosures()) {
            if (part.pointer().isEmpty()) {
                continue;
            }
            String pointer = part.pointer().get();
            String wildcard = pointer.substring(0, pointer.lastIndexOf('/') + 1) + "*";
            if (pointers.contains(pointer) || (pointer.lastIndexOf('/') > 0 && pointers.contains(wildcard))) {
                sdJwt.append(part.encoded()).append('~');
                found.add(pointer);
            }
        }
        for (String pointer : pointers) {
            if (!pointer.endsWith("/*") && !found.contains(pointer)) {
                throw new IllegalArgumentException("the credential has no disclosure at " + pointer);
            }
        }
        ObjectNode claims = StrictJson.object();
        claims.put("nonce", nonce);
        claims.put("aud", audience);
        claims.put("iat", clock.instant().getEpochSecond());
        claims.put("sd_hash", Base64Url.encode(
                credential.hashAlgorithm().digest(sdJwt.toString().getBytes(StandardCharsets.US_ASCII))));
        return sdJwt + JwsSigner.of(holderKey).sign(SdJwtVerifier.KB_JWT_TYPE,
                StrictJson.write(claims).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public synchronized String toString() {
        return "Wallet[" + held.keySet() + "]";
    }
}
