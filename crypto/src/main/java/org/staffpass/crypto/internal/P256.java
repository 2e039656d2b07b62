package org.staffpass.crypto.internal;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The P-256 domain, on Bouncy Castle's specialised curve implementation (the fast one).
 */
public final class P256 {
    /** Field and scalar size in bytes; JOSE encodes every coordinate and r, s at exactly this length. */
    public static final int SIZE = 32;
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    /** Domain parameters for signers and key parameters. */
    public static final ECDomainParameters DOMAIN = new ECDomainParameters(
            CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH(), CURVE.getSeed());

    private P256() {
    }

    /** The group order n. */
    public static BigInteger order() {
        return DOMAIN.getN();
    }

    /** The validated point (x, y), or {@code null} is never returned: invalid points throw. */
    public static ECPoint point(byte[] x, byte[] y) {
        ECPoint point = DOMAIN.getCurve().createPoint(new BigInteger(1, x), new BigInteger(1, y));
        return DOMAIN.validatePublicPoint(point);
    }

    /** A big-endian unsigned integer at exactly {@link #SIZE} bytes. */
    public static byte[] fixedLength(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[SIZE];
        int copy = Math.min(raw.length, SIZE);
        System.arraycopy(raw, raw.length - copy, out, SIZE - copy, copy);
        return out;
    }
}
