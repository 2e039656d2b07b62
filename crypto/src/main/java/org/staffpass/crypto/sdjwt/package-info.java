/**
 * Selective Disclosure for JWTs (RFC 9901) and SD-JWT VC credentials: issue
 * ({@link org.staffpass.crypto.sdjwt.SdJwtIssuer}), present
 * ({@link org.staffpass.crypto.sdjwt.SdJwtPresenter}) and verify
 * ({@link org.staffpass.crypto.sdjwt.SdJwtVerifier}) with key binding
 * ({@link org.staffpass.crypto.sdjwt.KeyBinding}). Verification answers with a
 * {@link org.staffpass.crypto.Verification} and a {@link org.staffpass.crypto.ReasonCode},
 * never an exception; docs/sd-jwt.md lists the checks and codes.
 */
package org.staffpass.crypto.sdjwt;
