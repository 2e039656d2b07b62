package org.staffpass.passport.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.internal.ClaimsReader;
import org.staffpass.passport.internal.ClaimsWriter;
import org.staffpass.passport.internal.Codecs;
import org.staffpass.passport.internal.CredentialCodec;

/**
 * Maps credentials to and from their claims objects: the JSON an SD-JWT VC carries besides
 * its envelope ({@code iss}, {@code iat}, {@code exp}, {@code cnf}, {@code status} ... are the
 * token layer's and are not read or written here).
 *
 * <p>Writing is deterministic: {@code vct} first, then the type's claims in a fixed order,
 * dates as {@code YYYY-MM-DD}, closed sets as constant names, absent optional claims
 * omitted, lists always present. Reading is strict: every member must be defined for the type
 * ({@code UNKNOWN_CLAIM}), have the right JSON type ({@code WRONG_JSON_TYPE}) and value form
 * ({@code INVALID_DATE}, {@code UNKNOWN_VALUE}); every problem is reported with its JSON
 * Pointer and nothing is thrown for bad data. Reading checks structure only; the rules of the
 * type are {@link CredentialValidator}'s ({@link CredentialValidator#read} does both).
 *
 * <p>Selectively disclosable claims ({@link CredentialType#selectivelyDisclosable()}) are
 * optional when reading, since a holder may withhold them.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CredentialClaims {
    private CredentialClaims() {
    }

    /** The claims object of {@code credential}, {@code vct} first. */
    public static ObjectNode toClaims(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        ClaimsWriter out = ClaimsWriter.object();
        out.text(Codecs.VCT, credential.credentialType().vct());
        write(Codecs.of(credential), credential, out);
        return out.node();
    }

    private static <T extends Credential> void write(CredentialCodec<T> codec, T credential, ClaimsWriter out) {
        codec.write(credential, out);
    }

    /** Reads a claims object of any credential type, chosen by its {@code vct}. */
    public static CredentialResult<Credential> fromClaims(ObjectNode claims) {
        Objects.requireNonNull(claims, "claims");
        JsonNode vct = claims.get(Codecs.VCT);
        Optional<CredentialType> type = vct != null && vct.isTextual()
                ? CredentialType.fromVct(vct.textValue())
                : Optional.empty();
        if (type.isEmpty()) {
            return new CredentialResult.Invalid<>(List.of(
                    CredentialViolation.of(CredentialProblem.UNKNOWN_CREDENTIAL_TYPE, "/" + Codecs.VCT)));
        }
        return read(Codecs.of(type.get()), claims);
    }

    /**
     * Reads a claims object that must be of the type {@code type} carries; another known
     * type is {@code WRONG_CREDENTIAL_TYPE}.
     */
    public static <T extends Credential> CredentialResult<T> fromClaims(ObjectNode claims, Class<T> type) {
        Objects.requireNonNull(type, "type");
        return fromClaims(claims).then(credential -> type.isInstance(credential)
                ? new CredentialResult.Valid<>(type.cast(credential))
                : new CredentialResult.Invalid<>(List.of(
                        CredentialViolation.of(CredentialProblem.WRONG_CREDENTIAL_TYPE, "/" + Codecs.VCT))));
    }

    private static <T extends Credential> CredentialResult<Credential> read(CredentialCodec<T> codec, ObjectNode claims) {
        ClaimsReader reader = new ClaimsReader();
        Optional<T> credential = codec.read(reader, claims);
        if (credential.isPresent() && reader.ok()) {
            return new CredentialResult.Valid<>(credential.get());
        }
        return new CredentialResult.Invalid<>(reader.problems());
    }
}
