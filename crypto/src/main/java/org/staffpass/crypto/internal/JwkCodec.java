package org.staffpass.crypto.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.SignatureAlgorithm;
import org.staffpass.crypto.Verification;

/**
 * Reads and writes JWKs (RFC 7517) for the two key types we use: EC P-256 and OKP Ed25519
 * (RFC 8037). Nimbus checks the JWK structure; the key bytes are then validated again and
 * turned into Bouncy Castle parameters, and the RFC 7638 thumbprint is computed from them.
 */
public final class JwkCodec {
    /** The members holding key bytes, for EC and OKP keys alike. */
    private static final List<String> KEY_MEMBERS = List.of("x", "y", "d");

    /** What a JWK document holds once checked. */
    public record ParsedJwk(
            SignatureAlgorithm algorithm,
            Optional<String> kid,
            String thumbprint,
            PublicKeyMaterial publicMaterial,
            Optional<PrivateKeyMaterial> privateMaterial,
            ObjectNode publicJwk) {
    }

    /** Which operation the caller will use the key for; {@code use}/{@code key_ops} must allow it. */
    public enum Purpose {
        VERIFY("verify"), SIGN("sign");

        private final String keyOp;

        Purpose(String keyOp) {
            this.keyOp = keyOp;
        }
    }

    private JwkCodec() {
    }

    /**
     * Reads a JWK document: JSON that is not one strict JSON object is a malformed key
     * ({@link ReasonCode#KEY_MALFORMED}), so key problems carry key codes whatever the cause.
     */
    public static Verification<ObjectNode> readDocument(String json) {
        Verification<ObjectNode> parsed = StrictJson.parseObject(json, "JWK");
        if (parsed instanceof Verification.Rejected<ObjectNode> r) {
            return rejected(ReasonCode.KEY_MALFORMED, r.message());
        }
        return parsed;
    }

    /**
     * Checks a JWK for {@code purpose}. A verification key must not carry private material; a
     * signing key must.
     */
    public static Verification<ParsedJwk> parse(ObjectNode jwk, Purpose purpose) {
        JsonNode kty = jwk.get("kty");
        if (kty == null || !kty.isTextual()) {
            return rejected(ReasonCode.KEY_MALFORMED, "JWK member 'kty' is missing or not a string");
        }
        if (!kty.textValue().equals("EC") && !kty.textValue().equals("OKP")) {
            return rejected(ReasonCode.KEY_UNSUPPORTED, "JWK 'kty' " + StrictJson.printable(kty.textValue()) + " is not EC or OKP");
        }
        Optional<Verification<ParsedJwk>> refusedUsage = checkUsage(jwk, purpose);
        if (refusedUsage.isPresent()) {
            return refusedUsage.get();
        }
        JWK nimbus;
        try {
            nimbus = JWK.parse(StrictJson.toMap(jwk));
        } catch (ParseException | RuntimeException e) {
            // Nimbus reports a point off the curve, a bad coordinate or a missing member as ParseException.
            return rejected(ReasonCode.KEY_MALFORMED, "JWK is not a valid " + kty.textValue() + " key");
        }
        Optional<String> kid = Optional.ofNullable(nimbus.getKeyID());
        if (jwk.has("kid") && !jwk.get("kid").isTextual()) {
            return rejected(ReasonCode.KEY_MALFORMED, "JWK member 'kid' is not a string");
        }
        if (purpose == Purpose.VERIFY && nimbus.isPrivate()) {
            return rejected(ReasonCode.KEY_PRIVATE_MATERIAL, "JWK holds private key material ('d'); give the public key only");
        }
        if (purpose == Purpose.SIGN && !nimbus.isPrivate()) {
            return rejected(ReasonCode.KEY_MALFORMED, "JWK has no private member 'd'; a signing key needs it");
        }
        // Nimbus decodes leniently (padding, stray bits, '+' and '/', white space) and hashes
        // the member text as given, so one key could import under many thumbprints.
        for (String member : KEY_MEMBERS) {
            JsonNode value = jwk.get(member);
            if (value != null && !(value.isTextual() && Base64Url.isCanonical(value.textValue(), 0, value.textValue().length()))) {
                return rejected(ReasonCode.KEY_MALFORMED, "JWK member '" + member + "' is not canonical unpadded base64url");
            }
        }
        Verification<ParsedJwk> parsed;
        if (nimbus instanceof ECKey ec) {
            parsed = fromEc(ec, kid, jwk);
        } else if (nimbus instanceof OctetKeyPair okp) {
            parsed = fromOkp(okp, kid, jwk);
        } else {
            parsed = rejected(ReasonCode.KEY_UNSUPPORTED, "JWK type is not supported");
        }
        if (parsed instanceof Verification.Accepted<ParsedJwk> accepted) {
            JsonNode alg = jwk.get("alg");
            if (alg != null && !(alg.isTextual() && accepted.value().algorithm().acceptsHeaderAlg(alg.textValue()))) {
                return rejected(ReasonCode.KEY_USAGE_NOT_ALLOWED,
                        "JWK 'alg' does not name " + accepted.value().algorithm().jwsName());
            }
        }
        return parsed;
    }

    private static Optional<Verification<ParsedJwk>> checkUsage(ObjectNode jwk, Purpose purpose) {
        JsonNode use = jwk.get("use");
        if (use != null && !(use.isTextual() && use.textValue().equals("sig"))) {
            return Optional.of(rejected(ReasonCode.KEY_USAGE_NOT_ALLOWED, "JWK 'use' is not \"sig\"; the key is not for signatures"));
        }
        JsonNode ops = jwk.get("key_ops");
        if (ops != null) {
            if (!ops.isArray()) {
                return Optional.of(rejected(ReasonCode.KEY_MALFORMED, "JWK member 'key_ops' is not an array"));
            }
            boolean allowed = false;
            for (JsonNode op : (ArrayNode) ops) {
                if (!op.isTextual()) {
                    return Optional.of(rejected(ReasonCode.KEY_MALFORMED, "JWK 'key_ops' holds a non-string"));
                }
                allowed |= op.textValue().equals(purpose.keyOp);
            }
            if (!allowed) {
                return Optional.of(rejected(ReasonCode.KEY_USAGE_NOT_ALLOWED, "JWK 'key_ops' does not include \"" + purpose.keyOp + "\""));
            }
        }
        return Optional.empty();
    }

    private static Verification<ParsedJwk> fromEc(ECKey ec, Optional<String> kid, ObjectNode original) {
        if (!Curve.P_256.equals(ec.getCurve())) {
            return rejected(ReasonCode.KEY_UNSUPPORTED, "EC JWK curve " + StrictJson.printable(ec.getCurve().getName()) + " is not P-256");
        }
        byte[] x = ec.getX().decode();
        byte[] y = ec.getY().decode();
        if (x.length != P256.SIZE || y.length != P256.SIZE) {
            return rejected(ReasonCode.KEY_MALFORMED, "EC JWK coordinates 'x' and 'y' must be exactly 32 bytes");
        }
        ECPoint point;
        try {
            point = P256.point(x, y);
        } catch (IllegalArgumentException e) {
            return rejected(ReasonCode.KEY_MALFORMED, "EC JWK point is not on P-256");
        }
        Optional<PrivateKeyMaterial> privateMaterial = Optional.empty();
        if (ec.getD() != null) {
            byte[] d = ec.getD().decode();
            java.math.BigInteger scalar = new java.math.BigInteger(1, d);
            if (d.length != P256.SIZE || scalar.signum() == 0 || scalar.compareTo(P256.order()) >= 0) {
                return rejected(ReasonCode.KEY_MALFORMED, "EC JWK private member 'd' is not a 32-byte scalar below the group order");
            }
            ECPoint derived = new FixedPointCombMultiplier().multiply(P256.DOMAIN.getG(), scalar).normalize();
            if (!derived.equals(point)) {
                return rejected(ReasonCode.KEY_MALFORMED, "EC JWK private member 'd' does not match 'x' and 'y'");
            }
            privateMaterial = Optional.of(new PrivateKeyMaterial.Es256(new ECPrivateKeyParameters(scalar, P256.DOMAIN)));
        }
        PublicKeyMaterial publicMaterial = new PublicKeyMaterial.Es256(new ECPublicKeyParameters(point, P256.DOMAIN));
        return Verification.accepted(new ParsedJwk(SignatureAlgorithm.ES256, kid, thumbprint(publicMaterial),
                publicMaterial, privateMaterial, publicJwk(publicMaterial, x, y, original)));
    }

    private static Verification<ParsedJwk> fromOkp(OctetKeyPair okp, Optional<String> kid, ObjectNode original) {
        if (!Curve.Ed25519.equals(okp.getCurve())) {
            return rejected(ReasonCode.KEY_UNSUPPORTED, "OKP JWK curve " + StrictJson.printable(okp.getCurve().getName()) + " is not Ed25519");
        }
        byte[] x = okp.getX().decode();
        Ed25519PublicKeyParameters publicParameters;
        try {
            publicParameters = new Ed25519PublicKeyParameters(x);
        } catch (IllegalArgumentException e) {
            return rejected(ReasonCode.KEY_MALFORMED, "OKP JWK member 'x' is not a valid 32-byte Ed25519 public key");
        }
        Optional<PrivateKeyMaterial> privateMaterial = Optional.empty();
        if (okp.getD() != null) {
            byte[] d = okp.getD().decode();
            if (d.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
                return rejected(ReasonCode.KEY_MALFORMED, "OKP JWK private member 'd' must be 32 bytes");
            }
            Ed25519PrivateKeyParameters privateParameters = new Ed25519PrivateKeyParameters(d);
            if (!Arrays.equals(privateParameters.generatePublicKey().getEncoded(), x)) {
                return rejected(ReasonCode.KEY_MALFORMED, "OKP JWK private member 'd' does not match 'x'");
            }
            privateMaterial = Optional.of(new PrivateKeyMaterial.Ed25519Key(privateParameters));
        }
        PublicKeyMaterial publicMaterial = new PublicKeyMaterial.Ed25519Key(publicParameters);
        return Verification.accepted(new ParsedJwk(SignatureAlgorithm.EDDSA, kid, thumbprint(publicMaterial),
                publicMaterial, privateMaterial, publicJwk(publicMaterial, x, null, original)));
    }

    /** The RFC 7638 SHA-256 thumbprint of a public key given as raw bytes. */
    public static String thumbprint(PublicKeyMaterial material) {
        // RFC 7638 §3.2: the required members only, in lexicographic order, no white space.
        // Every value is base64url or a fixed name, so nothing needs JSON escaping.
        String canonical;
        if (material instanceof PublicKeyMaterial.Es256 ec) {
            ECPoint q = ec.parameters().getQ().normalize();
            canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\""
                    + Base64Url.encode(P256.fixedLength(q.getAffineXCoord().toBigInteger()))
                    + "\",\"y\":\"" + Base64Url.encode(P256.fixedLength(q.getAffineYCoord().toBigInteger())) + "\"}";
        } else {
            PublicKeyMaterial.Ed25519Key ed = (PublicKeyMaterial.Ed25519Key) material;
            canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + Base64Url.encode(ed.parameters().getEncoded()) + "\"}";
        }
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The public JWK members (kty, crv, x[, y]) of raw key material, with nothing else. */
    public static ObjectNode publicJwk(PublicKeyMaterial material) {
        if (material instanceof PublicKeyMaterial.Es256 ec) {
            ECPoint q = ec.parameters().getQ().normalize();
            return publicJwk(material, P256.fixedLength(q.getAffineXCoord().toBigInteger()),
                    P256.fixedLength(q.getAffineYCoord().toBigInteger()), StrictJson.object());
        }
        PublicKeyMaterial.Ed25519Key ed = (PublicKeyMaterial.Ed25519Key) material;
        return publicJwk(material, ed.parameters().getEncoded(), null, StrictJson.object());
    }

    /** Public members in a fixed order, keeping the original's kid, use, key_ops and alg. */
    private static ObjectNode publicJwk(PublicKeyMaterial material, byte[] x, byte[] y, ObjectNode original) {
        ObjectNode out = StrictJson.object();
        if (material instanceof PublicKeyMaterial.Es256) {
            out.put("kty", "EC").put("crv", "P-256").put("x", Base64Url.encode(x)).put("y", Base64Url.encode(y));
        } else {
            out.put("kty", "OKP").put("crv", "Ed25519").put("x", Base64Url.encode(x));
        }
        for (String member : new String[] {"kid", "use", "alg"}) {
            if (original.hasNonNull(member)) {
                out.set(member, original.get(member).deepCopy());
            }
        }
        if (original.has("key_ops")) {
            ArrayNode ops = out.putArray("key_ops");
            for (JsonNode op : original.get("key_ops")) {
                // A public key can only verify; "sign" would be a lie about this document.
                if (op.isTextual() && op.textValue().equals("verify")) {
                    ops.add(op.textValue());
                }
            }
        }
        return out;
    }

    private static <T> Verification<T> rejected(ReasonCode reason, String message) {
        return Verification.rejected(reason, message);
    }
}
