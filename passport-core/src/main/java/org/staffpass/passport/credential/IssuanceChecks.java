package org.staffpass.passport.credential;

/**
 * Validation group of the rules that hold only for a complete credential, as an issuer signs
 * it: selectively disclosable claims are present and lists are not empty. After a
 * presentation the holder may have withheld those claims, so a verifier validates without
 * this group ({@link CredentialValidator#validate}); an issuer validates with it
 * ({@link CredentialValidator#validateForIssue}).
 *
 * @since 0.1
 */
public interface IssuanceChecks {
}
