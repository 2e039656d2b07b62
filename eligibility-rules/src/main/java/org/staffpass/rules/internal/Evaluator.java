package org.staffpass.rules.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * grade group) comes from a {@link ShiftPlan}, which the bank matcher makes once per shift.
 */
public final class Evaluator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Policy policy;
    private final PassportFacts facts;
    private final Shift shift;
    private final ShiftTime candidate;
    private final String candidateInterval;
    private final ShiftPlan plan;
    private final String[] refPrefix = new String[CredentialType.values().length];
    private final Map<ShiftTime, String> intervals = new java.util.IdentityHashMap<>();
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final Instant at;
    private final Optional<BreakGlass> breakGlass;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<Integer> covered = new HashSet<>();
    private final List<Approval> approvals = new ArrayList<>();
    private final Set<String> undisclosed = new LinkedHashSet<>();
    private Optional<BigDecimal> hourlyPay = Optional.empty();
    private Optional<BigDecimal> totalPay = Optional.empty();

    private Evaluator(ShiftPlan plan, PassportFacts facts, Instant at, Optional<BreakGlass> breakGlass) {
        this.policy = plan.policy;
        this.facts = facts;
        this.shift = plan.shift;
        this.plan = plan;
        this.candidate = plan.candidate;
        this.candidateInterval = plan.candidateInterval;
        this.startDate = plan.startDate;
        this.endDate = plan.endDate;
        this.at = at;
        this.breakGlass = breakGlass;
    }

    /** See {@link Policy#evaluate(PassportFacts, Shift, WorkHistory, Instant, BreakGlass)}. */
    public static Decision evaluate(Policy policy, PassportFacts facts, Shift shift, WorkHistory history, Instant at,
            Optional<BreakGlass> breakGlass) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(shift, "shift");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(breakGlass, "breakGlass");
        return new Evaluator(new ShiftPlan(policy, shift, false), facts, at, breakGlass).run(history);
    }

    /**
     * As {@link #evaluate(Policy, PassportFacts, Shift, WorkHistory, Instant, Optional)} with no
     * break glass, for the plan's policy and shift: equal decisions, less work per worker.
     */
    public static Decision evaluate(ShiftPlan plan, PassportFacts facts, WorkHistory history, Instant at) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(at, "at");
        return new Evaluator(plan, facts, at, Optional.empty()).run(history);
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
        final String candidateInterval;
        final LocalDate startDate;
        final LocalDate endDate;
        final DisclosureRequest request;
        final Policy.GroupRequirements requirements;
        final Set<SpecialtyCode> accepted;
        final String acceptedText;
        final String endText;
        final String gradeCurrentExpected;
        final String credentialsExpected;
        final WorkingTimeCalculator calculator;
        /** Per training requirement of the compliance family: what its finding expects for this shift. */
        final List<String> trainingExpected;
        final WorkingTimeCalculator.Weekends weekends;
        private final Map<String, RatePart> rates = new HashMap<>();
        private final boolean shared;

        public ShiftPlan(Policy policy, Shift shift, boolean shared) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.shift = Objects.requireNonNull(shift, "shift");
            this.shared = shared;
            this.candidate = new ShiftTime(shift.start(), shift.end());
            this.candidateInterval = interval(candidate);
            this.startDate = candidate.localStartDate();
            this.endDate = candidate.localEnd().toLocalDate();
            this.request = Disclosures.request(policy, shift);
            Optional<Policy.GradeRules> rules = policy.rules().gradeAndSpecialty();
            this.requirements = rules.map(r -> Disclosures.requirements(policy, r, shift)).orElse(null);
            Set<SpecialtyCode> accepted = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
            if (rules.isPresent()) {
                accepted.add(shift.specialty());
                for (String group : Disclosures.groupsOf(policy, rules.get(), shift)) {
                    if (rules.get().specialtyGroups().contains(group)) {
                        accepted.addAll(Disclosures.members(policy, rules.get(), group, shift));
                    }
                }
            }
            this.accepted = java.util.Collections.unmodifiableSet(accepted);
            this.acceptedText = "one of " + accepted.stream().map(SpecialtyCode::value).toList();
            this.endText = text(shift.end());
            this.calculator = policy.rules().workingTime().map(Evaluator::calculator).orElse(null);
            List<String> training = new ArrayList<>();
            for (Policy.TrainingRequirement req : policy.rules().compliance().map(Policy.ComplianceRules::training)
                    .orElse(List.of())) {
                training.add(req.subject().value() + " level >= " + req.level() + " valid at the shift's end "
                        + endText + " (refresher " + req.refresherMonths() + " months)");
            }
            this.trainingExpected = List.copyOf(training);
            this.weekends = calculator == null ? null : calculator.weekendsFor(candidate);
            this.gradeCurrentExpected = "applies from " + startDate + " to " + endDate + " (the shift's local dates)";
            this.credentialsExpected = policy.rules().credentials().map(c -> "expires at or after "
                    + text(shift.end().plus(Duration.ofDays(c.minRemainingValidityDays())))
                    + (c.minRemainingValidityDays() > 0 ? " (shift end + " + c.minRemainingValidityDays() + " days)"
                            : " (shift end)")).orElse(null);
            if (shared && policy.rules().rates().isPresent()) {
                for (String group : policy.rules().rates().get().card().keySet()) {
                    rates.put(group, RatePart.of(this, group));
                }
            }
        }

        RatePart rates(String group) {
            RatePart r = rates.get(group);
            if (r == null && shared) {
                // Every card group was computed up front; filling the map now would race.
                throw new IllegalStateException("no rate card row " + group + " in a shared plan");
            }
            if (r == null) {
                r = RatePart.of(this, group);
                rates.put(group, r);
            }
            return r;
        }
    }

    /**
     * The rate family's findings for one grade group without break glass (they read the
     * policy, the shift and the group only), with the approval each covered finding asked for.
     */
    record RatePart(List<Finding> findings, List<Approval> approvalPerFinding, BigDecimal hourly, BigDecimal total) {
        static RatePart of(ShiftPlan plan, String group) {
            Evaluator scratch = new Evaluator(plan, new PassportFacts("", Map.of()), Instant.EPOCH, Optional.empty());
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
                    if (scratch.covered.contains(i) && perFinding.get(i) == null) {
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
        effective(policy, candidate, candidateInterval, findings);
        rules.credentials().ifPresent(this::credentials);
        rules.registration().ifPresent(this::registration);
        rules.gradeAndSpecialty().ifPresent(this::gradeAndSpecialty);
        rules.compliance().ifPresent(this::compliance);
        rules.workingTime().ifPresent(r -> workingTime(r, candidate, candidateInterval, history, findings));
        rules.restrictions().ifPresent(this::restrictions);
        rules.rates().ifPresent(this::rates);
        boolean blocked = false;
        for (int i = 0; i < findings.size(); i++) {
            if (!findings.get(i).passed() && !covered.contains(i)) {
                blocked = true;
            }
        }
        Outcome outcome = blocked ? Outcome.INELIGIBLE : approvals.isEmpty() ? Outcome.ELIGIBLE : Outcome.NEEDS_APPROVAL;
        List<Approval> needed = blocked ? List.of() : approvals;
        return new Decision(outcome, findings, hourlyPay, needed.stream().map(Approval::role).toList(),
                new ArrayList<>(undisclosed), policy.digest(), totalPay, needed, plan.request);
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

    private void add(Finding finding) {
        findings.add(finding);
    }

    private void approvable(String role, String ruleId, RuleCode code, Optional<BreakGlass> recorded) {
        covered.add(findings.size() - 1);
        Approval a = new Approval(role, ruleId, code, recorded);
        if (!approvals.contains(a)) {
            approvals.add(a);
        }
    }

    /** The credential a rule needs; when not presented, a FACT_NOT_DISCLOSED finding naming it. */
    private <T> Optional<T> need(CredentialType type, Class<T> record, String ruleId) {
        Optional<PassportFacts.CredentialFacts> f = facts.credential(type);
        if (f.isEmpty()) {
            add(new Finding(ruleId, false, RuleCode.FACT_NOT_DISCLOSED, type + " disclosed", "not presented",
                    List.of(type.name())));
            undisclosed.add(type.name());
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
            add(new Finding(ruleId, false, RuleCode.FACT_NOT_DISCLOSED, type + " " + pointer + " disclosed",
                    "no element disclosed", List.of(type.name() + " " + pointer)));
            undisclosed.add(type.name() + " " + pointer);
            return false;
        }
        return true;
    }

    /** A date a refresher or certificate falls due: it lapses at the start of that day in Europe/London. */
    private static Instant lapsesAt(LocalDate due) {
        return due.atStartOfDay(ShiftTime.ZONE).toInstant();
    }

    /** The last day something applies: it lapses at the start of the next day in Europe/London. */
    private static Instant lapsesAfter(LocalDate lastDay) {
        return lapsesAt(lastDay.plusDays(1));
    }

    private boolean validAtEnd(Instant lapse) {
        return !lapse.isBefore(shift.end());
    }

    // ---- families

    private void credentials(Policy.CredentialRules rules) {
        Instant needed = shift.end().plus(Duration.ofDays(rules.minRemainingValidityDays()));
        String expected = plan.credentialsExpected;
        for (int i = 0; i < rules.required().size(); i++) {
            CredentialType type = rules.required().get(i);
            String ruleId = "/rules/credentials/required/" + i;
            Optional<PassportFacts.CredentialFacts> f = facts.credential(type);
            if (f.isEmpty()) {
                add(new Finding(ruleId, false, RuleCode.CREDENTIAL_MISSING, type + " presented", "not presented",
                        List.of(type.name())));
                continue;
            }
            add(new Finding(ruleId, !f.get().expiresAt().isBefore(needed), RuleCode.CREDENTIAL_EXPIRES_TOO_SOON,
                    expected, "expires " + text(f.get().expiresAt()), List.of(ref(f.get(), "/exp"))));
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
        add(new Finding(base + "/registers", rules.registers().contains(r.register()), RuleCode.REGISTRATION_NOT_ACTIVE,
                "one of " + rules.registers(), r.register().name(), List.of(ref(f, "/register"))));
        add(new Finding(base, r.registrationStatus() == ProfessionalRegistration.Status.REGISTERED,
                RuleCode.REGISTRATION_NOT_ACTIVE, "REGISTERED", r.registrationStatus().name(),
                List.of(ref(f, "/registration_status"))));
        if (rules.requireLicence()) {
            // Only the GMC separates the licence from registration; elsewhere the claim is absent.
            boolean licensed = r.licenceToPractise().orElse(r.register() != Register.GMC);
            add(new Finding(base + "/requireLicence", licensed, RuleCode.REGISTRATION_NOT_ACTIVE,
                    "licence to practise", r.licenceToPractise().map(l -> l ? "licensed" : "no licence")
                            .orElse("no licence stated"), List.of(ref(f, "/licence_to_practise"))));
        }
        boolean provisional = r.registrationType() == ProfessionalRegistration.RegistrationType.PROVISIONAL;
        boolean provisionalOk = !provisional
                || (rules.allowProvisional() && rules.provisionalAllowedAt().contains(shift.organisation()));
        add(new Finding(base + (provisional && rules.allowProvisional() ? "/provisionalAllowedAt" : "/allowProvisional"),
                provisionalOk, RuleCode.REGISTRATION_PROVISIONAL,
                rules.allowProvisional() ? "full, or provisional at one of " + rules.provisionalAllowedAt() : "full registration",
                r.registrationType() + (provisional ? " at " + shift.organisation() : ""),
                List.of(ref(f, "/registration_type"))));
        List<String> active = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < r.annotations().size(); i++) {
            ProfessionalRegistration.RegistrationAnnotation a = r.annotations().get(i);
            boolean inForce = !a.effectiveFrom().isAfter(endDate)
                    && a.effectiveUntil().map(u -> !u.isBefore(startDate)).orElse(true);
            if (inForce) {
                active.add(a.type().name());
                evidence.add(ref(f, "/annotations/" + i));
            }
        }
        if (evidence.isEmpty()) {
            evidence.add(ref(f, "/annotations"));
        }
        add(new Finding(base + "/conditionsNeedReview", active.isEmpty(), RuleCode.REGISTRATION_CONDITIONS,
                "no conditions, undertakings or warnings in force" + (rules.conditionsNeedReview()
                        ? " (else approval by " + rules.conditionsApprovalRole().orElse("") + ")" : ""),
                active.isEmpty() ? "none in force" : String.join(", ", active) + " in force", evidence));
        if (!active.isEmpty() && rules.conditionsNeedReview()) {
            approvable(rules.conditionsApprovalRole().orElseThrow(), base + "/conditionsApprovalRole",
                    RuleCode.REGISTRATION_CONDITIONS, Optional.empty());
        }
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
        int worker = ladder.indexOf(g.grade());
        int policyMin = ladder.indexOf(rules.minimumGrade());
        int shiftMin = ladder.indexOf(shift.minGrade());
        int policyMax = rules.maximumGrade().map(ladder::indexOf).orElse(ladder.size() - 1);
        int shiftMax = ladder.indexOf(shift.maxGrade());
        List<String> ev = List.of(ref(f, "/grade"));
        String onLadder = worker < 0 ? " (not on the policy's ladder)" : "";
        if (shiftMin < 0) {
            add(new Finding(base + "/minimumGrade", false, RuleCode.GRADE_TOO_LOW, "the shift's minGrade "
                    + shift.minGrade().value() + " on the policy's ladder", g.grade().value() + onLadder, ev));
        } else {
            int min = Math.max(policyMin, shiftMin);
            add(new Finding(base + "/minimumGrade", worker >= 0 && worker >= min, RuleCode.GRADE_TOO_LOW,
                    ">= " + ladder.get(min).value(), g.grade().value() + onLadder, ev));
        }
        if (shiftMax < 0) {
            add(new Finding(base + "/maximumGrade", false, RuleCode.GRADE_TOO_HIGH, "the shift's maxGrade "
                    + shift.maxGrade().value() + " on the policy's ladder", g.grade().value() + onLadder, ev));
        } else {
            int max = Math.min(policyMax, shiftMax);
            add(new Finding(base + "/maximumGrade", worker >= 0 && worker <= max, RuleCode.GRADE_TOO_HIGH,
                    "<= " + ladder.get(max).value(), g.grade().value() + onLadder, ev));
        }
        boolean current = !g.validFrom().isAfter(startDate) && g.validTo().map(t -> !t.isBefore(endDate)).orElse(true);
        add(new Finding(base, current, RuleCode.GRADE_NOT_CURRENT,
                plan.gradeCurrentExpected,
                "applies from " + g.validFrom() + g.validTo().map(t -> " to " + t).orElse(""),
                List.of(ref(f, "/valid_from"), ref(f, "/valid_to"))));
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
            Set<SpecialtyCode> accepted = plan.accepted;
            boolean ok = s.specialties().stream().anyMatch(accepted::contains);
            add(new Finding(base + "/specialtyGroups", ok, RuleCode.SPECIALTY_NOT_ACCEPTED, plan.acceptedText,
                    s.specialties().stream().map(SpecialtyCode::value).toList().toString(),
                    List.of(ref(f, "/specialties"))));
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
                String expected = code.value() + " valid at the shift's end " + plan.endText;
                if (index < 0) {
                    add(new Finding(reqBase, false, RuleCode.LIFE_SUPPORT_LAPSED, expected,
                            "not among the " + s.lifeSupport().size() + " disclosed certificates",
                            List.of(ref(f, "/life_support"))));
                } else {
                    Specialty.LifeSupportCertificate c = s.lifeSupport().get(index);
                    add(new Finding(reqBase, validAtEnd(lapsesAt(c.expiresOn())), RuleCode.LIFE_SUPPORT_LAPSED,
                            expected, "expires " + c.expiresOn(), List.of(ref(f, "/life_support/" + index))));
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
                String expected = code + " held at the shift's end";
                if (index < 0) {
                    add(new Finding(reqBase, false, RuleCode.COMPETENCY_MISSING, expected,
                            "not among the " + s.competencies().size() + " disclosed competencies",
                            List.of(ref(f, "/competencies"))));
                } else {
                    Specialty.Competency c = s.competencies().get(index);
                    boolean ok = c.expiresOn().map(e -> validAtEnd(lapsesAt(e))).orElse(true);
                    add(new Finding(reqBase, ok, RuleCode.COMPETENCY_MISSING, expected,
                            c.expiresOn().map(e -> "expires " + e).orElse("does not expire"),
                            List.of(ref(f, "/competencies/" + index))));
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
        rules.identity().ifPresent(min -> need(CredentialType.IDENTITY_VERIFICATION, IdentityVerification.class,
                base + "/identity").ifPresent(id -> add(new Finding(base + "/identity",
                        id.level().compareTo(min) >= 0, RuleCode.COMPLIANCE_IDENTITY, ">= " + min, id.level().name(),
                        List.of(ref(factsOf(CredentialType.IDENTITY_VERIFICATION), "/level"))))));
        if (rules.rightToWork()) {
            need(CredentialType.RIGHT_TO_WORK, RightToWork.class, base + "/rightToWork").ifPresent(rtw -> {
                boolean ok = rtw.permission() == RightToWork.Permission.UNLIMITED
                        || rtw.expiresOn().map(e -> validAtEnd(lapsesAfter(e))).orElse(false);
                add(new Finding(base + "/rightToWork", ok, RuleCode.COMPLIANCE_RIGHT_TO_WORK,
                        "right to work until the shift's end " + plan.endText,
                        rtw.permission() + rtw.expiresOn().map(e -> " to " + e + " (last day)").orElse(""),
                        List.of(ref(factsOf(CredentialType.RIGHT_TO_WORK), "/expires_on"))));
            });
        }
        rules.dbs().ifPresent(req -> need(CredentialType.DBS_CHECK, DbsCheck.class, base + "/dbs")
                .ifPresent(d -> dbs(req, d, factsOf(CredentialType.DBS_CHECK), base + "/dbs")));
        rules.occupationalHealth().ifPresent(req -> need(CredentialType.OCCUPATIONAL_HEALTH, OccupationalHealth.class,
                base + "/occupationalHealth").ifPresent(oh -> {
                    PassportFacts.CredentialFacts f = factsOf(CredentialType.OCCUPATIONAL_HEALTH);
                    add(new Finding(base + "/occupationalHealth", oh.fitness() != OccupationalHealth.Fitness.NOT_FIT,
                            RuleCode.COMPLIANCE_OCCUPATIONAL_HEALTH, "FIT or FIT_WITH_ADJUSTMENTS", oh.fitness().name(),
                            List.of(ref(f, "/fitness"))));
                    if (req.requireEppClearance()) {
                        add(new Finding(base + "/occupationalHealth/requireEppClearance",
                                oh.eppClearance() == OccupationalHealth.EppClearance.CLEARED,
                                RuleCode.COMPLIANCE_OCCUPATIONAL_HEALTH, "EPP CLEARED", oh.eppClearance().name(),
                                List.of(ref(f, "/epp_clearance"))));
                    }
                }));
    }

    private void training(List<Policy.TrainingRequirement> required, MandatoryTraining t,
            PassportFacts.CredentialFacts f, String base) {
        for (int i = 0; i < required.size(); i++) {
            Policy.TrainingRequirement req = required.get(i);
            String expected = plan.trainingExpected.get(i);
            int best = -1;
            Instant bestLapse = null;
            for (int j = 0; j < t.subjects().size(); j++) {
                MandatoryTraining.TrainingRecord r = t.subjects().get(j);
                if (!r.subject().equals(req.subject()) || r.level() < req.level()) {
                    continue;
                }
                LocalDate due = r.completedOn().plusMonths(req.refresherMonths());
                Instant lapse = lapsesAt(due.isBefore(r.expiresOn()) ? due : r.expiresOn());
                if (bestLapse == null || lapse.isAfter(bestLapse)) {
                    best = j;
                    bestLapse = lapse;
                }
            }
            if (best < 0) {
                List<String> levels = new ArrayList<>();
                for (MandatoryTraining.TrainingRecord r : t.subjects()) {
                    if (r.subject().equals(req.subject())) {
                        levels.add("level " + r.level());
                    }
                }
                add(new Finding(base + i, false, RuleCode.COMPLIANCE_TRAINING_LAPSED, expected,
                        levels.isEmpty() ? "not among the " + t.subjects().size() + " disclosed subjects"
                                : String.join(", ", levels), List.of(ref(f, "/subjects"))));
            } else {
                add(new Finding(base + i, validAtEnd(bestLapse), RuleCode.COMPLIANCE_TRAINING_LAPSED, expected,
                        "level " + t.subjects().get(best).level() + ", lapses " + text(bestLapse),
                        List.of(ref(f, "/subjects/" + best))));
            }
        }
    }

    private void dbs(Policy.DbsRequirement req, DbsCheck d, PassportFacts.CredentialFacts f, String base) {
        add(new Finding(base + "/level", d.level().compareTo(req.level()) >= 0, RuleCode.COMPLIANCE_DBS,
                ">= " + req.level(), d.level().name(), List.of(ref(f, "/level"))));
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
            add(new Finding(base + "/workforce", covers && d.barredLists().containsAll(lists), RuleCode.COMPLIANCE_DBS,
                    "workforce " + w + (lists.isEmpty() ? "" : ", barred lists " + lists),
                    "workforce " + d.workforce() + ", barred lists " + d.barredLists(),
                    List.of(ref(f, "/workforce"), ref(f, "/barred_lists"))));
        }
        boolean current = d.lastStatusCheck().map(c -> c.result() == DbsCheck.StatusCheck.Result.CURRENT).orElse(true);
        add(new Finding(base, d.clearance() != DbsCheck.Clearance.NOT_CLEARED && current, RuleCode.COMPLIANCE_DBS,
                "cleared, and current at the last Update Service check",
                d.clearance() + d.lastStatusCheck().map(c -> ", status check " + c.result()).orElse(""),
                List.of(ref(f, "/clearance"), ref(f, "/last_status_check"))));
    }

    private void restrictions(Policy.RestrictionRules rules) {
        final String base = "/rules/restrictions";
        boolean agency = shift.channel() == Shift.Channel.AGENCY;
        if (!rules.noAgencyForSubstantiveStaffOf().isEmpty()) {
            final String ruleId = base + "/noAgencyForSubstantiveStaffOf";
            String expected = "not an agency shift at the worker's substantive employer among "
                    + rules.noAgencyForSubstantiveStaffOf();
            if (!Disclosures.restrictsSubstantiveStaff(rules, shift)) {
                add(new Finding(ruleId, true, RuleCode.RESTRICTION_APPLIES, expected,
                        shift.channel() + " shift at " + shift.organisation(), List.of(candidateInterval)));
            } else {
                need(CredentialType.EMPLOYMENT, Employment.class, ruleId).ifPresent(e -> {
                    boolean employed = e.employmentType() == Employment.Type.SUBSTANTIVE
                            && e.employer().equals(shift.organisation()) && !e.startedOn().isAfter(endDate)
                            && e.endsOn().map(x -> !x.isBefore(startDate)).orElse(true);
                    PassportFacts.CredentialFacts f = factsOf(CredentialType.EMPLOYMENT);
                    add(new Finding(ruleId, !employed, RuleCode.RESTRICTION_APPLIES, expected,
                            e.employmentType() + " at " + e.employer() + "; AGENCY shift at " + shift.organisation(),
                            List.of(ref(f, "/employer"), ref(f, "/employment_type"))));
                });
            }
        }
        if (rules.agencyCascadeHours().isPresent()) {
            final String ruleId = base + "/agencyCascadeHours";
            int hours = rules.agencyCascadeHours().get();
            if (!agency) {
                add(new Finding(ruleId, true, RuleCode.RESTRICTION_APPLIES, "agency only " + hours
                        + " h after release to the bank", "BANK shift", List.of(candidateInterval)));
            } else if (shift.bankReleaseAt().isEmpty()) {
                add(new Finding(ruleId, false, RuleCode.RESTRICTION_APPLIES, "agency only " + hours
                        + " h after release to the bank", "no bank release time recorded", List.of(candidateInterval)));
            } else {
                Instant opens = shift.bankReleaseAt().get().plus(Duration.ofHours(hours));
                add(new Finding(ruleId, !at.isBefore(opens), RuleCode.RESTRICTION_APPLIES,
                        "decided at or after " + opens + " (released to the bank "
                                + shift.bankReleaseAt().get() + " + " + hours + " h)",
                        "decided at " + at, List.of(candidateInterval)));
            }
        }
    }

    private void rates(Policy.RateRules rules) {
        Optional<Grade> grade = need(CredentialType.GRADE, Grade.class, "/rules/rates/card");
        if (grade.isEmpty()) {
            return;
        }
        String group = null;
        for (Map.Entry<String, List<GradeCode>> e : new TreeMap<>(policy.vocabularies().gradeGroups()).entrySet()) {
            if (e.getValue().contains(grade.get().grade())) {
                group = e.getKey();
            }
        }
        if (group == null || !rules.card().containsKey(group)) {
            add(new Finding("/rules/rates/card", false, RuleCode.RATE_NO_CARD_ROW,
                    "a grade in a grade group of the rate card", grade.get().grade().value() + " is in no group",
                    List.of(ref(factsOf(CredentialType.GRADE), "/grade"))));
            return;
        }
        if (breakGlass.isEmpty()) {
            // The same findings and approvals, in the same order, as computing them here.
            RatePart part = plan.rates(group);
            for (int i = 0; i < part.findings().size(); i++) {
                findings.add(part.findings().get(i));
                Approval a = part.approvalPerFinding().get(i);
                if (a != null) {
                    covered.add(findings.size() - 1);
                    if (!approvals.contains(a)) {
                        approvals.add(a);
                    }
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
        Finding last = findings.remove(findings.size() - 1);
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
        add(new Finding(last.ruleId(), false, last.code(), last.expected() + rules.breakGlassRole()
                .map(r -> ", or break glass by " + r).orElse(""), last.actual() + verdict, last.evidence()));
        if (accepted) {
            approvable(rules.breakGlassRole().get(), "/rules/rates/breakGlassRole", code, breakGlass);
        }
    }

    private static void effective(Policy policy, ShiftTime shift, String shiftInterval, List<Finding> findings) {
        LocalDate day = shift.localStartDate();
        Policy.Effective e = policy.effective();
        boolean in = !day.isBefore(e.from()) && e.until().map(day::isBefore).orElse(true);
        findings.add(new Finding("/effective", in, RuleCode.POLICY_NOT_EFFECTIVE,
                "shift starts on or after " + e.from() + e.until().map(u -> " and before " + u).orElse(""),
                "starts " + day, List.of(shiftInterval)));
    }

    /** The calculator the working-time family uses: 10 h long shifts, 2016 TCS nights, 168 h rolling window. */
    static WorkingTimeCalculator calculator(Policy.WorkingTimeRules rules) {
        return new WorkingTimeCalculator(new WorkingTimeParameters(Duration.ofHours(10), NightDefinition.TCS_2016,
                rules.referenceWeeks(), Duration.ofHours(168)));
    }

    private void workingTime(Policy.WorkingTimeRules rules, ShiftTime candidate, String candidateInterval,
            WorkHistory history, List<Finding> findings) {
        List<ShiftTime> past = new ArrayList<>(history.entries().size());
        for (WorkHistory.Entry e : history.entries()) {
            past.add(new ShiftTime(e.start(), e.end()));
        }
        WorkingTimeFigures f = plan.calculator.evaluate(past, candidate, plan.weekends);
        final String base = "/rules/workingTime/";

        Duration maxShift = Duration.ofHours(rules.maxShiftHours());
        findings.add(atMost(base + "maxShiftHours", RuleCode.WORKING_TIME_SHIFT_TOO_LONG, f.candidateLength(),
                maxShift, List.of(candidate)));

        Duration minRest = Duration.ofHours(rules.minRestHours());
        findings.add(rest(base + "minRestHours", "before", f.restBefore(), minRest, candidate));
        findings.add(rest(base + "minRestHours", "after", f.restAfter(), minRest, candidate));

        findings.add(atMost(base + "maxHoursRolling7Days", RuleCode.WORKING_TIME_ROLLING_7_DAYS,
                f.maxHoursInRollingWindow().value(), Duration.ofHours(rules.maxHoursRolling7Days()),
                f.maxHoursInRollingWindow().evidence()));

        findings.add(new Finding(base + "maxAverageWeeklyHours",
                f.averageWeekly().compareTo(Duration.ofHours(rules.maxAverageWeeklyHours())) <= 0,
                RuleCode.WORKING_TIME_AVERAGE_WEEKLY,
                "<= " + rules.maxAverageWeeklyHours() + " h a week over " + rules.referenceWeeks() + " weeks",
                text(f.averageWeekly()) + " a week", evidence(f.totalInReferencePeriod().evidence())));

        findings.add(count(base + "maxConsecutiveShifts", RuleCode.WORKING_TIME_CONSECUTIVE_SHIFTS,
                f.consecutiveShifts(), rules.maxConsecutiveShifts(), "consecutive shifts"));
        findings.add(count(base + "maxConsecutiveLongDays", RuleCode.WORKING_TIME_CONSECUTIVE_LONG_DAYS,
                f.consecutiveLongShifts(), rules.maxConsecutiveLongDays(), "consecutive long shifts"));
        findings.add(count(base + "maxConsecutiveNights", RuleCode.WORKING_TIME_CONSECUTIVE_NIGHTS,
                f.consecutiveNights(), rules.maxConsecutiveNights(), "consecutive nights"));

        Duration afterNights = Duration.ofHours(rules.restAfterNightsHours());
        if (f.restAfterNights().isPresent()) {
            Figure<Duration> r = f.restAfterNights().get();
            findings.add(new Finding(base + "restAfterNightsHours", r.value().compareTo(afterNights) >= 0,
                    RuleCode.WORKING_TIME_REST_AFTER_NIGHTS, ">= " + text(afterNights), text(r.value()),
                    evidence(r.evidence())));
        } else {
            findings.add(new Finding(base + "restAfterNightsHours", true, RuleCode.WORKING_TIME_REST_AFTER_NIGHTS,
                    ">= " + text(afterNights), "no night block next to the shift", List.of(candidateInterval)));
        }

        // Judged only when the candidate itself falls in a weekend: a weekday shift does not add one.
        WorkingTimeFigures.WeekendFrequency w = f.weekends();
        boolean candidateOnWeekend = w.evidence().contains(candidate);
        findings.add(new Finding(base + "maxWeekendFrequency",
                !(candidateOnWeekend && w.exceedsOneIn(rules.maxWeekendFrequency())),
                RuleCode.WORKING_TIME_WEEKEND_FREQUENCY, "<= 1 weekend in " + rules.maxWeekendFrequency(),
                w.worked() + " of " + w.total() + " weekends", evidence(w.evidence())));

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
        overlapEvidence.add(candidateInterval);
        overlapEvidence.addAll(overlapping);
        findings.add(new Finding("/rules/workingTime", overlapping.isEmpty(), RuleCode.WORKING_TIME_SHIFTS_OVERLAP,
                "no other shift at the same time",
                overlapping.isEmpty() ? "none" : overlapping.size() + " shift(s) sharing " + text(shared),
                overlapEvidence));
    }

    private Finding atMost(String ruleId, RuleCode code, Duration actual, Duration limit, List<ShiftTime> ev) {
        return new Finding(ruleId, actual.compareTo(limit) <= 0, code, "<= " + text(limit), text(actual), evidence(ev));
    }

    private Finding rest(String ruleId, String side, Optional<Figure<Duration>> figure, Duration min,
            ShiftTime candidate) {
        if (figure.isEmpty()) {
            return new Finding(ruleId, true, RuleCode.WORKING_TIME_REST_TOO_SHORT, ">= " + text(min) + " " + side,
                    "no shift " + side, List.of(candidateInterval));
        }
        Duration rest = figure.get().value();
        return new Finding(ruleId, rest.compareTo(min) >= 0, RuleCode.WORKING_TIME_REST_TOO_SHORT,
                ">= " + text(min) + " " + side, text(rest) + " " + side, evidence(figure.get().evidence()));
    }

    private Finding count(String ruleId, RuleCode code, Figure<Integer> run, int max, String what) {
        return new Finding(ruleId, run.value() <= max, code, "<= " + max + " " + what, run.value() + " " + what,
                evidence(run.evidence()));
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
        ev.add(candidateInterval);
        ev.addAll(bands);
        final String base = "/rules/rates/";

        findings.add(new Finding(base + "floor", offered.compareTo(rules.floor()) >= 0, RuleCode.RATE_BELOW_FLOOR,
                ">= " + rules.floor() + " an hour", offered + " an hour", List.of(candidateInterval)));
        boolean aboveCap = offered.compareTo(rules.priceCap()) > 0;
        findings.add(new Finding(base + "priceCap", !aboveCap, RuleCode.RATE_ABOVE_CAP,
                "<= " + rules.priceCap() + " an hour", offered + " an hour", List.of(candidateInterval)));
        if (aboveCap) {
            exceptional(rules, RuleCode.RATE_ABOVE_CAP);
        }

        String cardText = "card " + cardHourly + " an hour for " + gradeGroup + " (pay " + quote.total() + ")";
        if (offeredPoundSeconds.compareTo(cardPoundSeconds) <= 0) {
            findings.add(new Finding(base + "card/" + gradeGroup, true, RuleCode.RATE_ESCALATION,
                    "<= " + cardText, offered + " an hour", ev));
            return cardHourly;
        }
        for (int i = 0; i < rules.escalation().size(); i++) {
            Policy.EscalationTier tier = rules.escalation().get(i);
            BigDecimal limit = cardPoundSeconds.multiply(HUNDRED.add(tier.upToPercentAbove()));
            if (offeredPoundSeconds.multiply(HUNDRED).compareTo(limit) <= 0) {
                findings.add(new Finding(base + "escalation/" + i, false, RuleCode.RATE_ESCALATION,
                        "<= " + tier.upToPercentAbove() + "% above " + cardText + ", approved by " + tier.role(),
                        offered + " an hour", ev));
                approvable(tier.role(), base + "escalation/" + i, RuleCode.RATE_ESCALATION, Optional.empty());
                return cardHourly;
            }
        }
        String top = rules.escalation().isEmpty() ? "0"
                : rules.escalation().get(rules.escalation().size() - 1).upToPercentAbove().toPlainString();
        findings.add(new Finding(base + "escalation", false, RuleCode.RATE_ABOVE_TIERS,
                "<= " + top + "% above " + cardText, offered + " an hour", ev));
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
            return candidateInterval;
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
