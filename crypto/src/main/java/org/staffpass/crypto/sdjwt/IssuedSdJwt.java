package org.staffpass.crypto.sdjwt;

import java.util.List;
import java.util.Objects;

/**
 * An SD-JWT as {@link SdJwtIssuer} made it: the compact form to hand to the holder
 * ({@code <issuer-jwt>~<d1>~...~<dn>~}) and, for the issuer's records and tests, every
 * disclosure with the path of its claim. Immutable.
 *
 * @since 0.1
 */
public final class IssuedSdJwt {
    private final String issuerSignedJwt;
    private final List<Disclosure> disclosures;

    IssuedSdJwt(String issuerSignedJwt, List<Disclosure> disclosures) {
        this.issuerSignedJwt = Objects.requireNonNull(issuerSignedJwt);
        this.disclosures = List.copyOf(disclosures);
    }

    /** The issuer-signed JWT alone. */
    public String issuerSignedJwt() {
        return issuerSignedJwt;
    }

    /** Every disclosure, in the order of {@link #compact()}. */
    public List<Disclosure> disclosures() {
        return disclosures;
    }

    /** {@code <issuer-jwt>~<d1>~...~<dn>~}: what the holder receives. */
    public String compact() {
        StringBuilder out = new StringBuilder(issuerSignedJwt).append('~');
        for (Disclosure disclosure : disclosures) {
            out.append(disclosure.encoded()).append('~');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "IssuedSdJwt[" + disclosures.size() + " disclosures]";
    }
}
