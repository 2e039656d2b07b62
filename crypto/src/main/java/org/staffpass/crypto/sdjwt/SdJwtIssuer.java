package org.staffpass.crypto.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.staffpass.crypto.JwsSigner;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.VerificationKey;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.crypto.internal.sdjwt.DisclosureProcessor;

/**
 * Issues SD-JWTs (RFC 9901 §4) with the header {@code typ} of SD-JWT VC ({@code dc+sd-jwt}
 * unless configured otherwise).
 *
 * <p>The caller supplies the whole claims set ({@code iss}, {@code iat}, {@code exp},
 * {@code vct}, {@code status} ...; nothing here knows what they mean) and the paths of the
 * claims to make selectively disclosable: object members and array elements, at any depth. A
 * disclosable claim inside another one gives a recursive disclosure. Each disclosure gets its
 * own salt of 128 bits from the configured {@link SecureRandom}; each {@code _sd} array gets
 * the configured number of decoy digests and is sorted, so neither its length nor its order
 * tells anything; {@code _sd_alg} is written; a holder key goes into {@code cnf.jwk}.
 *
 * <p>Refused as programmer errors ({@link IllegalArgumentException}): a path that names no
 * claim; a claims set using {@code _sd}, {@code ...} or {@code _sd_alg} itself, or {@code cnf}
 * when a holder key is given; making {@code iss}, {@code nbf}, {@code exp}, {@code cnf},
 * {@code vct} or {@code status}, or anything inside them, selectively disclosable (SD-JWT VC
 * forbids it: a verifier must always see them); nesting deeper than a verifier accepts.
 *
 * <p>Build with {@link #builder()}; immutable, thread-safe if the {@link SecureRandom} is.
 *
 * @since 0.1
 */
public final class SdJwtIssuer {
    /** The header {@code typ} of an SD-JWT VC. */
    public static final String DEFAULT_TYPE = "dc+sd-jwt";
    private static final Set<String> ALWAYS_VISIBLE = Set.of("iss", "nbf", "exp", "cnf", "vct", "status");
    private static final int SALT_BYTES = 16;

    private final JwsSigner signer;
    private final SecureRandom random;
    private final String type;
    private final SdHashAlgorithm hashAlgorithm;
    private final int decoys;

    private SdJwtIssuer(Builder builder) {
        this.signer = JwsSigner.of(builder.signingKey);
        this.random = builder.random;
        this.type = builder.type;
        this.hashAlgorithm = builder.hashAlgorithm;
        this.decoys = builder.decoys;
    }

    /** A builder; the signing key and the random source are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Issues {@code claims} with the claims at {@code disclosable} selectively disclosable, not key-bound. */
    public IssuedSdJwt issue(ObjectNode claims, Collection<ClaimPath> disclosable) {
        return issue(claims, disclosable, Optional.empty());
    }

    /** Issues {@code claims} bound to {@code holderKey} (written as {@code cnf.jwk}). */
    public IssuedSdJwt issue(ObjectNode claims, Collection<ClaimPath> disclosable, VerificationKey holderKey) {
        return issue(claims, disclosable, Optional.of(Objects.requireNonNull(holderKey, "holderKey")));
    }

    private IssuedSdJwt issue(ObjectNode claims, Collection<ClaimPath> disclosable, Optional<VerificationKey> holderKey) {
        Objects.requireNonNull(claims, "claims");
        Set<ClaimPath> wanted = new HashSet<>(Objects.requireNonNull(disclosable, "disclosable"));
        for (ClaimPath path : wanted) {
            Object first = path.elements().get(0);
            if (first instanceof String name && ALWAYS_VISIBLE.contains(name)) {
                throw new IllegalArgumentException("claim '" + name + "' must stay visible to every verifier; neither it nor "
                        + "anything inside it can be made selectively disclosable");
            }
        }
        for (String reserved : List.of("_sd_alg", "cnf")) {
            if (claims.has(reserved) && (reserved.equals("_sd_alg") || holderKey.isPresent())) {
                throw new IllegalArgumentException("the claims set must not contain '" + reserved + "': the issuer writes it");
            }
        }
        Issuance issuance = new Issuance(wanted, hashAlgorithm.newDigest());
        ObjectNode payload = issuance.object(claims, List.of(), 1);
        Set<ClaimPath> missing = new HashSet<>(wanted);
        missing.removeAll(issuance.found);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no claim at disclosable path(s) " + missing);
        }
        payload.put("_sd_alg", hashAlgorithm.ianaName());
        holderKey.ifPresent(key -> payload.putObject("cnf").set("jwk", key.toJwk()));
        String jwt = signer.sign(type, StrictJson.write(payload).getBytes(StandardCharsets.UTF_8));
        return new IssuedSdJwt(jwt, issuance.disclosures);
    }

    /** The state of one issuance: the paths still to find and the disclosures made, in tree order. */
    private final class Issuance {
        final Set<ClaimPath> wanted;
        final Set<ClaimPath> found = new HashSet<>();
        final MessageDigest hash;
        final List<Disclosure> disclosures = new ArrayList<>();

        Issuance(Set<ClaimPath> wanted, MessageDigest hash) {
            this.wanted = wanted;
            this.hash = hash;
        }

        private JsonNode value(JsonNode node, List<Object> path, int depth) {
            if (node.isObject()) {
                return object((ObjectNode) node, path, depth);
            }
            if (node.isArray()) {
                return array((ArrayNode) node, path, depth);
            }
            return node.deepCopy();
        }

        private void checkDepth(int depth, List<Object> path) {
            if (depth > StrictJson.MAX_DEPTH) {
                throw new IllegalArgumentException("claims nest deeper than " + StrictJson.MAX_DEPTH + " levels at " + path);
            }
        }

        ObjectNode object(ObjectNode source, List<Object> path, int depth) {
            checkDepth(depth, path);
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> digests = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : source.properties()) {
                String name = field.getKey();
                if (name.equals("_sd") || name.equals("...")) {
                    throw new IllegalArgumentException("claim name '" + name + "' is reserved by SD-JWT (at " + path + ")");
                }
                List<Object> childPath = append(path, name);
                JsonNode child = value(field.getValue(), childPath, depth + 1);
                ClaimPath claimPath = ClaimPath.of(childPath.toArray());
                if (wanted.contains(claimPath)) {
                    found.add(claimPath);
                    ArrayNode array = JsonNodeFactory.instance.arrayNode().add(salt()).add(name).add(child);
                    digests.add(disclose(array, claimPath, Optional.of(name), child));
                } else {
                    out.set(name, child);
                }
            }
            if (!digests.isEmpty() || (depth == 1 && decoys > 0)) {
                for (int i = 0; i < decoys; i++) {
                    digests.add(DisclosureProcessor.digest(hash, salt()));
                }
                digests.sort(null);
                ArrayNode sd = JsonNodeFactory.instance.arrayNode();
                digests.forEach(sd::add);
                ObjectNode withSd = JsonNodeFactory.instance.objectNode();
                withSd.set("_sd", sd);
                withSd.setAll(out);
                return withSd;
            }
            return out;
        }

        ArrayNode array(ArrayNode source, List<Object> path, int depth) {
            checkDepth(depth, path);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < source.size(); i++) {
                List<Object> childPath = append(path, i);
                JsonNode child = value(source.get(i), childPath, depth + 1);
                ClaimPath claimPath = ClaimPath.of(childPath.toArray());
                if (wanted.contains(claimPath)) {
                    found.add(claimPath);
                    ArrayNode array = JsonNodeFactory.instance.arrayNode().add(salt()).add(child);
                    out.addObject().put("...", disclose(array, claimPath, Optional.empty(), child));
                } else {
                    out.add(child);
                }
            }
            return out;
        }

        private String disclose(ArrayNode array, ClaimPath path, Optional<String> name, JsonNode value) {
            String encoded = Base64Url.encode(StrictJson.write(array).getBytes(StandardCharsets.UTF_8));
            String digest = DisclosureProcessor.digest(hash, encoded);
            disclosures.add(new Disclosure(encoded, digest, path, name, value));
            return digest;
        }

        private List<Object> append(List<Object> path, Object element) {
            List<Object> out = new ArrayList<>(path.size() + 1);
            out.addAll(path);
            out.add(element);
            return out;
        }
    }

    private String salt() {
        byte[] bytes = new byte[SALT_BYTES];
        random.nextBytes(bytes);
        return Base64Url.encode(bytes);
    }

    /**
     * Configures an {@link SdJwtIssuer}. Each setter may be called once; {@link #build()} names
     * what is missing.
     */
    public static final class Builder {
        private SigningKey signingKey;
        private SecureRandom random;
        private String type = DEFAULT_TYPE;
        private boolean typeSet;
        private SdHashAlgorithm hashAlgorithm = SdHashAlgorithm.SHA_256;
        private boolean hashAlgorithmSet;
        private int decoys;
        private boolean decoysSet;

        private Builder() {
        }

        /** The issuer's key; its algorithm and {@code kid} go into the header. */
        public Builder signingKey(SigningKey key) {
            if (signingKey != null) {
                throw new IllegalStateException("signingKey already set");
            }
            this.signingKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Where salts and decoys come from (a seeded source makes tests deterministic). */
        public Builder random(SecureRandom random) {
            if (this.random != null) {
                throw new IllegalStateException("random already set");
            }
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The header {@code typ} (default {@value #DEFAULT_TYPE}). */
        public Builder type(String type) {
            if (typeSet) {
                throw new IllegalStateException("type already set");
            }
            Objects.requireNonNull(type, "type");
            if (type.isEmpty() || type.equalsIgnoreCase(SdJwtVerifier.KB_JWT_TYPE)) {
                throw new IllegalArgumentException("an issuer JWT's typ must be non-empty and not kb+jwt");
            }
            this.type = type;
            this.typeSet = true;
            return this;
        }

        /** The {@code _sd_alg} (default SHA-256). */
        public Builder hashAlgorithm(SdHashAlgorithm algorithm) {
            if (hashAlgorithmSet) {
                throw new IllegalStateException("hashAlgorithm already set");
            }
            this.hashAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
            this.hashAlgorithmSet = true;
            return this;
        }

        /** Decoy digests added to each {@code _sd} array (default 0, at most 64); with any, the top level always has one. */
        public Builder decoys(int decoys) {
            if (decoysSet) {
                throw new IllegalStateException("decoys already set");
            }
            if (decoys < 0 || decoys > 64) {
                throw new IllegalArgumentException("decoys must be between 0 and 64, was " + decoys);
            }
            this.decoys = decoys;
            this.decoysSet = true;
            return this;
        }

        /** The issuer. */
        public SdJwtIssuer build() {
            if (signingKey == null) {
                throw new IllegalStateException("an SdJwtIssuer needs signingKey(...)");
            }
            if (random == null) {
                throw new IllegalStateException("an SdJwtIssuer needs random(...)");
            }
            return new SdJwtIssuer(this);
        }
    }
}
