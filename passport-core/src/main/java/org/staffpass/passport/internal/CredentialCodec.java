package org.staffpass.passport.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.staffpass.passport.credential.Credential;
import org.staffpass.passport.credential.CredentialType;

/**
 * Maps one credential type to and from its claims object (without {@code vct}, which the
 * caller handles). Stateless and thread-safe.
 *
 * @param <T> the record type
 */
public interface CredentialCodec<T extends Credential> {
    /** The credential type. */
    CredentialType type();

    /** The record class. */
    Class<T> recordType();

    /** The top-level members (not {@code vct}). */
    ClaimShape shape();

    /** The shapes of nested objects, by the {@code $defs} name the JSON Schema uses. */
    List<ClaimShape> nestedShapes();

    /** Writes the claims in declaration order. */
    void write(T credential, ClaimsWriter out);

    /**
     * Reads the claims, recording every problem in {@code reader}; a record only when the
     * read was clean. The caller has already checked that the top level is an object.
     */
    Optional<T> read(ClaimsReader reader, ObjectNode claims);
}
