package org.staffpass.passport;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.staffpass.passport.credential.CredentialType;

/**
 * What a verifier asks a holder to present: the credential types it wants and, per type, the
 * selectively disclosable claims to reveal, as JSON Pointers into the type's claims object.
 *
 * <p>A pointer is one of the type's {@link CredentialType#selectivelyDisclosable()} pointers
 * ({@code /registration_number}, {@code /subjects/*} for every element of an array) or one
 * element of an array pointer ({@code /subjects/2}, the third element as issued). Claims that
 * are not selectively disclosable are always shown, so they need no asking. A type mapped to
 * an empty set is presented with nothing selectively disclosable revealed. Immutable.
 *
 * @param claims pointers to reveal, by credential type
 * @since 0.1
 */
public record DisclosureRequest(Map<CredentialType, Set<String>> claims) {
    /**
     * @throws IllegalArgumentException if a pointer is not selectively disclosable for its type
     */
    public DisclosureRequest {
        Objects.requireNonNull(claims, "claims");
        Map<CredentialType, Set<String>> copy = new TreeMap<>();
        claims.forEach((type, pointers) -> {
            Objects.requireNonNull(type, "credential type");
            Objects.requireNonNull(pointers, "pointers of " + type);
            for (String pointer : pointers) {
                if (!isDisclosable(type, Objects.requireNonNull(pointer, "pointer of " + type))) {
                    throw new IllegalArgumentException("pointer " + pointer + " is not selectively disclosable in "
                            + type.vct());
                }
            }
            copy.put(type, Set.copyOf(pointers));
        });
        claims = Map.copyOf(copy);
    }

    /** A request for {@code type} revealing {@code pointers}. */
    public static DisclosureRequest of(CredentialType type, String... pointers) {
        return new DisclosureRequest(Map.of(type, Set.of(pointers)));
    }

    /** This request with {@code type} added (or replaced), revealing {@code pointers}. */
    public DisclosureRequest and(CredentialType type, String... pointers) {
        Map<CredentialType, Set<String>> more = new TreeMap<>(claims);
        more.put(type, Set.of(pointers));
        return new DisclosureRequest(more);
    }

    /** Whether {@code pointer} names a selectively disclosable claim (or array element) of {@code type}. */
    public static boolean isDisclosable(CredentialType type, String pointer) {
        for (String declared : type.selectivelyDisclosable()) {
            if (declared.equals(pointer)) {
                return true;
            }
            if (declared.endsWith("/*")) {
                String prefix = declared.substring(0, declared.length() - 1);
                if (pointer.startsWith(prefix) && isIndex(pointer.substring(prefix.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
