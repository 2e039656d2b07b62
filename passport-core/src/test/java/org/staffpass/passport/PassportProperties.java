package org.staffpass.passport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.staffpass.passport.PassportFixture.AUDIENCE;
import static org.staffpass.passport.PassportFixture.NONCE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.TestCredentials;
import org.staffpass.passport.internal.PresentationFormat;
import org.staffpass.testing.Property;

/** Issue → present → verify over generated credentials and disclosure choices. */
class PassportProperties {
    private final PassportFixture f = new PassportFixture();
    /** JSON equality where 1 (int) and 1 (long) are the same number. */
    private static final java.util.Comparator<JsonNode> SAME_NUMBERS = (a, b) -> a.equals(b)
            || (a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0) ? 0 : 1;

    /** A credential and the pointers chosen to reveal (array elements by issued index). */
    private record Case(Credential credential, Set<String> reveal) {
    }

    private static Case anyCase(Random r) {
        Credential credential = TestCredentials.any(r);
        ObjectNode claims = CredentialClaims.toClaims(credential);
        Set<String> reveal = new HashSet<>();
        for (String pointer : credential.credentialType().selectivelyDisclosable()) {
            String name = pointer.substring(1).split("/")[0];
            if (!claims.has(name)) {
                continue;
            }
            if (pointer.endsWith("/*")) {
                if (r.nextInt(5) == 0) {
                    reveal.add(pointer);
                } else {
                    for (int i = 0; i < claims.get(name).size(); i++) {
                        if (r.nextBoolean()) {
                            reveal.add("/" + name + "/" + i);
                        }
                    }
                }
            } else if (r.nextBoolean()) {
                reveal.add(pointer);
            }
        }
        return new Case(credential, reveal);
    }

    /** The claims a verifier should see: the original, minus everything disclosable not revealed. */
    private static ObjectNode expected(Case c) {
        ObjectNode claims = CredentialClaims.toClaims(c.credential());
        for (String pointer : c.credential().credentialType().selectivelyDisclosable()) {
            String name = pointer.substring(1).split("/")[0];
            if (!claims.has(name)) {
                continue;
            }
            if (pointer.endsWith("/*")) {
                if (c.reveal().contains(pointer)) {
                    continue;
                }
                ArrayNode kept = claims.arrayNode();
                JsonNode all = claims.get(name);
                for (int i = 0; i < all.size(); i++) {
                    if (c.reveal().contains("/" + name + "/" + i)) {
                        kept.add(all.get(i));
                    }
                }
                claims.set(name, kept);
            } else if (!c.reveal().contains(pointer)) {
                claims.remove(name);
            }
        }
        return claims;
    }

    private String present(Case c) {
        Wallet wallet = f.wallet(f.holderKey, f.issue(c.credential()));
        return wallet.present(AUDIENCE, NONCE, new DisclosureRequest(Map.of(c.credential().credentialType(), c.reveal())));
    }

    @Test
    void whatIsVerifiedIsExactlyWhatWasRevealed() {
        PassportVerifier verifier = f.verifier();
        Property.forAll("issue-present-verify", PassportProperties::anyCase, c -> {
            PassportVerification result = verifier.verify(present(c), NONCE);
            VerifiedPassport passport = assertInstanceOf(VerifiedPassport.class, result, result::toString);
            VerifiedCredential<?> verified = passport.credentials().get(0);
            assertTrue(expected(c).equals(SAME_NUMBERS, verified.claims()), () -> expected(c) + " vs " + verified.claims());
            Credential read = TestCredentials.validator().read(expected(c)).value();
            assertEquals(read, verified.credential());
            assertEquals(f.holderKey.verificationKey().thumbprint(), passport.holderKeyThumbprint());
            assertEquals(PassportFixture.TRUST.equals(verified.issuer().id())
                    || PassportFixture.REGULATOR.equals(verified.issuer().id()), true);
        });
    }

    @Test
    void removingOrAlteringAnyDisclosureIsDetected() {
        PassportVerifier verifier = f.verifier();
        Property.forAll("drop-or-alter-disclosure", r -> {
            Case c = anyCase(r);
            return new Object[] {c, r.nextLong()};
        }, pair -> {
            Case c = (Case) pair[0];
            Random r = new Random((Long) pair[1]);
            String presented = StrictJson.parseObject(present(c), "test").value()
                    .get(PresentationFormat.MEMBER).get(0).textValue();
            List<String> parts = new ArrayList<>(Arrays.asList(presented.split("~", -1)));
            int disclosures = parts.size() - 2;
            if (disclosures == 0) {
                return;
            }
            int k = 1 + r.nextInt(disclosures);
            List<String> dropped = new ArrayList<>(parts);
            dropped.remove(k);
            assertFalse(verifier.verify(PresentationFormat.write(List.of(String.join("~", dropped))), NONCE)
                    .isAccepted(), "dropped disclosure accepted");
            List<String> altered = new ArrayList<>(parts);
            String d = altered.get(k);
            int at = r.nextInt(d.length());
            char replacement = d.charAt(at) == 'A' ? 'B' : 'A';
            altered.set(k, d.substring(0, at) + replacement + d.substring(at + 1));
            assertFalse(verifier.verify(PresentationFormat.write(List.of(String.join("~", altered))), NONCE)
                    .isAccepted(), "altered disclosure accepted");
        });
    }

    @Test
    void arbitraryDocumentsAreAnsweredNeverThrown() {
        PassportVerifier verifier = f.verifier();
        String valid = present(anyCase(new Random(1)));
        Property.forAll("mutated-documents", r -> {
            char[] chars = valid.toCharArray();
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                chars[r.nextInt(chars.length)] = (char) (32 + r.nextInt(95));
            }
            return new String(chars);
        }, document -> {
            PassportVerification result = verifier.verify(document, NONCE);
            if (result instanceof PassportVerification.Rejected rejected) {
                assertFalse(rejected.failures().isEmpty());
            }
        });
    }
}
