package org.staffpass.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.staffpass.crypto.Tokens.assertAccepted;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.P256;
import org.staffpass.crypto.internal.PrivateKeyMaterial;

/**
 * ECDSA signatures are deterministic (RFC 6979): checked against RFC 6979 Appendix A.2.5,
 * P-256 with SHA-256. {@link PrivateKeyMaterial.Es256#sign} hashes its input with SHA-256,
 * which is exactly what the vector's "With SHA-256, message = ..." means.
 */
class EcdsaDeterminismTest {
    private static final BigInteger X = new BigInteger("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16);
    private static final String UX = "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6";
    private static final String UY = "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

    @ParameterizedTest(name = "message \"{0}\"")
    @CsvSource({
        "sample, A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60, "
                + "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716, "
                + "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8",
        "test, D16B6AE827F17175E040871A1C7EC3500192C4C92677336EC2537ACAEE0008E0, "
                + "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367, "
                + "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083",
    })
    void rfc6979P256Sha256(String message, String k, String r, String s) throws Exception {
        byte[] input = message.getBytes(StandardCharsets.US_ASCII);
        ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(X, P256.DOMAIN);

        // The nonce generator our signer uses produces the RFC's k.
        HMacDSAKCalculator calculator = new HMacDSAKCalculator(new SHA256Digest());
        calculator.init(P256.order(), X, MessageDigest.getInstance("SHA-256").digest(input));
        assertEquals(new BigInteger(k, 16), calculator.nextK());

        byte[] signature = new PrivateKeyMaterial.Es256(privateKey).sign(input);
        assertEquals(64, signature.length);
        assertEquals(new BigInteger(r, 16), new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)));
        assertEquals(new BigInteger(s, 16), new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
        assertArrayEquals(signature, new PrivateKeyMaterial.Es256(privateKey).sign(input), "same input, same bytes");

        // The vector's key through our JWK path: same public point, and the signature verifies.
        SigningKey key = SigningKey.fromJwk("{\"kty\":\"EC\",\"crv\":\"P-256\""
                + ",\"x\":\"" + Base64Url.encode(P256.fixedLength(new BigInteger(UX, 16))) + "\""
                + ",\"y\":\"" + Base64Url.encode(P256.fixedLength(new BigInteger(UY, 16))) + "\""
                + ",\"d\":\"" + Base64Url.encode(P256.fixedLength(X)) + "\"}").value();
        assertArrayEquals(signature, key.signRaw(input));
        assertEquals(org.staffpass.crypto.internal.PublicKeyMaterial.SignatureCheck.VALID,
                key.verificationKey().material().check(input, input.length, signature));
        // And a JWS from it is deterministic end to end.
        String jws = JwsSigner.of(key).sign("example+jwt", input);
        assertEquals(jws, JwsSigner.of(key).sign("example+jwt", input));
        assertAccepted(JwsVerifier.of(key.verificationKey()).verify(jws));
    }
}
