package org.staffpass.passport.vocab;

import java.util.Objects;
import java.util.Optional;

/**
 * What the vocabulary says about one register. Immutable.
 *
 * @param register                the register
 * @param name                    its display name
 * @param numberPattern           a Java regular expression every registration number matches
 *                                (use {@link Vocabularies#isRegistrationNumber} to test)
 * @param numberExample           a made-up number in that format
 * @param provisionalRegistration whether the register has provisional registration (GMC only)
 * @param separateLicence         whether a licence to practise is separate from registration
 *                                (GMC only), so a credential must state it
 * @param renewalYears            the revalidation or renewal cycle, in years
 * @param confidence              whether the format and cycle are confirmed
 * @param note                    free text from the vocabulary file
 * @since 0.1
 */
public record RegisterDefinition(Register register, String name, String numberPattern, String numberExample,
        boolean provisionalRegistration, boolean separateLicence, int renewalYears, Confidence confidence,
        Optional<String> note) {
    public RegisterDefinition {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(numberPattern, "numberPattern");
        Objects.requireNonNull(numberExample, "numberExample");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(note, "note");
    }
}
