package org.staffpass.crypto;

/**
 * Every reason the trust layer can give for refusing untrusted input.
 *
 * <p>The names are a stable contract: they appear in CLI output, logs and decision
 * records, and are documented in {@code docs/crypto.md}. Codes are only ever added.
 *
 * @since 0.1
 */
public enum ReasonCode {
    // --- Structure and size (any token) ---
    /** Not the expected structure: segments, base64url (including non-canonical), JSON or types. */
    MALFORMED,
    /** Input longer than the configured bound; nothing of it was parsed. */
    TOO_LARGE,

    // --- JOSE header ---
    /** {@code alg} is not the verifying key's algorithm ({@code none}, HS*, RS*, or the other curve). */
    ALG_NOT_ALLOWED,
    /** A header parameter we refuse: embedded or remote keys, unknown {@code crit}, {@code b64:false}. */
    HEADER_NOT_ALLOWED,
    /** The header {@code kid} names a different key than the one verifying. */
    KID_MISMATCH,
    /** The header {@code typ} is not the type the caller expects, or is a type never accepted here. */
    TYP_MISMATCH,
    /** The signature does not verify: wrong length, r or s out of range, or simply wrong. */
    SIGNATURE_INVALID,

    // --- JWT claims ---
    /** A required claim is missing or has the wrong type or value. */
    CLAIMS_INVALID,
    /** The token's {@code exp} has passed (allowing the configured skew). */
    EXPIRED,
    /** The token's {@code nbf} or {@code iat} is in the future (allowing the configured skew). */
    NOT_YET_VALID,

    // --- Keys (JWK documents and keystores) ---
    /** A key document that cannot be read as a key (bad JSON, wrong lengths, point not on the curve). */
    KEY_MALFORMED,
    /** A key of a type or curve we never use (RSA, symmetric, P-384, X25519 ...). */
    KEY_UNSUPPORTED,
    /** The key is marked for something else ({@code use}, {@code key_ops} or {@code alg}). */
    KEY_USAGE_NOT_ALLOWED,
    /** Private key material where only a public key belongs. */
    KEY_PRIVATE_MATERIAL,

    // --- Trust lists ---
    /** A trust list whose sequence is not newer than the one already in force. */
    TRUST_LIST_ROLLBACK,
    /** The trust list in force is past its {@code exp}; nothing resolves from it. */
    TRUST_LIST_EXPIRED,
    /** The trust list in force is not yet valid ({@code iat}/{@code nbf} in the future). */
    TRUST_LIST_NOT_YET_VALID,
    /** No issuer with that identifier is on the trust list. */
    UNKNOWN_ISSUER,
    /** The issuer is listed but has no key with that {@code kid}. */
    UNKNOWN_KEY,
    /** The issuer is listed but not authorised to issue that credential type. */
    ISSUER_NOT_AUTHORISED_FOR_TYPE,
    /** The issuer's validity period has not started. */
    ISSUER_NOT_YET_VALID,
    /** The issuer's validity period has ended. */
    ISSUER_NO_LONGER_VALID,
    /** The issuer's listed status is suspended. */
    ISSUER_SUSPENDED,
    /** The issuer's listed status is revoked. */
    ISSUER_REVOKED,

    // --- Status lists ---
    /** The compressed status list inflates past the verifier's configured bound (a decompression bomb). */
    STATUS_LIST_INFLATE_BOUND,
    /** No status list with that URI is in the store. */
    STATUS_LIST_UNKNOWN,
    /** The status list is older than the freshness policy allows, or past its {@code exp}. */
    STATUS_LIST_STALE,
    /** The referenced index is outside the status list. */
    STATUS_INDEX_OUT_OF_RANGE,

    // --- SD-JWT (RFC 9901) and key binding ---
    /** {@code _sd_alg} names a hash function we do not support. */
    SD_ALG_UNSUPPORTED,
    /** A disclosure is not base64url of a JSON array of the right shape. */
    DISCLOSURE_MALFORMED,
    /** A disclosure whose digest appears nowhere in the payload. */
    DISCLOSURE_UNREFERENCED,
    /** The same disclosure, or the same digest, appears more than once. */
    DISCLOSURE_DUPLICATE,
    /** A disclosure that would overwrite a claim, use a reserved name, or fill the wrong kind of slot. */
    DISCLOSURE_CLAIM_CONFLICT,
    /** A key-binding JWT is required and absent. */
    KB_MISSING,
    /** The key-binding JWT is not a well-formed {@code kb+jwt}. */
    KB_MALFORMED,
    /** The key-binding JWT's signature does not verify with the holder key. */
    KB_SIGNATURE_INVALID,
    /** The key-binding JWT's {@code aud} is not this verifier. */
    KB_AUD_MISMATCH,
    /** The key-binding JWT's {@code nonce} is not the one this verifier issued. */
    KB_NONCE_MISMATCH,
    /** The key-binding JWT's {@code iat} is outside the allowed window. */
    KB_IAT_OUT_OF_WINDOW,
    /** The key-binding JWT's {@code sd_hash} does not match the presented SD-JWT. */
    KB_SD_HASH_MISMATCH,
    /** A key-binding JWT is present or required but the credential has no {@code cnf.jwk}. */
    KB_NO_HOLDER_KEY
}
