package org.staffpass.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.VerifiedPassport;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.passport.vocab.TrainingSubjectCode;
import org.staffpass.rules.internal.Disclosures;
import org.staffpass.rules.internal.Evaluator;
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
     * Decides {@code shift} for the worker whose passport gave {@code facts}, with
     * {@code history}, at instant {@code at} (docs/policy-language.md, "Evaluation"). Every
     * family present in the policy is evaluated; a fact a family needs but the passport does
     * not disclose fails that family's rule with {@link RuleCode#FACT_NOT_DISCLOSED}, never
     * silently. Deterministic: equal inputs give an equal decision. Thread-safe.
     */
    public Decision evaluate(PassportFacts facts, Shift shift, WorkHistory history, Instant at) {
        return Evaluator.evaluate(this, facts, shift, history, at, Optional.empty());
    }

    /**
     * As {@link #evaluate(PassportFacts, Shift, WorkHistory, Instant)}, with a recorded
     * break-glass approval for an offer above the price cap or above every escalation tier.
     * It is accepted only when the policy names a {@code rates.breakGlassRole}, the approval is
     * by that role and was recorded at or before {@code at}; the decision then carries it in
     * {@link Decision#approvals()}.
     */
    public Decision evaluate(PassportFacts facts, Shift shift, WorkHistory history, Instant at, BreakGlass breakGlass) {
        return Evaluator.evaluate(this, facts, shift, history, at,
                Optional.of(Objects.requireNonNull(breakGlass, "breakGlass")));
    }

    /**
     * {@code shift} made ready to be decided by this policy for many workers (a bank filling
     * one shift from its applicants): equal decisions, with the work that depends on the policy
     * and the shift alone done once.
     */
    public PreparedShift prepare(Shift shift) {
        return new PreparedShift(this, Objects.requireNonNull(shift, "shift"));
    }

    /** {@link #evaluate(PassportFacts, Shift, WorkHistory, Instant)} on a verified passport's facts. */
    public Decision evaluate(VerifiedPassport passport, Shift shift, WorkHistory history, Instant at) {
        return evaluate(PassportFacts.of(passport), shift, history, at);
    }

    /**
     * Exactly the credential types and selectively disclosable claims the families of this
     * policy read for {@code shift}, so a wallet discloses only those
     * ({@code Wallet.present(audience, nonce, policy.disclosureRequest(shift))}).
     */
    public DisclosureRequest disclosureRequest(Shift shift) {
        return Disclosures.request(this, Objects.requireNonNull(shift, "shift"));
    }

    /**
     * The shift's real elapsed time in each pay band of this policy, keyed by the rate card's
     * member names ({@code day}, {@code evening}, {@code night}, {@code weekend},
     * {@code bankHoliday}) in that order; bands the shift does not touch are absent. Split in
     * Europe/London civil time with precedence bank holiday &gt; weekend &gt; night &gt; evening
     * &gt; day, exactly as the rates family prices a shift (docs/working-time-and-rates.md);
     * the durations always sum to the shift's elapsed time.
     */
    public java.util.Map<String, java.time.Duration> bandSplit(Shift shift) {
        return org.staffpass.rules.internal.BandSplit.split(this, java.util.Objects.requireNonNull(shift, "shift"));
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

    /**
     * Accepted registers and how registration states are treated.
     *
     * @param registers             registers accepted
     * @param requireLicence        a GMC registrant must hold a licence to practise
     * @param allowProvisional      provisional (FY1) registration is accepted at {@code provisionalAllowedAt}
     * @param provisionalAllowedAt  ODS trust codes with approved F1 posts (empty unless {@code allowProvisional})
     * @param conditionsNeedReview  active conditions, undertakings, warnings... need approval (else they block)
     * @param conditionsApprovalRole the role that approves them (present exactly when {@code conditionsNeedReview})
     */
    public record RegistrationRules(List<Register> registers, boolean requireLicence, boolean allowProvisional,
            List<String> provisionalAllowedAt, boolean conditionsNeedReview, Optional<String> conditionsApprovalRole) {
        public RegistrationRules {
            registers = List.copyOf(registers);
            provisionalAllowedAt = List.copyOf(provisionalAllowedAt);
            Objects.requireNonNull(conditionsApprovalRole, "conditionsApprovalRole");
        }
    }

    /**
     * Grade range on the ladder, accepted specialty groups and what each group requires.
     *
     * @param minimumGrade         the lowest grade accepted (a shift may ask for more)
     * @param maximumGrade         the highest grade accepted, if limited (a shift may ask for less)
     * @param specialtyGroups      accepted equivalence groups (empty: any specialty, not checked)
     * @param temporaryEquivalents time-limited extra members of specialty groups
     * @param requirements         life support and competencies required, by specialty group
     */
    public record GradeRules(GradeCode minimumGrade, Optional<GradeCode> maximumGrade, List<String> specialtyGroups,
            List<TemporaryEquivalent> temporaryEquivalents, Map<String, GroupRequirements> requirements) {
        public GradeRules {
            Objects.requireNonNull(minimumGrade, "minimumGrade");
            Objects.requireNonNull(maximumGrade, "maximumGrade");
            specialtyGroups = List.copyOf(specialtyGroups);
            temporaryEquivalents = List.copyOf(temporaryEquivalents);
            requirements = Map.copyOf(requirements);
        }
    }

    /**
     * A specialty code that counts as a member of {@code group} for shifts starting on or after
     * {@code from} and before {@code until} (local dates): a temporary cross-department code.
     */
    public record TemporaryEquivalent(SpecialtyCode specialty, String group, LocalDate from, LocalDate until) {
        public TemporaryEquivalent {
            Objects.requireNonNull(specialty, "specialty");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }
    }

    /** Life-support certificates and competency codes a shift of a specialty group requires, valid at the shift's end. */
    public record GroupRequirements(List<LifeSupportCode> lifeSupport, List<String> competencies) {
        public GroupRequirements {
            lifeSupport = List.copyOf(lifeSupport);
            competencies = List.copyOf(competencies);
        }
    }

    /**
     * Compliance requirements: the employment checks and mandatory training.
     *
     * @param training           subjects at a level with a refresher period (may be empty)
     * @param identity           minimum identity-check level, if identity is checked
     * @param rightToWork        whether the right to work is checked (time-limited: in date at the shift's end)
     * @param dbs                the DBS check required, if any
     * @param occupationalHealth the occupational-health clearance required, if any
     */
    public record ComplianceRules(List<TrainingRequirement> training, Optional<IdentityVerification.Level> identity,
            boolean rightToWork, Optional<DbsRequirement> dbs, Optional<OccupationalHealthRequirement> occupationalHealth) {
        public ComplianceRules {
            training = List.copyOf(training);
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(dbs, "dbs");
            Objects.requireNonNull(occupationalHealth, "occupationalHealth");
        }
    }

    /** A DBS check at least at {@code level}, for {@code workforce} if stated (barred lists then match it). */
    public record DbsRequirement(DbsCheck.Level level, Optional<DbsCheck.Workforce> workforce) {
        public DbsRequirement {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(workforce, "workforce");
        }
    }

    /** Occupational-health fitness, with exposure-prone-procedure clearance if {@code requireEppClearance}. */
    public record OccupationalHealthRequirement(boolean requireEppClearance) {
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

    /**
     * Engagement restrictions.
     *
     * @param noAgencyForSubstantiveStaffOf staff substantively employed by one of these trusts (ODS
     *                                      codes) may not take an agency shift at that trust
     * @param agencyCascadeHours            an agency shift may be decided only this long after the
     *                                      shift was released to the bank (bank first), if set
     */
    public record RestrictionRules(List<String> noAgencyForSubstantiveStaffOf, Optional<Integer> agencyCascadeHours) {
        public RestrictionRules {
            noAgencyForSubstantiveStaffOf = List.copyOf(noAgencyForSubstantiveStaffOf);
            Objects.requireNonNull(agencyCascadeHours, "agencyCascadeHours");
        }
    }

    /**
     * Hourly rates per grade group and band, with floor, escalation tiers, an absolute cap and
     * the role that may break glass above the cap (none: nobody may).
     */
    public record RateRules(Map<String, RateCard> card, BigDecimal floor, List<EscalationTier> escalation,
            BigDecimal priceCap, Optional<String> breakGlassRole) {
        public RateRules {
            card = Map.copyOf(card);
            Objects.requireNonNull(floor, "floor");
            escalation = List.copyOf(escalation);
            Objects.requireNonNull(priceCap, "priceCap");
            Objects.requireNonNull(breakGlassRole, "breakGlassRole");
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

    /**
     * An embedded test case (docs/policy-language.md, "Examples"): a worker's passport facts (a
     * named {@code exampleWorkers} entry with per-case overrides), a shift, the worker's history,
     * the decision instant, an optional break glass, and the expected outcome and, optionally,
     * exactly the reason codes of the failed findings. {@code staffpass policy test} runs them.
     *
     * @param name          what the case shows
     * @param worker        the {@code exampleWorkers} entry it starts from
     * @param facts         the worker's facts after the case's overrides
     * @param shift         the shift
     * @param history       the worker's other shifts
     * @param at            when the decision is made
     * @param breakGlass    a recorded break glass, if any
     * @param expect        the expected outcome
     * @param expectFailing the expected codes of the failed findings, if stated
     */
    public record Example(String name, String worker, PassportFacts facts, Shift shift, WorkHistory history, Instant at,
            Optional<BreakGlass> breakGlass, Outcome expect, Optional<Set<RuleCode>> expectFailing) {
        public Example {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(worker, "worker");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(shift, "shift");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(breakGlass, "breakGlass");
            Objects.requireNonNull(expect, "expect");
            expectFailing = Objects.requireNonNull(expectFailing, "expectFailing").map(Set::copyOf);
        }

        /** Evaluates this case under {@code policy}. */
        public Decision decide(Policy policy) {
            return breakGlass.isPresent() ? policy.evaluate(facts, shift, history, at, breakGlass.get())
                    : policy.evaluate(facts, shift, history, at);
        }
    }
}
