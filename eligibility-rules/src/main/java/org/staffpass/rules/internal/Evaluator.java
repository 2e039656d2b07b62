package org.staffpass.rules.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.staffpass.passport.DisclosureRequest;
import org.staffpass.passport.credential.CredentialType;
import org.staffpass.passport.credential.DbsCheck;
import org.staffpass.passport.credential.Employment;
import org.staffpass.passport.credential.Grade;
import org.staffpass.passport.credential.IdentityVerification;
import org.staffpass.passport.credential.MandatoryTraining;
import org.staffpass.passport.credential.OccupationalHealth;
import org.staffpass.passport.credential.ProfessionalRegistration;
import org.staffpass.passport.credential.RightToWork;
import org.staffpass.passport.credential.Specialty;
import org.staffpass.passport.vocab.GradeCode;
import org.staffpass.passport.vocab.LifeSupportCode;
import org.staffpass.passport.vocab.Register;
import org.staffpass.passport.vocab.SpecialtyCode;
import org.staffpass.rules.Approval;
import org.staffpass.rules.BreakGlass;
import org.staffpass.rules.Decision;
import org.staffpass.rules.Finding;
import org.staffpass.rules.Outcome;
import org.staffpass.rules.PassportFacts;
import org.staffpass.rules.Policy;
import org.staffpass.rules.RuleCode;
import org.staffpass.rules.Shift;
import org.staffpass.rules.WorkHistory;
import org.staffpass.rules.internal.calc.Band;
import org.staffpass.rules.internal.calc.Figure;
import org.staffpass.rules.internal.calc.NightDefinition;
import org.staffpass.rules.internal.calc.QuickFigures;
import org.staffpass.rules.internal.calc.QuickWorkingTime;
import org.staffpass.rules.internal.calc.RateCalculator;
import org.staffpass.rules.internal.calc.RateCard;
import org.staffpass.rules.internal.calc.RateParameters;
import org.staffpass.rules.internal.calc.ShiftTime;
import org.staffpass.rules.internal.calc.WorkingTimeCalculator;
import org.staffpass.rules.internal.calc.WorkingTimeFigures;
import org.staffpass.rules.internal.calc.WorkingTimeParameters;

/**
 * Evaluates every family of a validated policy for one worker's passport facts and one shift
 * (docs/policy-language.md, "Evaluation"). Pure and deterministic: same inputs, equal decision;
 * findings come in a fixed order (effective period, credentials, registration, grade and
 * specialty, compliance, working time, restrictions, rates). A failed finding blocks unless an
 * approval covers it: an escalation tier's role, the registration review role, or an accepted
 * break glass. One instance per evaluation; not shared. What depends only on the policy and the
 * shift (the shift's request, interval, specialty requirements, and the rate card's findings per
 * grade group) comes from a {@link ShiftPlan}, which {@code PreparedShift} (and so the bank
 * matcher) makes once per shift.
 */
public final class Evaluator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Policy policy;
    private final PassportFacts facts;
    private final Shift shift;
    private final ShiftTime candidate;
    private final ShiftPlan plan;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final Instant at;
    private final Optional<BreakGlass> breakGlass;
    /**
     * Whether this evaluation writes findings. The first evaluation of a decision does not: it
     * judges every rule (the same code, the same comparisons) but makes no text, so a decision
     * costs what its outcome costs; its findings are written by a second, explaining evaluation
     * when first read ({@link DeferredFindings}).
     */
    private final boolean explain;
    private final List<Finding> findings;
    /** Explaining only: which findings an approval covers (the rate part per grade group reads it). */
    private final BitSet covered;
    private final String[] refPrefix;
    private final Map<ShiftTime, String> intervals;
    /** Failed rules no approval covers: the decision is INELIGIBLE when there is one. */
    private int uncovered;
    /** Whether the rule judged last failed and is not covered yet (an approval covers the last rule). */
    private boolean lastUncovered;
    private List<Approval> approvals = List.of();
    private Set<String> undisclosed = Set.of();
    private Optional<BigDecimal> hourlyPay = Optional.empty();
    private Optional<BigDecimal> totalPay = Optional.empty();

    private Evaluator(ShiftPlan plan, PassportFacts facts, Instant at, Optional<BreakGlass> breakGlass,
            boolean explain) {
        this.explain = explain;
        this.findings = explain ? new ArrayList<>() : null;
        this.covered = explain ? new BitSet() : null;
        this.refPrefix = explain ? new String[CredentialType.values().length] : null;
        this.intervals = explain ? new java.util.IdentityHashMap<>() : null;
        this.policy = plan.policy;
        this.facts = facts;
        this.shift = plan.shift;
        this.plan = plan;
        this.candidate = plan.candidate;
        this.startDate = plan.startDate;
        this.endDate = plan.endDate;
        this.at = at;
        this.breakGlass = breakGlass;
    }

    /** See {@link Policy#evaluate(PassportFacts, Shift, WorkHistory, Instant, BreakGlass)}. */
    public static Decision evaluate(Policy policy, PassportFacts facts, Shift shift, WorkHistory history, Instant at,
            Optional<BreakGlass> breakGlass) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(shift, "shift");
        return evaluate(new ShiftPlan(policy, shift, false), facts, history, at, breakGlass);
    }

    /**
     * Decides for the plan's policy and shift (equal decisions to preparing the shift anew, less
     * work per worker). The outcome, approvals, pay and disclosure
     * request are computed now; the findings when first read, by an explaining evaluation of
     * the same inputs (inputs are immutable, so it gives the same verdicts; it checks that it
     * does).
     */
    public static Decision evaluate(ShiftPlan plan, PassportFacts facts, WorkHistory history, Instant at,
            Optional<BreakGlass> breakGlass) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(breakGlass, "breakGlass");
        return new Evaluator(plan, facts, at, breakGlass, false).run(history);
    }

    /** The same decision with its findings written as the rules are judged (the deferred findings are these). */
    public static Decision explained(ShiftPlan plan, PassportFacts facts, WorkHistory history, Instant at,
            Optional<BreakGlass> breakGlass) {
        return new Evaluator(plan, facts, at, breakGlass, true).run(history);
    }

    /**
     * What an evaluation reads of the policy and the shift alone, computed once: the shift's
     * interval and local dates, the disclosure request, the specialty requirements, and per
     * grade group the rate family's findings without break glass. A shared plan
     * ({@code shared}) computes every grade group up front and is then immutable and
     * thread-safe; an unshared one computes the group it is asked for, for one evaluation.
     */
    public static final class ShiftPlan {
        final Policy policy;
        final Shift shift;
        final ShiftTime candidate;
        final LocalDate startDate;
        final LocalDate endDate;
        final DisclosureRequest request;
        final Policy.GroupRequirements requirements;
        /** {@link Disclosures#acceptedSpecialties}; empty without a grade and specialty family. */
        final Set<SpecialtyCode> accepted;
        /** Credentials must not expire before this (the shift's end plus the minimum remaining validity). */
        final Instant credentialsNeeded;
        /** The earliest local date whose start is at or after the shift's end: what lapses then is still valid. */
        final LocalDate firstValidLapseDate;
        /**
         * Per training requirement: the earliest completion date whose refresher falls due on or
         * after {@link #firstValidLapseDate} ({@code plusMonths} never decreases, so one date
         * separates records still valid from lapsed ones).
         */
        final List<LocalDate> completedNoEarlierThan;
        /** Position of each grade on the policy's ladder. */
        final Map<GradeCode, Integer> ladderIndex;
        /** The lowest and highest ladder positions this shift accepts; -1 when its own bound is off the ladder. */
        final int minGradeIndex;
        final int maxGradeIndex;
        /** The rate card's grade group of each grade (the last group, in name order, that lists it). */
        final Map<GradeCode, String> gradeGroupOf;
        final boolean restrictsSubstantiveStaff;
        final WorkingTimeCalculator calculator;
        final WorkingTimeCalculator.Weekends weekends;
        /** The working-time values without evidence, for deciding; null when the shift is not in whole seconds. */
        final QuickWorkingTime quick;
        private final Map<String, RatePart> rates = new HashMap<>();
        private final boolean shared;
        /** Written on first use by an explaining evaluation; racing writers write equal texts. */
        private volatile Texts texts;

        public ShiftPlan(Policy policy, Shift shift, boolean shared) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.shift = Objects.requireNonNull(shift, "shift");
            this.shared = shared;
            this.candidate = new ShiftTime(shift.start(), shift.end());
            this.startDate = candidate.localStartDate();
            LocalDate endDay = candidate.localEnd().toLocalDate();
            this.endDate = endDay;
            this.firstValidLapseDate = endDay.atStartOfDay(ShiftTime.ZONE).toInstant().equals(shift.end())
                    ? endDay : endDay.plusDays(1);
            this.request = Disclosures.request(policy, shift);
            Optional<Policy.GradeRules> rules = policy.rules().gradeAndSpecialty();
            this.requirements = rules.map(r -> Disclosures.requirements(policy, r, shift)).orElse(null);
            this.accepted = rules.isPresent() ? Disclosures.acceptedSpecialties(policy, rules.get(), shift) : Set.of();
            List<LocalDate> completedFrom = new ArrayList<>();
            for (Policy.TrainingRequirement req : policy.rules().compliance().map(Policy.ComplianceRules::training)
                    .orElse(List.of())) {
                completedFrom.add(earliestCompletion(firstValidLapseDate, req.refresherMonths()));
            }
            this.completedNoEarlierThan = List.copyOf(completedFrom);
            this.credentialsNeeded = policy.rules().credentials()
                    .map(c -> shift.end().plus(Duration.ofDays(c.minRemainingValidityDays()))).orElse(shift.end());
            List<GradeCode> ladder = policy.vocabularies().gradeLadder();
            Map<GradeCode, Integer> index = new HashMap<>();
            for (int i = 0; i < ladder.size(); i++) {
                index.putIfAbsent(ladder.get(i), i);
            }
            this.ladderIndex = Map.copyOf(index);
            if (rules.isPresent()) {
                int shiftMin = ladder.indexOf(shift.minGrade());
                int shiftMax = ladder.indexOf(shift.maxGrade());
                int policyMax = rules.get().maximumGrade().map(ladder::indexOf).orElse(ladder.size() - 1);
                this.minGradeIndex = shiftMin < 0 ? -1 : Math.max(ladder.indexOf(rules.get().minimumGrade()), shiftMin);
                this.maxGradeIndex = shiftMax < 0 ? -1 : Math.min(policyMax, shiftMax);
            } else {
                this.minGradeIndex = -1;
                this.maxGradeIndex = -1;
            }
            Map<GradeCode, String> groupOf = new HashMap<>();
            for (Map.Entry<String, List<GradeCode>> e : new TreeMap<>(policy.vocabularies().gradeGroups()).entrySet()) {
                for (GradeCode g : e.getValue()) {
                    groupOf.put(g, e.getKey());
                }
            }
            this.gradeGroupOf = Map.copyOf(groupOf);
            this.restrictsSubstantiveStaff = policy.rules().restrictions()
                    .map(r -> Disclosures.restrictsSubstantiveStaff(r, shift)).orElse(false);
            this.calculator = policy.rules().workingTime().map(Evaluator::calculator).orElse(null);
            this.weekends = calculator == null ? null : calculator.weekendsFor(candidate);
            this.quick = calculator == null ? null : QuickWorkingTime.of(calculator.parameters(), candidate, weekends)
                    .orElse(null);
            if (shared && policy.rules().rates().isPresent()) {
                for (String group : policy.rules().rates().get().card().keySet()) {
                    rates.put(group, RatePart.of(this, group));
                }
            }
        }

        /** The earliest date {@code c} with {@code !c.plusMonths(months).isBefore(due)}. */
        static LocalDate earliestCompletion(LocalDate due, int months) {
            LocalDate c = due.minusMonths(months);
            // Month ends clamp (31 January + 1 month = 28 February), so step to the exact edge.
            while (c.plusMonths(months).isBefore(due)) {
                c = c.plusDays(1);
            }
            while (!c.minusDays(1).plusMonths(months).isBefore(due)) {
                c = c.minusDays(1);
            }
            return c;
        }

        /** The texts of findings that depend on the policy and the shift alone. */
        Texts texts() {
            Texts t = texts;
            if (t == null) {
                t = new Texts(this);
                texts = t;
            }
            return t;
        }

        RatePart rates(String group) {
            if (shared) {
                RatePart r = rates.get(group);
                if (r == null) {
                    // Every card group was computed up front; filling the map now would race.
                    throw new IllegalStateException("no rate card row " + group + " in a shared plan");
                }
                return r;
            }
            // An unshared plan serves one evaluation and then perhaps its explaining one, on
            // whichever thread first reads the findings: its map is read and filled under its lock.
            synchronized (this) {
                return rates.computeIfAbsent(group, g -> RatePart.of(this, g));
            }
        }
    }

    /** What findings say of the policy and the shift alone, made once per plan when first explained. */
    static final class Texts {
        final String candidateInterval;
        final String acceptedText;
        final String endText;
        final String gradeCurrentExpected;
        final String credentialsExpected;
        /** Per training requirement of the compliance family: what its finding expects for this shift. */
        final List<String> trainingExpected;

        Texts(ShiftPlan plan) {
            this.candidateInterval = interval(plan.candidate);
            this.acceptedText = "one of " + plan.accepted.stream().map(SpecialtyCode::value).sorted().toList();
            this.endText = text(plan.shift.end());
            List<String> training = new ArrayList<>();
            for (Policy.TrainingRequirement req : plan.policy.rules().compliance().map(Policy.ComplianceRules::training)
                    .orElse(List.of())) {
                training.add(req.subject().value() + " level >= " + req.level() + " valid at the shift's end "
                        + endText + " (refresher " + req.refresherMonths() + " months)");
            }
            this.trainingExpected = List.copyOf(training);
            this.gradeCurrentExpected = "applies from " + plan.startDate + " to " + plan.endDate
                    + " (the shift's local dates)";
            this.credentialsExpected = plan.policy.rules().credentials().map(c -> "expires at or after "
                    + text(plan.credentialsNeeded)
                    + (c.minRemainingValidityDays() > 0 ? " (shift end + " + c.minRemainingValidityDays() + " days)"
                            : " (shift end)")).orElse(null);
        }
    }

    /**
     * The rate family's findings for one grade group without break glass (they read the
     * policy, the shift and the group only), with the approval each covered finding asked for.
     */
    record RatePart(List<Finding> findings, List<Approval> approvalPerFinding, BigDecimal hourly, BigDecimal total) {
        static RatePart of(ShiftPlan plan, String group) {
            Evaluator scratch = new Evaluator(plan, new PassportFacts("", Map.of()), Instant.EPOCH, Optional.empty(),
                    true);
            Policy.RateRules rules = plan.policy.rules().rates().orElseThrow();
            BigDecimal total = plan.shift.offeredHourlyRate().multiply(seconds(plan.candidate.elapsed()))
                    .divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_EVEN);
            BigDecimal hourly = scratch.rates(plan.policy, rules, plan.shift, plan.candidate, group);
            List<Approval> perFinding = new ArrayList<>();
            for (int i = 0; i < scratch.findings.size(); i++) {
                perFinding.add(null);
            }
            for (Approval a : scratch.approvals) {
                for (int i = 0; i < scratch.findings.size(); i++) {
                    if (scratch.covered.get(i) && perFinding.get(i) == null) {
                        perFinding.set(i, a);
                        break;
                    }
                }
            }
            return new RatePart(List.copyOf(scratch.findings), java.util.Collections.unmodifiableList(perFinding),
                    hourly, total);
        }
    }

    private Decision run(WorkHistory history) {
        Policy.Rules rules = policy.rules();
        effective(policy);
        if (rules.credentials().isPresent()) {
            credentials(rules.credentials().get());
        }
        if (rules.registration().isPresent()) {
            registration(rules.registration().get());
        }
        if (rules.gradeAndSpecialty().isPresent()) {
            gradeAndSpecialty(rules.gradeAndSpecialty().get());
        }
        if (rules.compliance().isPresent()) {
            compliance(rules.compliance().get());
        }
        if (rules.workingTime().isPresent()) {
            workingTime(rules.workingTime().get(), history);
        }
        if (rules.restrictions().isPresent()) {
            restrictions(rules.restrictions().get());
        }
        if (rules.rates().isPresent()) {
            rates(rules.rates().get());
        }
        boolean blocked = uncovered > 0;
        Outcome outcome = blocked ? Outcome.INELIGIBLE : approvals.isEmpty() ? Outcome.ELIGIBLE : Outcome.NEEDS_APPROVAL;
        List<Approval> needed = blocked ? List.of() : approvals;
        List<String> toDisclose = undisclosed.isEmpty() ? List.of() : List.copyOf(undisclosed);
        List<Finding> written = explain ? findings
                : new DeferredFindings(() -> explained(plan, facts, history, at, breakGlass), outcome, needed,
                        toDisclose, hourlyPay, totalPay);
        List<String> roles = needed.isEmpty() ? List.of() : new ArrayList<>(needed.size());
        for (Approval a : needed) {
            roles.add(a.role());
        }
        return new Decision(outcome, written, hourlyPay, roles, toDisclose, policy.digest(), totalPay, needed,
                plan.request);
    }

    /** The shift as an ISO 8601 interval of instants, the evidence of shift-only rules. */
    private String candidateInterval() {
        return plan.texts().candidateInterval;
    }

    // ---- facts

    /** Evidence reference to a claim of a presented credential: {@code TYPE:digest#pointer}. */
    private String ref(PassportFacts.CredentialFacts f, String pointer) {
        int type = f.credential().credentialType().ordinal();
        String prefix = refPrefix[type];
        if (prefix == null) {
            prefix = f.credential().credentialType().name() + ":" + f.credentialDigest() + "#";
            refPrefix[type] = prefix;
        }
        return prefix.concat(pointer);
    }

    /**
     * Counts one rule's verdict; true when the caller is to write its finding too
     * ({@code if (judge(ok)) add(new Finding(..., ok, ...))}), so no text is made unless read.
     */
    private boolean judge(boolean passed) {
        lastUncovered = !passed;
        if (!passed) {
            uncovered++;
        }
        return explain;
    }

    private void add(Finding finding) {
        findings.add(finding);
    }

    private void approvable(String role, String ruleId, RuleCode code, Optional<BreakGlass> recorded) {
        cover(new Approval(role, ruleId, code, recorded));
    }

    /** The rule judged last is covered by {@code a} (asked for once, however many rules it covers). */
    private void cover(Approval a) {
        if (lastUncovered) {
            uncovered--;
            lastUncovered = false;
        }
        if (explain) {
            covered.set(findings.size() - 1);
        }
        if (approvals.isEmpty()) {
            approvals = new ArrayList<>(2);
        }
        if (!approvals.contains(a)) {
            approvals.add(a);
        }
    }

    private void undisclosed(String what) {
        if (undisclosed.isEmpty()) {
            undisclosed = new LinkedHashSet<>();
        }
        undisclosed.add(what);
    }

    /** The credential a rule needs; when not presented, a FACT_NOT_DISCLOSED finding naming it. */
    private <T> Optional<T> need(CredentialType type, Class<T> record, String ruleId) {
        Optional<PassportFacts.CredentialFacts> f = facts.credential(type);
        if (f.isEmpty()) {
            if (judge(false)) {
                add(new Finding(ruleId, false, RuleCode.FACT_NOT_DISCLOSED, type + " disclosed", "not presented",
                        List.of(type.name())));
            }
            undisclosed(type.name());
            return Optional.empty();
        }
        return Optional.of(record.cast(f.get().credential()));
    }

    private PassportFacts.CredentialFacts factsOf(CredentialType type) {
        return facts.credential(type).orElseThrow();
    }

    /**
     * A selectively disclosable array a rule needs an element of. SD-JWT hides how many
     * elements were withheld, so an array with no disclosed element cannot be told from an
     * empty one: the rule asks for it (FACT_NOT_DISCLOSED) rather than treat it as empty.
     */
    private boolean needElements(CredentialType type, List<?> elements, String pointer, String ruleId) {
        if (elements.isEmpty()) {
            if (judge(false)) {
                add(new Finding(ruleId, false, RuleCode.FACT_NOT_DISCLOSED, type + " " + pointer + " disclosed",
                        "no element disclosed", List.of(type.name() + " " + pointer)));
            }
            undisclosed(type.name() + " " + pointer);
            return false;
        }
        return true;
    }

    /** A date a refresher or certificate falls due: it lapses at the start of that day in Europe/London. */
    private static Instant lapsesAt(LocalDate due) {
        return due.atStartOfDay(ShiftTime.ZONE).toInstant();
    }

    /**
     * Whether something lapsing at the start of {@code due} (Europe/London) is still valid when
     * the shift ends, i.e. {@code !lapsesAt(due).isBefore(shift.end())}: a date comparison, as
     * the start of a day grows with the day ({@link ShiftPlan#firstValidLapseDate}).
     */
    private boolean validAtEndIfLapsesOn(LocalDate due) {
        return !due.isBefore(plan.firstValidLapseDate);
    }

    // ---- families

    private void credentials(Policy.CredentialRules rules) {
        Instant needed = plan.credentialsNeeded;
        for (int i = 0; i < rules.required().size(); i++) {
            CredentialType type = rules.required().get(i);
            Optional<PassportFacts.CredentialFacts> f = facts.credential(type);
            if (f.isEmpty()) {
                if (judge(false)) {
                    add(new Finding("/rules/credentials/required/" + i, false, RuleCode.CREDENTIAL_MISSING,
                            type + " presented", "not presented", List.of(type.name())));
                }
                continue;
            }
            boolean ok = !f.get().expiresAt().isBefore(needed);
            if (judge(ok)) {
                add(new Finding("/rules/credentials/required/" + i, ok, RuleCode.CREDENTIAL_EXPIRES_TOO_SOON,
                        plan.texts().credentialsExpected, "expires " + text(f.get().expiresAt()),
                        List.of(ref(f.get(), "/exp"))));
            }
        }
    }

    private void registration(Policy.RegistrationRules rules) {
        final String base = "/rules/registration";
        Optional<ProfessionalRegistration> found =
                need(CredentialType.PROFESSIONAL_REGISTRATION, ProfessionalRegistration.class, base);
        if (found.isEmpty()) {
            return;
        }
        ProfessionalRegistration r = found.get();
        PassportFacts.CredentialFacts f = factsOf(CredentialType.PROFESSIONAL_REGISTRATION);
        boolean onRegister = rules.registers().contains(r.register());
        if (judge(onRegister)) {
            add(new Finding(base + "/registers", onRegister, RuleCode.REGISTRATION_NOT_ACTIVE,
                    "one of " + rules.registers(), r.register().name(), List.of(ref(f, "/register"))));
        }
        boolean registered = r.registrationStatus() == ProfessionalRegistration.Status.REGISTERED;
        if (judge(registered)) {
            add(new Finding(base, registered, RuleCode.REGISTRATION_NOT_ACTIVE, "REGISTERED",
                    r.registrationStatus().name(), List.of(ref(f, "/registration_status"))));
        }
        if (rules.requireLicence()) {
            // Only the GMC separates the licence from registration; elsewhere the claim is absent.
            boolean licensed = r.licenceToPractise().orElse(r.register() != Register.GMC);
            if (judge(licensed)) {
                add(new Finding(base + "/requireLicence", licensed, RuleCode.REGISTRATION_NOT_ACTIVE,
                        "licence to practise", r.licenceToPractise().map(l -> l ? "licensed" : "no licence")
                                .orElse("no licence stated"), List.of(ref(f, "/licence_to_practise"))));
            }
        }
        boolean provisional = r.registrationType() == ProfessionalRegistration.RegistrationType.PROVISIONAL;
        boolean provisionalOk = !provisional
                || (rules.allowProvisional() && rules.provisionalAllowedAt().contains(shift.organisation()));
        if (judge(provisionalOk)) {
            add(new Finding(base + (provisional && rules.allowProvisional() ? "/provisionalAllowedAt"
                    : "/allowProvisional"), provisionalOk, RuleCode.REGISTRATION_PROVISIONAL,
                    rules.allowProvisional() ? "full, or provisional at one of " + rules.provisionalAllowedAt()
                            : "full registration",
                    r.registrationType() + (provisional ? " at " + shift.organisation() : ""),
                    List.of(ref(f, "/registration_type"))));
        }
        boolean anyInForce = false;
        for (ProfessionalRegistration.RegistrationAnnotation a : r.annotations()) {
            anyInForce |= inForce(a);
        }
        if (judge(!anyInForce)) {
            List<String> active = new ArrayList<>();
            List<String> evidence = new ArrayList<>();
            for (int i = 0; i < r.annotations().size(); i++) {
                ProfessionalRegistration.RegistrationAnnotation a = r.annotations().get(i);
                if (inForce(a)) {
                    active.add(a.type().name());
                    evidence.add(ref(f, "/annotations/" + i));
                }
            }
            if (evidence.isEmpty()) {
                evidence.add(ref(f, "/annotations"));
            }
            add(new Finding(base + "/conditionsNeedReview", !anyInForce, RuleCode.REGISTRATION_CONDITIONS,
                    "no conditions, undertakings or warnings in force" + (rules.conditionsNeedReview()
                            ? " (else approval by " + rules.conditionsApprovalRole().orElse("") + ")" : ""),
                    active.isEmpty() ? "none in force" : String.join(", ", active) + " in force", evidence));
        }
        if (anyInForce && rules.conditionsNeedReview()) {
            approvable(rules.conditionsApprovalRole().orElseThrow(), base + "/conditionsApprovalRole",
                    RuleCode.REGISTRATION_CONDITIONS, Optional.empty());
        }
    }

    /** Whether a condition, undertaking or warning applies on any local date of the shift. */
    private boolean inForce(ProfessionalRegistration.RegistrationAnnotation a) {
        return !a.effectiveFrom().isAfter(endDate) && a.effectiveUntil().map(u -> !u.isBefore(startDate)).orElse(true);
    }

    private void gradeAndSpecialty(Policy.GradeRules rules) {
        final String base = "/rules/gradeAndSpecialty";
        Optional<Grade> grade = need(CredentialType.GRADE, Grade.class, base + "/minimumGrade");
        if (grade.isPresent()) {
            grade(rules, grade.get(), factsOf(CredentialType.GRADE), base);
        }
        specialty(rules, base);
    }

    private void grade(Policy.GradeRules rules, Grade g, PassportFacts.CredentialFacts f, String base) {
        List<GradeCode> ladder = policy.vocabularies().gradeLadder();
        Integer onLadder = plan.ladderIndex.get(g.grade());
        int worker = onLadder == null ? -1 : onLadder;
        int min = plan.minGradeIndex;
        int max = plan.maxGradeIndex;
        String notOnLadder = worker < 0 ? " (not on the policy's ladder)" : "";
        if (min < 0) {
            if (judge(false)) {
                add(new Finding(base + "/minimumGrade", false, RuleCode.GRADE_TOO_LOW, "the shift's minGrade "
                        + shift.minGrade().value() + " on the policy's ladder", g.grade().value() + notOnLadder,
                        List.of(ref(f, "/grade"))));
            }
        } else {
            boolean ok = worker >= 0 && worker >= min;
            if (judge(ok)) {
                add(new Finding(base + "/minimumGrade", ok, RuleCode.GRADE_TOO_LOW, ">= " + ladder.get(min).value(),
                        g.grade().value() + notOnLadder, List.of(ref(f, "/grade"))));
            }
        }
        if (max < 0) {
            if (judge(false)) {
                add(new Finding(base + "/maximumGrade", false, RuleCode.GRADE_TOO_HIGH, "the shift's maxGrade "
                        + shift.maxGrade().value() + " on the policy's ladder", g.grade().value() + notOnLadder,
                        List.of(ref(f, "/grade"))));
            }
        } else {
            boolean ok = worker >= 0 && worker <= max;
            if (judge(ok)) {
                add(new Finding(base + "/maximumGrade", ok, RuleCode.GRADE_TOO_HIGH, "<= " + ladder.get(max).value(),
                        g.grade().value() + notOnLadder, List.of(ref(f, "/grade"))));
            }
        }
        boolean current = !g.validFrom().isAfter(startDate) && g.validTo().map(t -> !t.isBefore(endDate)).orElse(true);
        if (judge(current)) {
            add(new Finding(base, current, RuleCode.GRADE_NOT_CURRENT, plan.texts().gradeCurrentExpected,
                    "applies from " + g.validFrom() + g.validTo().map(t -> " to " + t).orElse(""),
                    List.of(ref(f, "/valid_from"), ref(f, "/valid_to"))));
        }
    }

    private void specialty(Policy.GradeRules rules, String base) {
        Policy.GroupRequirements needed = plan.requirements;
        boolean checkSpecialty = !rules.specialtyGroups().isEmpty();
        if (!checkSpecialty && needed.lifeSupport().isEmpty() && needed.competencies().isEmpty()) {
            return;
        }
        Optional<Specialty> found = need(CredentialType.SPECIALTY, Specialty.class,
                checkSpecialty ? base + "/specialtyGroups" : base + "/requirements");
        if (found.isEmpty()) {
            return;
        }
        Specialty s = found.get();
        PassportFacts.CredentialFacts f = factsOf(CredentialType.SPECIALTY);
        if (checkSpecialty) {
            boolean ok = false;
            for (SpecialtyCode code : s.specialties()) {
                ok |= plan.accepted.contains(code);
            }
            if (judge(ok)) {
                add(new Finding(base + "/specialtyGroups", ok, RuleCode.SPECIALTY_NOT_ACCEPTED,
                        plan.texts().acceptedText, s.specialties().stream().map(SpecialtyCode::value).toList().toString(),
                        List.of(ref(f, "/specialties"))));
            }
        }
        String reqBase = base + "/requirements";
        if (!needed.lifeSupport().isEmpty()
                && needElements(CredentialType.SPECIALTY, s.lifeSupport(), Disclosures.LIFE_SUPPORT, reqBase)) {
            for (LifeSupportCode code : needed.lifeSupport()) {
                int index = -1;
                for (int i = 0; i < s.lifeSupport().size(); i++) {
                    if (s.lifeSupport().get(i).type().equals(code)
                            && (index < 0 || s.lifeSupport().get(i).expiresOn().isAfter(s.lifeSupport().get(index).expiresOn()))) {
                        index = i;
                    }
                }
                if (index < 0) {
                    if (judge(false)) {
                        add(new Finding(reqBase, false, RuleCode.LIFE_SUPPORT_LAPSED,
                                code.value() + " valid at the shift's end " + plan.texts().endText,
                                "not among the " + s.lifeSupport().size() + " disclosed certificates",
                                List.of(ref(f, "/life_support"))));
                    }
                } else {
                    Specialty.LifeSupportCertificate c = s.lifeSupport().get(index);
                    boolean ok = validAtEndIfLapsesOn(c.expiresOn());
                    if (judge(ok)) {
                        add(new Finding(reqBase, ok, RuleCode.LIFE_SUPPORT_LAPSED,
                                code.value() + " valid at the shift's end " + plan.texts().endText,
                                "expires " + c.expiresOn(), List.of(ref(f, "/life_support/" + index))));
                    }
                }
            }
        }
        if (!needed.competencies().isEmpty()
                && needElements(CredentialType.SPECIALTY, s.competencies(), Disclosures.COMPETENCIES, reqBase)) {
            for (String code : needed.competencies()) {
                int index = -1;
                for (int i = 0; i < s.competencies().size(); i++) {
                    Specialty.Competency c = s.competencies().get(i);
                    if (c.code().equals(code) && (index < 0 || c.expiresOn().isEmpty())) {
                        index = i;
                    }
                }
                if (index < 0) {
                    if (judge(false)) {
                        add(new Finding(reqBase, false, RuleCode.COMPETENCY_MISSING, code + " held at the shift's end",
                                "not among the " + s.competencies().size() + " disclosed competencies",
                                List.of(ref(f, "/competencies"))));
                    }
                } else {
                    Specialty.Competency c = s.competencies().get(index);
                    boolean ok = c.expiresOn().isEmpty() || validAtEndIfLapsesOn(c.expiresOn().get());
                    if (judge(ok)) {
                        add(new Finding(reqBase, ok, RuleCode.COMPETENCY_MISSING, code + " held at the shift's end",
                                c.expiresOn().map(e -> "expires " + e).orElse("does not expire"),
                                List.of(ref(f, "/competencies/" + index))));
                    }
                }
            }
        }
    }

    private void compliance(Policy.ComplianceRules rules) {
        final String base = "/rules/compliance";
        if (!rules.training().isEmpty()) {
            Optional<MandatoryTraining> t = need(CredentialType.MANDATORY_TRAINING, MandatoryTraining.class,
                    base + "/training");
            if (t.isPresent() && needElements(CredentialType.MANDATORY_TRAINING, t.get().subjects(),
                    Disclosures.SUBJECTS, base + "/training")) {
                training(rules.training(), t.get(), factsOf(CredentialType.MANDATORY_TRAINING), base + "/training/");
            }
        }
        if (rules.identity().isPresent()) {
            IdentityVerification.Level min = rules.identity().get();
            Optional<IdentityVerification> id = need(CredentialType.IDENTITY_VERIFICATION, IdentityVerification.class,
                    base + "/identity");
            if (id.isPresent()) {
                boolean ok = id.get().level().compareTo(min) >= 0;
                if (judge(ok)) {
                    add(new Finding(base + "/identity", ok, RuleCode.COMPLIANCE_IDENTITY, ">= " + min,
                            id.get().level().name(), List.of(ref(factsOf(CredentialType.IDENTITY_VERIFICATION), "/level"))));
                }
            }
        }
        if (rules.rightToWork()) {
            Optional<RightToWork> found = need(CredentialType.RIGHT_TO_WORK, RightToWork.class, base + "/rightToWork");
            if (found.isPresent()) {
                RightToWork rtw = found.get();
                // The last day of permission: it lapses at the start of the next day.
                boolean ok = rtw.permission() == RightToWork.Permission.UNLIMITED
                        || (rtw.expiresOn().isPresent() && validAtEndIfLapsesOn(rtw.expiresOn().get().plusDays(1)));
                if (judge(ok)) {
                    add(new Finding(base + "/rightToWork", ok, RuleCode.COMPLIANCE_RIGHT_TO_WORK,
                            "right to work until the shift's end " + plan.texts().endText,
                            rtw.permission() + rtw.expiresOn().map(e -> " to " + e + " (last day)").orElse(""),
                            List.of(ref(factsOf(CredentialType.RIGHT_TO_WORK), "/expires_on"))));
                }
            }
        }
        if (rules.dbs().isPresent()) {
            Optional<DbsCheck> d = need(CredentialType.DBS_CHECK, DbsCheck.class, base + "/dbs");
            if (d.isPresent()) {
                dbs(rules.dbs().get(), d.get(), base + "/dbs");
            }
        }
        if (rules.occupationalHealth().isPresent()) {
            Optional<OccupationalHealth> found = need(CredentialType.OCCUPATIONAL_HEALTH, OccupationalHealth.class,
                    base + "/occupationalHealth");
            if (found.isPresent()) {
                OccupationalHealth oh = found.get();
                boolean fit = oh.fitness() != OccupationalHealth.Fitness.NOT_FIT;
                if (judge(fit)) {
                    add(new Finding(base + "/occupationalHealth", fit, RuleCode.COMPLIANCE_OCCUPATIONAL_HEALTH,
                            "FIT or FIT_WITH_ADJUSTMENTS", oh.fitness().name(),
                            List.of(ref(factsOf(CredentialType.OCCUPATIONAL_HEALTH), "/fitness"))));
                }
                if (rules.occupationalHealth().get().requireEppClearance()) {
                    boolean cleared = oh.eppClearance() == OccupationalHealth.EppClearance.CLEARED;
                    if (judge(cleared)) {
                        add(new Finding(base + "/occupationalHealth/requireEppClearance", cleared,
                                RuleCode.COMPLIANCE_OCCUPATIONAL_HEALTH, "EPP CLEARED", oh.eppClearance().name(),
                                List.of(ref(factsOf(CredentialType.OCCUPATIONAL_HEALTH), "/epp_clearance"))));
                    }
                }
            }
        }
    }

    private void training(List<Policy.TrainingRequirement> required, MandatoryTraining t,
            PassportFacts.CredentialFacts f, String base) {
        for (int i = 0; i < required.size(); i++) {
            Policy.TrainingRequirement req = required.get(i);
            if (!explain) {
                judge(trainingValid(req, i, plan.completedNoEarlierThan.get(i), t));
                continue;
            }
            int best = -1;
            LocalDate bestLapse = null; // the local date it lapses at the start of
            for (int j = 0; j < t.subjects().size(); j++) {
                MandatoryTraining.TrainingRecord r = t.subjects().get(j);
                if (!r.subject().equals(req.subject()) || r.level() < req.level()) {
                    continue;
                }
                LocalDate due = r.completedOn().plusMonths(req.refresherMonths());
                LocalDate lapse = due.isBefore(r.expiresOn()) ? due : r.expiresOn();
                if (bestLapse == null || lapse.isAfter(bestLapse)) {
                    best = j;
                    bestLapse = lapse;
                }
            }
            if (best < 0) {
                if (judge(false)) {
                    List<String> levels = new ArrayList<>();
                    for (MandatoryTraining.TrainingRecord r : t.subjects()) {
                        if (r.subject().equals(req.subject())) {
                            levels.add("level " + r.level());
                        }
                    }
                    add(new Finding(base + i, false, RuleCode.COMPLIANCE_TRAINING_LAPSED, plan.texts().trainingExpected.get(i),
                            levels.isEmpty() ? "not among the " + t.subjects().size() + " disclosed subjects"
                                    : String.join(", ", levels), List.of(ref(f, "/subjects"))));
                }
            } else {
                boolean ok = validAtEndIfLapsesOn(bestLapse);
                if (judge(ok)) {
                    add(new Finding(base + i, ok, RuleCode.COMPLIANCE_TRAINING_LAPSED, plan.texts().trainingExpected.get(i),
                            "level " + t.subjects().get(best).level() + ", lapses " + text(lapsesAt(bestLapse)),
                            List.of(ref(f, "/subjects/" + best))));
                }
            }
        }
    }

    /**
     * Whether some record of the subject at the level is valid at the shift's end: completed on or
     * after {@code completedFrom} (so its refresher falls due on or after
     * {@link ShiftPlan#firstValidLapseDate}) and not expiring before that date. The best record the
     * explaining branch picks (the one lapsing last) is valid exactly when some record is.
     */
    private boolean trainingValid(Policy.TrainingRequirement req, int index, LocalDate completedFrom,
            MandatoryTraining t) {
        List<MandatoryTraining.TrainingRecord> subjects = t.subjects();
        int size = subjects.size();
        // Every record is looked at until one is valid; starting at the requirement's own position
        // finds it first when a passport lists subjects in the policy's order, as most do.
        int j = index < size ? index : 0;
        for (int k = 0; k < size; k++, j = j + 1 < size ? j + 1 : 0) {
            MandatoryTraining.TrainingRecord r = subjects.get(j);
            if (r.level() >= req.level() && r.subject().equals(req.subject())
                    && !r.completedOn().isBefore(completedFrom) && validAtEndIfLapsesOn(r.expiresOn())) {
                return true;
            }
        }
        return false;
    }

    private void dbs(Policy.DbsRequirement req, DbsCheck d, String base) {
        boolean levelOk = d.level().compareTo(req.level()) >= 0;
        if (judge(levelOk)) {
            add(new Finding(base + "/level", levelOk, RuleCode.COMPLIANCE_DBS, ">= " + req.level(), d.level().name(),
                    List.of(ref(factsOf(CredentialType.DBS_CHECK), "/level"))));
        }
        if (req.workforce().isPresent()) {
            DbsCheck.Workforce w = req.workforce().get();
            boolean covers = d.workforce() == w || (d.workforce() == DbsCheck.Workforce.CHILD_AND_ADULT
                    && (w == DbsCheck.Workforce.CHILD || w == DbsCheck.Workforce.ADULT));
            Set<DbsCheck.BarredList> lists = EnumSet.noneOf(DbsCheck.BarredList.class);
            if (req.level() == DbsCheck.Level.ENHANCED_WITH_BARRED_LISTS) {
                if (w == DbsCheck.Workforce.CHILD || w == DbsCheck.Workforce.CHILD_AND_ADULT) {
                    lists.add(DbsCheck.BarredList.CHILDREN);
                }
                if (w == DbsCheck.Workforce.ADULT || w == DbsCheck.Workforce.CHILD_AND_ADULT) {
                    lists.add(DbsCheck.BarredList.ADULTS);
                }
            }
            boolean ok = covers && d.barredLists().containsAll(lists);
            if (judge(ok)) {
                PassportFacts.CredentialFacts f = factsOf(CredentialType.DBS_CHECK);
                add(new Finding(base + "/workforce", ok, RuleCode.COMPLIANCE_DBS,
                        "workforce " + w + (lists.isEmpty() ? "" : ", barred lists " + lists),
                        "workforce " + d.workforce() + ", barred lists " + d.barredLists(),
                        List.of(ref(f, "/workforce"), ref(f, "/barred_lists"))));
            }
        }
        boolean current = d.lastStatusCheck().map(c -> c.result() == DbsCheck.StatusCheck.Result.CURRENT).orElse(true);
        boolean cleared = d.clearance() != DbsCheck.Clearance.NOT_CLEARED && current;
        if (judge(cleared)) {
            PassportFacts.CredentialFacts f = factsOf(CredentialType.DBS_CHECK);
            add(new Finding(base, cleared, RuleCode.COMPLIANCE_DBS,
                    "cleared, and current at the last Update Service check",
                    d.clearance() + d.lastStatusCheck().map(c -> ", status check " + c.result()).orElse(""),
                    List.of(ref(f, "/clearance"), ref(f, "/last_status_check"))));
        }
    }

    private void restrictions(Policy.RestrictionRules rules) {
        final String base = "/rules/restrictions";
        boolean agency = shift.channel() == Shift.Channel.AGENCY;
        if (!rules.noAgencyForSubstantiveStaffOf().isEmpty()) {
            final String ruleId = base + "/noAgencyForSubstantiveStaffOf";
            if (!plan.restrictsSubstantiveStaff) {
                if (judge(true)) {
                    add(new Finding(ruleId, true, RuleCode.RESTRICTION_APPLIES, substantiveExpected(rules),
                            shift.channel() + " shift at " + shift.organisation(), List.of(candidateInterval())));
                }
            } else {
                Optional<Employment> found = need(CredentialType.EMPLOYMENT, Employment.class, ruleId);
                if (found.isPresent()) {
                    Employment e = found.get();
                    boolean employed = e.employmentType() == Employment.Type.SUBSTANTIVE
                            && e.employer().equals(shift.organisation()) && !e.startedOn().isAfter(endDate)
                            && e.endsOn().map(x -> !x.isBefore(startDate)).orElse(true);
                    if (judge(!employed)) {
                        PassportFacts.CredentialFacts f = factsOf(CredentialType.EMPLOYMENT);
                        add(new Finding(ruleId, !employed, RuleCode.RESTRICTION_APPLIES, substantiveExpected(rules),
                                e.employmentType() + " at " + e.employer() + "; AGENCY shift at " + shift.organisation(),
                                List.of(ref(f, "/employer"), ref(f, "/employment_type"))));
                    }
                }
            }
        }
        if (rules.agencyCascadeHours().isPresent()) {
            final String ruleId = base + "/agencyCascadeHours";
            int hours = rules.agencyCascadeHours().get();
            if (!agency) {
                if (judge(true)) {
                    add(new Finding(ruleId, true, RuleCode.RESTRICTION_APPLIES, "agency only " + hours
                            + " h after release to the bank", "BANK shift", List.of(candidateInterval())));
                }
            } else if (shift.bankReleaseAt().isEmpty()) {
                if (judge(false)) {
                    add(new Finding(ruleId, false, RuleCode.RESTRICTION_APPLIES, "agency only " + hours
                            + " h after release to the bank", "no bank release time recorded",
                            List.of(candidateInterval())));
                }
            } else {
                Instant opens = shift.bankReleaseAt().get().plus(Duration.ofHours(hours));
                boolean ok = !at.isBefore(opens);
                if (judge(ok)) {
                    add(new Finding(ruleId, ok, RuleCode.RESTRICTION_APPLIES,
                            "decided at or after " + opens + " (released to the bank "
                                    + shift.bankReleaseAt().get() + " + " + hours + " h)",
                            "decided at " + at, List.of(candidateInterval())));
                }
            }
        }
    }

    private static String substantiveExpected(Policy.RestrictionRules rules) {
        return "not an agency shift at the worker's substantive employer among " + rules.noAgencyForSubstantiveStaffOf();
    }

    private void rates(Policy.RateRules rules) {
        Optional<Grade> grade = need(CredentialType.GRADE, Grade.class, "/rules/rates/card");
        if (grade.isEmpty()) {
            return;
        }
        String group = plan.gradeGroupOf.get(grade.get().grade());
        if (group == null || !rules.card().containsKey(group)) {
            if (judge(false)) {
                add(new Finding("/rules/rates/card", false, RuleCode.RATE_NO_CARD_ROW,
                        "a grade in a grade group of the rate card", grade.get().grade().value() + " is in no group",
                        List.of(ref(factsOf(CredentialType.GRADE), "/grade"))));
            }
            return;
        }
        if (breakGlass.isEmpty()) {
            // The same findings and approvals, in the same order, as computing them here.
            RatePart part = plan.rates(group);
            for (int i = 0; i < part.findings().size(); i++) {
                Finding finding = part.findings().get(i);
                if (judge(finding.passed())) {
                    add(finding);
                }
                Approval a = part.approvalPerFinding().get(i);
                if (a != null) {
                    cover(a);
                }
            }
            totalPay = Optional.of(part.total());
            hourlyPay = Optional.of(part.hourly());
            return;
        }
        BigDecimal elapsedSeconds = seconds(candidate.elapsed());
        totalPay = Optional.of(shift.offeredHourlyRate().multiply(elapsedSeconds)
                .divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_EVEN));
        hourlyPay = Optional.of(rates(policy, rules, shift, candidate, group));
    }

    /** Judges an offer above every tier or the cap: covered only by an accepted break glass. */
    private void exceptional(Policy.RateRules rules, RuleCode code) {
        Finding last = explain ? findings.remove(findings.size() - 1) : null;
        String verdict;
        boolean accepted = false;
        if (rules.breakGlassRole().isEmpty()) {
            verdict = "; the policy allows no break glass";
        } else if (breakGlass.isEmpty()) {
            verdict = "; no break-glass approval recorded";
        } else if (!breakGlass.get().role().equals(rules.breakGlassRole().get())) {
            verdict = "; break glass by role " + breakGlass.get().role() + " refused: the policy allows "
                    + rules.breakGlassRole().get();
        } else if (breakGlass.get().approvedAt().isAfter(at)) {
            verdict = "; break glass recorded " + breakGlass.get().approvedAt() + ", after the decision: refused";
        } else {
            verdict = "; break glass by " + breakGlass.get().role() + " " + breakGlass.get().approverId()
                    + " recorded " + breakGlass.get().approvedAt() + " accepted";
            accepted = true;
        }
        if (explain) {
            add(new Finding(last.ruleId(), false, last.code(), last.expected() + rules.breakGlassRole()
                    .map(r -> ", or break glass by " + r).orElse(""), last.actual() + verdict, last.evidence()));
        }
        if (accepted) {
            approvable(rules.breakGlassRole().get(), "/rules/rates/breakGlassRole", code, breakGlass);
        }
    }

    private void effective(Policy policy) {
        LocalDate day = startDate;
        Policy.Effective e = policy.effective();
        boolean in = !day.isBefore(e.from()) && (e.until().isEmpty() || day.isBefore(e.until().get()));
        if (judge(in)) {
            add(new Finding("/effective", in, RuleCode.POLICY_NOT_EFFECTIVE,
                    "shift starts on or after " + e.from() + e.until().map(u -> " and before " + u).orElse(""),
                    "starts " + day, List.of(candidateInterval())));
        }
    }

    /** The calculator the working-time family uses: 10 h long shifts, 2016 TCS nights, 168 h rolling window. */
    static WorkingTimeCalculator calculator(Policy.WorkingTimeRules rules) {
        return new WorkingTimeCalculator(new WorkingTimeParameters(Duration.ofHours(10), NightDefinition.TCS_2016,
                rules.referenceWeeks(), Duration.ofHours(168)));
    }

    private void workingTime(Policy.WorkingTimeRules rules, WorkHistory history) {
        if (!explain && plan.quick != null) {
            QuickFigures q = quickFigures(history);
            if (q != null) {
                judgeWorkingTime(rules, q);
                return;
            }
        }
        List<ShiftTime> past = new ArrayList<>(history.entries().size());
        for (WorkHistory.Entry e : history.entries()) {
            past.add(new ShiftTime(e.start(), e.end()));
        }
        WorkingTimeFigures f = plan.calculator.evaluate(past, candidate, plan.weekends);
        final String base = "/rules/workingTime/";

        Duration maxShift = Duration.ofHours(rules.maxShiftHours());
        boolean shortEnough = f.candidateLength().compareTo(maxShift) <= 0;
        if (judge(shortEnough)) {
            add(atMost(base + "maxShiftHours", shortEnough, RuleCode.WORKING_TIME_SHIFT_TOO_LONG, f.candidateLength(),
                    maxShift, List.of(candidate)));
        }

        Duration minRest = Duration.ofHours(rules.minRestHours());
        boolean restBefore = f.restBefore().isEmpty() || f.restBefore().get().value().compareTo(minRest) >= 0;
        if (judge(restBefore)) {
            add(rest(base + "minRestHours", restBefore, "before", f.restBefore(), minRest));
        }
        boolean restAfter = f.restAfter().isEmpty() || f.restAfter().get().value().compareTo(minRest) >= 0;
        if (judge(restAfter)) {
            add(rest(base + "minRestHours", restAfter, "after", f.restAfter(), minRest));
        }

        Duration maxRolling = Duration.ofHours(rules.maxHoursRolling7Days());
        boolean rolling = f.maxHoursInRollingWindow().value().compareTo(maxRolling) <= 0;
        if (judge(rolling)) {
            add(atMost(base + "maxHoursRolling7Days", rolling, RuleCode.WORKING_TIME_ROLLING_7_DAYS,
                    f.maxHoursInRollingWindow().value(), maxRolling, f.maxHoursInRollingWindow().evidence()));
        }

        boolean average = f.averageWeekly().compareTo(Duration.ofHours(rules.maxAverageWeeklyHours())) <= 0;
        if (judge(average)) {
            add(new Finding(base + "maxAverageWeeklyHours", average, RuleCode.WORKING_TIME_AVERAGE_WEEKLY,
                    "<= " + rules.maxAverageWeeklyHours() + " h a week over " + rules.referenceWeeks() + " weeks",
                    text(f.averageWeekly()) + " a week", evidence(f.totalInReferencePeriod().evidence())));
        }

        count(base + "maxConsecutiveShifts", RuleCode.WORKING_TIME_CONSECUTIVE_SHIFTS,
                f.consecutiveShifts(), rules.maxConsecutiveShifts(), "consecutive shifts");
        count(base + "maxConsecutiveLongDays", RuleCode.WORKING_TIME_CONSECUTIVE_LONG_DAYS,
                f.consecutiveLongShifts(), rules.maxConsecutiveLongDays(), "consecutive long shifts");
        count(base + "maxConsecutiveNights", RuleCode.WORKING_TIME_CONSECUTIVE_NIGHTS,
                f.consecutiveNights(), rules.maxConsecutiveNights(), "consecutive nights");

        Duration afterNights = Duration.ofHours(rules.restAfterNightsHours());
        if (f.restAfterNights().isPresent()) {
            Figure<Duration> r = f.restAfterNights().get();
            boolean ok = r.value().compareTo(afterNights) >= 0;
            if (judge(ok)) {
                add(new Finding(base + "restAfterNightsHours", ok, RuleCode.WORKING_TIME_REST_AFTER_NIGHTS,
                        ">= " + text(afterNights), text(r.value()), evidence(r.evidence())));
            }
        } else if (judge(true)) {
            add(new Finding(base + "restAfterNightsHours", true, RuleCode.WORKING_TIME_REST_AFTER_NIGHTS,
                    ">= " + text(afterNights), "no night block next to the shift", List.of(candidateInterval())));
        }

        // Judged only when the candidate itself falls in a weekend: a weekday shift does not add one.
        WorkingTimeFigures.WeekendFrequency w = f.weekends();
        boolean candidateOnWeekend = w.evidence().contains(candidate);
        boolean weekendsOk = !(candidateOnWeekend && w.exceedsOneIn(rules.maxWeekendFrequency()));
        if (judge(weekendsOk)) {
            add(new Finding(base + "maxWeekendFrequency", weekendsOk, RuleCode.WORKING_TIME_WEEKEND_FREQUENCY,
                    "<= 1 weekend in " + rules.maxWeekendFrequency(), w.worked() + " of " + w.total() + " weekends",
                    evidence(w.evidence())));
        }

        boolean overlaps = false;
        for (WorkingTimeFigures.Overlap o : f.overlaps()) {
            overlaps |= o.first() == candidate || o.second() == candidate;
        }
        if (judge(!overlaps)) {
            List<String> overlapping = new ArrayList<>();
            Duration shared = Duration.ZERO;
            for (WorkingTimeFigures.Overlap o : f.overlaps()) {
                if (o.first() == candidate || o.second() == candidate) {
                    ShiftTime other = o.first() == candidate ? o.second() : o.first();
                    overlapping.add(intervalOf(other));
                    shared = shared.plus(o.shared());
                }
            }
            List<String> overlapEvidence = new ArrayList<>();
            overlapEvidence.add(candidateInterval());
            overlapEvidence.addAll(overlapping);
            add(new Finding("/rules/workingTime", !overlaps, RuleCode.WORKING_TIME_SHIFTS_OVERLAP,
                    "no other shift at the same time",
                    overlapping.isEmpty() ? "none" : overlapping.size() + " shift(s) sharing " + text(shared),
                    overlapEvidence));
        }
    }

    /** The history's values without evidence, or null when some instant has a fraction of a second. */
    private QuickFigures quickFigures(WorkHistory history) {
        List<WorkHistory.Entry> entries = history.entries();
        long[] starts = new long[entries.size()];
        long[] ends = new long[entries.size()];
        for (int i = 0; i < starts.length; i++) {
            WorkHistory.Entry e = entries.get(i);
            if (e.start().getNano() != 0 || e.end().getNano() != 0) {
                return null;
            }
            starts[i] = e.start().getEpochSecond();
            ends[i] = e.end().getEpochSecond();
        }
        return plan.quick.evaluate(starts, ends, starts.length).orElse(null);
    }

    /**
     * The working-time rules judged on the figures' values alone, in the order and with the
     * comparisons of {@link #workingTime} (the explaining evaluation, which the deferred
     * findings check this against).
     */
    private void judgeWorkingTime(Policy.WorkingTimeRules rules, QuickFigures q) {
        judge(q.candidateSeconds() <= rules.maxShiftHours() * 3600L);
        long minRest = rules.minRestHours() * 3600L;
        judge(!q.hasRestBefore() || q.restBeforeSeconds() >= minRest);
        judge(!q.hasRestAfter() || q.restAfterSeconds() >= minRest);
        judge(q.maxInRollingWindowSeconds() <= rules.maxHoursRolling7Days() * 3600L);
        judge(q.averageWeeklyAtMost(rules.maxAverageWeeklyHours() * 3600L, rules.referenceWeeks()));
        judge(q.consecutiveShifts() <= rules.maxConsecutiveShifts());
        judge(q.consecutiveLongShifts() <= rules.maxConsecutiveLongDays());
        judge(q.consecutiveNights() <= rules.maxConsecutiveNights());
        judge(!q.hasRestAfterNights() || q.restAfterNightsSeconds() >= rules.restAfterNightsHours() * 3600L);
        judge(!(q.candidateOnWeekend()
                && (long) q.weekendsWorked() * rules.maxWeekendFrequency() > q.weekendsTotal()));
        judge(!q.candidateOverlaps());
    }

    private Finding atMost(String ruleId, boolean passed, RuleCode code, Duration actual, Duration limit,
            List<ShiftTime> ev) {
        return new Finding(ruleId, passed, code, "<= " + text(limit), text(actual), evidence(ev));
    }

    private Finding rest(String ruleId, boolean passed, String side, Optional<Figure<Duration>> figure, Duration min) {
        if (figure.isEmpty()) {
            return new Finding(ruleId, passed, RuleCode.WORKING_TIME_REST_TOO_SHORT, ">= " + text(min) + " " + side,
                    "no shift " + side, List.of(candidateInterval()));
        }
        return new Finding(ruleId, passed, RuleCode.WORKING_TIME_REST_TOO_SHORT, ">= " + text(min) + " " + side,
                text(figure.get().value()) + " " + side, evidence(figure.get().evidence()));
    }

    private void count(String ruleId, RuleCode code, Figure<Integer> run, int max, String what) {
        boolean ok = run.value() <= max;
        if (judge(ok)) {
            add(new Finding(ruleId, ok, code, "<= " + max + " " + what, run.value() + " " + what,
                    evidence(run.evidence())));
        }
    }

    private BigDecimal rates(Policy policy, Policy.RateRules rules, Shift shift, ShiftTime candidate,
            String gradeGroup) {
        RateParameters parameters = BandSplit.parameters(policy);
        Policy.RateCard row = rules.card().get(gradeGroup);
        Map<Band, BigDecimal> hourly = new EnumMap<>(Band.class);
        hourly.put(Band.DAY, row.day());
        hourly.put(Band.EVENING, row.evening());
        hourly.put(Band.NIGHT, row.night());
        hourly.put(Band.WEEKEND, row.weekend());
        hourly.put(Band.BANK_HOLIDAY, row.bankHoliday());
        RateCard card = new RateCard(hourly);
        RateCalculator.Quote quote = new RateCalculator(parameters).quote(candidate, card);

        // Exact pound-seconds of the card for this shift; comparisons are exact, only the
        // reported hourly figure is rounded (once, HALF_EVEN, to pennies).
        BigDecimal cardPoundSeconds = BigDecimal.ZERO;
        List<String> bands = new ArrayList<>();
        for (Band b : Band.values()) {
            Duration d = quote.perBand().get(b);
            if (d != null) {
                cardPoundSeconds = cardPoundSeconds.add(card.rate(b).multiply(seconds(d)));
                bands.add(b.name().toLowerCase(java.util.Locale.ROOT) + " " + text(d) + " at " + card.rate(b));
            }
        }
        BigDecimal totalSeconds = seconds(candidate.elapsed());
        BigDecimal cardHourly = cardPoundSeconds.divide(totalSeconds, 2, RoundingMode.HALF_EVEN);
        BigDecimal offered = shift.offeredHourlyRate();
        BigDecimal offeredPoundSeconds = offered.multiply(totalSeconds);
        List<String> ev = new ArrayList<>();
        ev.add(candidateInterval());
        ev.addAll(bands);
        final String base = "/rules/rates/";

        boolean aboveFloor = offered.compareTo(rules.floor()) >= 0;
        if (judge(aboveFloor)) {
            add(new Finding(base + "floor", aboveFloor, RuleCode.RATE_BELOW_FLOOR,
                    ">= " + rules.floor() + " an hour", offered + " an hour", List.of(candidateInterval())));
        }
        boolean aboveCap = offered.compareTo(rules.priceCap()) > 0;
        if (judge(!aboveCap)) {
            add(new Finding(base + "priceCap", !aboveCap, RuleCode.RATE_ABOVE_CAP,
                    "<= " + rules.priceCap() + " an hour", offered + " an hour", List.of(candidateInterval())));
        }
        if (aboveCap) {
            exceptional(rules, RuleCode.RATE_ABOVE_CAP);
        }

        String cardText = "card " + cardHourly + " an hour for " + gradeGroup + " (pay " + quote.total() + ")";
        if (offeredPoundSeconds.compareTo(cardPoundSeconds) <= 0) {
            if (judge(true)) {
                add(new Finding(base + "card/" + gradeGroup, true, RuleCode.RATE_ESCALATION,
                        "<= " + cardText, offered + " an hour", ev));
            }
            return cardHourly;
        }
        for (int i = 0; i < rules.escalation().size(); i++) {
            Policy.EscalationTier tier = rules.escalation().get(i);
            BigDecimal limit = cardPoundSeconds.multiply(HUNDRED.add(tier.upToPercentAbove()));
            if (offeredPoundSeconds.multiply(HUNDRED).compareTo(limit) <= 0) {
                if (judge(false)) {
                    add(new Finding(base + "escalation/" + i, false, RuleCode.RATE_ESCALATION,
                            "<= " + tier.upToPercentAbove() + "% above " + cardText + ", approved by " + tier.role(),
                            offered + " an hour", ev));
                }
                approvable(tier.role(), base + "escalation/" + i, RuleCode.RATE_ESCALATION, Optional.empty());
                return cardHourly;
            }
        }
        String top = rules.escalation().isEmpty() ? "0"
                : rules.escalation().get(rules.escalation().size() - 1).upToPercentAbove().toPlainString();
        if (judge(false)) {
            add(new Finding(base + "escalation", false, RuleCode.RATE_ABOVE_TIERS,
                    "<= " + top + "% above " + cardText, offered + " an hour", ev));
        }
        exceptional(rules, aboveCap ? RuleCode.RATE_ABOVE_CAP : RuleCode.RATE_ABOVE_TIERS);
        return cardHourly;
    }

    private static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    private List<String> evidence(List<ShiftTime> shifts) {
        List<String> out = new ArrayList<>(shifts.size());
        for (ShiftTime s : shifts) {
            out.add(intervalOf(s));
        }
        return out;
    }

    /** {@link #interval}, once per shift of this evaluation (a shift is evidence for several limits). */
    private String intervalOf(ShiftTime s) {
        if (s == candidate) {
            return candidateInterval();
        }
        String text = intervals.get(s);
        if (text == null) {
            text = interval(s);
            intervals.put(s, text);
        }
        return text;
    }

    /** ISO 8601 interval of instants, e.g. {@code 2026-06-10T07:00:00Z/2026-06-10T16:00:00Z}. */
    static String interval(ShiftTime s) {
        StringBuilder b = new StringBuilder(41);
        instant(b, s.start());
        b.append('/');
        instant(b, s.end());
        return b.toString();
    }

    /** Earliest and latest instants (years 1000 and 9999) {@link #instant} writes itself. */
    private static final long FAST_FROM = -30_610_224_000L;
    private static final long FAST_TO = 253_402_300_799L;

    /**
     * Appends exactly {@link Instant#toString()}: whole seconds in years 1000 to 9999 written
     * directly (evidence is mostly such instants, and the formatter dominated evaluation time),
     * anything else through the JDK.
     */
    /** {@link Instant#toString()}, through {@link #instant}. */
    static String text(Instant t) {
        StringBuilder b = new StringBuilder(20);
        instant(b, t);
        return b.toString();
    }

    static void instant(StringBuilder b, Instant t) {
        long sec = t.getEpochSecond();
        if (t.getNano() != 0 || sec < FAST_FROM || sec > FAST_TO) {
            b.append(t);
            return;
        }
        long day = Math.floorDiv(sec, 86_400L);
        int secOfDay = (int) Math.floorMod(sec, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(day);
        b.append(date.getYear()).append('-');
        two(b, date.getMonthValue());
        b.append('-');
        two(b, date.getDayOfMonth());
        b.append('T');
        two(b, secOfDay / 3600);
        b.append(':');
        two(b, secOfDay / 60 % 60);
        b.append(':');
        two(b, secOfDay % 60);
        b.append('Z');
    }

    private static void two(StringBuilder b, int n) {
        b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** Hours and minutes ("13 h", "13 h 1 min", "-2 h 30 min"); seconds only when present. */
    static String text(Duration d) {
        String sign = d.isNegative() ? "-" : "";
        Duration a = d.abs();
        StringBuilder b = new StringBuilder(sign).append(a.toHours()).append(" h");
        if (a.toMinutesPart() != 0) {
            b.append(' ').append(a.toMinutesPart()).append(" min");
        }
        if (a.toSecondsPart() != 0 || a.toNanosPart() != 0) {
            b.append(' ').append(a.toSecondsPart()).append(" s");
        }
        return b.toString();
    }
}
