package org.staffpass.passport.internal.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Objects;
import org.staffpass.passport.credential.CredentialProblem;
import org.staffpass.passport.credential.Known;
import org.staffpass.passport.vocab.AntigenCode;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;
import org.staffpass.passport.vocab.Vocabularies;

/**
 * The {@link Known} checks, one per kind of code. Each is built by
 * {@link StaffpassConstraintFactory} with the validator's vocabularies (no reflection, no
 * global registry) and is stateless after that, so thread-safe.
 */
public final class KnownCodeValidators {
    private KnownCodeValidators() {
    }

    private abstract static class Check<T> implements ConstraintValidator<Known, T> {
        final Vocabularies vocabularies;
        private final CredentialProblem problem;

        Check(Vocabularies vocabularies, CredentialProblem problem) {
            this.vocabularies = Objects.requireNonNull(vocabularies, "vocabularies");
            this.problem = problem;
        }

        abstract boolean defined(T code);

        @Override
        public final boolean isValid(T code, ConstraintValidatorContext context) {
            if (code == null || defined(code)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            Violations.here(context, problem);
            return false;
        }
    }

    /** Grades and bands. */
    public static final class Grade extends Check<GradeCode> {
        public Grade(Vocabularies vocabularies) {
            super(vocabularies, CredentialProblem.UNKNOWN_GRADE);
        }

        @Override
        boolean defined(GradeCode code) {
            return vocabularies.grade(code).isPresent();
        }
    }

    /** Training subjects. */
    public static final class TrainingSubject extends Check<TrainingSubjectCode> {
        public TrainingSubject(Vocabularies vocabularies) {
            super(vocabularies, CredentialProblem.UNKNOWN_TRAINING_SUBJECT);
        }

        @Override
        boolean defined(TrainingSubjectCode code) {
            return vocabularies.trainingSubject(code).isPresent();
        }
    }

    /** Specialties. */
    public static final class Specialty extends Check<SpecialtyCode> {
        public Specialty(Vocabularies vocabularies) {
            super(vocabularies, CredentialProblem.UNKNOWN_SPECIALTY);
        }

        @Override
        boolean defined(SpecialtyCode code) {
            return vocabularies.specialty(code).isPresent();
        }
    }

    /** Life-support certificate types. */
    public static final class LifeSupport extends Check<LifeSupportCode> {
        public LifeSupport(Vocabularies vocabularies) {
            super(vocabularies, CredentialProblem.UNKNOWN_LIFE_SUPPORT);
        }

        @Override
        boolean defined(LifeSupportCode code) {
            return vocabularies.lifeSupport(code).isPresent();
        }
    }

    /** Antigens. */
    public static final class Antigen extends Check<AntigenCode> {
        public Antigen(Vocabularies vocabularies) {
            super(vocabularies, CredentialProblem.UNKNOWN_ANTIGEN);
        }

        @Override
        boolean defined(AntigenCode code) {
            return vocabularies.antigen(code).isPresent();
        }
    }
}
