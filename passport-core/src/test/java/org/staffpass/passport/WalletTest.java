package org.staffpass.passport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.staffpass.crypto.ReasonCode;
import org.staffpass.crypto.Verification;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.TestCredentials;

/** What a wallet refuses to keep, each with its code, and its programmer errors. */
class WalletTest {
    private final PassportFixture f = new PassportFixture();

    private static ReasonCode code(Verification<?> result) {
        return ((Verification.Rejected<?>) result).reason();
    }

    @Test
    void refusesWhatItCannotPresent() {
        Wallet wallet = Wallet.create(f.holderKey, f.clock);
        String issued = f.issue(TestCredentials.dbs());
        assertEquals(ReasonCode.MALFORMED, code(wallet.add("no tilde")));
        assertEquals(ReasonCode.MALFORMED, code(wallet.add("a.b~")));
        assertEquals(ReasonCode.TOO_LARGE, code(wallet.add("a".repeat(Wallet.MAX_CREDENTIAL_LENGTH + 1))));
        String[] parts = issued.split("~", -1);
        assertEquals(ReasonCode.DISCLOSURE_MALFORMED, code(wallet.add(parts[0] + "~!!~")));
        assertEquals(ReasonCode.MALFORMED, code(wallet.add(issued + parts[0])));
        String theirs = f.issue(f.issuerFor(TestCredentials.dbs()), TestCredentials.dbs(), f.otherHolderKey, f.nextStatus());
        assertEquals(ReasonCode.KB_NO_HOLDER_KEY, code(wallet.add(theirs)));
        assertEquals(CredentialType.DBS_CHECK, wallet.add(issued).value());
        assertThrows(IllegalArgumentException.class, () -> wallet.present("", "n", DisclosureRequest.of(CredentialType.DBS_CHECK)));
        assertThrows(NullPointerException.class, () -> wallet.present("a", null, DisclosureRequest.of(CredentialType.DBS_CHECK)));
    }
}
