package org.staffpass.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.staffpass.crypto.internal.Base64Url;
import org.staffpass.crypto.internal.StrictJson;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialClaims;
import org.staffpass.passport.credential.CredentialType;

/** Builds passport facts from credential records, as a full disclosure would give them. */
final class TestFacts {
    static final String HOLDER = digest("holder");
    static final String ISSUER = "https://lead-employer.nhs.example";
    static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant EXPIRES = Instant.parse("2027-12-31T00:00:00Z");

    private TestFacts() {
    }

    static String digest(String text) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every selectively disclosable claim present in the credential's claims. */
    static Set<String> disclosedPointers(Credential credential) {
        ObjectNode claims = CredentialClaims.toClaims(credential);
        Set<String> out = new TreeSet<>();
        for (String declared : credential.credentialType().selectivelyDisclosable()) {
            if (declared.endsWith("/*")) {
                String prefix = declared.substring(0, declared.length() - 1);
                JsonNode array = claims.at(prefix.substring(0, prefix.length() - 1));
                for (int i = 0; i < array.size(); i++) {
                    out.add(prefix + i);
                }
            } else if (!claims.at(declared).isMissingNode()) {
                out.add(declared);
            }
        }
        return out;
    }

    static PassportFacts.CredentialFacts facts(Credential credential, Instant expires) {
        return new PassportFacts.CredentialFacts(credential, ISSUER, ISSUED, expires,
                digest(StrictJson.write(CredentialClaims.toClaims(credential))), disclosedPointers(credential));
    }

    static PassportFacts of(List<? extends Credential> credentials) {
        Map<CredentialType, PassportFacts.CredentialFacts> map = new EnumMap<>(CredentialType.class);
        for (Credential c : credentials) {
            map.put(c.credentialType(), facts(c, EXPIRES));
        }
        return new PassportFacts(HOLDER, map);
    }
}
