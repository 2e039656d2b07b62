/**
 * The staff-passport domain: credential types, their claims, validation and vocabularies.
 *
 * <p>API packages: {@code org.staffpass.passport} (issue, wallet and present, verify),
 * {@code org.staffpass.passport.credential} (the credential records,
 * {@code CredentialClaims}, {@code CredentialValidator}) and
 * {@code org.staffpass.passport.vocab} (vocabulary codes and definitions). Internals stay in
 * {@code org.staffpass.passport.internal}. Record packages are opened to Hibernate Validator
 * only, which reads constraint annotations and field values reflectively.
 */
module org.staffpass.passport {
    requires transitive org.staffpass.crypto;
    requires transitive jakarta.validation;
    requires org.hibernate.validator;

    exports org.staffpass.passport;
    exports org.staffpass.passport.credential;
    exports org.staffpass.passport.vocab;

    opens org.staffpass.passport.credential to org.hibernate.validator;
}
