package org.staffpass.passport.credential;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.staffpass.passport.internal.ViolationMapper;
import org.staffpass.passport.internal.constraints.StaffpassConstraintFactory;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * Checks credentials against the rules of their type and the vocabularies, listing every
 * violation with a {@link CredentialProblem} and the JSON Pointer of the claim; never throws
 * for bad data.
 *
 * <p>Used twice: by an issuer before signing ({@link #validateForIssue}: a credential that
 * fails is not signed), and by a verifier after the signature checked out ({@link #read} or
 * {@link #validate}: signed garbage is still garbage).
 *
 * <p>"Today", for dates of past events, is the injected clock's date in Europe/London.
 * Immutable and thread-safe; build one and share it (building bootstraps Hibernate Validator
 * and reads the constraint metadata, which is far slower than one validation).
 *
 * <pre>{@code
 * CredentialValidator validator = CredentialValidator.create(Vocabularies.standard(), clock);
 * CredentialResult<Credential> result = validator.read(claims);
 * if (!result.isValid()) result.violations().forEach(v -> log(v.problem(), v.path()));
 * }</pre>
 *
 * @since 0.1
 */
public final class CredentialValidator {
    /** Dates in claims are civil dates in England. */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final Validator validator;
    private final Vocabularies vocabularies;

    private CredentialValidator(Validator validator, Vocabularies vocabularies) {
        this.validator = validator;
        this.vocabularies = vocabularies;
    }

    /** A validator that checks codes against {@code vocabularies} and "today" by {@code clock}. */
    public static CredentialValidator create(Vocabularies vocabularies, Clock clock) {
        Objects.requireNonNull(vocabularies, "vocabularies");
        Clock london = Objects.requireNonNull(clock, "clock").withZone(LONDON);
        // The provider is named, not discovered, so no service lookup decides which validator runs.
        Configuration<?> configuration = Validation.byProvider(HibernateValidator.class)
                .providerResolver(() -> List.of(new HibernateValidator()))
                .configure();
        // ParameterMessageInterpolator instead of the default resource-bundle interpolator:
        // the default needs a Jakarta Expression Language implementation on the class path (a
        // dependency and an expression evaluator we do not want); our messages are codes anyway.
        configuration.messageInterpolator(new ParameterMessageInterpolator())
                .clockProvider(() -> london)
                .constraintValidatorFactory(new StaffpassConstraintFactory(
                        configuration.getDefaultConstraintValidatorFactory(), vocabularies));
        Validator validator = configuration.buildValidatorFactory().getValidator();
        return new CredentialValidator(validator, vocabularies);
    }

    /** The vocabularies codes are checked against. */
    public Vocabularies vocabularies() {
        return vocabularies;
    }

    /**
     * Checks a credential as a verifier sees it: selectively disclosable claims may be
     * missing, lists may be empty.
     */
    public <T extends Credential> CredentialResult<T> validate(T credential) {
        return check(credential, validator.validate(Objects.requireNonNull(credential, "credential"), Default.class));
    }

    /**
     * Checks a credential as an issuer is about to sign it: as {@link #validate}, and also
     * complete ({@link IssuanceChecks}).
     */
    public <T extends Credential> CredentialResult<T> validateForIssue(T credential) {
        return check(credential, validator.validate(Objects.requireNonNull(credential, "credential"), Default.class,
                IssuanceChecks.class));
    }

    /** Reads a claims object ({@link CredentialClaims#fromClaims(ObjectNode)}) and validates it. */
    public CredentialResult<Credential> read(ObjectNode claims) {
        return CredentialClaims.fromClaims(claims).then(this::validate);
    }

    /** Reads a claims object of an expected type and validates it. */
    public <T extends Credential> CredentialResult<T> read(ObjectNode claims, Class<T> type) {
        return CredentialClaims.fromClaims(claims, type).then(this::validate);
    }

    private static <T> CredentialResult<T> check(T credential, Set<ConstraintViolation<T>> violations) {
        return CredentialResult.of(credential, violations.stream().map(ViolationMapper::map).toList());
    }
}
