package org.staffpass.passport.credential;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.PayScheme;

/**
 * A worker's staff group and grade or band, and the period it applies to. Immutable.
 *
 * <p>Rules: the grade is in the grades vocabulary ({@code UNKNOWN_GRADE}) and in the staff
 * group's pay scheme ({@code GRADE_NOT_IN_STAFF_GROUP}); {@code validTo} is not before
 * {@code validFrom} ({@code DATE_ORDER}).
 *
 * @param staffGroup the staff group
 * @param grade      the grade or band (vocabulary code)
 * @param validFrom  first day the grade applies (may be in the future: a planned rotation)
 * @param validTo    last day it applies, if known
 * @since 0.1
 */
@CredentialRules
public record Grade(
        StaffGroup staffGroup,
        @Known GradeCode grade,
        LocalDate validFrom,
        Optional<LocalDate> validTo) implements Credential {

    /** The {@code vct} of grade credentials. */
    public static final String VCT = "https://staffpass.example/vct/grade/v1";

    public Grade {
        Objects.requireNonNull(staffGroup, "staffGroup");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
    }

    @Override
    public CredentialType credentialType() {
        return CredentialType.GRADE;
    }

    /** Staff groups (after the ESR staff groups; the list is UNCONFIRMED) and their pay schemes. */
    public enum StaffGroup {
        /** Doctors and dentists. */
        MEDICAL_AND_DENTAL(PayScheme.MEDICAL),
        /** Registered nurses and midwives. */
        NURSING_AND_MIDWIFERY_REGISTERED(PayScheme.AGENDA_FOR_CHANGE),
        /** Allied health professionals. */
        ALLIED_HEALTH_PROFESSIONALS(PayScheme.AGENDA_FOR_CHANGE),
        /** Healthcare assistants, support workers, nursing associates in training. */
        ADDITIONAL_CLINICAL_SERVICES(PayScheme.AGENDA_FOR_CHANGE),
        /** Pharmacists and other professional, scientific and technical staff. */
        ADDITIONAL_PROFESSIONAL_SCIENTIFIC_AND_TECHNICAL(PayScheme.AGENDA_FOR_CHANGE),
        /** Healthcare scientists. */
        HEALTHCARE_SCIENTISTS(PayScheme.AGENDA_FOR_CHANGE),
        /** Administrative and clerical staff. */
        ADMINISTRATIVE_AND_CLERICAL(PayScheme.AGENDA_FOR_CHANGE),
        /** Estates and ancillary staff. */
        ESTATES_AND_ANCILLARY(PayScheme.AGENDA_FOR_CHANGE);

        private final PayScheme payScheme;

        StaffGroup(PayScheme payScheme) {
            this.payScheme = payScheme;
        }

        /** The pay scheme this group's grades come from. */
        public PayScheme payScheme() {
            return payScheme;
        }
    }
}
