package org.staffpass.examples;

import java.time.Clock;
import java.util.List;
import org.staffpass.crypto.SigningKey;
import org.staffpass.crypto.Verification;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.Wallet;
import org.staffpass.passport.credential.CredentialType;

/**
 * User path 2, the worker's wallet: keep the credentials issued to the worker's key and answer
 * a trust's request with a presentation that discloses only what the trust asked for, bound to
 * the trust (audience) and its one-time nonce. docs/getting-started.md quotes this file.
 */
public final class WalletExample {
    private WalletExample() {
    }

    /** A presentation of the worker's DBS check (certificate number withheld), for {@code trust} and {@code nonce}. */
    public static String present(SigningKey holderKey, List<String> issuedCredentials, String trust, String nonce,
            Clock clock) {
        // tag::present[]
        Wallet wallet = Wallet.create(holderKey, clock);
        for (String credential : issuedCredentials) {
            Verification<CredentialType> added = wallet.add(credential);
            if (!added.isAccepted()) {
                // Not bound to this wallet's key, or not a credential at all.
                throw new IllegalArgumentException("credential refused: " + added);
            }
        }
        // Only what the trust asked for: the DBS clearance outcome is always visible; the
        // certificate number is selectively disclosable and not requested, so it stays hidden.
        DisclosureRequest request = DisclosureRequest.of(CredentialType.DBS_CHECK);
        return wallet.present(trust, nonce, request);   // JSON: {"presentation":[sd-jwt~kb-jwt, ...]}
        // end::present[]
    }
}
