package org.staffpass.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;
import org.staffpass.rules.internal.PolicyReader;

/**
 * A validated eligibility policy (format v1, docs/policy-language.md): an immutable,
 * thread-safe graph of records. Obtain one from {@link #parse(String)}, which refuses any
 * document with a problem and lists every problem; the records' canonical constructors (public,
 * as for every record) check only for nulls and copy collections, so a hand-built instance
 * carries none of the validator's guarantees and its digest proves nothing.
 *
 * @param id            the policy's identifier
 * @param version       the policy's own version (publisher's text)
 * @param publisher     who publishes it
 * @param effective     when it applies
 * @param vocabularies  grade ladder, groups, time bands and bank holidays
 * @param rules         one optional parameter set per rule family
 * @param examples      embedded test cases
 * @param canonicalJson the canonical form: members sorted, no whitespace, decimals as written
 * @param digest        base64url (unpadded) SHA-256 of the UTF-8 canonical form
 * @since 0.1
 */
public record Policy(String id, String version, String publisher, Effective effective, Vocabularies vocabularies,
        Rules rules, List<Example> examples, String canonicalJson, String digest) {
    /** Largest document accepted, in UTF-8 bytes. */
    public static final int MAX_DOCUMENT_BYTES = 256 * 1024;

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(vocabularies, "vocabularies");
        Objects.requireNonNull(rules, "rules");
        examples = List.copyOf(examples);
        Objects.requireNonNull(canonicalJson, "canonicalJson");
        Objects.requireNonNull(digest, "digest");
    }

    /** Parses and validates a policy document; never throws for bad input. */
    public static PolicyResult parse(String json) {
        Objects.requireNonNull(json, "json");
        return PolicyReader.read(json);
    }

    /** Parses and validates a policy document given as UTF-8 bytes (strict: no BOM, no invalid UTF-8). */
    public static PolicyResult parse(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        return PolicyReader.read(utf8);
    }

    /**
     * Decides {@code shift} for a worker of {@code gradeGroup} with {@code history}. Evaluated
     * today: the effective period, the {@code workingTime} family and the {@code rates} family
     * (docs/policy-language.md, "Evaluation status"); other families are not evaluated and
     * produce no findings. Deterministic: equal inputs give an equal decision.
     *
     * @param gradeGroup a grade group of the rate card (needed when the rates family is present)
     * @param at         when the decision is made; not used by the families evaluated today
     *                   (credential validity will use it)
     * @throws IllegalArgumentException if {@code gradeGroup} has no rate card row
     */
    public Decision evaluate(Shift shift, WorkHistory history, String gradeGroup, java.time.Instant at) {
        return org.staffpass.rules.internal.Evaluator.evaluate(this, shift, history, gradeGroup, at);
    }

    /** The period the policy applies to: from a date, optionally until a later one (exclusive). */
    public record Effective(LocalDate from, Optional<LocalDate> until) {
        public Effective {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * The policy's own vocabularies.
     *
     * @param gradeLadder     grades, most junior first; every code is in the standard vocabulary
     * @param gradeGroups     named disjoint groups of ladder grades (the rate card's rows)
     * @param specialtyGroups named equivalence groups of specialty codes
     * @param timeBands       band boundaries as local times in Europe/London
     * @param bankHolidays    England and Wales bank holidays, ascending
     */
    public record Vocabularies(List<GradeCode> gradeLadder, Map<String, List<GradeCode>> gradeGroups,
            Map<String, List<SpecialtyCode>> specialtyGroups, TimeBands timeBands, List<LocalDate> bankHolidays) {
        public Vocabularies {
            gradeLadder = List.copyOf(gradeLadder);
            gradeGroups = deepCopy(gradeGroups);
            specialtyGroups = deepCopy(specialtyGroups);
            Objects.requireNonNull(timeBands, "timeBands");
            bankHolidays = List.copyOf(bankHolidays);
        }

        private static <T> Map<String, List<T>> deepCopy(Map<String, List<T>> groups) {
            Map<String, List<T>> copy = new java.util.HashMap<>();
            groups.forEach((name, members) -> copy.put(name, List.copyOf(members)));
            return Map.copyOf(copy);
        }
    }

    /** Day, evening and night start at these local times (day &lt; evening &lt; night); night runs to the next day start. */
    public record TimeBands(LocalTime dayStarts, LocalTime eveningStarts, LocalTime nightStarts) {
        public TimeBands {
            Objects.requireNonNull(dayStarts, "dayStarts");
            Objects.requireNonNull(eveningStarts, "eveningStarts");
            Objects.requireNonNull(nightStarts, "nightStarts");
        }
    }

    /** One optional parameter set per rule family; an absent family is not evaluated. */
    public record Rules(Optional<CredentialRules> credentials, Optional<RegistrationRules> registration,
            Optional<GradeRules> gradeAndSpecialty, Optional<ComplianceRules> compliance,
            Optional<WorkingTimeRules> workingTime, Optional<RestrictionRules> restrictions,
            Optional<RateRules> rates) {
        public Rules {
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(registration, "registration");
            Objects.requireNonNull(gradeAndSpecialty, "gradeAndSpecialty");
            Objects.requireNonNull(compliance, "compliance");
            Objects.requireNonNull(workingTime, "workingTime");
            Objects.requireNonNull(restrictions, "restrictions");
            Objects.requireNonNull(rates, "rates");
        }
    }

    /** Required credential types, each in date until the shift ends plus {@code minRemainingValidityDays}. */
    public record CredentialRules(List<CredentialType> required, int minRemainingValidityDays) {
        public CredentialRules {
            required = List.copyOf(required);
        }
    }

    /** Accepted registers and how registration states are treated. */
    public record RegistrationRules(List<Register> registers, boolean requireLicence, boolean allowProvisional,
            boolean conditionsNeedReview) {
        public RegistrationRules {
            registers = List.copyOf(registers);
        }
    }

    /** Minimum grade on the ladder and accepted specialty groups (empty: any specialty). */
    public record GradeRules(GradeCode minimumGrade, List<String> specialtyGroups) {
        public GradeRules {
            Objects.requireNonNull(minimumGrade, "minimumGrade");
            specialtyGroups = List.copyOf(specialtyGroups);
        }
    }

    /** Mandatory-training requirements. */
    public record ComplianceRules(List<TrainingRequirement> training) {
        public ComplianceRules {
            training = List.copyOf(training);
        }
    }

    /** One training subject at a level, refreshed every {@code refresherMonths}. */
    public record TrainingRequirement(TrainingSubjectCode subject, int level, int refresherMonths) {
        public TrainingRequirement {
            Objects.requireNonNull(subject, "subject");
        }
    }

    /**
     * Working-time limits (hours and counts; defaults from the 2016 terms for doctors in
     * training, see docs/policy-language.md). {@code maxWeekendFrequency} N means at most one
     * weekend in N.
     */
    public record WorkingTimeRules(int maxShiftHours, int minRestHours, int maxHoursRolling7Days,
            int maxAverageWeeklyHours, int referenceWeeks, int maxConsecutiveShifts, int maxConsecutiveLongDays,
            int maxConsecutiveNights, int restAfterNightsHours, int maxWeekendFrequency) {
    }

    /** Staff substantively employed by these trusts (ODS codes) may not take agency shifts. */
    public record RestrictionRules(List<String> noAgencyForSubstantiveStaffOf) {
        public RestrictionRules {
            noAgencyForSubstantiveStaffOf = List.copyOf(noAgencyForSubstantiveStaffOf);
        }
    }

    /** Hourly rates per grade group and band, with floor, escalation tiers and an absolute cap. */
    public record RateRules(Map<String, RateCard> card, BigDecimal floor, List<EscalationTier> escalation,
            BigDecimal priceCap) {
        public RateRules {
            card = Map.copyOf(card);
            Objects.requireNonNull(floor, "floor");
            escalation = List.copyOf(escalation);
            Objects.requireNonNull(priceCap, "priceCap");
        }
    }

    /** One grade group's hourly rates (GBP) per band. */
    public record RateCard(BigDecimal day, BigDecimal evening, BigDecimal night, BigDecimal weekend,
            BigDecimal bankHoliday) {
        public RateCard {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(evening, "evening");
            Objects.requireNonNull(night, "night");
            Objects.requireNonNull(weekend, "weekend");
            Objects.requireNonNull(bankHoliday, "bankHoliday");
        }
    }

    /** Rates up to this percentage above the card rate need approval by {@code role}. */
    public record EscalationTier(BigDecimal upToPercentAbove, String role) {
        public EscalationTier {
            Objects.requireNonNull(upToPercentAbove, "upToPercentAbove");
            Objects.requireNonNull(role, "role");
        }
    }

    /** An embedded test case: a worker's grade, a shift in local time, an offered rate, the expected outcome. */
    public record Example(String name, GradeCode grade, LocalDateTime shiftStart, LocalDateTime shiftEnd,
            BigDecimal hourlyRate, Outcome expect) {
        public Example {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(grade, "grade");
            Objects.requireNonNull(shiftStart, "shiftStart");
            Objects.requireNonNull(shiftEnd, "shiftEnd");
            Objects.requireNonNull(hourlyRate, "hourlyRate");
            Objects.requireNonNull(expect, "expect");
        }
    }
}
