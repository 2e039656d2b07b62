/**
 * Staffpass trust layer: keys, hardened JWS, SD-JWT, trust lists and token status lists.
 *
 * <p>Domain-agnostic: nothing here knows about staff, shifts or the NHS. Only the API
 * packages are exported; {@code org.staffpass.crypto.internal} stays private.
 */
module org.staffpass.crypto {
    requires com.nimbusds.jose.jwt;
    requires org.bouncycastle.provider;
    requires transitive com.fasterxml.jackson.databind;

    exports org.staffpass.crypto;
    exports org.staffpass.crypto.sdjwt;
    exports org.staffpass.crypto.status;
    exports org.staffpass.crypto.trust;

    // Staffpass's own modules share the strict JSON reader and JWT claim checks; vendors never see them.
    exports org.staffpass.crypto.internal to org.staffpass.passport, org.staffpass.rules;
}
